import type {} from 'mdast-util-to-hast';
import type { Root } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { where } from './where';

/**
 * Marks who says what. Two plain forms, both keeping the source's own words
 * and quote marks untouched:
 *
 *   :::quote{speaker="chris-hopson"}       paragraphs that are one person's words
 *   “This could herald …
 *   :::
 *
 *   Dorrell warned that the new organisation “:quote[will need to show …]{speaker="stephen-dorrell"}”
 *
 * A quotation whose speaker the source does not state is marked
 * `{unattributed}` rather than given a guessed speaker. A speaker who is not
 * in content/people fails the build, by name.
 */
export default function remarkQuotes(options: { people: ReadonlyMap<string, string> }) {
  return (tree: Root, file: VFile) => {
    visit(tree, (node) => {
      if (node.type !== 'containerDirective' && node.type !== 'textDirective') return;
      const directive = node as ContainerDirective | TextDirective;
      if (directive.name !== 'quote') return;
      const inline = directive.type === 'textDirective';
      const form = inline ? ':quote[…]{speaker="person-id"}' : ':::quote{speaker="person-id"}';
      const speaker = directive.attributes?.speaker ?? undefined;
      const unattributed = directive.attributes?.unattributed !== undefined && directive.attributes?.unattributed !== null;
      if (!speaker && !unattributed) {
        throw new Error(
          `${where(file, directive)}: a quote needs its speaker: ${form}, with the id of a file in content/people/; if the source does not say who said it, write {unattributed}.`,
        );
      }
      if (speaker && !options.people.has(speaker)) {
        throw new Error(
          `${where(file, directive)}: quote speaker "${speaker}" is not a known person. Add content/people/${speaker}.yaml, or correct the id in ${form}.`,
        );
      }
      directive.data = {
        hName: inline ? 'span' : 'div',
        hProperties: {
          className: ['quotation'],
          ...(speaker ? { dataSpeaker: speaker } : { dataUnattributed: '' }),
        },
      };
    });
  };
}
