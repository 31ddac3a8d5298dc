// A module resolution hook for the card worker (card-worker.mjs), which runs
// the project's TypeScript on Node's own type stripping, outside Vite: an
// import written without its extension ("./article-card", as Vite and
// TypeScript allow) is tried as "./article-card.ts".
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (specifier.startsWith('.') && !/\.[cm]?[jt]s$/.test(specifier)) return next(`${specifier}.ts`, context);
    throw error;
  }
}
