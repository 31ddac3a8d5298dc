#!/usr/bin/env node
// The import rules that keep the code's layers pointing one way, checked over
// every .ts, .mjs and .astro file (dependency-cruiser and similar tools cannot
// read Astro components, where pages and components import).
//   node scripts/check-layers.mjs        prints each broken rule, exits 1 if any
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

/**
 * From the bottom up. A file may import its own layer and the layers it
 * lists under `may`; nothing else in src/. Layers not listed are not allowed
 * to be imported at all (pages, wiring).
 */
export const LAYERS = [
  { name: 'lib', dir: 'src/lib/', may: [], why: 'pure modules: they import nothing else from src/' },
  { name: 'content-files', dir: 'src/content-files/', may: ['lib'], why: 'the one layer that reads content files' },
  { name: 'markdown', dir: 'src/markdown/', may: ['lib', 'content-files'], why: 'plugins are transforms that take their inputs as options' },
  { name: 'data', dir: 'src/data/', may: ['lib', 'content-files'], why: 'collection-wide derivation reads what the loader stored, it does not render' },
  { name: 'browser', dir: 'src/browser/', may: ['lib'], why: 'code that runs in the reader’s browser' },
  { name: 'components', dir: 'src/components/', may: ['lib', 'content-files', 'data', 'browser', 'styles'], why: 'components only render' },
  { name: 'layouts', dir: 'src/layouts/', may: ['lib', 'data', 'components', 'browser', 'styles'], why: 'page shells only render' },
  { name: 'pages', dir: 'src/pages/', may: ['lib', 'content-files', 'data', 'components', 'layouts', 'browser', 'styles'], why: 'pages only render' },
  { name: 'styles', dir: 'src/styles/', may: [], why: 'stylesheets' },
  { name: 'types', dir: 'src/types/', may: [], why: 'type declarations' },
  { name: 'loaders', dir: 'src/loaders/', may: ['lib', 'content-files', 'markdown'], why: 'loaders wire content into Astro' },
  { name: 'integrations', dir: 'src/integrations/', may: ['lib', 'content-files'], why: 'integrations wire build steps into Astro' },
  {
    name: 'wiring',
    files: ['src/content.config.ts', 'src/middleware.ts', 'astro.config.mjs'],
    may: ['lib', 'content-files', 'loaders', 'integrations'],
    why: 'configuration only wires',
  },
];

/** Layers whose files run in a browser or must stay pure: Node's modules only where the file says it is Node-only. */
const NO_NODE = new Set(['lib', 'browser', 'markdown']);
const NODE_ONLY_MARK = /Node-only/;
const BUILTINS = new Set(builtinModules);

const SCANNED = /\.(ts|mts|mjs|js|astro)$/;

export function layerOf(file) {
  return LAYERS.find((l) => (l.files ? l.files.includes(file) : file.startsWith(l.dir)));
}

/** Every import specifier of a source text, with its line. */
export function importsOf(text) {
  const found = [];
  const patterns = [
    /(?:^|[\n;])\s*(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"\n]+)['"]/g,
    /(?:^|[\n;])\s*import\s*['"]([^'"\n]+)['"]/g,
    /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const at = match.index + match[0].lastIndexOf(match[1]);
      found.push({ specifier: match[1], line: text.slice(0, at).split('\n').length });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The package a bare specifier names: "astro/zod" → "astro", "@astrojs/rss/x" → "@astrojs/rss". */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * What is wrong with one file's imports: imports that point up or sideways,
 * Node modules in code that must not have them, packages the project does not
 * declare. `root` is the repository; `file` is relative to it.
 */
export function checkFile({ file, text, declared }) {
  const problems = [];
  const layer = layerOf(file);
  for (const { specifier, line } of importsOf(text)) {
    const where = `${file}:${line}`;
    if (specifier.startsWith('.')) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      const to = layerOf(target) ?? layerOf(`${target}/`);
      if (!layer || !to || to === layer) continue;
      if (!layer.may.includes(to.name)) {
        problems.push(
          `${where}: ${layer.name} imports ${to.name} (${specifier}). ${layer.name} may import ${layer.may.length ? layer.may.join(', ') : 'nothing else in src/'}: ${layer.why}. Move the shared code down a layer, or pass it in as an option.`,
        );
      }
      continue;
    }
    const isNode = specifier.startsWith('node:') || BUILTINS.has(specifier);
    if (isNode) {
      if (layer && NO_NODE.has(layer.name) && !NODE_ONLY_MARK.test(text)) {
        problems.push(
          `${where}: ${layer.name} imports ${specifier}, but this layer must run anywhere. Pass the result in, or say in the file's comment that it is Node-only.`,
        );
      }
      continue;
    }
    if (specifier.startsWith('astro:') || specifier.startsWith('virtual:')) continue;
    const pkg = packageOf(specifier);
    if (!declared.has(pkg) && !declared.has(`@types/${pkg}`)) {
      problems.push(`${where}: imports "${specifier}", but package.json does not declare ${pkg}. Add it to devDependencies, or import what is declared.`);
    }
  }
  return problems;
}

const IGNORED_DIRS = new Set(['node_modules', 'dist', '.astro', '.git', 'reports', 'test-results', 'fixtures']);

function sourceFiles(root, dir = '') {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return IGNORED_DIRS.has(entry.name) || entry.name.startsWith('dist') || entry.name.startsWith('.') ? [] : sourceFiles(root, rel);
    return SCANNED.test(entry.name) ? [rel] : [];
  });
}

/** The packages declared by the package.json nearest to a file (a bench peer declares its own). */
function declaredFor(root, file, cache) {
  for (let dir = path.dirname(path.join(root, file)); dir.startsWith(root); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    if (!cache.has(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      cache.set(manifest, new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]));
    }
    return cache.get(manifest);
  }
  return new Set();
}

/** Every problem in the repository at `root`. */
export function checkRepository(root) {
  const files = ['src', 'scripts', 'bench', 'tests'].filter((d) => existsSync(path.join(root, d))).flatMap((d) => sourceFiles(root, d));
  files.push(...['astro.config.mjs', 'playwright.config.ts', 'vitest.config.ts'].filter((f) => existsSync(path.join(root, f))));
  const cache = new Map();
  return files.flatMap((file) => checkFile({ file, text: readFileSync(path.join(root, file), 'utf8'), declared: declaredFor(root, file, cache) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkRepository(process.cwd());
  for (const problem of problems) console.error(problem);
  console.log(problems.length === 0 ? 'Layers: every import points down.' : `Layers: ${problems.length} import rule(s) broken.`);
  process.exit(problems.length === 0 ? 0 : 1);
}
