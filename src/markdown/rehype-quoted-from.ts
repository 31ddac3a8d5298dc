import path from 'node:path';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { quotedFromLinks } from '../lib/quotations';
import type { ArticleRecord } from '../lib/article-record';
import { blockUrl } from '../lib/routes';

/**
 * When this article quotes words that stand in another article, the quoting
 * block links to the source block ("Quoted from …"); when another article
 * quotes this one, the source block says where ("Quoted in …"). Found by
 * matching text across the collection (see lib/quoted-from), never by hand.
 */
const indexes = new WeakMap<ArticleRecord[], Map<string, ArticleRecord>>();
/** Each article by its file, built once: every page looks itself up. */
function byFile(corpus: ArticleRecord[]): Map<string, ArticleRecord> {
  let index = indexes.get(corpus);
  if (!index) indexes.set(corpus, (index = new Map(corpus.map((a) => [path.resolve(a.file), a]))));
  return index;
}

const titles = new WeakMap<ArticleRecord[], Map<string, string>>();
function titleOf(corpus: ArticleRecord[], slug: string): string {
  let index = titles.get(corpus);
  if (!index) titles.set(corpus, (index = new Map(corpus.map((a) => [a.slug, a.title]))));
  return index.get(slug) ?? slug;
}

export default function rehypeQuotedFrom(options: { corpus: () => Promise<ArticleRecord[]> }) {
  return async (tree: Root, file: VFile) => {
    const corpus = await options.corpus();
    const here = file.path ? byFile(corpus).get(path.resolve(file.path)) : undefined;
    if (!here) return;
    // The pre-pass must have seen the same blocks as this render, or its links would point nowhere.
    const ids: string[] = [];
    visit(tree, 'element', (el: Element) => {
      if (el.properties.dataBlock !== undefined && typeof el.properties.id === 'string') ids.push(el.properties.id);
    });
    const expected = here.blocks.map((b) => b.id);
    if (ids.join(' ') !== expected.join(' ')) {
      throw new Error(`${here.file}: the corpus pre-pass found blocks ${expected.join(', ')} but the page has ${ids.join(', ')}; the two pipelines have drifted (see src/markdown/pipeline.ts).`);
    }
    const notes = new Map<string, { label: string; links: Map<string, string> }[]>();
    const add = (block: string, label: string, href: string, text: string) => {
      const list = notes.get(block) ?? [];
      let note = list.find((n) => n.label === label);
      if (!note) list.push((note = { label, links: new Map() }));
      note.links.set(href, text);
      notes.set(block, list);
    };
    for (const link of quotedFromLinks(corpus)) {
      if (link.quote.article === here.slug) {
        add(link.quote.block, 'Quoted from', blockUrl(link.source.article, link.source.block), titleOf(corpus, link.source.article));
      }
      if (link.source.article === here.slug) {
        add(link.source.block, 'Quoted in', blockUrl(link.quote.article, link.quote.block), titleOf(corpus, link.quote.article));
      }
    }
    if (notes.size === 0) return;
    visit(tree, 'element', (el: Element) => {
      const list = typeof el.properties.id === 'string' && el.properties.dataBlock !== undefined ? notes.get(el.properties.id) : undefined;
      if (!list) return;
      for (const note of list) {
        const links = [...note.links].flatMap(([href, text], i) => [...(i > 0 ? ['; '] : []), h('a', { href }, text)]);
        el.children.push({ type: 'text', value: ' ' }, h('span', { className: ['xref'], dataPagefindIgnore: '' }, [h('span', { className: ['xref__label'] }, `${note.label}:`), ' ', ...links]));
      }
    });
  };
}
