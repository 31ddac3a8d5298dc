import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import type { VFile } from 'vfile';
import type { ArticleNotes } from '../lib/quotations';
import { blockUrl, fitSearchText, searchUrl } from '../lib/routes';
import { countOf } from '../lib/text';
import { slugOf } from './file-data';
import { walk } from './walk';

/**
 * When this article quotes words that stand in another article, the quoting
 * block links to the source block ("Quoted from …"); when another article
 * quotes this one, the source block says where ("Quoted in …"). The notes
 * are found once for the whole collection by matching text (lib/quotations)
 * and passed in, with the titles of the articles they link; each article
 * picks out its own. Each note lists the few closest articles, the earliest
 * first, and links to the search for the words for the rest.
 */
export default function rehypeQuotedFrom(options: { notes: ReadonlyMap<string, ArticleNotes>; titles: ReadonlyMap<string, string> }) {
  const titleOf = (slug: string) => options.titles.get(slug) ?? slug;
  return (tree: Root, file: VFile) => {
    const slug = slugOf(file);
    const here = slug ? options.notes.get(slug) : undefined;
    if (!here) return;
    walk<Element>(tree, 'element', (el) => {
      const notes = typeof el.properties.id === 'string' && el.properties.dataBlock !== undefined ? here[el.properties.id] : undefined;
      if (!notes) return;
      for (const [label, note] of [
        ['Quoted from', notes.from],
        ['Quoted in', notes.in],
      ] as const) {
        if (!note) continue;
        // Only the closest few: a line that hundreds of articles quote would otherwise carry hundreds of links. The rest are the search for the words.
        const links = note.links.flatMap((l, i) => [...(i > 0 ? ['; '] : []), h('a', { href: blockUrl(l.article, l.block) }, titleOf(l.article))]);
        if (note.more > 0) links.push('; and ', h('a', { href: searchUrl({ q: `"${fitSearchText(note.words).text}"` }) }, countOf(note.more, 'more article')));
        el.children.push({ type: 'text', value: ' ' }, h('span', { className: ['xref'], dataPagefindIgnore: '' }, [h('span', { className: ['xref__label'] }, `${label}:`), ' ', ...links]));
      }
    });
  };
}
