import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { blockPlugins, type PipelineInputs } from './block-pipeline';
import type { ArticleRecord, BlockRecord, QuoteRecord } from '../lib/article-record';

/**
 * A pre-pass over every article's Markdown, through the same block plugins as
 * the real render, so that what is built across articles (quoted-from links,
 * mentions, timeline events) knows every article's block ids and quotes
 * before any page is rendered. Run once per content folder and process.
 */
const cache = new Map<string, Promise<ArticleRecord[]>>();

export function readCorpus(contentDir: string, inputs: PipelineInputs): Promise<ArticleRecord[]> {
  let corpus = cache.get(contentDir);
  if (!corpus) cache.set(contentDir, (corpus = load(contentDir, inputs)));
  return corpus;
}

async function load(contentDir: string, inputs: PipelineInputs): Promise<ArticleRecord[]> {
  const folder = path.join(contentDir, 'articles');
  const renderer = await unified({ smartypants: false, ...blockPlugins(inputs) }).createRenderer({
    syntaxHighlight: false,
  });
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
    .sort();
  return Promise.all(
    files.map(async (name) => {
      const file = path.join(folder, name);
      const { frontmatter, content } = parseFrontmatter(readFileSync(file, 'utf8'));
      const slug = typeof frontmatter.slug === 'string' ? frontmatter.slug : name.replace(/\.md$/, '');
      const { metadata } = await renderer.render(content, { fileURL: pathToFileURL(file), frontmatter: { ...frontmatter } });
      return {
        slug,
        file: path.relative(process.cwd(), file),
        title: typeof frontmatter.title === 'string' ? frontmatter.title : slug,
        blocks: (metadata.frontmatter.blocks ?? []) as BlockRecord[],
        quotes: (metadata.frontmatter.quotes ?? []) as QuoteRecord[],
      };
    }),
  );
}
