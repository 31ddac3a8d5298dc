// Citation.js ships no type declarations; this covers the part the tests use
// (they read the site's citation files back with it, as a second parser).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    /** The items read, as CSL-JSON. */
    data: Record<string, unknown>[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
