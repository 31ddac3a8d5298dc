/**
 * A person's role at the time of an article, from the roles the sources
 * state, each dated by the article that states it. The role stated in the
 * article itself wins; otherwise the latest role stated on or before the
 * article's date; otherwise (an undated article, or only later roles) none,
 * since a role stated later says nothing about the time before it.
 */
export interface DatedRole {
  /** As stated; none when the source names only the organisation. */
  title?: string | undefined;
  /** The organisation's name, when the role names one. */
  organisation?: string | undefined;
  /** The article that states the role. */
  statedIn: string;
  /** That article's date as a sort key ("2015-09-30", "2015-08"), when it has one. */
  dateKey?: string | undefined;
}

export function roleAt(roles: readonly DatedRole[], article: { slug: string; dateKey?: string | undefined }): DatedRole | undefined {
  const own = roles.find((r) => r.statedIn === article.slug);
  if (own) return own;
  if (article.dateKey === undefined) return undefined;
  const before = roles.filter((r) => r.dateKey !== undefined && r.dateKey <= article.dateKey!);
  return before.sort((a, b) => a.dateKey!.localeCompare(b.dateKey!)).at(-1);
}

/** "chief executive, NHS Providers"; "NHS Providers" when the source gives no title. */
export const describeRole = (role: DatedRole) => [role.title, role.organisation].filter(Boolean).join(', ');
