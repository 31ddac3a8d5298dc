import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ArticleRecord } from '../lib/article-record';
import type { QuotedFrom } from '../lib/quoted-from';
import { blockUrl } from '../lib/routes';
import { slugOf } from './file-data';

/**
 * When this article quotes words that stand in another article, the quoting
 * block links to the source block ("Quoted from …"); when another article
 * quotes this one, the source block says where ("Quoted in …"). The links
 * are found once for the whole collection by matching text (lib/quotations)
 * and passed in; each article picks out its own.
 */
type Note = { label: string; links: Map<string, string> };

export default function rehypeQuotedFrom(options: { corpus: ArticleRecord[]; links: QuotedFrom[] }) {
  const titles = new Map(options.corpus.map((a) => [a.slug, a.title]));
  const titleOf = (slug: string) => titles.get(slug) ?? slug;
  // Article → block → notes, built once: every article looks up only its own.
  const notes = new Map<string, Map<string, Note[]>>();
  const add = (article: string, block: string, label: string, href: string, text: string) => {
    let blocks = notes.get(article);
    if (!blocks) notes.set(article, (blocks = new Map()));
    const list = blocks.get(block) ?? [];
    let note = list.find((n) => n.label === label);
    if (!note) list.push((note = { label, links: new Map() }));
    note.links.set(href, text);
    blocks.set(block, list);
  };
  for (const link of options.links) {
    add(link.quote.article, link.quote.block, 'Quoted from', blockUrl(link.source.article, link.source.block), titleOf(link.source.article));
    add(link.source.article, link.source.block, 'Quoted in', blockUrl(link.quote.article, link.quote.block), titleOf(link.quote.article));
  }

  return (tree: Root, file: VFile) => {
    const slug = slugOf(file);
    const here = slug ? notes.get(slug) : undefined;
    if (!here) return;
    visit(tree, 'element', (el: Element) => {
      const list = typeof el.properties.id === 'string' && el.properties.dataBlock !== undefined ? here.get(el.properties.id) : undefined;
      if (!list) return;
      for (const note of list) {
        const links = [...note.links].flatMap(([href, text], i) => [...(i > 0 ? ['; '] : []), h('a', { href }, text)]);
        el.children.push({ type: 'text', value: ' ' }, h('span', { className: ['xref'], dataPagefindIgnore: '' }, [h('span', { className: ['xref__label'] }, `${note.label}:`), ' ', ...links]));
      }
    });
  };
}
