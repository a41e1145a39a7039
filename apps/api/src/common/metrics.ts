import type { ApolloServerPlugin } from '@apollo/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Distinct operation names labelled before the rest count as `other`: names come from clients. */
const MAX_OPERATION_NAMES = 200;

export type OperationOutcome = 'ok' | 'error' | 'cached';

/** Figures read when scraped, e.g. the job queue's depth from the database. */
export type Collector = () => Promise<Record<string, number>> | Record<string, number>;

/**
 * What this process tells Prometheus at /metrics: requests and latencies per GraphQL operation,
 * the process's own figures, and gauges that modules register (the job queue, live connections).
 * One registry per application, so that several apps in one process (tests) do not mix.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly names = new Set<string>();
  private readonly operations = new Counter({
    name: 'xn_graphql_operations_total',
    help: 'GraphQL operations answered, by operation name, type and outcome (ok, error, cached)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'xn_graphql_operation_duration_seconds',
    help: 'Time to answer a GraphQL operation, by operation name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'xn_' });
  }

  observeOperation(name: string | null | undefined, type: string, outcome: OperationOutcome, seconds: number): void {
    const operation = this.label(name);
    this.operations.inc({ operation, type, outcome });
    this.durations.observe({ operation, type }, seconds);
  }

  /** Gauges named `xn_<key>` whose values `collect` reads at each scrape. */
  gauges(help: Record<string, string>, collect: Collector): void {
    let pending: Promise<Record<string, number>> | undefined;
    // one read per scrape, shared by the gauges it fills
    const read = () => (pending ??= Promise.resolve(collect()).finally(() => setImmediate(() => (pending = undefined))));
    for (const [key, text] of Object.entries(help)) {
      new Gauge({
        name: `xn_${key}`,
        help: text,
        registers: [this.registry],
        async collect() {
          this.set((await read())[key] ?? 0);
        },
      });
    }
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  private label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.names.has(name)) return name;
    if (this.names.size >= MAX_OPERATION_NAMES) return 'other';
    this.names.add(name);
    return name;
  }
}

/** Counts every operation Apollo answers, with its time; answers served from the response cache are counted where they are sent. */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, operation, response, errors }) {
          const body = response.body;
          const failed = Boolean(errors?.length) || (body.kind === 'single' && Boolean(body.singleResult.errors?.length));
          const cached = response.http.headers.get('x-xn-cache');
          const outcome: OperationOutcome = failed ? 'error' : cached === 'hit' || cached === 'shared' ? 'cached' : 'ok';
          metrics.observeOperation(request.operationName ?? operation?.name?.value, operation?.operation ?? 'unknown', outcome, Number(process.hrtime.bigint() - started) / 1e9);
        },
      };
    },
  };
}
