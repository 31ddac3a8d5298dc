import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SECTION_SIZE } from '../../src/lib/paging';
import { builtPage, contentArticles, hasClass, readBuilt, root, select, text } from '../support/built-site';

/*
 * The home and about pages say what the collection is and who published it. Counted from the content (whatever it
 * holds), never written for the first five articles: a collection from twenty publishers must not read as one by two.
 */
const articles = contentArticles().filter((a) => !a.data.draft);
const publisherId = (a: (typeof articles)[number]) =>
  (a.data.publisher as string | undefined) ?? (a.data.publisherInferred as { value: string } | undefined)?.value;
const organisationName = (id: string) =>
  (loadYaml(readFileSync(path.join(root, 'content/organisations', `${id}.yaml`), 'utf8')) as { name: string }).name;
const counts = new Map<string, number>();
for (const id of articles.map(publisherId)) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
const publishers = [...counts].sort((a, b) => b[1] - a[1]).map(([id, count]) => ({ name: organisationName(id), count }));
/** The names on a list page (NameList: `ul.entity-list`), each an item with its link. */
const entries = (list: string) =>
  select(builtPage(list), (el) => el.tagName === 'ul' && hasClass('entity-list')(el)).flatMap((ul) => select(ul, (el) => el.tagName === 'li'));
const paragraphAfter = (page: string, headingId: string) => {
  const paragraphs = select(builtPage(page), (el) => el.tagName === 'p' || el.tagName === 'h2');
  return text(paragraphs[paragraphs.findIndex((el) => el.properties.id === headingId) + 1]!);
};

describe('what the site says of its collection', () => {
  it('the home page names the publisher with the most articles, and no publisher the collection lacks', () => {
    const counted = text(select(builtPage('/'), (el) => el.tagName === 'p' && hasClass('collection-count')(el))[0]!);
    expect(counted).toMatch(new RegExp(`^${articles.length.toLocaleString('en-GB')} pieces? of `));
    if (publishers.length === 0) return expect(counted).not.toMatch(/ by /);
    // One of those with the most articles (a tie is broken by name).
    expect(publishers.filter((p) => p.count === publishers[0]!.count).some((p) => counted.includes(p.name))).toBe(true);
    const names = [...counted.matchAll(/, by (.+?)(?: and others)?\.$/g)].flatMap((m) => m[1]!.split(/, | and /));
    expect(names).not.toHaveLength(0);
    for (const name of names) expect(publishers.map((p) => p.name)).toContain(name);
  });

  // Whatever content/collection.yaml says (or nothing, when an editor leaves it out): the editors' words, never the code's.
  const description = (() => {
    const file = path.join(root, 'content/collection.yaml');
    return existsSync(file) ? ((loadYaml(readFileSync(file, 'utf8')) ?? {}) as { subject?: string; readers?: string; introduction?: string }) : {};
  })();
  const commentary = description.subject ? `commentary on ${description.subject}` : 'policy commentary';

  it('the home page introduces the collection in its editors’ words, from content/collection.yaml', () => {
    const intro = select(builtPage('/'), (el) => el.tagName === 'section' && hasClass('intro')(el))[0]!;
    const said = text(intro);
    for (const paragraph of (description.introduction ?? '').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean)) {
      expect(said).toContain(paragraph);
    }
    expect(said).toContain(`of ${commentary}`);
  });

  it('every page’s footer, the about page, the feeds and the home page’s description name the collection’s subject as its editors wrote it', () => {
    const upper = `${commentary[0]!.toUpperCase()}${commentary.slice(1)}`;
    const article = articles[0]!;
    for (const page of ['/', '/about/', `/articles/${article.id}/`, '/people/']) {
      const footer = select(builtPage(page), (el) => el.tagName === 'footer')[0]!;
      expect(text(footer), page).toContain(`Policy Reader: ${commentary}.`);
    }
    expect(paragraphAfter('/about/', 'the-collection')).toContain(` of ${commentary}.`);
    // Read as XML and HTML read them: each writer escapes in its own way (&apos; or &#39; for an apostrophe).
    const unescaped = (xml: string) => xml.replace(/&(lt|gt|quot|apos|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", amp: '&' })[e]!);
    expect(unescaped(/<channel>[\s\S]*?<description>([^<]*)<\/description>/.exec(readBuilt('feed.xml'))![1]!)).toBe(`${upper}.`);
    expect(unescaped(/<subtitle>([^<]*)<\/subtitle>/.exec(readBuilt('feed.atom'))![1]!)).toBe(`${upper}.`);
    const meta = select(builtPage('/'), (el) => el.tagName === 'meta' && el.properties.name === 'description')[0]!;
    expect(meta.properties.content).toBe(`${upper}, with its sources, people and organisations.`);
  });

  it('the about page says who the collection is for in its editors’ words, from content/collection.yaml', () => {
    const lede = select(builtPage('/about/'), (el) => el.tagName === 'p' && hasClass('lede')(el))[0]!;
    expect(text(lede).replace(/\s+/g, ' ')).toContain(`for ${description.readers ?? 'readers'} who need to read what was said`);
  });

  it('the about page counts the articles of each publisher, and those that do not say theirs', () => {
    const said = paragraphAfter('/about/', 'the-collection');
    for (const { name, count } of publishers.slice(0, 5)) expect(said).toContain(`${name} (${count.toLocaleString('en-GB')})`);
    const unsaid = articles.filter((a) => !publisherId(a)).length;
    if (unsaid > 0) expect(said).toMatch(new RegExp(`${unsaid.toLocaleString('en-GB')} (do|does) not say`));
  });
});

describe('the lists of people and organisations', () => {
  const listItem = (page: string, name: string) => {
    const item = entries(page).find((li) => select(li, (el) => el.tagName === 'a').some((a) => text(a) === name));
    return item && text(item);
  };
  const countOf = (ids: (string | undefined)[], id: string) => ids.filter((x) => x === id).length;
  const articlesWord = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'article' : 'articles'}`;

  it('say beside each publisher how many articles it published, stated apart from inferred', () => {
    const stated = articles.map((a) => a.data.publisher as string | undefined);
    const inferredIds = articles.map((a) => (a.data.publisherInferred as { value: string } | undefined)?.value);
    const ids = new Set([...stated, ...inferredIds].filter((id): id is string => id !== undefined));
    // The first page of the list: a collection of thousands files the rest on later pages.
    for (const id of ids) {
      const item = listItem('/organisations/', organisationName(id));
      if (item === undefined) continue;
      if (countOf(stated, id) > 0) expect(item).toContain(`published ${articlesWord(countOf(stated, id))}`);
      if (countOf(inferredIds, id) > 0) expect(item).toContain(`probably published ${articlesWord(countOf(inferredIds, id))}`);
    }
  });

  it('say beside each author how many articles they wrote', () => {
    const authors = articles.flatMap((a) => (a.data.authors as string[] | undefined) ?? []);
    for (const id of new Set(authors)) {
      const { name } = loadYaml(readFileSync(path.join(root, 'content/people', `${id}.yaml`), 'utf8')) as { name: string };
      const item = listItem('/people/', name);
      if (item !== undefined) expect(item).toContain(`wrote ${articlesWord(countOf(authors, id))}`);
    }
  });
});

describe('the lists of names and the pages they link to', () => {
  it('say beside each name the number of articles its page lists as naming it in the text (the seed articles name some)', () => {
    let checked = 0;
    for (const list of ['/people/', '/organisations/']) {
      for (const item of entries(list)) {
        const link = select(item, (el) => el.tagName === 'a')[0]!;
        const href = String(link.properties.href);
        const page = builtPage(href);
        const section = select(page, (el) => el.tagName === 'section' && select(el, (h) => h.properties.id === 'mentions-heading').length > 0)[0];
        const listed = section ? select(section, (el) => el.tagName === 'li').length : 0;
        const said = /named in the text of ([\d,]+) articles?/.exec(text(item))?.[1];
        // The page lists the first SECTION_SIZE: beyond them the list's count is larger.
        if (listed < SECTION_SIZE) expect(Number(said?.replace(/,/g, '') ?? 0), href).toBe(listed);
        else expect(Number(said?.replace(/,/g, '')), href).toBeGreaterThanOrEqual(listed);
        if (listed > 0) checked++;
      }
    }
    expect(checked, 'no name on the lists’ first pages is named in any text').toBeGreaterThan(0);
  });
});
