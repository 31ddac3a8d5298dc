import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ArticleRecord } from '../lib/article-record';
import { closestFirst, QUOTED_LINKS_SHOWN, type LinkedArticle, type QuotedFrom } from '../lib/quoted-from';
import { blockUrl, fitSearchText, searchUrl } from '../lib/routes';
import { countOf } from '../lib/text';
import { slugOf } from './file-data';

/**
 * When this article quotes words that stand in another article, the quoting
 * block links to the source block ("Quoted from …"); when another article
 * quotes this one, the source block says where ("Quoted in …"). The links
 * are found once for the whole collection by matching text (lib/quotations)
 * and passed in; each article picks out its own. Each note lists the few
 * closest articles, the earliest first, and links to the search for the
 * words for the rest.
 */
type Link = LinkedArticle & { href: string; title: string };
type Note = { label: string; links: Map<string, Link>; words: string };

export default function rehypeQuotedFrom(options: { corpus: ArticleRecord[]; links: QuotedFrom[]; dates?: ReadonlyMap<string, string | undefined> }) {
  const titles = new Map(options.corpus.map((a) => [a.slug, a.title]));
  const titleOf = (slug: string) => titles.get(slug) ?? slug;
  const dateOf = (slug: string) => options.dates?.get(slug);
  // Article → block → notes, built once: every article looks up only its own.
  const notes = new Map<string, Map<string, Note[]>>();
  const add = (article: string, block: string, label: string, to: { article: string; block: string }, words: string, shared: number) => {
    let blocks = notes.get(article);
    if (!blocks) notes.set(article, (blocks = new Map()));
    const list = blocks.get(block) ?? [];
    let note = list.find((n) => n.label === label);
    if (!note) list.push((note = { label, links: new Map(), words }));
    const href = blockUrl(to.article, to.block);
    const before = note.links.get(href);
    if (!before || before.words < shared) note.links.set(href, { href, title: titleOf(to.article), article: to.article, date: dateOf(to.article), words: shared });
    blocks.set(block, list);
  };
  for (const link of options.links) {
    add(link.quote.article, link.quote.block, 'Quoted from', link.source, link.quote.text, link.words);
    add(link.source.article, link.source.block, 'Quoted in', link.quote, link.quote.text, link.words);
  }

  return (tree: Root, file: VFile) => {
    const slug = slugOf(file);
    const here = slug ? notes.get(slug) : undefined;
    if (!here) return;
    visit(tree, 'element', (el: Element) => {
      const list = typeof el.properties.id === 'string' && el.properties.dataBlock !== undefined ? here.get(el.properties.id) : undefined;
      if (!list) return;
      for (const note of list) {
        // The closest first (most words in common), then the earliest (the original, for "Quoted from"), and only
        // the first few: a line that hundreds of articles quote would otherwise carry hundreds of links. The rest
        // are the search for the words.
        const all = [...note.links.values()].sort(closestFirst);
        const shown = all.slice(0, QUOTED_LINKS_SHOWN);
        const links = shown.flatMap((l, i) => [...(i > 0 ? ['; '] : []), h('a', { href: l.href }, l.title)]);
        const more = all.length - shown.length;
        if (more > 0) links.push('; and ', h('a', { href: searchUrl({ q: `"${fitSearchText(note.words).text}"` }) }, countOf(more, 'more article')));
        el.children.push({ type: 'text', value: ' ' }, h('span', { className: ['xref'], dataPagefindIgnore: '' }, [h('span', { className: ['xref__label'] }, `${note.label}:`), ' ', ...links]));
      }
    });
  };
}
