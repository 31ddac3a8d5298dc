import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import rehypeBlockIds from '../../src/markdown/rehype-block-ids';
import rehypeBlockLinks from '../../src/markdown/rehype-block-links';
import { blockId } from '../../src/lib/block-ids';

function run(html: string): Root {
  const tree = fromHtml(html, { fragment: true });
  rehypeBlockIds()(tree);
  rehypeBlockLinks()(tree);
  return tree;
}

const ids = (tree: Root) => {
  const found: string[] = [];
  const walk = (nodes: Root['children']) =>
    nodes.forEach((n) => {
      if (n.type !== 'element') return;
      if ((n as Element).properties.dataBlock !== undefined) found.push(String((n as Element).properties.id));
      walk((n as Element).children as Root['children']);
    });
  walk(tree.children);
  return found;
};

describe('rehype-block-ids and rehype-block-links', () => {
  it('ids paragraphs, list items, pull quotes and blockquotes by their text, and keeps heading slugs', () => {
    const tree = run(
      '<h2 id="notes">Notes</h2><p>One.</p><ul><li>Item <p>inner</p></li></ul><figure class="pull-quote"><blockquote><p>Said.</p></blockquote><figcaption>Someone</figcaption></figure><blockquote><p>Quoted.</p></blockquote>',
    );
    expect(ids(tree)).toEqual([
      'notes',
      blockId('paragraph', 'One.'),
      blockId('list-item', 'Item inner'),
      blockId('pull-quote', 'Said.Someone'),
      blockId('blockquote', 'Quoted.'),
    ]);
  });

  it('does not give the label of a note or an empty paragraph an id', () => {
    const tree = run('<div class="block-note"><p class="block-note__label">Editor’s note</p><p>Text.</p></div><p> </p>');
    expect(ids(tree)).toEqual([blockId('paragraph', 'Text.')]);
  });

  it('adds a link to each block: at the end of a paragraph, in a figure’s caption, beside a heading', () => {
    const html = toHtml(run('<h2 id="s">S</h2><p>P.</p><figure class="pull-quote"><blockquote><p>Q.</p></blockquote><figcaption>C</figcaption></figure>'));
    const p = blockId('paragraph', 'P.');
    const q = blockId('pull-quote', 'Q.C');
    expect(html).toContain(`<div class="heading-wrapper"><h2 id="s" data-block="heading">S</h2><a class="block-link" href="#s" aria-label="Link to this section" data-pagefind-ignore=""></a></div>`);
    expect(html).toContain(`P.<a class="block-link" href="#${p}" aria-label="Link to this paragraph" data-pagefind-ignore=""></a></p>`);
    expect(html).toContain(`<figcaption>C<a class="block-link" href="#${q}" aria-label="Link to this pull quote" data-pagefind-ignore=""></a></figcaption></figure>`);
  });
});
