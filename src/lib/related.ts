/**
 * Related articles: ranked by what two articles share (topics, people who
 * speak or write in both, people and organisations both mention) and by how
 * close their dates are, each with the reasons a reader can check.
 */
export interface Relatable {
  id: string;
  /** Approximate day number (days since 1970) of the date, if the article has one. */
  day?: number | undefined;
  /** Whether that date is the editors' inference rather than stated. */
  dayInferred?: boolean;
  topics: Map<string, string>;
  /** People whose words are in the article (authors, speakers, quoted). */
  voices: Map<string, string>;
  /** People and organisations named in the article. */
  named: Map<string, string>;
}

export interface Related {
  id: string;
  score: number;
  reasons: string[];
}

export const WEIGHTS = { topic: 3, voice: 4, named: 1, sameMonth: 2, sameYear: 1 } as const;

const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? ''));
const shared = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((k) => b.has(k)).map((k) => a.get(k)!);

function compare(target: Relatable, other: Relatable, withReasons: boolean): Related {
  const voices = withReasons ? shared(target.voices, other.voices) : [];
  const topics = withReasons ? shared(target.topics, other.topics) : [];
  let voiceCount = 0;
  let topicCount = 0;
  let namedCount = 0;
  for (const key of target.voices.keys()) if (other.voices.has(key)) voiceCount++;
  for (const key of target.topics.keys()) if (other.topics.has(key)) topicCount++;
  // A person whose words are in both counts once, as a voice, not again as a name.
  for (const key of target.named.keys()) if (other.named.has(key) && !(target.voices.has(key) && other.voices.has(key))) namedCount++;
  let score = voiceCount * WEIGHTS.voice + topicCount * WEIGHTS.topic + namedCount * WEIGHTS.named;
  const reasons: string[] = [];
  if (withReasons) {
    const named = shared(target.named, other.named).filter((name) => !voices.includes(name));
    reasons.push(
      ...voices.map((name) => `Also quotes ${name}`),
      ...(topics.length > 0 ? [`Also on ${list(topics)}`] : []),
      ...(named.length > 0 ? [`Also names ${named.slice(0, 3).join(', ')}${named.length > 3 ? ` and ${named.length - 3} more` : ''}`] : []),
    );
  }
  if (target.day !== undefined && other.day !== undefined) {
    const apart = Math.abs(target.day - other.day);
    const approx = target.dayInferred || other.dayInferred ? 'about ' : '';
    if (apart <= 31) {
      score += WEIGHTS.sameMonth;
      if (withReasons) reasons.push(apart === 0 && !approx ? 'Published the same day' : `Published within ${approx}a month`);
    } else if (apart <= 366) {
      score += WEIGHTS.sameYear;
      if (withReasons) reasons.push(`Published within ${approx}a year`);
    }
  }
  return { id: other.id, score, reasons };
}

export function rankRelated(target: Relatable, others: Relatable[], limit = 3): Related[] {
  // Score everything cheaply, keep the best few, and only word their reasons:
  // a page in a collection of thousands compares itself with every other.
  const best: { other: Relatable; score: number }[] = [];
  for (const other of others) {
    if (other.id === target.id) continue;
    const { score } = compare(target, other, false);
    // Ties keep the order given (newest first), so the ranking is stable from build to build.
    if (score <= 0 || (best.length === limit && score <= best.at(-1)!.score)) continue;
    const at = best.findIndex((b) => score > b.score);
    best.splice(at < 0 ? best.length : at, 0, { other, score });
    if (best.length > limit) best.pop();
  }
  return best.map(({ other }) => compare(target, other, true));
}

/**
 * Candidates for each article's related list without comparing every pair:
 * an inverted index from each topic, voice and name to the articles that
 * have it, ordered by date. An article's candidates are, for each of its
 * keys, the `perKey` articles nearest to it in date that share the key, and
 * the `byDate` articles nearest in date overall (closeness in date scores
 * too). Candidates keep the collection's order, so ties rank as before; in a
 * collection where no key is shared by more than `perKey` articles, every
 * article that could score is a candidate and the ranking is exact.
 */
export function relatedCandidates(all: Relatable[], { perKey = 40, byDate = 20 } = {}): (target: Relatable) => Relatable[] {
  const position = new Map(all.map((r, i) => [r.id, i]));
  const day = (r: Relatable) => r.day ?? Number.NEGATIVE_INFINITY;
  const byDay = (list: number[]) => list.sort((a, b) => day(all[a]!) - day(all[b]!) || a - b);
  const postings = new Map<string, number[]>();
  all.forEach((r, i) => {
    for (const key of [...[...r.topics.keys()].map((k) => `t:${k}`), ...[...r.voices.keys()].map((k) => `v:${k}`), ...[...r.named.keys()].map((k) => `n:${k}`)]) {
      const list = postings.get(key);
      if (list) list.push(i);
      else postings.set(key, [i]);
    }
  });
  for (const list of postings.values()) byDay(list);
  const everyone = byDay(all.map((_, i) => i));

  /** The `count` entries of a day-ordered list nearest to `target` in date. */
  const nearest = (list: number[], target: Relatable, count: number): number[] => {
    if (list.length <= count) return list;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (day(all[list[mid]!]!) < day(target)) lo = mid + 1;
      else hi = mid;
    }
    const start = Math.max(0, Math.min(lo - (count >> 1), list.length - count));
    return list.slice(start, start + count);
  };

  return (target) => {
    const found = new Set<number>(nearest(everyone, target, byDate));
    const keys = [...[...target.topics.keys()].map((k) => `t:${k}`), ...[...target.voices.keys()].map((k) => `v:${k}`), ...[...target.named.keys()].map((k) => `n:${k}`)];
    for (const key of keys) for (const i of nearest(postings.get(key) ?? [], target, perKey)) found.add(i);
    found.delete(position.get(target.id)!);
    return [...found].sort((a, b) => a - b).map((i) => all[i]!);
  };
}
