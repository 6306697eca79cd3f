#!/usr/bin/env node
// Where does `lawmark check` spend its time? Generates a corpus (bench/generate.mjs), runs the
// built CLI's check on it under `node --cpu-prof` into a temp dir, and prints the top functions
// by self time, mapped back to the TypeScript source through dist/cli.js.map.
//
//   node bench/profile.mjs [--sections 50000] [--seed 1] [--top 25] [--timeout 3600] [--heap MB] [--keep] [--profile FILE]
//
// --cpu-prof writes the profile only when the check ends by itself, so the helper waits for it
// (up to --timeout seconds); while the engine is quadratic, a smaller --sections gives a quicker
// look with the same shape. --heap MB passes --max-old-space-size to the check, for an engine that
// would otherwise run out of heap before the profile is written.
// --keep leaves the corpus and the .cpuprofile (their paths are printed; open the profile in
// Chrome DevTools or VS Code); without it both are removed. --profile FILE only summarises an
// existing .cpuprofile. Build first (`node esbuild.mjs`).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { SourceMap } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');

function argValue(argv, name, fallback) {
  const i = argv.findIndex((a) => a === name || a.startsWith(name + '='));
  if (i < 0) return fallback;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}

/** Source maps of the bundles in dist/, by file url, loaded on demand. */
const maps = new Map();
function sourceMapFor(url) {
  if (maps.has(url)) return maps.get(url);
  let map = null;
  try {
    const file = url.startsWith('file:') ? fileURLToPath(url) : url;
    if (file && fs.existsSync(file + '.map')) map = new SourceMap(JSON.parse(fs.readFileSync(file + '.map', 'utf8')));
  } catch {
    map = null;
  }
  maps.set(url, map);
  return map;
}

/** `server/src/engine/checks/legal.ts:73` for a frame of dist/cli.js, else the url's tail. */
function where(frame) {
  const { url, lineNumber, columnNumber } = frame;
  if (!url) return '(native)';
  const map = sourceMapFor(url);
  if (map && lineNumber >= 0) {
    const e = map.findEntry(lineNumber, columnNumber);
    if (e && e.originalSource) {
      let src = e.originalSource.replace(/^webpack:\/\//, '');
      if (src.startsWith('file:')) src = fileURLToPath(src);
      src = path.relative(ROOT, path.resolve(path.dirname(url.startsWith('file:') ? fileURLToPath(url) : url), src));
      return `${src}:${e.originalLine + 1}`;
    }
  }
  const tail = url.startsWith('file:') ? path.relative(ROOT, fileURLToPath(url)) : url;
  return `${tail}:${lineNumber + 1}`;
}

/**
 * The functions of a .cpuprofile by self time (samples × sampling interval), summed over the
 * nodes of the same function (one function appears once per call path).
 */
export function topSelfTime(profile, top = 25) {
  const total = profile.endTime - profile.startTime; // µs
  // Each sample's own duration (the delta to the next sample) when the profile has timeDeltas,
  // else hitCount × the mean sampling interval.
  const selfUs = new Map();
  const { samples, timeDeltas } = profile;
  if (samples?.length && timeDeltas?.length === samples.length) {
    let t = profile.startTime;
    const stamps = timeDeltas.map((d) => (t += d));
    for (let i = 0; i < samples.length; i++) {
      const dur = (i + 1 < samples.length ? stamps[i + 1] : profile.endTime) - stamps[i];
      selfUs.set(samples[i], (selfUs.get(samples[i]) ?? 0) + Math.max(0, dur));
    }
  } else {
    const hits = profile.nodes.reduce((n, x) => n + (x.hitCount || 0), 0) || 1;
    for (const node of profile.nodes) if (node.hitCount) selfUs.set(node.id, (node.hitCount * total) / hits);
  }
  const byFunction = new Map();
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    if (!us) continue;
    const f = node.callFrame;
    const name = f.functionName || (f.url ? '(anonymous)' : '(program)');
    const key = `${name}\u0000${f.url}\u0000${f.lineNumber}\u0000${f.columnNumber}`;
    const e = byFunction.get(key) ?? { name, frame: f, us: 0 };
    e.us += us;
    byFunction.set(key, e);
  }
  const rows = [...byFunction.values()].sort((a, b) => b.us - a.us).slice(0, top);
  const count = samples?.length || profile.nodes.reduce((n, x) => n + (x.hitCount || 0), 0) || 1;
  return {
    totalMs: total / 1000,
    intervalUs: total / count,
    rows: rows.map((e) => ({ selfMs: e.us / 1000, percent: (100 * e.us) / total, function: e.name, where: where(e.frame) })),
  };
}

export function formatTop({ totalMs, intervalUs, rows }) {
  const lines = [];
  lines.push(`profile: ${(totalMs / 1000).toFixed(2)} s, mean sampling interval ${intervalUs.toFixed(0)} µs`);
  lines.push('');
  lines.push('| # | self ms | self % | function | where |');
  lines.push('|--:|--:|--:|---|---|');
  rows.forEach((r, i) => lines.push(`| ${i + 1} | ${r.selfMs.toFixed(0)} | ${r.percent.toFixed(1)} | \`${r.function}\` | ${r.where} |`));
  return lines.join('\n');
}

async function main() {
  const argv = process.argv.slice(2);
  const top = Number(argValue(argv, '--top', '25'));
  const existing = argValue(argv, '--profile');
  if (existing) {
    process.stdout.write(formatTop(topSelfTime(JSON.parse(fs.readFileSync(existing, 'utf8')), top)) + '\n');
    return;
  }
  const sections = Number(argValue(argv, '--sections', '50000'));
  const seed = Number(argValue(argv, '--seed', '1'));
  const keep = argv.includes('--keep');
  const timeout = Number(argValue(argv, '--timeout', '3600')) * 1000;
  const heap = Number(argValue(argv, '--heap', '0'));
  if (!fs.existsSync(CLI)) {
    process.stderr.write(`${path.relative(process.cwd(), CLI)} is missing: build first (node esbuild.mjs)\n`);
    process.exit(2);
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lawmark-profile-'));
  let child;
  const cleanup = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (!keep) fs.rmSync(tmp, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      cleanup();
      process.exit(130);
    });
  }
  try {
    const corpus = path.join(tmp, 'corpus');
    const profDir = path.join(tmp, 'profile');
    const g = generate({ sections, seed, dir: corpus });
    process.stdout.write(`corpus: ${g.acts} Acts, ${g.sections} sections, ${(g.bytes / 1e6).toFixed(1)} MB (seed ${seed})\n`);
    process.stdout.write(`running: node --cpu-prof${heap ? ` --max-old-space-size=${heap}` : ''} ${path.relative(process.cwd(), CLI)} check . --format json (waits up to ${timeout / 1000} s)\n`);
    const t = performance.now();
    const r = await new Promise((resolve) => {
      child = spawn(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, ...(heap ? [`--max-old-space-size=${heap}`] : []), CLI, 'check', '.', '--format', 'json'], { cwd: corpus, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b) => (stderr = (stderr + b.toString()).slice(-4000)));
      // --cpu-prof writes only at a normal exit: a run past --timeout leaves no profile.
      const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
      child.on('error', (e) => {
        clearTimeout(timer);
        resolve({ error: e, stderr });
      });
      child.on('close', (status, signal) => {
        clearTimeout(timer);
        resolve({ status, signal, stderr });
      });
    });
    const wall = (performance.now() - t) / 1000;
    if (r.error || (r.status !== 0 && r.status !== 1)) {
      if (/heap out of memory|Reached heap limit/.test(r.stderr)) process.stderr.write('The check ran out of JavaScript heap; --heap MB (e.g. --heap 12000) raises the limit so that the profile can be written.\n');
      process.stderr.write(`lawmark check ended with ${r.error?.message ?? `status ${r.status} signal ${r.signal}`}\n${r.stderr.slice(0, 2000)}\n`);
    }
    process.stdout.write(`lawmark check: ${wall.toFixed(2)} s wall (status ${r.status ?? r.signal})\n`);
    const files = fs.existsSync(profDir) ? fs.readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')) : [];
    if (!files.length) throw new Error('no .cpuprofile was written');
    const file = path.join(profDir, files[0]);
    process.stdout.write(formatTop(topSelfTime(JSON.parse(fs.readFileSync(file, 'utf8')), top)) + '\n');
    if (keep) process.stdout.write(`\nkept: ${corpus}\n      ${file}\n`);
  } finally {
    cleanup();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`${e.stack ?? e}\n`);
    process.exit(1);
  });
}
