#!/usr/bin/env node
// Summarises a V8 CPU profile (.cpuprofile, from node --cpu-prof): where the process spent its
// own time, by function and by package. Used by channel-page.mjs --profile; also runs alone:
//
//   node bench/profile-summary.mjs <file.cpuprofile> [--top 20]
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * @typedef {{ id: number, callFrame: { functionName: string, url: string, lineNumber: number }, hitCount?: number }} ProfileNode
 * @typedef {{ nodes: ProfileNode[], startTime: number, endTime: number, samples: number[], timeDeltas: number[] }} Profile
 */

/** Which package (or part of the app) a script belongs to. @param {string} url */
export function packageOf(url) {
  if (!url) return '(native / V8)';
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1] ?? url;
  const plain = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (plain) return plain[1] ?? url;
  if (url.startsWith('node:')) return 'node (core)';
  const app = /apps\/api\/dist\/(.+)/.exec(url);
  if (app) return `api: ${app[1]}`;
  if (url.includes('packages/domain')) return '@xiangnong/domain';
  return url;
}

/**
 * @param {string} file
 * @param {number} top
 * @returns {{ totalMs: number, idleMs: number, byFunction: { name: string, ms: number, share: number }[], byPackage: { name: string, ms: number, share: number }[] }}
 */
export function summarise(file, top = 20) {
  /** @type {Profile} */
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  /** @type {Map<number, ProfileNode>} */
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const selfUs = new Map();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  /** @type {Map<string, number>} */
  const byFunction = new Map();
  /** @type {Map<string, number>} */
  const byPackage = new Map();
  let idle = 0;
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    total += us;
    if (frame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const pkg = frame.functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(frame.url);
    const name = `${frame.functionName || '(anonymous)'}  ${pkg}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  }
  const busy = total - idle;
  /** @param {Map<string, number>} map */
  const rank = (map) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: busy > 0 ? us / busy : 0 }));
  return { totalMs: Math.round(total / 1000), idleMs: Math.round(idle / 1000), byFunction: rank(byFunction), byPackage: rank(byPackage) };
}

/** @param {ReturnType<typeof summarise>} s */
export function printSummary(s) {
  console.log(`CPU profile: ${s.totalMs} ms sampled, ${s.totalMs - s.idleMs} ms busy`);
  console.log('  busy time by package:');
  for (const p of s.byPackage) console.log(`    ${(p.share * 100).toFixed(1).padStart(5)} %  ${String(p.ms).padStart(7)} ms  ${p.name}`);
  console.log('  busy time by function (self):');
  for (const f of s.byFunction) console.log(`    ${(f.share * 100).toFixed(1).padStart(5)} %  ${String(f.ms).padStart(7)} ms  ${f.name}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '20' } } });
  if (!positionals[0]) {
    console.error('usage: node bench/profile-summary.mjs <file.cpuprofile> [--top 20]');
    process.exit(1);
  }
  printSummary(summarise(positionals[0], Number(values.top)));
}
