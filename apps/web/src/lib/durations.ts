/**
 * A lag in seconds as its largest units, for the admin area's queue figures: under a minute in
 * seconds, under an hour in minutes and seconds, beyond that in hours and minutes. The unit names
 * the message that shows it (admin.queue.seconds, .minutes, .hours).
 */
export type Lag = { unit: 'seconds'; n: number } | { unit: 'minutes'; m: number; s: number } | { unit: 'hours'; h: number; m: number };

export function formatLag(seconds: number): Lag {
  const whole = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds) : 0;
  if (whole < 60) return { unit: 'seconds', n: whole };
  if (whole < 3600) return { unit: 'minutes', m: Math.floor(whole / 60), s: whole % 60 };
  return { unit: 'hours', h: Math.floor(whole / 3600), m: Math.floor((whole % 3600) / 60) };
}
