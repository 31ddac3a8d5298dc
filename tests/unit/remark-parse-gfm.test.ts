import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { markdownToMdast } from 'satteri';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { seededRandom } from '../../bench/random.mjs';
import { readArticleFiles } from '../../src/content-files/articles';
import remarkParseGfm from '../../src/markdown/remark-parse-gfm';

/*
 * remark-parse-gfm reads a document with Astro's native parser where that
 * gives micromark's tree, and otherwise with micromark, leaving out the GFM
 * constructs that cannot match in it. Whatever a document holds, its tree
 * must be the one remark-parse, remark-gfm and remark-directive give: every
 * construct, its near misses, documents with and without the characters that
 * switch each one on, and those on which the two parsers differ.
 */
const reference = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
// The native parser, watched: which documents it reads is what makes the build quick.
vi.mock('satteri', async (actual) => {
  const real = await actual<typeof import('satteri')>();
  return { ...real, markdownToMdast: vi.fn(real.markdownToMdast) };
});
const ours = unified().use(remarkParseGfm, { directives: true });
const sameTree = (markdown: string) => expect(ours.parse(markdown)).toEqual(reference.parse(markdown));

const documents: Record<string, string> = {
  'plain prose': 'The regulator said providers should plan for a difficult winter.\n\nA second paragraph, with *emphasis* and **strong** words.',
  'an email address': 'Write to press@example.org or to Press.Office@example.co.uk, not to @handles.',
  'a mailto and an xmpp address': 'See mailto:someone@example.org and xmpp:someone@example.org/home.',
  'an at sign that is no address': 'Meet @ noon, a@b, user@ and @example.org.',
  'www addresses in any case': 'Visit www.example.org, WWW.EXAMPLE.ORG or wWw.example.org/path?q=1.',
  'a www that is no address': 'The www is not an address, nor is www, nor www.',
  'protocol addresses in any case': 'See https://example.org/a_(b), HTTP://EXAMPLE.ORG and Https://example.org.',
  'a protocol that is no address': 'The http: scheme, http:/one-slash and ftp://example.org are not literal autolinks.',
  'addresses in links and code': '[www.example.org](https://example.org) and `https://example.org` and <https://example.org>.',
  'a table': '| Trust | Deficit |\n| :--- | ---: |\n| North | £1m |\n| South | £2m |',
  'a table without outer pipes': 'Trust | Deficit\n--- | ---\nNorth | £1m',
  'a pipe that is no table': 'Either | or.\n\nA line\n---\n\n`a | b`',
  'strikethrough, footnotes and tasks': 'A ~~struck~~ word[^1].\n\n[^1]: A note.\n\n- [x] done\n- [ ] not done',
  'directives beside GFM': ':::pullquote{speaker="sam-author"}\nA quote with www.example.org and a@b.org.\n:::\n\nText :abbr[NHS]{title="National Health Service"} | here.',
  'everything at once': '# Heading\n\n> Quoted https://example.org and press@example.org.\n\n| a | b |\n| - | - |\n| www.example.org | ~~x~~ |\n\n1. [ ] task[^n]\n\n[^n]: note',
};

/**
 * 3,000 documents of 3 to 3 + `extra` fragments put together at random (a fixed seed), each parsed to the reference's
 * tree: a sample of the differential test the parser choice rests on. Returns how many the native parser read.
 */
function sameTreesOfGenerated(fragments: string[], seed: number, extra: number): number {
  const random = seededRandom(seed);
  const next = (n: number) => Math.floor(random() * n);
  let native = 0;
  for (let i = 0; i < 3000; i++) {
    let markdown = '';
    for (let j = 3 + next(extra); j > 0; j--) markdown += fragments[next(fragments.length)];
    const before = vi.mocked(markdownToMdast).mock.calls.length;
    expect(ours.parse(markdown), JSON.stringify(markdown)).toEqual(reference.parse(markdown));
    native += vi.mocked(markdownToMdast).mock.calls.length - before;
  }
  return native;
}

describe('remark-parse-gfm', () => {
  beforeEach(() => {
    vi.mocked(markdownToMdast).mockClear();
  });

  for (const [name, markdown] of Object.entries(documents)) {
    it(`parses ${name} as remark-parse and remark-gfm do`, () => {
      sameTree(markdown);
    });
  }

  it('leaves every document to micromark when another plugin adds syntax', () => {
    // The native parser knows none of it: a plugin's syntax must not be skipped for speed.
    const withMore = unified().use(remarkParseGfm, { directives: true }).use(function (this: ReturnType<typeof unified>) {
      const data = this.data() as { micromarkExtensions?: unknown[] };
      (data.micromarkExtensions ??= []).push({});
    });
    withMore.parse('Plain prose, as native as a document gets.');
    expect(markdownToMdast).not.toHaveBeenCalled();
  });

  it('parses documents that differ only in the characters that switch constructs on as remark-gfm does', () => {
    // One parser serves every document: a construct switched on for one must not stay on, or off, for the next.
    for (const markdown of [documents['a table']!, documents['plain prose']!, documents['an email address']!, documents['plain prose']!, documents['a table']!]) {
      sameTree(markdown);
    }
  });

  it('parses each seed article as remark-parse and remark-gfm do', () => {
    // About the seed collection: whatever articles the content folder holds.
    const folder = path.resolve('content/articles');
    const files = readdirSync(folder).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) sameTree(readFileSync(path.join(folder, file), 'utf8'));
  });

  // Each is a document on which the native parser's tree is not micromark's (seen when these tests were written).
  const readDifferently: Record<string, string> = {
    'a literal address in an open bracket': '[https://example.org and [www.example.org',
    'an address after a bracket that follows a word': '[At 10:30[the list](http://www.example.org/)',
    'an address after an escaped bracket': '\\[the report](https://example.org/a"b):abbr[NHS]{title="N H S"}',
    "an address after a directive's empty label": 'See \\[s](https://example.org/a):quote[](https://example.org/b)',
    'a colon before a tab': 'Note:\tthe figures',
    'a colon before a letter outside ASCII': 'Leur rôle:été',
    'white space ending a label': 'He said :quote[we will deliver ]{speaker="sam-author"}',
    'a character reference in an attribute': ':abbr[A&E]{title="Accident &amp; Emergency"}',
    'a stray fence after a quotation': '> A quoted line\n:::\n',
    'a stray fence after a list': '1. An item\n:::\n',
    'a container left open': ':::quote{speaker="sam-author"}\nNever closed.\n',
    'two colons inside a line': 'See \\::quote[this',
    'a label over two lines': ':quote[one line\nand the next]{speaker="sam-author"}',
    'strong words closed beside an underscore': 'The **snake_** case and **__both__**s',
    'an escaped asterisk before another': 'Footnoted \\**twice** here',
    'a label holding a link and emphasis': 'See :quote[*[the plan](/articles/plan/)**]{speaker="sam-author"}',
    'braces that are no attributes': 'At 10:30{-->} and :abbr[NHS]{title="N"c="d"}',
    'a closing brace alone': 'One\n}\n- |',
    'a container closed by a shorter fence': '::::quote{speaker="sam-author"}\nWords.\n:::\n',
    'a footnote whose definition goes on': '[^1]: A note\n    [^1]: another',
    'a link reference definition': '[ x*y*z]:# ',
    'an empty list item': '> \n# \n    code\n2) ',
    'indented code after a heading in a list': '1. ---\n#\n    code\n\n    code\n',
    "a backslash ending a container's last line": ':::quote{speaker="sam-author"}\nWords \\\n:::\n',
    'a hard break of spaces': '- [^1](    \n    code\n',
    'a code span over two lines': '`10:30\n---\n`',
    'a bracket ending a list item': '* [\n    _a_',
    'an empty line of a block quote': '>> ---\n> ',
    'a comment in a list item': '* £<!--</div>\n    -->',
  };

  for (const [name, markdown] of Object.entries(readDifferently)) {
    it(`parses ${name} as micromark does, where the native parser would not`, () => {
      sameTree(markdown);
      expect(markdownToMdast).not.toHaveBeenCalled();
    });
  }

  // The quicker parser must be the one that ordinary articles get, or the build slows without a failing test.
  const ordinaryArticle = [
    '## What the review found',
    'The regulator said, at 10:30 on Monday, that providers *must* plan for **winter**: see [the plan](/articles/plan/#p-1).',
    'Its [report](https://www.example.org/reports/2016?page=2#p-4) (ask [the press office](mailto:press@example.org)) has ![a chart](https://example.org/chart.png).',
    ':::quote{speaker="sam-author"}\n“We will deliver.\n\n“And we will report.”\n:::',
    'She added that “:quote[the figures are clear]{speaker="sam-author"}”, and :abbr[NHS]{title="National Health Service"} agreed.',
    '- One point.\n- Another, with `code`.\n\n1. First\n2. Second',
    '> A quotation.\n\n***',
    ':::pullquote{speaker="sam-author" attribution="Sam Author"}\nA line worth quoting.\n:::',
  ].join('\n\n');

  it('reads an ordinary article with the native parser', () => {
    sameTree(ordinaryArticle);
    // Read by it, not handed on to micromark after it failed.
    expect(markdownToMdast).toHaveBeenCalledTimes(1);
    expect(markdownToMdast).toHaveReturned();
  });

  it('reads an ordinary article file with the native parser, its front matter blanked as the articles reader leaves it', () => {
    // The loader parses the body with the front matter turned to spaces (so positions are the file's lines): those lines must not decide the parser.
    const content = mkdtempSync(path.join(tmpdir(), 'remark-parse-gfm-'));
    mkdirSync(path.join(content, 'articles'));
    writeFileSync(path.join(content, 'articles', 'ordinary.md'), `---\ntitle: "An ordinary article"\npublished: "2016-05-04"\nauthors: [sam-author]\n---\n\n${ordinaryArticle}\n`);
    const { articles } = readArticleFiles(content);
    rmSync(content, { recursive: true });
    expect(articles[0]!.body).toMatch(/^ +\n/);
    sameTree(articles[0]!.body);
    expect(markdownToMdast).toHaveBeenCalledTimes(1);
    expect(markdownToMdast).toHaveReturned();
  });

  it('reads an article file saved with Windows line endings with the native parser, to the tree of the same file with Unix ones', () => {
    const content = mkdtempSync(path.join(tmpdir(), 'remark-parse-gfm-'));
    mkdirSync(path.join(content, 'articles'));
    const file = `---\ntitle: "An ordinary article"\npublished: "2016-05-04"\nauthors: [sam-author]\n---\n\n${ordinaryArticle}\n`;
    writeFileSync(path.join(content, 'articles', 'unix.md'), file);
    writeFileSync(path.join(content, 'articles', 'windows.md'), file.replaceAll('\n', '\r\n'));
    const { articles } = readArticleFiles(content);
    rmSync(content, { recursive: true });
    const [unix, windows] = [articles.find((a) => a.name === 'unix')!, articles.find((a) => a.name === 'windows')!];
    expect(windows.raw).toContain('\r\n');
    expect(windows.frontmatter).toEqual(unix.frontmatter);
    expect(windows.lineOf(['authors'])).toBe(unix.lineOf(['authors']));
    expect(ours.parse(windows.body)).toEqual(ours.parse(unix.body));
    expect(markdownToMdast).toHaveBeenCalledTimes(2);
    expect(markdownToMdast).toHaveReturned();
  });

  it('parses generated documents of every construct as micromark does, whichever parser reads them', () => {
    // Fragments of every construct.
    const fragments = ['word', 'Word', ' ', ' ', '\n', '\n\n', '*', '_', '**', '`', '[', ']', '(', ')', '<', '>', '&amp;', '&', '# ', '- ', '1. ', '> ', ':::quote{speaker="p"}\n', '\n:::\n', ':quote[', ']{speaker="q"}', '|', '---', '~', '\\', '!', '“', '”', '’', '    ', '{', '}', '=', ':', '::', ': ', '<b>', '<!--', '[^1]', '[^1]: n\n', '[x]: /u\n', '[x]', '[a](/b)', 'é', '😀', '.', '1)', '+ ', '***', '10:30', ':abbr[NHS]{title="N"}', '- [ ] ', '\\:', 'www.a.b', 'a@b.org', 'https://x.org', '\t', '```\n'];
    const native = sameTreesOfGenerated(fragments, 7, 12);
    // Both parsers were exercised.
    expect(native).toBeGreaterThan(150);
    expect(native).toBeLessThan(3000);
  });

  it('parses generated documents the native parser reads as micromark does', () => {
    // Fragments each of which the native parser reads, put together at random: most documents reach it, so a
    // difference between the parsers anywhere in the rule's reach shows here first.
    const fragments = ['word', 'Word', ' ', '\n', '\n\n', '*', '_', '**', '__', '`', '[', ']', '(', ')', '>', '&', '# ', '## ', '- ', '* ', '1. ', '2) ', '> ', ':::quote{speaker="p"}\n', ':::pullquote{speaker="p" attribution="P"}\n', '\n:::\n', ':quote[', ']{speaker="q"}', '|', '---', '===', '~', '\\', '!', '"', "'", '“', '’', ':', ': ', '&amp;', '[^1]', '[a](/b)', '![i](/i.png)', '(/u "t")', 'é', '£', '—', '.', ',', '1)', '+ ', '***', '10:30', ':abbr[NHS]{title="N H S"}', '_a_', '__b__', 'x*y*z', '- [ ] ', '\\:', '\u00a0', '[a](https://x.org/p?q=1#f)', '[m](mailto:a@b.org)', '](http://www.x.org/)', '   \n', '\n      \n'];
    const native = sameTreesOfGenerated(fragments, 11, 14);
    expect(native).toBeGreaterThan(700);
  });
});
