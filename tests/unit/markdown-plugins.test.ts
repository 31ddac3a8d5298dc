import { rehypeHeadingIds } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../src/lib/article-record';
import { quotedNotes } from '../../src/lib/quotations';
import rehypeAbbreviations from '../../src/markdown/rehype-abbreviations';
import rehypeBlockIds from '../../src/markdown/rehype-block-ids';
import rehypeBlockLinks from '../../src/markdown/rehype-block-links';
import rehypeCheckInternalLinks from '../../src/markdown/rehype-check-internal-links';
import rehypeCollectBlocks from '../../src/markdown/rehype-collect-blocks';
import rehypeHeadingList from '../../src/markdown/rehype-heading-list';
import rehypeMentions from '../../src/markdown/rehype-mentions';
import rehypeMovedAnchors from '../../src/markdown/rehype-moved-anchors';
import rehypeQuotedFrom from '../../src/markdown/rehype-quoted-from';
import rehypeQuotationSpeakers from '../../src/markdown/rehype-quotation-speakers';
import remarkPullQuotes from '../../src/markdown/remark-pull-quotes';
import remarkQuotes from '../../src/markdown/remark-quotes';
import remarkRejectUnknownDirectives from '../../src/markdown/remark-reject-unknown-directives';
import remarkSourceNotes from '../../src/markdown/remark-source-notes';

/*
 * Every Markdown plugin, run through a real unified processor (Markdown →
 * HTML) with the inputs it is given in the build, and its output compared
 * with a file snapshot under __snapshots__/markdown/. A changed snapshot is a
 * changed page: review the diff before accepting it (vitest -u).
 */
const people = new Map([['sam-author', 'Sam Author']]);
const names = [
  { key: 'people/sam-author', names: ['Sam Author'] },
  { key: 'organisations/sample-trust', names: ['Sample Trust'] },
  { key: 'organisations/sample-trust', names: ['ST'], plural: true },
];
const entries = {
  articles: new Set(['sample', 'other']),
  people: new Set(['sam-author']),
  organisations: new Set(['sample-trust']),
  topics: new Set<string>(),
};
/** Ids stay in the snapshots, so a change to how ids are made shows up too. */
const blocks: PluggableList = [rehypeSlug, rehypeBlockIds];

async function render(markdown: string, { remark = [], rehype = [], slug = 'sample' }: { remark?: PluggableList; rehype?: PluggableList; slug?: string }) {
  const file = new VFile({ value: markdown, path: `content/articles/${slug}.md`, data: { astro: { frontmatter: { slug } } } });
  const processor = unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remark)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehype)
    .use(rehypeStringify);
  const html = String(await processor.process(file));
  return { html: `${html}\n`, data: file.data };
}

const snapshot = (name: string, ext = 'html') => `./__snapshots__/markdown/${name}.${ext}`;

describe('remark plugins', () => {
  it('remark-pull-quotes makes a figure whose caption links the speaker by the source’s own words', async () => {
    const { html } = await render(':::pullquote{speaker="sam-author" attribution="Sam Author, director"}\nWords worth repeating.\n:::\n', {
      remark: [[remarkPullQuotes, { people }]],
    });
    await expect(html).toMatchFileSnapshot(snapshot('remark-pull-quotes'));
  });

  it('remark-pull-quotes refuses a pull quote without its speaker, at the line it is written', async () => {
    await expect(render('Intro.\n\n:::pullquote{attribution="Someone"}\nWords.\n:::\n', { remark: [[remarkPullQuotes, { people }]] })).rejects.toThrow(
      /^content\/articles\/sample\.md:3: a pullquote needs speaker=/,
    );
  });

  it('remark-quotes marks block and inline quotations with their speaker, or as unattributed, leaving the words alone', async () => {
    const { html } = await render(
      ':::quote{speaker="sam-author"}\n“All of this is Sam speaking.”\n:::\n\nShe called it “:quote[a plan]{speaker="sam-author"}” and others ‘:quote[bold]{unattributed}’.\n',
      { remark: [[remarkQuotes, { people }]] },
    );
    await expect(html).toMatchFileSnapshot(snapshot('remark-quotes'));
  });

  it('remark-quotes refuses a speaker who is not a known person, by name', async () => {
    await expect(render('Text :quote[words]{speaker="nobody"}.\n', { remark: [[remarkQuotes, { people }]] })).rejects.toThrow(
      'content/articles/sample.md:1: quote speaker "nobody" is not a known person',
    );
  });

  it('remark-quotes and remark-pull-quotes take an organisation as the speaker of its statement, linked to its page', async () => {
    const organisations = new Map([['department-of-health', 'Department of Health']]);
    const { html } = await render(
      ':::quote{speaker="department-of-health"}\n“We will publish the plan.”\n:::\n\n:::pullquote{speaker="department-of-health" attribution="Department of Health"}\nWe will publish the plan.\n:::\n',
      { remark: [[remarkPullQuotes, { people, organisations }], [remarkQuotes, { people, organisations }]] },
    );
    expect(html).toContain('data-speaker="organisations/department-of-health"');
    expect(html).toContain('<a href="/organisations/department-of-health/">Department of Health</a>');
  });

  it('remark-source-notes labels introductions, disclaimers and editorial notes for what they are', async () => {
    const { html } = await render(':::source-intro\nIntro.\n:::\n\n:::disclaimer\nDisclaimer.\n:::\n\n:::editorial-note\nNote.\n:::\n', {
      remark: [remarkSourceNotes],
    });
    await expect(html).toMatchFileSnapshot(snapshot('remark-source-notes'));
  });

  it('remark-reject-unknown-directives refuses a misspelt directive rather than lose its text', async () => {
    await expect(render('Fine.\n\n:::pullqoute\nText.\n:::\n', { remark: [remarkRejectUnknownDirectives] })).rejects.toThrow(
      'content/articles/sample.md:3: unknown directive "pullqoute"',
    );
  });
});

describe('rehype plugins', () => {
  const article = '## A heading\n\nA paragraph by Sam Author of Sample Trust (ST), about the NHS.\n\n- A list item\n\n> A blockquote.\n\nSam Author again, and the NHS again.\n';

  it('rehype-block-ids gives every block a stable id from its own text and keeps heading slugs', async () => {
    const { html } = await render(article, { rehype: blocks });
    await expect(html).toMatchFileSnapshot(snapshot('rehype-block-ids'));
  });

  it('rehype-block-links adds a link control to every block: beside a heading, at the end of the others', async () => {
    const { html } = await render(article, { rehype: [...blocks, rehypeBlockLinks] });
    await expect(html).toMatchFileSnapshot(snapshot('rehype-block-links'));
  });

  it('rehype-collect-blocks records every block and quotation for what is built across articles', async () => {
    const { data } = await render(`${article}\n:::quote{speaker="sam-author"}\nQuoted whole.\n:::\n\nInline “:quote[words]{speaker="sam-author"}”.\n`, {
      remark: [[remarkQuotes, { people }]],
      rehype: [...blocks, rehypeCollectBlocks],
    });
    await expect(`${JSON.stringify((data as { astro: unknown }).astro, null, 2)}\n`).toMatchFileSnapshot(snapshot('rehype-collect-blocks', 'json'));
  });

  it('rehype-mentions links the first mention of each person and organisation, outside headings and links', async () => {
    const { html } = await render(`## Sam Author\n\n[Sam Author](/x/) wrote it.\n\n${article}`, { rehype: [...blocks, [rehypeMentions, { names }]] });
    await expect(html).toMatchFileSnapshot(snapshot('rehype-mentions'));
  });

  it('rehype-abbreviations expands the first use of each abbreviation', async () => {
    const terms = [{ term: 'NHS', expansion: 'National Health Service' }];
    const { html } = await render(article, { rehype: [...blocks, [rehypeAbbreviations, { terms }]] });
    await expect(html).toMatchFileSnapshot(snapshot('rehype-abbreviations'));
  });

  it('rehype-moved-anchors keeps an old block id working by anchoring it at the start of its successor', async () => {
    const { html: before } = await render(article, { rehype: blocks });
    const successor = /<p data-block="paragraph" id="(p-[0-9a-f]{8})"/.exec(before)![1]!;
    const register = { articles: { sample: { ids: ['p-00c0ffee', successor], moved: { 'p-00c0ffee': successor } } } };
    const { html } = await render(article, { rehype: [...blocks, [rehypeMovedAnchors, { register }]] });
    await expect(html).toMatchFileSnapshot(snapshot('rehype-moved-anchors'));
  });

  it('rehype-quotation-speakers ends a block quotation with its speaker, and a paragraph with whose words it quotes, outside the index', async () => {
    const speaker = (id: string, slug: string) => `${id === 'sam-author' ? 'Sam Author' : id}, director, Sample Trust (in ${slug})`;
    const { html } = await render(
      ':::quote{speaker="sam-author"}\n“All of this is Sam speaking.”\n:::\n\nShe called it “:quote[a plan]{speaker="sam-author"}”, “:quote[a start]{speaker="sam-author"}” and others ‘:quote[bold]{unattributed}’.\n\nA paragraph with no quotation.\n',
      { remark: [[remarkQuotes, { people }]], rehype: [...blocks, [rehypeQuotationSpeakers, { speaker }]] },
    );
    await expect(html).toMatchFileSnapshot(snapshot('rehype-quotation-speakers'));
  });

  it('rehype-quoted-from links a quotation to its source block, and the source back to it', async () => {
    const words = 'the new body will need to show quickly that it can add value';
    const quoting = `He said “:quote[${words}]{speaker="sam-author"}”.\n`;
    const source = `We said that ${words}.\n`;
    const idOf = async (markdown: string, slug: string) =>
      /id="(p-[0-9a-f]{8})"/.exec((await render(markdown, { slug, remark: [[remarkQuotes, { people }]], rehype: blocks })).html)![1]!;
    const [quoteBlock, sourceBlock] = [await idOf(quoting, 'sample'), await idOf(source, 'other')];
    // The records the loader would have collected from the two articles.
    const corpus: ArticleRecord[] = [
      { slug: 'sample', file: 'sample.md', title: 'The quoting article', blocks: [{ id: quoteBlock, kind: 'paragraph', text: `He said “${words}”.` }], quotes: [{ block: quoteBlock, speaker: 'sam-author', text: words, form: 'inline' }] },
      { slug: 'other', file: 'other.md', title: 'The source article', blocks: [{ id: sourceBlock, kind: 'paragraph', text: `We said that ${words}.` }], quotes: [] },
    ];
    const plugin: PluggableList = [...blocks, [rehypeQuotedFrom, { notes: quotedNotes(corpus), titles: new Map(corpus.map((a) => [a.slug, a.title])) }]];
    const { html } = await render(quoting, { remark: [[remarkQuotes, { people }]], rehype: plugin });
    await expect(html).toMatchFileSnapshot(snapshot('rehype-quoted-from'));
    const { html: back } = await render(source, { slug: 'other', rehype: plugin });
    expect(back).toContain(`<span class="xref__label">Quoted in:</span> <a href="/articles/sample/#${quoteBlock}">The quoting article</a>`);
  });

  it('rehype-check-internal-links passes links to entries that exist', async () => {
    const { html } = await render('[A person](/people/sam-author/) and [an article](/articles/other/#p-1).\n', {
      rehype: [[rehypeCheckInternalLinks, { entries }]],
    });
    await expect(html).toMatchFileSnapshot(snapshot('rehype-check-internal-links'));
  });

  it('rehype-check-internal-links refuses a link to an entry that does not exist, at its line', async () => {
    await expect(render('Fine.\n\n[A person](/people/sam-auther/).\n', { rehype: [[rehypeCheckInternalLinks, { entries }]] })).rejects.toThrow(
      'content/articles/sample.md:3: broken link to /people/sam-auther/',
    );
  });

  it('rehype-heading-list lists each heading with its level, id and words, as Astro lists a page’s headings', async () => {
    const markdown = [
      '# The title',
      '## A *marked* heading with `code` and [a link](/people/sam-author/)',
      'Text.',
      '### A heading[^1] twice',
      '### A heading[^1] twice',
      '> #### Inside a quotation',
      '- ##### In a list',
      '###### ',
      '[^1]: A note.',
    ].join('\n\n');
    const headingsBy = async (plugin: PluggableList[number]) => (await render(markdown, { remark: [remarkGfm], rehype: [rehypeSlug, plugin] })).data.astro?.headings;
    const ours = await headingsBy(rehypeHeadingList);
    expect(ours).toEqual(await headingsBy(rehypeHeadingIds));
    expect(ours?.map((h) => h.depth)).toEqual([1, 2, 3, 3, 4, 5, 6, 2]);
    expect(ours?.[1]).toEqual({ depth: 2, slug: 'a-marked-heading-with-code-and-a-link', text: 'A marked heading with code and a link' });
  });

  it('rehype-heading-list keeps a heading’s braces as written (Astro’s own listed "{" as "${")', async () => {
    const { data } = await render('## Budget {2017}\n', { rehype: [rehypeSlug, rehypeHeadingList] });
    expect(data.astro?.headings?.[0]?.text).toBe('Budget {2017}');
  });
});
