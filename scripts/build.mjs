#!/usr/bin/env node
// Builds the site and publishes it in one step, so a reader (or the preview
// server) sees the old site or the new one, never half a site or none:
//
//   .dist-builds/<id>/   each build, written by Astro into its own folder
//   dist -> .dist-builds/<id>   a symlink, swapped in one rename when a build
//                        has wholly succeeded (rename over a symlink is atomic)
//
// A site published on another file system than the project's is built
// beside the project (node_modules/.policy-reader-staging/) and copied next
// to it before the swap. The previous build is kept until the next one, so a
// download in progress when the site changes can finish. A build that fails or is interrupted
// (Ctrl+C, kill) stops its Astro process, removes its own folder and leaves
// dist as it was; a folder left by a build that was killed outright is
// removed by the next build.
//
// Absolute links (canonical, citations, feeds, sitemap) need the site's public
// address, so a build meant to be published needs SITE_URL; --local builds for
// this machine (http://localhost:$PORT, 4321 by default), as `npm start` does,
// and shows draft articles (marked), which a build to publish leaves out.
//   SITE_URL=https://… node scripts/build.mjs [--out DIR]
//   node scripts/build.mjs --local [--out DIR]   (POLICY_READER_CONTENT picks the content)
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const outArg = process.argv.indexOf('--out');
const out = path.resolve(outArg > 0 ? process.argv[outArg + 1] : 'dist');
const shown = path.relative(process.cwd(), out) || out;
const builds = path.join(path.dirname(out), `.${path.basename(out)}-builds`);
const id = `${new Date().toISOString().replace(/[-:.TZ]/g, '')}-${process.pid}`;
// Astro moves its built assets into the output folder by renaming them from
// the project's .astro folder, which fails (EXDEV) across file systems: a
// site published on another one (a mounted volume) is built beside the
// project, then copied next to the published site and swapped in as usual.
const device = (file) => {
  for (let dir = file; ; dir = path.dirname(dir)) if (existsSync(dir) || dir === path.dirname(dir)) return statSync(dir).dev;
};
const elsewhere = device(path.dirname(out)) !== device(process.cwd());
const stagingRoot = elsewhere ? path.resolve('node_modules/.policy-reader-staging') : builds;
const staging = path.join(stagingRoot, `staging-${id}`);
const extraArgs = process.argv.slice(2).filter((a, i, all) => a !== '--out' && all[i - 1] !== '--out' && a !== '--local');

const local = process.argv.includes('--local');
const siteUrl = local ? `http://localhost:${process.env.PORT ?? 4321}` : process.env.SITE_URL;
if (!siteUrl) {
  console.error(
    'SITE_URL is not set. A build meant to be published needs the public address of the site, for its canonical links, citations, feed and sitemap:\n' +
      '  SITE_URL=https://reader.example.org npm run build\n' +
      'To build and serve on this machine, run npm start (or npm run build -- --local).',
  );
  process.exit(1);
}
let parsedSite;
try {
  parsedSite = new URL(siteUrl);
} catch {}
if (!parsedSite || !/^https?:$/.test(parsedSite.protocol)) {
  console.error(`SITE_URL must be the site's public address, such as https://reader.example.org; it is "${siteUrl}".`);
  process.exit(1);
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

// Two builds of one project at once overwrote each other's files: Astro
// writes its content modules into the project's .astro/ under one temporary
// name, and bundles the pages of a build outside the project in
// .astro/.prerender/, which the first to finish removes; the other failed
// with a stack trace. So a build waits for the one before it to be done
// with Astro (the checks and the search index run after, side by side). A
// lock whose build is gone (killed outright) is taken over.
const lockFile = path.resolve('node_modules/.policy-reader-build.lock');
let locked = false;
let interruptedWaiting;
async function takeLock() {
  let told = false;
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      locked = true;
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(lockFile, 'utf8'));
    } catch {}
    // An empty lock is one being written: its build is alive.
    if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
      rmSync(lockFile, { force: true });
      continue;
    }
    if (!told && Number.isInteger(holder) && holder > 0) {
      console.log(`Waiting for another build of this project (process ${holder}) to finish with Astro: two at once would overwrite each other's files.`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (interruptedWaiting) {
      console.error(`\nBuild interrupted (${interruptedWaiting}) while waiting for the other. Nothing was published; ${shown}/ is unchanged.`);
      process.exit(130);
    }
  }
}
function releaseLock() {
  if (!locked) return;
  locked = false;
  try {
    if (readFileSync(lockFile, 'utf8') === String(process.pid)) rmSync(lockFile, { force: true });
  } catch {}
}
const waitingSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((signal) => {
  const onSignal = () => (interruptedWaiting = signal);
  process.on(signal, onSignal);
  return [signal, onSignal];
});
await takeLock();
for (const [signal, onSignal] of waitingSignals) process.off(signal, onSignal);
const current = () => {
  try {
    return lstatSync(out).isSymbolicLink() ? path.resolve(path.dirname(out), readlinkSync(out)) : undefined;
  } catch {
    return undefined;
  }
};

// Folders of builds that were killed outright (their process is gone), and
// published builds older than the one before the current one: removed while
// this build runs (below), as removing a site of 5,000 articles took 2.2 s
// before Astro started.
mkdirSync(builds, { recursive: true });
mkdirSync(stagingRoot, { recursive: true });
const live = current();
const published = readdirSync(builds)
  .filter((name) => /^\d/.test(name))
  .sort();
// A folder being written (staging-, copying-) is named after its build's process.
const inProgress = (name) => /^(staging|copying)-/.test(name);
const deadBuild = (name) => !alive(Number(name.split('-').at(-1)));
const stale = [];
for (const folder of new Set([builds, stagingRoot])) {
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (full === live) continue;
    if (inProgress(name) ? deadBuild(name) : !published.slice(-2).includes(name)) stale.push(full);
  }
}

/**
 * V8's default heap limit (about 4 GB) is what a 20,000-article build ran out
 * of, after rendering every page (docs/performance.md): Astro is given half
 * the machine's memory, at most 8 GB, unless NODE_OPTIONS already says.
 * And a young generation of 64 MB a half instead of V8's 16-32 MB: the build
 * makes many short-lived objects as large as a page, which the default's
 * frequent scavenges copied and promoted (a clean build of 5,000 articles,
 * three pairs: 47.6-50.4 s of user CPU against 53.8-57.3 s, the same peak
 * memory; rebuilds the same). Given to the step after Astro too.
 */
function withHeapSizes(options = '') {
  const limit = /--max-old-space-size/.test(options) ? '' : ` --max-old-space-size=${Math.min(8192, Math.floor(os.totalmem() / 2 ** 20 / 2))}`;
  const young = /--max-semi-space-size/.test(options) ? '' : ' --max-semi-space-size=64';
  return `${options}${limit}${young}`.trim();
}

const astro = path.resolve('node_modules/.bin/astro');
// The published build, whose unchanged article pages (integrations/page-reuse) and search index files this one may reuse.
const previous = live && existsSync(path.join(live, 'index.html')) ? live : '';
const child = spawn(astro, ['build', ...extraArgs], {
  // A fourth descriptor, on which Astro's build says when the article pages are all written (below).
  stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
  // A build to publish leaves draft articles out; a local one shows them, marked.
  env: {
    ASTRO_TELEMETRY_DISABLED: '1',
    ...process.env,
    NODE_OPTIONS: withHeapSizes(process.env.NODE_OPTIONS),
    SITE_URL: siteUrl,
    POLICY_READER_PUBLISH: local ? '' : '1',
    POLICY_READER_OUT: staging,
    POLICY_READER_PREVIOUS: previous,
    POLICY_READER_TELL_FD: '3',
  },
});
// The step after Astro (scripts/finish-build.mjs: the search index and the checks), started now and told to go
// once Astro has written the site: loading its modules took 0.5-0.9 s after Astro, on the build's longest
// path, and is done here beside Astro's own start. Told nothing (its input closed), it ends and does nothing.
const finisher = spawn(process.execPath, ['--disable-warning=ExperimentalWarning', path.resolve('scripts/finish-build.mjs'), staging, '--when-told'], {
  stdio: ['pipe', 'inherit', 'inherit'],
  env: { ...process.env, NODE_OPTIONS: withHeapSizes(process.env.NODE_OPTIONS), SITE_URL: siteUrl, POLICY_READER_PREVIOUS: previous },
});
// Written to once it has stopped (it failed to start): its exit says so.
finisher.stdin.on('error', () => {});
// What Astro's build says there, passed on as it is: once the article pages are all written (integrations/page-reuse),
// the step after Astro may start the search index on them while Astro writes the rest of the site; it publishes nothing until told to go, and checks that the
// pages it indexed are the ones the finished site has.
child.stdio[3]?.on('data', (said) => {
  if (!finisher.stdin.writableEnded) finisher.stdin.write(said);
});
const finisherEnd = new Promise((resolve) => {
  finisher.on('exit', (code, signal) => resolve({ code, signal }));
  finisher.on('error', (error) => resolve({ error }));
});
// The process running now: Astro, then the step after it.
let running = child;
// Beside Astro. A folder half removed when the build stops is stale still, and the next build removes the rest.
removeStale(stale);

/**
 * Removes folders by the system's `rm -rf`, or by Node where there is none: at 5,000 articles a build's 41,000
 * files took Node's recursive removal 2.8-3.8 s of CPU (its callbacks, an lstat for each file) and rm 0.7 s, on
 * the two cores Astro starts on.
 */
function removeStale(folders) {
  if (folders.length === 0) return;
  const byNode = () => {
    for (const folder of folders) rm(folder, { recursive: true, force: true }).catch(() => {});
  };
  if (process.platform === 'win32') return byNode();
  spawn('rm', ['-rf', '--', ...folders], { stdio: 'ignore' }).on('error', byNode);
}

// Where a build made elsewhere is copied to, next to the published site, before it is renamed into place.
const copying = path.join(builds, `copying-${id}`);
let givingUp = false;
const giveUp = (message, code) => {
  if (givingUp) return;
  givingUp = true;
  releaseLock();
  // Not told to go: told to end, doing nothing (once told, its input has ended already). It may have started the
  // search index on the article pages: its folder is removed once it has stopped writing there (or been stopped).
  if (!finisher.stdin.writableEnded) finisher.stdin.end();
  const cleanUp = () => {
    rmSync(staging, { recursive: true, force: true, maxRetries: 5 });
    rmSync(copying, { recursive: true, force: true });
    if (readdirSync(builds).length === 0) rmSync(builds, { recursive: true, force: true });
    console.error(`\n${message} Nothing was published; ${shown}/ is unchanged.`);
    process.exit(code);
  };
  if (finisher.exitCode !== null || finisher.signalCode !== null) return cleanUp();
  const stop = setTimeout(() => finisher.kill('SIGKILL'), 5000);
  finisherEnd.then(() => (clearTimeout(stop), cleanUp()));
};

// Interrupted: stop Astro too (killed on its own it would go on writing), then clean up.
let interrupted;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupted = signal;
    if (running.exitCode !== null || running.signalCode !== null) return giveUp(`Build interrupted (${signal}).`, 130);
    running.kill('SIGTERM');
    setTimeout(() => running.kill('SIGKILL'), 5000).unref();
  });
}

child.on('error', (error) => giveUp(`Could not start Astro: ${error.message}.`, 1));
child.on('exit', (code, signal) => {
  releaseLock();
  if (interrupted) return giveUp(`Build interrupted (${interrupted}).`, 130);
  if (signal || code !== 0) return giveUp(signal ? `Build stopped (${signal}).` : 'Build failed.', code ?? 1);
  if (!existsSync(path.join(staging, 'index.html'))) return giveUp(`Build finished but its index.html is missing.`, 1);
  // Pagefind holds every page's words until it writes the index, and Astro its whole collection until it exits:
  // one after the other, the build needs the larger of the two, not both (docs/performance.md, eighth run).
  // The same step checks the site's links, while Pagefind writes (scripts/finish-build.mjs).
  // A step that never started says so below (telling it to go is then written nowhere: its input's errors are ignored).
  running = finisher;
  // On a line of its own: Astro's exit can come before the last of what it said on its fourth descriptor, which is then dropped.
  finisher.stdin.end('\ngo\n');
  finisherEnd.then(({ code: indexCode, signal: indexSignal, error }) => {
    if (error) return giveUp(`Could not start the search index: ${error.message}.`, 1);
    if (interrupted) return giveUp(`Build interrupted (${interrupted}).`, 130);
    if (indexSignal || indexCode !== 0) return giveUp(indexSignal ? `Checking and indexing the site stopped (${indexSignal}).` : 'Checking and indexing the site failed.', indexCode ?? 1);
    publish();
  });
});

function publish() {
  const build = path.join(builds, id);
  if (elsewhere) {
    try {
      cpSync(staging, copying, { recursive: true, verbatimSymlinks: true });
    } catch (error) {
      return giveUp(`Could not copy the build to ${path.dirname(out)}: ${error.message}.`, 1);
    }
    rmSync(staging, { recursive: true, force: true });
    renameSync(copying, build);
  } else {
    renameSync(staging, build);
  }
  // A real folder where the symlink goes (a site built before builds were published this way) is set aside first.
  if (existsSync(out) && !lstatSync(out).isSymbolicLink()) renameSync(out, path.join(builds, `previous-${id}`));
  const next = `${out}.next-${process.pid}`;
  rmSync(next, { force: true });
  symlinkSync(path.relative(path.dirname(out), build), next);
  renameSync(next, out);
  console.log(`Site written to ${shown}/ (${path.relative(process.cwd(), build)})`);
}
