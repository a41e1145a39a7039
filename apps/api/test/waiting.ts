import type { TestApp } from './harness';

/** Waits until `probe` gives something, and returns it; fails naming `what` when time runs out. */
export async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Reads until `ok` holds or time runs out, and returns the last reading either way, so that the
 * test's own assertion on it says what was there instead of a bare timeout.
 */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until every event written so far has been handed to its handlers and no job is waiting or
 * running: the background work of what a test did is over (checked twice, 100 ms apart, so that a
 * batch gathered meanwhile counts).
 */
export async function settled(t: Pick<TestApp, 'sql'>, ms = 30_000): Promise<void> {
  const idle = async () => {
    const [row] = await t.sql<{ busy: boolean }>(
      `select exists (select 1 from outbox where dispatched_at is null) or exists (select 1 from graphile_worker.jobs where run_at <= now() and attempts < max_attempts) as busy`,
    );
    return !row!.busy;
  };
  await until('the background work to settle', async () => (await idle()) && (await new Promise((resolve) => setTimeout(resolve, 100))) === undefined && (await idle()), ms);
}
