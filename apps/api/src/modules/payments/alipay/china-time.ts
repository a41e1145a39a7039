/**
 * Alipay reads and writes times as "yyyy-MM-dd HH:mm:ss" in China time (UTC+8, no daylight saving),
 * whatever time zone the server runs in. These functions never consult the process's zone.
 */

const OFFSET_MS = 8 * 3_600_000;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

const two = (n: number) => String(n).padStart(2, '0');

/** `at` as Alipay writes it, e.g. 2026-12-01T16:30:00Z → "2026-12-02 00:30:00". */
export function chinaTimestamp(at: Date): string {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return `${shifted.getUTCFullYear()}-${two(shifted.getUTCMonth() + 1)}-${two(shifted.getUTCDate())} ${two(shifted.getUTCHours())}:${two(shifted.getUTCMinutes())}:${two(shifted.getUTCSeconds())}`;
}

/** The instant an Alipay timestamp names, or null when the text is not one (or names no real time). */
export function parseChinaTimestamp(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - OFFSET_MS;
  const at = new Date(utc);
  return chinaTimestamp(at) === text ? at : null;
}

/** The China calendar day `at` falls on, "yyyy-MM-dd". */
export function chinaDate(at: Date): string {
  return chinaTimestamp(at).slice(0, 10);
}

/** The instant a China calendar day ("yyyy-MM-dd") begins, or null when it is not a real day. */
export function chinaDayStart(day: string): Date | null {
  return parseChinaTimestamp(`${day} 00:00:00`);
}
