#!/usr/bin/env node
// Runs one autocannon measurement in its own process and prints the results as one JSON line.
//
//   node bench/load.mjs '<json spec>'
// spec: { url, method?, headers?, bodies: string[], duration, connections, warmup?, verify?: 'graphql' | 'none', expectNodes?, nodesPath? }
// The bodies are sent in turn on every connection (one per channel). With verify 'graphql' every
// response body is parsed: a response with "errors", no data or the wrong number of nodes counts as bad.
import autocannon from 'autocannon';

/**
 * @typedef {object} Spec
 * @property {string} url
 * @property {string} [method]
 * @property {Record<string, string>} [headers]
 * @property {string[]} bodies
 * @property {number} duration seconds
 * @property {number} connections
 * @property {number} [warmup] seconds, not counted
 * @property {'graphql' | 'none'} [verify]
 * @property {number} [expectNodes]
 * @property {string} [nodesPath] where the list is in `data`, dot-separated (default `listings.nodes`)
 */

/** @type {Spec} */
const spec = JSON.parse(process.argv[2] ?? '{}');
const url = new URL(spec.url);
if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
  console.error('load.mjs only aims at 127.0.0.1');
  process.exit(1);
}
if (!(spec.duration > 0 && spec.duration <= 600)) {
  console.error('duration must be between 0 and 600 seconds');
  process.exit(1);
}

/** @typedef {{ checked: number, bad: number, samples: string[], cache: Record<string, number> }} Verdict */

/** The API says in this header whether an answer came from its response cache. */
const CACHE_HEADER = 'x-xn-cache';

/** @param {Verdict} verdict @param {number} status @param {string} body @param {import('node:http').IncomingHttpHeaders} headers */
function check(verdict, status, body, headers) {
  verdict.checked++;
  const cache = String(headers[CACHE_HEADER] ?? 'none');
  verdict.cache[cache] = (verdict.cache[cache] ?? 0) + 1;
  let problem = '';
  if (status !== 200) problem = `status ${status}`;
  else {
    try {
      const parsed = JSON.parse(body);
      const path = spec.nodesPath ?? 'listings.nodes';
      const nodes = path.split('.').reduce((value, key) => value?.[key], parsed?.data);
      if (parsed.errors) problem = `errors: ${JSON.stringify(parsed.errors).slice(0, 300)}`;
      else if (!Array.isArray(nodes)) problem = `no data.${path}`;
      else if (spec.expectNodes !== undefined && nodes.length !== spec.expectNodes) problem = `${nodes.length} nodes`;
    } catch {
      problem = `not JSON: ${body.slice(0, 200)}`;
    }
  }
  if (problem) {
    verdict.bad++;
    if (verdict.samples.length < 5) verdict.samples.push(problem);
  }
}

/** @param {number} duration @param {Verdict} verdict */
async function run(duration, verdict) {
  const verify = spec.verify === 'graphql';
  return autocannon({
    url: spec.url,
    connections: spec.connections,
    duration,
    pipelining: 1,
    timeout: 10,
    requests: spec.bodies.map((body) => ({
      method: /** @type {import('autocannon').Request['method']} */ (spec.method ?? 'POST'),
      headers: spec.headers ?? {},
      body,
      ...(verify
        ? {
            onResponse: (
              /** @type {number} */ status,
              /** @type {string} */ responseBody,
              /** @type {object} */ _context,
              /** @type {import('node:http').IncomingHttpHeaders | undefined} */ headers,
            ) => check(verdict, status, responseBody, headers ?? {}),
          }
        : {}),
    })),
  });
}

/** @returns {Verdict} */
const verdict = () => ({ checked: 0, bad: 0, samples: [], cache: {} });

const warmupVerdict = verdict();
const warmupResult = spec.warmup && spec.warmup > 0 ? await run(spec.warmup, warmupVerdict) : null;
const measured = verdict();
const result = await run(spec.duration, measured);
const output = {
  url: spec.url,
  connections: spec.connections,
  duration: result.duration,
  requestsPerSecond: result.requests.average,
  requestsTotal: result.requests.total,
  latencyMs: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    average: result.latency.average,
    max: result.latency.max,
  },
  throughputBytesPerSecond: result.throughput.average,
  status2xx: result['2xx'],
  non2xx: result.non2xx,
  // autocannon's errors include its timeouts
  socketErrors: result.errors,
  timeouts: result.timeouts,
  verified: spec.verify === 'graphql' ? { checked: measured.checked, bad: measured.bad, samples: measured.samples, cache: measured.cache } : null,
  warmup: warmupResult ? { seconds: spec.warmup, requestsTotal: warmupResult.requests.total, verifiedBad: warmupVerdict.bad } : null,
};
console.log(JSON.stringify(output));
