import { describe, expect, it } from 'vitest';
import { dateFromLine, dateFromUrl, draftArticle, draftMarkdown, escapeMarkdown, personStub, slugFor, type DraftInput } from '../../src/lib/draft-article';
import { fidelityProblems } from '../../src/lib/fidelity';
import { sourceLines } from '../support/source-lines';

/*
 * Drafting an article from a raw capture (npm run new): every line kept,
 * furniture dropped and read, stated facts with their line, nothing invented,
 * quotation markup proposed where the text says who speaks. Each case is a
 * small capture, named for what it adds to the plain one.
 */
const furniture: DraftInput['furniture'] = [
  { pattern: /^(?:(Blog post|Press release|News))$/u, what: 'a kind label', records: 'kind' },
  { pattern: /^(?:Published: \d{1,2}\/\d{1,2}\/\d{4})$/u, what: 'a publication line', records: 'published' },
  { pattern: /^(?:\d{1,2}\.\d{1,2}\.\d{2,4})$/u, what: 'a date line', records: 'published' },
  { pattern: /^(?:Comments)$/u, what: 'the comment section' },
  { pattern: /^(?:Suggested citation)$/u, what: 'the label of a suggested citation', records: 'citation' },
  { pattern: /^(?:Part of (?<value>.+))$/u, what: 'the series', records: 'partOf' },
];
const input = (lines: string[], extra: Partial<DraftInput> = {}): DraftInput => ({
  capture: 'capture.txt',
  lines,
  furniture,
  kinds: ['blog post', 'press release', 'news report'],
  people: [{ id: 'sam-author', names: ['Sam Author', 'Author'] }],
  organisations: [
    { id: 'sample-trust', names: ['Sample Trust'] },
    { id: 'department-of-health', names: ['Department of Health', 'DH'] },
  ],
  slugs: new Set(),
  thisYear: 2026,
  ...extra,
});

const PLAIN = ['A plain headline', '', 'The first paragraph. It has two sentences.', '', 'The second paragraph.'];
const WITH_FURNITURE = ['A headline with a standfirst', '', 'What the piece is about, in a sentence.', '', 'Blog post', '', 'Published: 30/09/2015', '', 'The first paragraph.', '', 'Comments'];

describe('drafting an article from a capture', () => {
  it('keeps every line of a plain capture, the first as its stated title, each other line a paragraph', () => {
    const draft = draftArticle(input(PLAIN));
    expect(draft.title).toMatchObject({ value: 'A plain headline', source: 'source' });
    expect(draft.title.from).toContain('line 1');
    expect(draft.body).toBe('The first paragraph. It has two sentences.\n\nThe second paragraph.\n');
    expect(draft.dropped).toEqual([]);
    expect(draft.slug).toBe('a-plain-headline');
  });

  it('with page furniture: drops it with its line and reason, and reads the kind, the date and a standfirst from it', () => {
    const draft = draftArticle(input(WITH_FURNITURE));
    expect(draft.dropped.map((d) => [d.line, d.text])).toEqual([
      [5, 'Blog post'],
      [7, 'Published: 30/09/2015'],
      [11, 'Comments'],
    ]);
    expect(draft.kind).toEqual({ value: 'blog post', from: 'line 5: “Blog post”' });
    expect(draft.published).toEqual({ value: '2015-09-30', from: 'line 7: “Published: 30/09/2015”' });
    expect(draft.standfirst?.value).toBe('What the piece is about, in a sentence.');
    expect(draft.body).toBe('The first paragraph.\n');
  });

  it('the drafted article keeps every sentence of its capture (the fidelity check passes)', () => {
    const lines = [...WITH_FURNITURE, '', 'Suggested citation', '', 'Author (2015) A headline. Sample Trust.'];
    const draft = draftArticle(input(lines));
    expect(draft.citation?.value).toBe('Author (2015) A headline. Sample Trust.');
    const text = [draft.title.value, draft.standfirst?.value, draft.citation?.value, ...sourceLines(draft.body)].join('\n');
    expect(fidelityProblems(lines, draft.dropped, text, furniture)).toEqual([]);
  });

  it('with no title line: supplies the first sentence as an editor’s title, with its basis, and keeps the line in the body', () => {
    const draft = draftArticle(input(['The creation of a body comes at a critical time. More follows.', 'A second paragraph.']));
    expect(draft.title).toMatchObject({ value: 'The creation of a body comes at a critical time', source: 'editor' });
    expect(draft.title.basis).toMatch(/states no title/);
    expect(sourceLines(draft.body)).toEqual(['The creation of a body comes at a critical time. More follows.', 'A second paragraph.']);
  });

  it('with a line of only a non-breaking space: drops it, and asks the editor what the capture lost there', () => {
    const draft = draftArticle(input([...PLAIN, '', '\u00a0', '', 'After the gap.']));
    expect(draft.dropped).toEqual([{ line: 7, text: '\u00a0', reason: expect.stringContaining('non-breaking space') }]);
    expect(draft.decide.join('\n')).toContain('Line 7 holds only a non-breaking space');
    expect(draftMarkdown(draft, '2026-11-28')).toContain('text: "\\u00a0"');
  });

  it('never invents: no author, publisher, kind or date unless the text states them, and each is left for the editor', () => {
    const draft = draftArticle(input(PLAIN));
    expect(draft).not.toHaveProperty('kind');
    expect(draft).not.toHaveProperty('published');
    expect(draft).not.toHaveProperty('publisherInferred');
    const decide = draft.decide.join('\n');
    for (const field of ['published:', 'kind:', 'publisher:', 'authors:', 'topics:']) expect(decide).toContain(field);
    const markdown = draftMarkdown(draft, '2026-11-28');
    expect(markdown).toContain('# published: not stated');
    expect(markdown).not.toMatch(/^(authors|publisher|published|kind):/m);
  });

  it('with an address: a date in it and the site of a known publisher are inferences, with their basis', () => {
    const hosts = new Map([['www.sample.org', { publisher: 'sample-trust', publisherName: 'Sample Trust', article: 'older-piece' }]]);
    const draft = draftArticle(input(PLAIN, { url: 'https://www.sample.org/2016/03/04/a-plain-headline/', hosts }));
    expect(draft.publishedInferred).toEqual({ value: '2016-03-04', basis: expect.stringContaining('2016/03/04') });
    expect(draft.publisherInferred).toEqual({ value: 'sample-trust', basis: expect.stringContaining('older-piece') });
    expect(draft.url).toBe('https://www.sample.org/2016/03/04/a-plain-headline/');
  });

  it('with a series line: records the series from the pattern’s value group', () => {
    const draft = draftArticle(input(['A headline', '', 'Part of Health under the new government', '', 'Text.']));
    expect(draft.partOf?.value).toBe('Health under the new government');
    expect(draft.dropped.map((d) => d.line)).toEqual([3]);
  });

  it('with “X said:” and quoted paragraphs: proposes a block quotation by X, and a pull quote where words repeat above a name', () => {
    const draft = draftArticle(
      input([
        'A statement',
        '',
        'Responding, Sam Author said:',
        '',
        '“We welcome the plan, which has been a long time coming.',
        '',
        'We welcome the plan, which has been a long time coming.',
        '',
        'Sam Author',
        '',
        '“There is more to do.”',
        '',
        'The end of the piece.',
      ]),
    );
    expect(draft.body).toBe(
      [
        'Responding, Sam Author said:',
        '',
        ':::quote{speaker="sam-author"}',
        '“We welcome the plan, which has been a long time coming.',
        ':::',
        '',
        ':::pullquote{speaker="sam-author" attribution="Sam Author"}',
        'We welcome the plan, which has been a long time coming.',
        ':::',
        '',
        ':::quote{speaker="sam-author"}',
        '“There is more to do.”',
        ':::',
        '',
        'The end of the piece.',
        '',
      ].join('\n'),
    );
    expect(draft.speakers).toEqual(['sam-author']);
  });

  it('with an organisation saying it: proposes the organisation as the speaker of its statement', () => {
    const draft = draftArticle(input(['A statement', '', 'A spokesperson for the Department of Health said:', '', '“We will publish the plan.”']));
    expect(draft.body).toContain(':::quote{speaker="department-of-health"}');
    expect(draft.speakers).toEqual([]);
  });

  it('with a named speaker in running text: marks their double-quoted words, not scare quotes', () => {
    const draft = draftArticle(input(['A headline', '', 'In her piece, Author warned that the plan “will need to show results quickly.” Others called it ‘bold’.']));
    expect(draft.body).toBe('In her piece, Author warned that the plan “:quote[will need to show results quickly.]{speaker="sam-author"}” Others called it ‘bold’.\n');
  });

  it('with a speaker who has no file: proposes an id and writes a stub with the role the line states', () => {
    const draft = draftArticle(
      input(['A headline', '', 'What the new body needs is a clear plan for its first year.', '', 'Nigel Newname, Chief Executive, Sample Trust', '', 'Commenting, Nigel Newname said:', '', '“What the new body needs is a clear plan for its first year.”']),
    );
    expect(draft.newPeople).toEqual([
      { id: 'nigel-newname', name: 'Nigel Newname', role: { title: 'Chief Executive', organisation: 'sample-trust', asStated: 'Nigel Newname, Chief Executive, Sample Trust' }, from: expect.stringContaining('line 5') },
    ]);
    expect(draft.body).toContain(':::quote{speaker="nigel-newname"}');
    expect(personStub(draft.newPeople[0]!, draft.slug)).toBe(
      [
        `# Found by npm run new in line 5: “Nigel Newname, Chief Executive, Sample Trust” of content/articles/a-headline.md: check the name and role.`,
        'name: "Nigel Newname"',
        'aliases: []',
        'roles:',
        '  - title: "Chief Executive"',
        '    organisation: sample-trust',
        '    statedIn: a-headline',
        '    asStated: "Nigel Newname, Chief Executive, Sample Trust"',
        '',
      ].join('\n'),
    );
  });

  it('an employer without a file is listed for the editor, not written, and the role keeps only what is known', () => {
    const draft = draftArticle(input(['A headline', '', 'The plan is bold and it will need care to deliver well.', '', 'Jo Newperson, director, Unknown Body', '', 'She said the plan is bold and it will need care to deliver well.']));
    expect(draft.newOrganisations).toEqual([{ id: 'unknown-body', name: 'Unknown Body', from: expect.stringContaining('line 5') }]);
    expect(draft.newPeople[0]?.role).toEqual({ title: 'director', asStated: 'Jo Newperson, director, Unknown Body' });
  });

  it('escapes what Markdown would read as markup, so the words render exactly', () => {
    expect(escapeMarkdown('A *starred* <b>word</b> [1] & more_than one')).toBe('A \\*starred\\* \\<b\\>word\\</b\\> \\[1\\] & more\\_than one');
    expect(escapeMarkdown('# Not a heading')).toBe('\\# Not a heading');
    expect(escapeMarkdown('1995. A year')).toBe('1995\\. A year');
    expect(escapeMarkdown('Meet at 12:30, note:this [x]')).toBe('Meet at 12\\:30, note\\:this \\[x\\]');
    expect(escapeMarkdown('See https://example.org/a')).toBe('See https://example.org/a');
    const draft = draftArticle(input(['A headline', '', '• A bulleted point.', '• Another point.', '', 'A paragraph.']));
    expect(draft.body).toBe('- A bulleted point.\n- Another point.\n\nA paragraph.\n');
  });

  it('reads the dates that sources state, day first, and only real ones', () => {
    expect(dateFromLine('Published: 30/09/2015')).toBe('2015-09-30');
    expect(dateFromLine('24 May 2018')).toBe('2018-05-24');
    expect(dateFromLine('17.09.15', 2026)).toBe('2015-09-17');
    expect(dateFromLine('September 30, 2015')).toBe('2015-09-30');
    expect(dateFromLine('31/02/2015')).toBeUndefined();
    expect(dateFromUrl('https://example.org/news/2015/09/a-piece')).toEqual({ iso: '2015-09', as: '2015/09' });
    expect(dateFromUrl('https://example.org/news/a-piece')).toBeUndefined();
  });

  it('gives a short slug from the title that no article has taken', () => {
    expect(slugFor('What do leaders want from NHS Improvement? The view from Westminster', new Set())).toBe('what-do-leaders-want-from-nhs-improvement-the');
    expect(slugFor('A plain headline', new Set(['a-plain-headline']))).toBe('a-plain-headline-2');
  });
});
