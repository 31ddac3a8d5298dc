import { describe, expect, it } from 'vitest';
import { checkRegister, movedIds, movedIdsBySlug, withNewAnchors, type PermalinkRegister } from '../../src/lib/permalink-register';

const site = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

describe('the permalink register', () => {
  const register: PermalinkRegister = { articles: { a: { ids: ['intro', 'p-1111', 'p-2222'] } } };

  it('accepts a site that still has every published id, and new ones besides', () => {
    expect(checkRegister(register, site({ a: ['intro', 'p-1111', 'p-2222', 'p-3333'], b: ['p-4444'] }))).toEqual([]);
  });

  it('fails on a published block that disappeared, naming the article and the id and the fix', () => {
    const problems = checkRegister(register, site({ a: ['intro', 'p-1111', 'p-9999'] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ article: 'a', id: 'p-2222' });
    expect(problems[0]!.message).toContain('under articles.a.moved write "p-2222: <new block id>"');
  });

  it('accepts a disappeared id that is mapped to a successor that exists, and rejects one mapped to nothing', () => {
    const mapped: PermalinkRegister = { articles: { a: { ids: ['p-1111', 'p-2222'], moved: { 'p-2222': 'p-9999' } } } };
    expect(checkRegister(mapped, site({ a: ['p-1111', 'p-9999'] }))).toEqual([]);
    expect(checkRegister(mapped, site({ a: ['p-1111'] }))[0]!.message).toContain('mapped to "p-9999", which does not exist');
  });

  it('fails on a published article whose slug disappeared, unless movedArticles maps it', () => {
    expect(checkRegister(register, site({ b: ['intro'] }))[0]!.message).toContain('/articles/a/ was published but no longer exists');
    const renamed: PermalinkRegister = { ...register, movedArticles: { a: 'a-new' } };
    expect(checkRegister(renamed, site({ 'a-new': ['intro', 'p-1111', 'p-2222'] }))).toEqual([]);
  });

  it('adds new articles and ids without removing or reordering published ones', () => {
    const updated = withNewAnchors(register, site({ a: ['p-0000', 'intro', 'p-1111', 'p-2222'], b: ['p-4444'] }));
    expect(updated.articles).toEqual({
      a: { ids: ['intro', 'p-1111', 'p-2222', 'p-0000'] },
      b: { ids: ['p-4444'] },
    });
  });

  it('lists the moved ids of an article, also those published under its old slug', () => {
    const r: PermalinkRegister = {
      articles: { old: { ids: ['p-1'], moved: { 'p-1': 'p-2' } }, now: { ids: ['p-3'], moved: { 'p-3': 'p-4' } } },
      movedArticles: { old: 'now' },
    };
    expect(movedIds(r, 'now')).toEqual({ 'p-1': 'p-2', 'p-3': 'p-4' });
  });
});

describe('moved ids for every article at once', () => {
  it('gives each article, under its current slug, the same moved ids as asking for it alone', () => {
    const register = {
      articles: {
        a: { ids: ['p-1', 'p-2'], moved: { 'p-1': 'p-2' } },
        old: { ids: ['p-3'], moved: { 'p-3': 'p-4' } },
        b: { ids: ['p-5'] },
      },
      movedArticles: { old: 'renamed' },
    };
    const bySlug = movedIdsBySlug(register);
    for (const slug of ['a', 'renamed', 'b', 'old']) expect(bySlug.get(slug) ?? {}).toEqual(movedIds(register, slug));
    expect(bySlug.get('renamed')).toEqual({ 'p-3': 'p-4' });
  });
});
