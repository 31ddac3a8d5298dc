import rehypeRaw from 'rehype-raw';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeRawIfAny from '../../src/markdown/rehype-raw-if-any';

/*
 * rehype-raw-if-any skips rehype-raw on a tree without raw HTML. The page
 * must be the one rehype-raw gives, with raw HTML in the tree or without it.
 * Only the spelling of an empty attribute may differ: rehype-raw writes a
 * footnote's data-footnote-ref="" where the tree had data-footnote-ref, the
 * same attribute to a browser. So pages are compared as parsed documents.
 */
const html = (raw: typeof rehypeRaw | typeof rehypeRawIfAny, markdown: string) =>
  String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkDirective)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(raw as typeof rehypeRawIfAny)
      .use(rehypeStringify, { allowDangerousHtml: true })
      .processSync(markdown),
  );

const asParsed = (page: string) => toHtml(fromHtml(page, { fragment: true }));

const withoutRaw: Record<string, string> = {
  'paragraphs and emphasis': 'One *two* **three** `four`.\n\nFive & six < seven "eight".',
  'a table': '| a | b |\n| - | :-: |\n| 1 | 2 |',
  'lists and a task': '1. one\n2. two\n   - nested\n\n- [x] done',
  'a footnote': 'Text[^1].\n\n[^1]: The note.',
  'a quotation and a heading': '# Title\n\n> Quoted\n> words\n\n## Section',
  'links, an image and a rule': '[a](/articles/x/#p-1) ![alt](/a.png "t")\n\n---',
  'a directive': ':::note\nInside\n:::',
};

describe('rehype-raw-if-any', () => {
  for (const [name, markdown] of Object.entries(withoutRaw)) {
    it(`writes ${name} as rehype-raw does`, () => {
      expect(asParsed(html(rehypeRawIfAny, markdown))).toBe(asParsed(html(rehypeRaw, markdown)));
    });
  }

  it('still parses raw HTML in a tree that holds some, closing what it leaves open', () => {
    const markdown = 'Words <span title="x">more.\n\nNext';
    const out = html(rehypeRawIfAny, markdown);
    expect(out).toBe(html(rehypeRaw, markdown));
    expect(out).toBe('<p>Words <span title="x">more.</span></p>\n<p>Next</p>');
  });
});
