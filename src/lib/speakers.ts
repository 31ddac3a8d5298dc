import { organisationUrl, personUrl } from './routes';

/**
 * Who speaks in a quotation: a person, or an organisation ("the Department of
 * Health said"). In an article an editor writes either id as
 * `speaker="…"`; from then on the speaker is a key: a person's id as it has
 * always been (public data keeps it), an organisation's as
 * "organisations/<id>", so the two never collide and every page can tell
 * them apart without looking anything up.
 */
const ORGANISATION = 'organisations/';

export type Speaker = { kind: 'person' | 'organisation'; id: string };

export const organisationSpeaker = (id: string): string => `${ORGANISATION}${id}`;

export function speakerOf(key: string): Speaker {
  return key.startsWith(ORGANISATION) ? { kind: 'organisation', id: key.slice(ORGANISATION.length) } : { kind: 'person', id: key };
}

/** The page of whoever speaks. */
export function speakerUrl(key: string): string {
  const { kind, id } = speakerOf(key);
  return kind === 'person' ? personUrl(id) : organisationUrl(id);
}

/** A speaker's name, from the people and organisations known by id; the key itself if neither knows it. */
export function speakerName(key: string, names: { people: ReadonlyMap<string, string>; organisations: ReadonlyMap<string, string> }): string {
  const { kind, id } = speakerOf(key);
  return (kind === 'person' ? names.people.get(id) : names.organisations.get(id)) ?? id;
}

/**
 * What an editor wrote in `speaker="…"`, as a key: a person's id first, else
 * an organisation's. An id that is both is refused, since either reading
 * could be wrong.
 */
export function resolveSpeaker(
  written: string,
  known: { people: { has(id: string): boolean }; organisations: { has(id: string): boolean } },
): { key: string } | { problem: string } {
  const person = known.people.has(written);
  const organisation = known.organisations.has(written);
  if (person && organisation) {
    return { problem: `speaker "${written}" is both content/people/${written}.yaml and content/organisations/${written}.yaml. Rename one of the two files (and its references), so the speaker is clear.` };
  }
  if (person) return { key: written };
  if (organisation) return { key: organisationSpeaker(written) };
  return { problem: `speaker "${written}" is not a known person or organisation. Add content/people/${written}.yaml (or content/organisations/${written}.yaml), or correct the id` };
}
