/** Points of a series this far (in robust z-scores) from the median of the ones before are flagged. */
export const ANOMALY_Z = 3.5;
/** How many earlier points the median and spread are taken over, and the fewest that says anything. */
const WINDOW = 28;
const MIN_HISTORY = 7;

/** The least spread a history is taken to have, as a share of its median: quiet markets do not make every small move an anomaly. */
const MIN_SPREAD = 0.02;

/**
 * For each value, whether it lies far from its recent history: its distance from the median of the
 * previous WINDOW values, over their median absolute deviation (scaled to a standard deviation, and
 * never less than 2 % of the median), above ANOMALY_Z.
 *
 * Every series a visitor opens runs through this, so the history is kept sorted as it slides
 * (one value in, one out) rather than copied and sorted again for each point.
 */
export function anomalies(values: readonly number[]): boolean[] {
  const history: number[] = [];
  return values.map((value, i) => {
    const flagged = history.length >= MIN_HISTORY && isFar(history, value);
    if (i >= WINDOW) history.splice(firstAtLeast(history, values[i - WINDOW]!), 1);
    history.splice(firstAtLeast(history, value), 0, value);
    return flagged;
  });
}

function isFar(sorted: readonly number[], value: number): boolean {
  const m = median(sorted);
  const spread = Math.max(1.4826 * medianDeviation(sorted, m), Math.abs(m) * MIN_SPREAD);
  return spread > 0 && Math.abs(value - m) / spread > ANOMALY_Z;
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The median of |v − m| over sorted values: the deviations grow outwards from m on both sides, so
 * the middle ones are found by walking out from m, taking the nearer side each step.
 */
function medianDeviation(sorted: readonly number[], m: number): number {
  let above = firstAtLeast(sorted, m);
  let below = above - 1;
  let previous = 0;
  let current = 0;
  for (let taken = 0; taken <= sorted.length >> 1; taken++) {
    const down = below >= 0 ? m - sorted[below]! : Infinity;
    const up = above < sorted.length ? sorted[above]! - m : Infinity;
    previous = current;
    if (down <= up) {
      current = down;
      below--;
    } else {
      current = up;
      above++;
    }
  }
  return sorted.length % 2 ? current : (previous + current) / 2;
}

/** Where `value` goes in `sorted` (before any equal values). */
function firstAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
