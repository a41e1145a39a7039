/** Points of a series this far (in robust z-scores) from the median of the ones before are flagged. */
export const ANOMALY_Z = 3.5;
/** How many earlier points the median and spread are taken over, and the fewest that says anything. */
const WINDOW = 28;
const MIN_HISTORY = 7;

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The least spread a history is taken to have, as a share of its median: quiet markets do not make every small move an anomaly. */
const MIN_SPREAD = 0.02;

/**
 * For each value, whether it lies far from its recent history: its distance from the median of the
 * previous WINDOW values, over their median absolute deviation (scaled to a standard deviation, and
 * never less than 2 % of the median), above ANOMALY_Z.
 */
export function anomalies(values: readonly number[]): boolean[] {
  return values.map((value, i) => {
    const history = values.slice(Math.max(0, i - WINDOW), i);
    if (history.length < MIN_HISTORY) return false;
    const sorted = [...history].sort((a, b) => a - b);
    const m = median(sorted);
    const mad = median(sorted.map((v) => Math.abs(v - m)).sort((a, b) => a - b));
    const spread = Math.max(1.4826 * mad, Math.abs(m) * MIN_SPREAD);
    return spread > 0 && Math.abs(value - m) / spread > ANOMALY_Z;
  });
}
