import type { Root } from 'hast';
import { h } from 'hastscript';
import { nameMatcher, type Nameable } from '../lib/mentions';
import { wrapFirstMentions } from './hast-names';
import { entityUrl, type EntityKind } from '../lib/routes';

/**
 * Links the first mention of each known person and organisation in an
 * article body (by name, alias or acronym) to its page: outside headings and
 * never inside another link. Found by matching the content files' names,
 * never written by hand.
 */
export default function rehypeMentions(options: { names: Nameable[] }) {
  const matcher = nameMatcher(options.names);
  return (tree: Root) => {
    wrapFirstMentions(tree, matcher, (m) => h('a', { href: entityUrl(...(m.key.split('/') as [EntityKind, string])), className: ['mention'] }, m.text), { outsideLinks: true });
  };
}
