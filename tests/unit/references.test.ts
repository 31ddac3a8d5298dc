import { describe, expect, it } from 'vitest';
import { describeDanglingReference, findDanglingReferences, referencesIn, type EntryLike } from '../../src/lib/references';

const COLLECTIONS = ['articles', 'people', 'organisations', 'topics'];

const person = (id: string): EntryLike => ({ collection: 'people', id, filePath: `content/people/${id}.yaml`, data: { name: id } });

describe('dangling references', () => {
  it('finds nothing when every reference names an existing entry', () => {
    const article: EntryLike = {
      collection: 'articles',
      id: 'a',
      filePath: 'content/articles/a.md',
      data: { authors: [{ collection: 'people', id: 'chris-hopson' }] },
    };
    expect(findDanglingReferences([article, person('chris-hopson')], COLLECTIONS)).toEqual([]);
  });

  it('names the file, the field with its index and the missing id', () => {
    const article: EntryLike = {
      collection: 'articles',
      id: 'a',
      filePath: 'content/articles/a.md',
      data: {
        authors: [{ collection: 'people', id: 'chris-hopson' }, { collection: 'people', id: 'nobody' }],
        publisherInferred: { value: { collection: 'organisations', id: 'ghost-trust' }, basis: 'x' },
      },
    };
    const entries = [article, person('chris-hopson'), { collection: 'organisations', id: 'nhs-providers', data: {} }];
    const found = findDanglingReferences(entries, COLLECTIONS);
    expect(found.map((d) => [d.file, d.field, d.target.id])).toEqual([
      ['content/articles/a.md', 'authors[1]', 'nobody'],
      ['content/articles/a.md', 'publisherInferred.value', 'ghost-trust'],
    ]);
    expect(describeDanglingReference(found[0]!)).toBe(
      'content/articles/a.md: authors[1] refers to people "nobody", which does not exist. Add content/people/nobody.yaml, or correct the id in authors[1].',
    );
  });

  it('checks references inside nested lists, such as the organisation of a role', () => {
    const someone: EntryLike = {
      collection: 'people',
      id: 'x',
      filePath: 'content/people/x.yaml',
      data: { roles: [{ title: 'chief executive', organisation: { collection: 'organisations', id: 'nowhere' } }] },
    };
    expect(findDanglingReferences([someone], COLLECTIONS)[0]?.field).toBe(
      'roles[0].organisation',
    );
  });
});

describe('references in a value', () => {
  it('finds nested and inferred references into the collections asked for, and no others', () => {
    const data = {
      authors: [{ collection: 'people', id: 'chris-hopson' }],
      publisherInferred: { value: { collection: 'organisations', id: 'nhs-providers' }, basis: 'the page footer' },
      topics: [{ collection: 'topics', id: 'leadership' }],
      roles: [{ title: 'chief executive', statedIn: { collection: 'articles', id: 'a' } }],
    };
    expect(referencesIn(data, ['people', 'organisations'])).toEqual([
      { collection: 'people', id: 'chris-hopson' },
      { collection: 'organisations', id: 'nhs-providers' },
    ]);
    expect(referencesIn(data, ['articles'])).toEqual([{ collection: 'articles', id: 'a' }]);
  });
});
