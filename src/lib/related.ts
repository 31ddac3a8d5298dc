import { listed } from './text';

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

const shared = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((k) => b.has(k)).map((k) => a.get(k)!);

/** The score of two articles (scoreOf) and the reasons a reader can check. */
function compare(target: Relatable, other: Relatable): Related {
  const voices = shared(target.voices, other.voices);
  const topics = shared(target.topics, other.topics);
  const named = shared(target.named, other.named).filter((name) => !voices.includes(name));
  const reasons = [
    ...voices.map((name) => `Also quotes ${name}`),
    ...(topics.length > 0 ? [`Also on ${listed(topics)}`] : []),
    ...(named.length > 0 ? [`Also names ${named.slice(0, 3).join(', ')}${named.length > 3 ? ` and ${named.length - 3} more` : ''}`] : []),
  ];
  if (target.day !== undefined && other.day !== undefined) {
    const apart = Math.abs(target.day - other.day);
    const approx = target.dayInferred || other.dayInferred ? 'about ' : '';
    if (apart <= 31) reasons.push(apart === 0 && !approx ? 'Published the same day' : `Published within ${approx}a month`);
    else if (apart <= 366) reasons.push(`Published within ${approx}a year`);
  }
  return { id: other.id, score: scoreOf(target, other), reasons };
}

/**
 * An article's keys as numbers, each list sorted: two articles' shared keys
 * are found by walking two short lists of numbers, not by looking names up
 * in maps (at 5,000 articles, each compared with its few hundred candidates,
 * the look-ups were a second of every build). The same name is the same
 * number within a run; topics, voices and names are never compared across.
 */
interface KeyNumbers {
  topics: Int32Array;
  voices: Int32Array;
  named: Int32Array;
}
const keyNumber = new Map<string, number>();
const numbered = new WeakMap<Relatable, KeyNumbers>();
function keyNumbers(r: Relatable): KeyNumbers {
  let found = numbered.get(r);
  if (!found) {
    const numbers = (keys: Map<string, string>) =>
      Int32Array.from(keys.keys(), (key) => {
        let n = keyNumber.get(key);
        if (n === undefined) keyNumber.set(key, (n = keyNumber.size));
        return n;
      }).sort();
    found = { topics: numbers(r.topics), voices: numbers(r.voices), named: numbers(r.named) };
    numbered.set(r, found);
  }
  return found;
}

/** How many numbers two sorted lists share; those of `a` that are also in `both` (sorted) are not counted. */
function sharedCount(a: Int32Array, b: Int32Array, leaveOut?: Int32Array): number {
  let count = 0;
  for (let i = 0, j = 0, k = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      if (leaveOut) while (k < leaveOut.length && leaveOut[k]! < a[i]!) k++;
      if (!leaveOut || leaveOut[k] !== a[i]) count++;
      i++;
      j++;
    }
  }
  return count;
}

const NONE = new Int32Array(0);

/** The numbers two sorted lists share, sorted. */
function sharedNumbers(a: Int32Array, b: Int32Array): Int32Array {
  // Most pairs share none: nothing is made for them.
  let out: number[] | undefined;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      (out ??= []).push(a[i]!);
      i++;
      j++;
    }
  }
  return out ? Int32Array.from(out) : NONE;
}

/** How related two articles are: the voices, topics and names they share, weighted, and how close their dates are. */
function scoreOf(target: Relatable, other: Relatable): number {
  const t = keyNumbers(target);
  const o = keyNumbers(other);
  const voices = sharedNumbers(t.voices, o.voices);
  // A person whose words are in both counts once, as a voice, not again as a name.
  let score = voices.length * WEIGHTS.voice + sharedCount(t.topics, o.topics) * WEIGHTS.topic + sharedCount(t.named, o.named, voices) * WEIGHTS.named;
  if (target.day !== undefined && other.day !== undefined) {
    const apart = Math.abs(target.day - other.day);
    if (apart <= 31) score += WEIGHTS.sameMonth;
    else if (apart <= 366) score += WEIGHTS.sameYear;
  }
  return score;
}

export function rankRelated(target: Relatable, others: Relatable[], limit = 3): Related[] {
  // Score everything cheaply, keep the best few, and only word their reasons:
  // a page in a collection of thousands compares itself with every other.
  const best: { other: Relatable; score: number }[] = [];
  for (const other of others) {
    if (other.id === target.id) continue;
    const score = scoreOf(target, other);
    // Ties keep the order given (newest first), so the ranking is stable from build to build.
    if (score <= 0 || (best.length === limit && score <= best.at(-1)!.score)) continue;
    const at = best.findIndex((b) => score > b.score);
    best.splice(at < 0 ? best.length : at, 0, { other, score });
    if (best.length > limit) best.pop();
  }
  return best.map(({ other }) => compare(target, other));
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
  const keysOf = (r: Relatable) => [...[...r.topics.keys()].map((k) => `t:${k}`), ...[...r.voices.keys()].map((k) => `v:${k}`), ...[...r.named.keys()].map((k) => `n:${k}`)];
  all.forEach((r, i) => {
    for (const key of keysOf(r)) {
      const posting = postings.get(key);
      if (posting) posting.push(i);
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
    for (const key of keysOf(target)) for (const i of nearest(postings.get(key) ?? [], target, perKey)) found.add(i);
    found.delete(position.get(target.id)!);
    return [...found].sort((a, b) => a - b).map((i) => all[i]!);
  };
}
