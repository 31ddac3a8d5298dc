import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import { entryFileNames } from './entries';
import { contentDir } from './paths';
import { readContentText } from './text-file';

export interface ArticleFile {
  /** Absolute path. */
  path: string;
  /** Relative to the working directory, for messages. */
  file: string;
  /** The file name without ".md": the id unless the front matter gives a slug. */
  name: string;
  /** The whole file as written, for the digest. */
  raw: string;
  frontmatter: Record<string, unknown>;
  /**
   * The Markdown body, with the front matter blanked to spaces rather than
   * cut, so that a position in the body is the same line of the file.
   */
  body: string;
  /** The line of the file where a front-matter field is written (the opening "---" when it is missing). */
  lineOf: (field: readonly PropertyKey[]) => number;
  /** A front-matter value exactly as written, before YAML read it (2015-02-31, not the 3 March it becomes). */
  writtenAs: (field: readonly PropertyKey[]) => string | undefined;
}

/** Where front-matter fields are written, and how: positions in the front matter, which starts right after the opening "---". */
function frontmatterIndex(rawFrontmatter: string): Pick<ArticleFile, 'lineOf' | 'writtenAs'> {
  const doc = parseDocument(rawFrontmatter);
  const lineAt = (offset: number) => 1 + (rawFrontmatter.slice(0, offset).match(/\n/g)?.length ?? 0);
  const writtenAs = (field: readonly PropertyKey[]) => {
    const node = doc.getIn(field as PropertyKey[], true) as { range?: [number, number, number] } | undefined;
    return node?.range ? rawFrontmatter.slice(node.range[0], node.range[1]) : undefined;
  };
  const lineOf = (field: readonly PropertyKey[]) => {
    // The deepest node on the path that exists: a missing field points at its parent.
    let node: unknown = doc.contents;
    let found = node as Node | null;
    for (const key of field) {
      if (isMap(node)) node = node.get(key, true);
      else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
      else break;
      if (!node) break;
      found = node as Node;
    }
    // A missing top-level field points at the opening "---".
    if (!found || found === doc.contents) return 1;
    return lineAt(found.range?.[0] ?? 0);
  };
  return { lineOf, writtenAs };
}

/** Every article file of the collection, front matter parsed, in name order. */
export function readArticleFiles(dir = contentDir): { articles: ArticleFile[]; problems: string[] } {
  const problems: string[] = [];
  const articles = entryFileNames('articles', '.md', dir).flatMap((name): ArticleFile[] => {
    const full = path.join(dir, 'articles', name);
    const file = path.relative(process.cwd(), full);
    try {
      const raw = readContentText(full, file);
      const { frontmatter, content, rawFrontmatter } = parseFrontmatter(raw, { frontmatter: 'empty-with-spaces' });
      return [{ path: full, file, name: name.replace(/\.md$/, ''), raw, frontmatter, body: content, ...frontmatterIndex(rawFrontmatter) }];
    } catch (error) {
      const message = (error as Error).message;
      problems.push(message.startsWith(file) ? message : `${file}: the front matter is not valid YAML: ${message.split('\n')[0]}`);
      return [];
    }
  });
  return { articles, problems };
}
