/**
 * The register of published anchors: every article URL and block id that has
 * been published. Public URLs are a promise, so the build checks the site
 * against it: new articles and blocks are added, but a published one may only
 * disappear if the register maps it to its successor.
 */
export interface ArticleAnchors {
  /** Block ids published for this article. */
  ids: string[];
  /** Published ids that were edited or removed, mapped to their successor block. */
  moved?: Record<string, string> | undefined;
}

export interface PermalinkRegister {
  articles: Record<string, ArticleAnchors>;
  /** Article slugs that were changed, mapped to the new slug. */
  movedArticles?: Record<string, string> | undefined;
}

export interface RegisterProblem {
  article: string;
  id?: string | undefined;
  message: string;
}

export const emptyRegister = (): PermalinkRegister => ({ articles: {} });

/** Where a published article now lives, following movedArticles. */
export function currentSlug(register: PermalinkRegister, slug: string): string {
  return register.movedArticles?.[slug] ?? slug;
}

/**
 * Checks the site (slug → block ids) against the register. With the blocks'
 * text, a lost id's message lists the blocks added since publication with
 * their first words: the edited paragraph is usually one of them.
 */
export function checkRegister(
  register: PermalinkRegister,
  site: Map<string, string[]>,
  registerFile = 'content/permalinks.yaml',
  textOf?: (slug: string, id: string) => string | undefined,
): RegisterProblem[] {
  const problems: RegisterProblem[] = [];
  for (const [slug, published] of Object.entries(register.articles)) {
    const target = currentSlug(register, slug);
    const ids = site.get(target);
    if (!ids) {
      problems.push({
        article: slug,
        message:
          target === slug
            ? `/articles/${slug}/ was published but no longer exists. Restore the article (or its slug), or map the old slug to the new one under movedArticles in ${registerFile}.`
            : `/articles/${slug}/ is mapped to /articles/${target}/, which does not exist. Correct movedArticles in ${registerFile}.`,
      });
      continue;
    }
    const present = new Set(ids);
    for (const id of published.ids) {
      if (present.has(id)) continue;
      const successor = published.moved?.[id];
      if (successor === undefined) {
        const added = ids.filter((candidate) => !published.ids.includes(candidate)).slice(0, 3);
        const firstWords = (candidate: string) => {
          const words = textOf?.(target, candidate)?.split(/\s+/).filter(Boolean);
          return words?.length ? ` (“${words.slice(0, 8).join(' ')}${words.length > 8 ? '…' : ''}”)` : '';
        };
        const candidates = added.length > 0 ? ` Blocks added since it was published: ${added.map((c) => `${c}${firstWords(c)}`).join(', ')}.` : '';
        problems.push({
          article: slug,
          id,
          message: `/articles/${slug}/#${id} was published but the block no longer exists (a paragraph edited or removed). Map it to its successor in ${registerFile}: under articles.${slug}.moved write "${id}: <new block id>".${candidates}`,
        });
      } else if (!present.has(successor)) {
        problems.push({
          article: slug,
          id,
          message: `/articles/${slug}/#${id} is mapped to "${successor}", which does not exist in the article. Correct articles.${slug}.moved in ${registerFile}.`,
        });
      }
    }
  }
  return problems;
}

/** The register with every new article and block added; nothing is ever removed. */
export function withNewAnchors(register: PermalinkRegister, site: Map<string, string[]>): PermalinkRegister {
  const articles: Record<string, ArticleAnchors> = {};
  const movedAway = new Set(Object.keys(register.movedArticles ?? {}));
  const slugs = [...new Set([...Object.keys(register.articles), ...site.keys()])].sort();
  for (const slug of slugs) {
    const old = register.articles[slug];
    const ids = movedAway.has(slug) ? [] : (site.get(slug) ?? []);
    const merged = [...(old?.ids ?? []), ...ids.filter((id) => !old?.ids.includes(id))];
    articles[slug] = old?.moved && Object.keys(old.moved).length > 0 ? { ids: merged, moved: old.moved } : { ids: merged };
  }
  return register.movedArticles ? { articles, movedArticles: register.movedArticles } : { articles };
}

/** Old ids of an article mapped to their successors, for anchors that keep old links working. */
/**
 * Every article's moved ids at once, by its current slug: for a plugin that
 * asks for each article in turn (movedIds reads the whole register per call).
 */
export function movedIdsBySlug(register: PermalinkRegister): Map<string, Record<string, string>> {
  const bySlug = new Map<string, Record<string, string>>();
  for (const [old, anchors] of Object.entries(register.articles)) {
    if (!anchors.moved) continue;
    const slug = currentSlug(register, old);
    bySlug.set(slug, { ...bySlug.get(slug), ...anchors.moved });
  }
  return bySlug;
}

export function movedIds(register: PermalinkRegister, slug: string): Record<string, string> {
  const moved: Record<string, string> = {};
  for (const [old, anchors] of Object.entries(register.articles)) {
    if (currentSlug(register, old) === slug) Object.assign(moved, anchors.moved ?? {});
  }
  return moved;
}
