import type {} from 'mdast-util-to-hast';
import type { Nodes, Root } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { resolveSpeaker } from '../lib/speakers';
import { where } from './where';
import { walk } from './walk';

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
 * `{unattributed}` rather than given a guessed speaker. The speaker is a
 * person, or an organisation whose statement it is ("the Department of
 * Health said:"): `speaker="department-of-health"` (lib/speakers). A speaker
 * in neither content/people nor content/organisations fails the build, by name.
 */
export default function remarkQuotes(options: { people: ReadonlyMap<string, string>; organisations?: ReadonlyMap<string, string> }) {
  const known = { people: options.people, organisations: options.organisations ?? new Map<string, string>() };
  return (tree: Root, file: VFile) => {
    walk<Nodes>(tree, undefined, (node) => {
      if (node.type !== 'containerDirective' && node.type !== 'textDirective') return;
      const directive = node as ContainerDirective | TextDirective;
      if (directive.name !== 'quote') return;
      const inline = directive.type === 'textDirective';
      const form = inline ? ':quote[…]{speaker="id"}' : ':::quote{speaker="id"}';
      const speaker = directive.attributes?.speaker ?? undefined;
      const unattributed = directive.attributes?.unattributed !== undefined && directive.attributes?.unattributed !== null;
      if (!speaker && !unattributed) {
        throw new Error(
          `${where(file, directive)}: a quote needs its speaker: ${form}, with the id of a file in content/people/ (or content/organisations/ for an organisation's statement); if the source does not say who said it, write {unattributed}.`,
        );
      }
      const resolved = speaker ? resolveSpeaker(speaker, known) : undefined;
      if (resolved && 'problem' in resolved) throw new Error(`${where(file, directive)}: quote ${resolved.problem} in ${form}.`);
      directive.data = {
        hName: inline ? 'span' : 'div',
        hProperties: {
          className: ['quotation'],
          ...(resolved ? { dataSpeaker: resolved.key } : { dataUnattributed: '' }),
        },
      };
    });
  };
}
