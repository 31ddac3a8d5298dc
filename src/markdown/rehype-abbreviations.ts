import type { Root } from 'hast';
import { h } from 'hastscript';
import { nameMatcher } from '../lib/mentions';
import { wrapFirstMentions } from './hast-names';
import type { GlossaryTerm } from '../content-files/names';

/**
 * Marks the first use of each abbreviation in an article body with its
 * expansion (<abbr title>), outside headings; /glossary/ lists them all.
 */
export default function rehypeAbbreviations(options: { terms: GlossaryTerm[] }) {
  const { terms } = options;
  const expansion = new Map(terms.map((t) => [t.term, t.expansion]));
  const matcher = nameMatcher(terms.map((t) => ({ key: t.term, names: [t.term], plural: true })));
  return (tree: Root) => {
    wrapFirstMentions(tree, matcher, (m) => h('abbr', { title: expansion.get(m.key) }, m.text), { outsideLinks: false });
  };
}
