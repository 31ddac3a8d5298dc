/**
 * The few items of lowest score in a set that only grows, and in each prefix
 * of a row of positions (a Fenwick tree of such lists), with counts the same
 * way. Swept over items sorted by one value and queried by another, they
 * answer "the closest few, and how many, among the items below both bounds"
 * for every query in O(k log n), where weighing every item against every
 * query would take their product (lib/quotations: the notes of a line that
 * thousands of articles quote).
 */

/** The `k` items of lowest score added so far, lowest first, each once. Scores must differ between items. */
export class Fewest {
  readonly ids: number[] = [];
  readonly k: number;
  readonly score: (id: number) => number;
  constructor(k: number, score: (id: number) => number) {
    this.k = k;
    this.score = score;
  }
  add(id: number): void {
    const { ids, k, score } = this;
    const s = score(id);
    if (ids.length === k && s >= score(ids[k - 1]!)) return;
    if (ids.includes(id)) return;
    let at = Math.min(ids.length, k - 1);
    ids[at] = id;
    while (at > 0 && score(ids[at - 1]!) > s) {
      ids[at] = ids[at - 1]!;
      ids[at - 1] = id;
      at--;
    }
  }
  addAll(list: readonly number[]): this {
    for (const id of list) this.add(id);
    return this;
  }
}

/** Fewest over positions 0…size-1: items added at a position; the fewest among the positions below a bound. */
export class FewestByPrefix {
  private readonly nodes: (Fewest | undefined)[];
  private readonly k: number;
  private readonly score: (id: number) => number;
  constructor(size: number, k: number, score: (id: number) => number) {
    this.nodes = new Array(size + 1);
    this.k = k;
    this.score = score;
  }
  add(position: number, id: number): void {
    outOfRange(position, this.nodes.length - 1);
    for (let i = position + 1; i < this.nodes.length; i += i & -i) (this.nodes[i] ??= new Fewest(this.k, this.score)).add(id);
  }
  /** The fewest among the items at positions 0…length-1. */
  below(length: number): Fewest {
    const out = new Fewest(this.k, this.score);
    for (let i = length; i > 0; i -= i & -i) if (this.nodes[i]) out.addAll(this.nodes[i]!.ids);
    return out;
  }
}

/** How many items were added at positions 0…size-1, counted below a bound. */
export class CountByPrefix {
  private readonly tree: Int32Array;
  constructor(size: number) {
    this.tree = new Int32Array(size + 1);
  }
  add(position: number): void {
    outOfRange(position, this.tree.length - 1);
    for (let i = position + 1; i < this.tree.length; i += i & -i) this.tree[i]!++;
  }
  /** How many at positions 0…length-1. */
  below(length: number): number {
    let n = 0;
    for (let i = length; i > 0; i -= i & -i) n += this.tree[i]!;
    return n;
  }
}

// A position outside the tree would loop for ever (0 + (0 & -0) is 0), so it is an error, said at once.
function outOfRange(position: number, size: number): void {
  if (!(Number.isInteger(position) && position >= 0 && position < size)) throw new RangeError(`position ${position} is outside 0…${size - 1}`);
}

/** How many of `sorted` (ascending) are below `value`. */
export function countBelow(sorted: ArrayLike<number>, value: number): number {
  let [lo, hi] = [0, sorted.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
