/**
 * mulberry32: a tiny deterministic PRNG so demo data is the same on every run and every machine.
 * Not for anything secret.
 */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** An integer in [min, max] drawn from `next`. */
export const intBetween = (next: () => number, min: number, max: number): number =>
  min + Math.floor(next() * (max - min + 1));
