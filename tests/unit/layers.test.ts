import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFile, checkRepository } from '../../scripts/check-layers.mjs';

const declared = new Set(['astro', 'hastscript', '@types/hast']);
const check = (file: string, text: string): string[] => checkFile({ file, text, declared });

/* Each case: a file, one import, and whether the rules allow it. */
const CASES: [string, string, string, boolean][] = [
  ['lib may import lib', 'src/lib/a.ts', "import { b } from './b';", true],
  ['lib may not import data', 'src/lib/a.ts', "import { c } from '../data/catalogue';", false],
  ['lib may not import a type from markdown', 'src/lib/a.ts', "import type { X } from '../markdown/render';", false],
  ['markdown may import lib and content-files', 'src/markdown/x.ts', "import { a } from '../lib/a';\nimport type { T } from '../content-files/names';", true],
  ['markdown may not import data', 'src/markdown/x.ts', "import { p } from '../data/permalinks';", false],
  ['data may not import markdown (it reads what the loader stored)', 'src/data/x.ts', "import { r } from '../markdown/render';", false],
  ['a component may import data and lib', 'src/components/X.astro', "---\nimport { v } from '../data/article-view';\nimport { u } from '../lib/routes';\n---", true],
  ['a component may not import an integration', 'src/components/X.astro', "---\nimport i from '../integrations/search-index';\n---", false],
  ['a page may not import a loader', 'src/pages/x.astro', "---\nimport { l } from '../loaders/articles';\n---", false],
  ['browser code may import lib only', 'src/browser/x.ts', "import { v } from '../data/article-view';", false],
  ['nothing may import a page', 'src/components/X.astro', "---\nimport P from '../pages/index.astro';\n---", false],
  ['the config may import loaders and integrations', 'src/content.config.ts', "import { a } from './loaders/articles';", true],
  ['a side-effect import is checked too', 'src/components/X.astro', "<script>\n  import '../loaders/articles';\n</script>", false],
  ['lib may not use Node unless the file says it is Node-only', 'src/lib/a.ts', "import { createHash } from 'node:crypto';", false],
  ['lib may use Node when the file says it is Node-only', 'src/lib/a.ts', "// Node-only: hashes at build time.\nimport { createHash } from 'node:crypto';", true],
  ['browser code may not use Node', 'src/browser/a.ts', "import fs from 'fs';", false],
  ['a declared package may be imported, by subpath too', 'src/lib/a.ts', "import { z } from 'astro/zod';\nimport { h } from 'hastscript';", true],
  ['a types-only package may be imported by its module name', 'src/lib/a.ts', "import type { Root } from 'hast';", true],
  ['an undeclared package may not be imported', 'bench/run.mjs', "const c = await import('chrome-launcher');", false],
  ['Astro virtual modules need no declaration', 'src/data/x.ts', "import { getCollection } from 'astro:content';", true],
];

describe('the import rules', () => {
  it.each(CASES)('%s', (_, file, text, allowed) => {
    const problems = check(file, text);
    if (allowed) expect(problems).toEqual([]);
    else expect(problems).toHaveLength(1);
  });

  it('names the file and line of a broken rule, and how to mend it', () => {
    const [problem] = check('src/lib/a.ts', "\n\nimport { c } from '../data/catalogue';");
    expect(problem).toMatch(/^src\/lib\/a\.ts:3: lib imports data \(\.\.\/data\/catalogue\)\. .*pass it in as an option\.$/);
  });

  it('holds for the whole repository: every import points down', () => {
    expect(checkRepository(path.resolve(import.meta.dirname, '../..'))).toEqual([]);
  });
});
