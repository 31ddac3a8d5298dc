import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import remarkParseGfm from '../../src/markdown/remark-parse-gfm';

/*
 * remark-parse-gfm leaves out of a document's parse the GFM constructs that
 * cannot match in it. Whatever a document holds, its tree must be the one
 * remark-parse and remark-gfm give: every construct, its near misses, and
 * documents with and without the characters that switch each one on.
 */
const reference = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
const ours = unified().use(remarkParseGfm).use(remarkDirective);
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

describe('remark-parse-gfm', () => {
  for (const [name, markdown] of Object.entries(documents)) {
    it(`parses ${name} as remark-parse and remark-gfm do`, () => {
      sameTree(markdown);
    });
  }

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
});
