import { articleOf, type Article, type Catalogue, type Person } from './catalogue';

const refers = (refs: { id: string }[], id: string) => refs.some((ref) => ref.id === id);

export function articlesOfPerson(c: Catalogue, id: string) {
  return {
    authored: c.articles.filter((a) => refers(a.data.authors, id)),
    quoted: c.articles.filter((a) => refers(a.data.speakers, id)),
  };
}

export function articlesOfOrganisation(c: Catalogue, id: string) {
  const published = c.articles.filter((a) => a.data.publisher?.id === id);
  const probablyPublished = c.articles.filter((a) => a.data.publisherInferred?.value.id === id);
  const involved = c.articles.filter(
    (a) => refers(a.data.organisations, id) && !published.includes(a) && !probablyPublished.includes(a),
  );
  return { published, probablyPublished, involved };
}

export function articlesOfTopic(c: Catalogue, id: string): Article[] {
  return c.articles.filter((a) => refers(a.data.topics, id));
}

/** Each role of a person, with the article that states it (whose date is the role's date). */
export function rolesOf(c: Catalogue, person: Person) {
  return person.data.roles.map((role) => ({ ...role, article: articleOf(c, role.statedIn) }));
}

export function peopleAtOrganisation(c: Catalogue, id: string) {
  return [...c.people.values()].flatMap((person) =>
    rolesOf(c, person)
      .filter((role) => role.organisation?.id === id)
      .map((role) => ({ person, role })),
  );
}
