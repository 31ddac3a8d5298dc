import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { entryFileNames } from './entries';
import { contentDir } from './paths';
import { readContentText } from './text-file';
import { yamlPositions, type YamlPositions } from './yaml-source';

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
   * cut, so that a position in the body is the same line of the file; its
   * lines end in line feeds, whatever the file's end in.
   */
  body: string;
  /**
   * Where front-matter fields are written: the front matter starts right
   * after the opening "---", so its lines are the file's (a missing field
   * points at the "---").
   */
  lineOf: YamlPositions['lineOf'];
  writtenAs: YamlPositions['writtenAs'];
}

/** Every article file of the collection, front matter parsed, in name order. */
export function readArticleFiles(dir = contentDir): { articles: ArticleFile[]; problems: string[] } {
  // A mistyped POLICY_READER_CONTENT would otherwise read as a collection with nothing in it, and pass every check.
  if (!existsSync(dir)) return { articles: [], problems: [`${path.relative(process.cwd(), dir) || '.'}: no such folder. The content folder (POLICY_READER_CONTENT, else content/) holds articles/, people/ and the rest.`] };
  const problems: string[] = [];
  const articles = entryFileNames('articles', '.md', dir).flatMap((name): ArticleFile[] => {
    const full = path.join(dir, 'articles', name);
    const file = path.relative(process.cwd(), full);
    try {
      const raw = readContentText(full, file);
      // A file saved with Windows line endings (CRLF) read as with Unix ones: the same lines, and a body Astro's
      // native parser reads (markdown/remark-parse-gfm leaves a document with a carriage return to micromark, ten
      // times slower: at 5,000 articles, seconds of every build on an editor's Windows checkout).
      const { frontmatter, content, rawFrontmatter } = parseFrontmatter(raw.replaceAll('\r\n', '\n'), { frontmatter: 'empty-with-spaces' });
      return [{ path: full, file, name: name.replace(/\.md$/, ''), raw, frontmatter, body: content, ...yamlPositions(rawFrontmatter) }];
    } catch (error) {
      const message = (error as Error).message;
      problems.push(message.startsWith(file) ? message : `${file}: the front matter is not valid YAML: ${message.split('\n')[0]}`);
      return [];
    }
  });
  return { articles, problems };
}

/**
 * Why a collection with no articles cannot be built: a site of lists with
 * nothing in them, and no page for search to index. Said as a content problem
 * rather than left to fail in the search index's words.
 */
export function noArticlesProblem(dir = contentDir): string {
  return `${path.relative(process.cwd(), path.join(dir, 'articles')) || '.'}/: no articles. A collection needs at least one: draft one from a capture with npm run new -- <capture-file>.`;
}
