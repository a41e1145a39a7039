/**
 * Whole numbers from 0 to 2³² − 1, the same sequence for the same seed on every run (xorshift32: integer steps, so
 * every bit of the state varies). A seed of 0 is taken as 1, which the steps would otherwise keep at 0 for ever.
 */
export function seededNumbers(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}
