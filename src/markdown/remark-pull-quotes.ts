// Brings in the hName/hProperties fields that tell remark-rehype which element to make.
import type {} from 'mdast-util-to-hast';
import type { Root, PhrasingContent, BlockContent, DefinitionContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { where } from './where';
import { resolveSpeaker, speakerName, speakerUrl } from '../lib/speakers';
import { walk } from './walk';

/**
 * `:::pullquote{speaker="chris-hopson" attribution="Chris Hopson"}` becomes a
 * figure: the quote, and a caption with the attribution as the source words
 * it, the speaker's name linked to their page. A pull quote repeats words of
 * the body, so it is marked up as a figure, not as another body paragraph.
 */
export default function remarkPullQuotes(options: { people: ReadonlyMap<string, string>; organisations?: ReadonlyMap<string, string> }) {
  const known = { people: options.people, organisations: options.organisations ?? new Map<string, string>() };
  return (tree: Root, file: VFile) => {
    walk<ContainerDirective>(tree, 'containerDirective', (node) => {
      if (node.name !== 'pullquote') return;
      const speaker = node.attributes?.speaker;
      const attribution = node.attributes?.attribution;
      if (!speaker || !attribution) {
        throw new Error(
          `${where(file, node)}: a pullquote needs speaker="<person or organisation id>" and attribution="<the words the source uses>", e.g. :::pullquote{speaker="chris-hopson" attribution="Chris Hopson"}.`,
        );
      }
      const resolved = resolveSpeaker(speaker, known);
      if ('problem' in resolved) throw new Error(`${where(file, node)}: pullquote ${resolved.problem}.`);
      const name = speakerName(resolved.key, known);
      const href = speakerUrl(resolved.key);
      const caption: PhrasingContent[] = attribution.trim().startsWith(name)
        ? [
            { type: 'link', url: href, children: [{ type: 'text', value: name }] },
            { type: 'text', value: attribution.trim().slice(name.length) },
          ]
        : [{ type: 'link', url: href, children: [{ type: 'text', value: attribution.trim() }] }];

      const quote = node.children as (BlockContent | DefinitionContent)[];
      node.data = { hName: 'figure', hProperties: { className: ['pull-quote'], dataSpeaker: resolved.key } };
      node.children = [
        { type: 'blockquote', children: quote },
        {
          type: 'paragraph',
          data: { hName: 'figcaption' },
          children: caption,
        },
      ];
    });
  };
}
