import { describe, expect, it } from 'vitest';
import { renderArticles, type PipelineInputs } from '../../src/markdown/render';

/*
 * Content never injects markup or script. Each attempt below goes through the
 * real rendering pass (markdown/render.ts) as an article body. It must either
 * fail with a message at its file and line, or come out with no element,
 * attribute or address that the source's words did not ask for.
 */
const inputs: PipelineInputs = {
  people: new Map([['sam-author', 'Sam Author']]),
  organisations: new Map(),
  names: [{ key: 'people/sam-author', names: ['Sam Author'] }],
  terms: [],
  entries: { articles: new Set(['sample']), people: new Set(['sam-author']), organisations: new Set(), topics: new Set() },
  register: { articles: {} },
  // A speaker's label is text: even one with markup in it is escaped.
  speaker: (id) => `<b>${id}</b>`,
};

async function render(body: string) {
  const { rendered, problems } = await renderArticles([{ slug: 'sample', file: 'content/articles/sample.md', title: 'Sample', body: `First paragraph.\n\n${body}\n` }], inputs);
  return { html: rendered.get('sample')?.html, problems };
}

const REFUSED: [string, string][] = [
  ['a script element', '<script>alert(1)</script>'],
  ['an image with an event handler', '<img src=x onerror=alert(1)>'],
  ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
  ['a style element', '<style>body{display:none}</style>'],
  ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
  ['inline SVG with a script', '<svg><script>alert(1)</script></svg>'],
  ['an HTML comment', '<!-- hidden -->'],
  ['an inline tag inside a sentence', 'Words <b onclick="alert(1)">bold</b> words.'],
  ['a javascript: link', '[click](javascript:alert(1))'],
  ['a javascript: link hidden by case and white space', '[click]( JaVaScRiPt:alert(1))'],
  ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD4=)'],
  ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)'],
  ['a vbscript: link', '[click](vbscript:msgbox)'],
  ['a javascript: reference link', '[click][x]\n\n[x]: javascript:alert(1)'],
];

describe('content that would inject markup or script', () => {
  it.each(REFUSED)('%s fails the build at its line', async (_, body) => {
    const { html, problems } = await render(body);
    expect(html).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/articles\/sample\.md:3: /);
  });
});

const HARMLESS: [string, string, string][] = [
  ['markup written as entities', '&lt;script&gt;alert(1)&lt;/script&gt;', '&#x3C;script>alert(1)&#x3C;/script>'],
  ['a less-than sign escaped as text', 'a \\<b> tag', 'a &#x3C;b> tag'],
  ['an onclick attribute on a quotation directive', ':quote[words]{speaker="sam-author" onclick="alert(1)" class="evil"}', '<span class="quotation" data-speaker="sam-author">words</span>'],
  ['an onclick attribute on a note directive', ':::editorial-note{onclick="alert(1)" style="color:red"}\nA note.\n:::', '<div class="block-note editorial-note" role="note">'],
  ['a quoted speaker id with markup in it', ':quote[words]{unattributed title="<script>"}', '<span class="quotation" data-unattributed="">words</span>'],
];

describe('content that looks like markup but is text', () => {
  it.each(HARMLESS)('%s is published as text, with no attribute it did not ask for', async (_, body, expected) => {
    const { html, problems } = await render(body);
    expect(problems).toEqual([]);
    expect(html).toContain(expected);
    expect(html).not.toContain("<b>");
    expect(html).not.toMatch(/<script|<iframe|<style|<meta|\son[a-z]+=|javascript:|style=/i);
  });
});
