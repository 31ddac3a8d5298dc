// A small deterministic generator, so a generated corpus is the same on every run:
// mulberry32, in 32-bit integer arithmetic (an earlier LCG multiplied past 2^53,
// lost precision and repeated after about 10,000 draws, so "unique" words recurred).
export function seededRandom(seed) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
