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

export function rankRelated(target: Relatable, others: Relatable[], limit = 3): Related[] {
  const ranked = others
    .filter((o) => o.id !== target.id)
    .map((other) => {
      const voices = shared(target.voices, other.voices);
      const topics = shared(target.topics, other.topics);
      const named = shared(target.named, other.named).filter((name) => !voices.includes(name));
      let score = voices.length * WEIGHTS.voice + topics.length * WEIGHTS.topic + named.length * WEIGHTS.named;
      const reasons = [
        ...voices.map((name) => `Also quotes ${name}`),
        ...(topics.length > 0 ? [`Also on ${list(topics)}`] : []),
        ...(named.length > 0 ? [`Also names ${named.slice(0, 3).join(', ')}${named.length > 3 ? ` and ${named.length - 3} more` : ''}`] : []),
      ];
      if (target.day !== undefined && other.day !== undefined) {
        const apart = Math.abs(target.day - other.day);
        const approx = target.dayInferred || other.dayInferred ? 'about ' : '';
        if (apart <= 31) {
          score += WEIGHTS.sameMonth;
          reasons.push(apart === 0 && !approx ? 'Published the same day' : `Published within ${approx}a month`);
        } else if (apart <= 366) {
          score += WEIGHTS.sameYear;
          reasons.push(`Published within ${approx}a year`);
        }
      }
      return { id: other.id, score, reasons };
    })
    .filter((r) => r.score > 0)
    // Ties keep the order given (newest first), so the ranking is stable from build to build.
    .sort((a, b) => b.score - a.score);
  return ranked.slice(0, limit);
}
