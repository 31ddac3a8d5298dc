// Node-only. Lets the project's TypeScript run on Node's own type stripping,
// outside Vite (the worker threads, scripts/finish-build.mjs, scripts/new.mjs): an
// import written without its extension ("./article-card", as Vite and
// TypeScript allow) is tried as "./article-card.ts".
//
// The hook is synchronous and runs on the importing thread
// (module.registerHooks). module.register's hooks run on a thread of their
// own, answering each import through a blocking message: loading the render
// worker's modules took 1.4-2.0 s that way, and 0.65-0.7 s this way; with
// Node's compile cache (as Astro's own command enables it), 0.3-0.45 s once
// the modules have been compiled by an earlier build.
import module from 'node:module';

function resolve(specifier, context, nextResolve) {
  try {
    return nextResolve(specifier, context);
  } catch (error) {
    if (specifier.startsWith('.') && !/\.[cm]?[jt]s$/.test(specifier)) return nextResolve(`${specifier}.ts`, context);
    throw error;
  }
}

/** Call on a thread before its first dynamic import of the project's TypeScript. */
export function loadTypeScript() {
  module.enableCompileCache?.();
  module.registerHooks({ resolve });
}
