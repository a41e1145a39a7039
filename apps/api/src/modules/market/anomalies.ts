/** Points of a series this far (in robust z-scores) from the median of the ones before are flagged. */
export const ANOMALY_Z = 3.5;
/** How many earlier points the median and spread are taken over, and the fewest that says anything. */
const WINDOW = 28;
const MIN_HISTORY = 7;

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * For each value, whether it lies far from its recent history: its distance from the median of the
 * previous WINDOW values, over their median absolute deviation (scaled to a standard deviation),
 * above ANOMALY_Z. A flat history (no spread) flags any move of more than 10 %.
 */
export function anomalies(values: readonly number[]): boolean[] {
  return values.map((value, i) => {
    const history = values.slice(Math.max(0, i - WINDOW), i);
    if (history.length < MIN_HISTORY) return false;
    const sorted = [...history].sort((a, b) => a - b);
    const m = median(sorted);
    const mad = median(sorted.map((v) => Math.abs(v - m)).sort((a, b) => a - b));
    if (mad === 0) return m > 0 && Math.abs(value - m) / m > 0.1;
    return Math.abs(value - m) / (1.4826 * mad) > ANOMALY_Z;
  });
}
