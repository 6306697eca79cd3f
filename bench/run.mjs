#!/usr/bin/env node
// The Lawmark benchmark (issue 7). For each corpus size it generates a statute book
// (bench/generate.mjs, seeded) in a temp dir and measures, through the built binaries:
//   1. cold `lawmark check DIR --format json` (stdout to /dev/null): wall time and peak RSS;
//   2. `lawmark-server --stdio`: initialize → the bill's first publishDiagnostics;
//   3. one-character edits in the bill (didChange → the bill's next publishDiagnostics), p50/p95;
//   4. hover and go-to-definition on a cross-reference, p95;
//   5. the same start again in a new server process (whatever the first left on disk);
//   6. the baseline in the same run: bare remark-parse and bare markdown-it over the same files,
//      and the ratio of (1) to each.
// It prints a Markdown table and the machine, and writes the same as JSON to bench/last-run.json.
//
//   node bench/run.mjs [--sizes 5000,50000] [--quick] [--seed 1] [--timeout 120] [--edits 200]
//                      [--queries 100] [--runs N] [--edit-budget 60] [--query-budget 60]
//                      [--out bench/last-run.json]
//
// Build first (`npm run bench` does: node esbuild.mjs && node bench/run.mjs --sizes 5000,50000,200000).
// The last --sizes wins, so `npm run bench -- --sizes 5000,50000` narrows the run.
// Every wait has a timeout (--timeout seconds, 120 by default: 20× the slowest goal); a step
// that times out shows "timeout" and the run goes on. Edits and hover/definition stop early
// when their time budget is spent (the table then shows how many were measured). Child processes
// are killed and temp dirs removed at the end, on error and on Ctrl-C.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { generate } from './generate.mjs';

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const SERVER = path.join(ROOT, 'dist', 'server.js');
const MAXRSS = path.join(BENCH, 'maxrss.cjs');
const BASELINE = path.join(BENCH, 'baseline.mjs');
const MAXRSS_RE = /LAWMARK_BENCH_MAXRSS_KB (\d+)/;

// ---------------------------------------------------------------------------------------------
// Options.

function lastValue(argv, name) {
  let v;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === name) v = argv[i + 1];
    else if (argv[i].startsWith(name + '=')) v = argv[i].slice(name.length + 1);
  }
  return v;
}
function options(argv) {
  const known = ['--sizes', '--quick', '--seed', '--timeout', '--edits', '--queries', '--runs', '--edit-budget', '--query-budget', '--out', '--help', '-h'];
  for (const a of argv) {
    if (a.startsWith('-') && !known.includes(a.split('=')[0])) throw new UsageError(`unknown option ${a} (see node bench/run.mjs --help)`);
  }
  if (argv.includes('--help') || argv.includes('-h')) {
    const head = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1);
    process.stdout.write(head.slice(0, head.findIndex((l) => !l.startsWith('//'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n');
    process.exit(0);
  }
  const quick = argv.includes('--quick');
  const num = (name, fallback) => {
    const v = lastValue(argv, name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new UsageError(`${name} must be a number (not "${v}")`);
    return n;
  };
  const sizes = (lastValue(argv, '--sizes') ?? (quick ? '5000' : '5000,50000')).split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new UsageError('--sizes takes positive integers, e.g. --sizes 5000,50000');
  return {
    sizes,
    quick,
    seed: num('--seed', 1),
    timeoutS: num('--timeout', 120),
    edits: num('--edits', quick ? 20 : 200),
    queries: num('--queries', quick ? 20 : 100),
    runs: lastValue(argv, '--runs') === undefined ? undefined : num('--runs', 1),
    editBudgetS: num('--edit-budget', quick ? 20 : 60),
    queryBudgetS: num('--query-budget', quick ? 15 : 60),
    out: path.resolve(lastValue(argv, '--out') ?? path.join(BENCH, 'last-run.json')),
  };
}

// ---------------------------------------------------------------------------------------------
// Clean-up: every child is killed and every temp dir removed, whatever happens.

const children = new Set();
const tempDirs = new Set();
function cleanup() {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) {
      try {
        c.kill('SIGKILL');
      } catch {
        // gone
      }
    }
  }
  children.clear();
  for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true });
  tempDirs.clear();
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    process.stderr.write(`\n${sig}: stopping, cleaning up\n`);
    cleanup();
    process.exit(130);
  });
}

function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

class UsageError extends Error {}
class Timeout extends Error {
  constructor(what, ms) {
    super(`${what}: no answer within ${(ms / 1000).toFixed(0)} s`);
    this.timeout = true;
  }
}
function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Timeout(what, ms)), ms);
      timer.unref(); // an abandoned wait does not keep the process alive
    }),
  ]).finally(() => clearTimeout(timer));
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Statistics and formatting.

function quantile(values, q) {
  if (!values.length) return undefined;
  const s = [...values].sort((a, b) => a - b);
  // nearest rank
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const median = (values) => quantile(values, 0.5);
const fmt = (v, digits) => (v === undefined || v === null ? '—' : typeof v === 'string' ? v : v.toFixed(digits));

// ---------------------------------------------------------------------------------------------
// 1. Cold check (and the baseline parsers): a child process, stdout to /dev/null.

function runProcess(args, { cwd, timeoutMs, captureStdout = false }) {
  return new Promise((resolve) => {
    const out = captureStdout ? 'pipe' : fs.openSync('/dev/null', 'w');
    const t0 = performance.now();
    const child = track(spawn(process.execPath, args, { cwd, stdio: ['ignore', out, 'pipe'] }));
    if (!captureStdout) fs.closeSync(out);
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (b) => {
      stderr += b.toString();
      if (stderr.length > 1e6) stderr = stderr.slice(-5e5);
    });
    if (captureStdout) child.stdout.on('data', (b) => (stdout += b.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ wallS: (performance.now() - t0) / 1000, status: null, error: e.message, stderr, stdout, timedOut });
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const wallS = (performance.now() - t0) / 1000;
      const m = MAXRSS_RE.exec(stderr);
      resolve({ wallS, status, signal, timedOut, maxRssMb: m ? Number(m[1]) / 1024 : undefined, stderr: stderr.replace(MAXRSS_RE, '').trim(), stdout });
    });
  });
}

function removeCaches(dir) {
  for (const name of ['.lawmark-cache', '.lawmark']) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
}

async function coldCheck(dir, runs, timeoutMs, log) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    removeCaches(dir);
    const r = await runProcess(['-r', MAXRSS, CLI, 'check', dir, '--format', 'json'], { cwd: dir, timeoutMs });
    if (r.timedOut) {
      log(`  cold check: timeout after ${(timeoutMs / 1000).toFixed(0)} s`);
      return { timeout: true, runs: results };
    }
    if (r.status !== 0 && r.status !== 1) {
      const oom = /heap out of memory|Reached heap limit/.test(r.stderr);
      log(`  cold check failed after ${r.wallS.toFixed(1)} s: ${oom ? 'JavaScript heap out of memory' : `status ${r.status ?? r.signal}: ${r.error ?? r.stderr.slice(0, 300)}`}`);
      return { failed: oom ? 'out of memory' : `status ${r.status ?? r.signal}`, failedAfterS: r.wallS, runs: results };
    }
    results.push({ wallS: r.wallS, maxRssMb: r.maxRssMb, status: r.status });
    log(`  cold check run ${i + 1}/${runs}: ${r.wallS.toFixed(2)} s, peak ${fmt(r.maxRssMb, 0)} MB (exit ${r.status})`);
    // A run over a minute is not repeated: the budget of the whole benchmark matters more.
    if (r.wallS > 60 && i + 1 < runs) {
      log('  (over 60 s: not repeated)');
      break;
    }
  }
  const byWall = [...results].sort((a, b) => a.wallS - b.wallS);
  const mid = byWall[Math.floor((byWall.length - 1) / 2)];
  return { wallS: mid.wallS, maxRssMb: median(results.map((r) => r.maxRssMb).filter((x) => x !== undefined)), runs: results };
}

async function baseline(dir, parser, runs, timeoutMs, log) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await runProcess([BASELINE, dir, parser], { cwd: ROOT, timeoutMs, captureStdout: true });
    if (r.timedOut) return { timeout: true };
    if (r.status !== 0) {
      log(`  ${parser} failed: ${r.error ?? r.stderr.slice(0, 500)}`);
      return { failed: true };
    }
    results.push(JSON.parse(r.stdout));
  }
  const parseS = median(results.map((r) => r.parseS));
  const readS = median(results.map((r) => r.readS));
  log(`  ${parser}: parse ${parseS.toFixed(2)} s (read ${readS.toFixed(2)} s), ${results.length} run(s)`);
  return { parseS, readS, runs: results.map((r) => ({ parseS: r.parseS, readS: r.readS, maxRssMb: r.maxRssKb / 1024 })) };
}

// ---------------------------------------------------------------------------------------------
// 2–5. The language server over stdio.

class Server {
  constructor(dir, timeoutMs) {
    this.dir = dir;
    this.timeoutMs = timeoutMs;
    this.waiters = [];
    this.statusWaiters = [];
    this.publishes = 0;
    this.logs = [];
    this.stderr = '';
  }

  start() {
    this.proc = track(spawn(process.execPath, ['-r', MAXRSS, SERVER, '--stdio'], { cwd: this.dir, stdio: ['pipe', 'pipe', 'pipe'] }));
    this.proc.stderr.on('data', (b) => {
      this.stderr += b.toString();
      if (this.stderr.length > 1e6) this.stderr = this.stderr.slice(-5e5);
    });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code, signal) => resolve({ code, signal })));
    // Every wait ends when the server dies (out of memory, a crash), not at its timeout.
    this.died = this.exited.then(({ code, signal }) => {
      throw new Error(`the server exited (${/heap out of memory|Reached heap limit/.test(this.stderr) ? 'JavaScript heap out of memory' : (code ?? signal)})`);
    });
    this.died.catch(() => undefined);
    this.proc.stdin.on('error', () => undefined);
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      this.publishes++;
      const now = performance.now();
      const keep = [];
      for (const w of this.waiters) {
        if (w.uri === p.uri && (p.version === undefined || p.version === null || w.version === undefined || p.version >= w.version)) w.resolve({ at: now, diagnostics: p.diagnostics, version: p.version });
        else keep.push(w);
      }
      this.waiters = keep;
    });
    this.conn.onNotification('window/logMessage', (m) => {
      this.logs.push(m.message);
      if (this.logs.length > 50) this.logs.shift();
    });
    this.conn.onNotification('window/showMessage', (m) => this.logs.push(m.message));
    // Sent at the end of every round of diagnostics: a round that changed nothing for the bill
    // (a server that publishes only what changed) still ends with it.
    this.conn.onNotification('lawmark/status', () => {
      const now = performance.now();
      this.statusSeen = true;
      const ws = this.statusWaiters;
      this.statusWaiters = [];
      for (const w of ws) w({ at: now, status: true });
    });
    this.conn.onNotification('$/progress', () => undefined);
    this.conn.onNotification('$/logTrace', () => undefined);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/configuration', (p) => (p.items ?? []).map(() => null));
    this.conn.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(this.dir).toString(), name: path.basename(this.dir) }]);
    this.conn.onRequest('workspace/diagnostic/refresh', () => null);
    this.conn.onRequest('workspace/codeLens/refresh', () => null);
    this.conn.onRequest('workspace/semanticTokens/refresh', () => null);
    this.conn.onRequest('workspace/inlayHint/refresh', () => null);
    this.conn.onRequest('window/showMessageRequest', () => null);
    this.conn.onError(() => undefined);
    this.conn.listen();
  }

  /** The next publish for uri (with a version at least `version` when the server sends versions). */
  nextPublish(uri, version, what) {
    let w;
    const p = new Promise((resolve) => {
      w = { uri, version, resolve };
      this.waiters.push(w);
    });
    return withTimeout(Promise.race([p, this.died]), this.timeoutMs, what).catch((e) => {
      this.waiters = this.waiters.filter((x) => x !== w);
      throw e;
    });
  }

  /** The next lawmark/status notification (the end of a round of diagnostics). */
  nextStatus(what) {
    let w;
    const p = new Promise((resolve) => {
      w = resolve;
      this.statusWaiters.push(w);
    });
    return withTimeout(Promise.race([p, this.died]), this.timeoutMs, what).catch((e) => {
      this.statusWaiters = this.statusWaiters.filter((x) => x !== w);
      throw e;
    });
  }

  request(method, params, what = method) {
    return withTimeout(Promise.race([this.conn.sendRequest(method, params), this.died]), this.timeoutMs, what);
  }

  notify(method, params) {
    return this.conn.sendNotification(method, params);
  }

  initializeParams() {
    const uri = pathToFileURL(this.dir).toString();
    return {
      processId: process.pid,
      clientInfo: { name: 'lawmark-bench' },
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(this.dir) }],
      capabilities: {
        workspace: { configuration: false, didChangeWatchedFiles: { dynamicRegistration: false }, workspaceFolders: true },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          definition: { linkSupport: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        },
        window: { workDoneProgress: false },
      },
      initializationOptions: {},
    };
  }

  /** initialize → initialized → didOpen(bill) → the bill's first publish. Seconds from initialize. */
  async open(billUri, billText) {
    const first = this.nextPublish(billUri, undefined, 'the bill\'s first diagnostics');
    first.catch(() => undefined);
    const t0 = performance.now();
    this.init = await this.request('initialize', this.initializeParams());
    const initializeS = (performance.now() - t0) / 1000;
    await this.notify('initialized', {});
    this.version = 1;
    await this.notify('textDocument/didOpen', { textDocument: { uri: billUri, languageId: 'lawmark', version: 1, text: billText } });
    const p = await first;
    return { initializeS, toDiagnosticsS: (p.at - t0) / 1000, billDiagnostics: p.diagnostics.length };
  }

  /**
   * Waits until the server has nothing pending: a pause longer than any debounce, then a request
   * (answered after any round of diagnostics already due), so that the next publish belongs to
   * the next change.
   */
  async settle() {
    await sleep(300);
    try {
      await this.request('lawmark/status', null, 'settling');
    } catch (e) {
      if (e.timeout) throw e;
      await this.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere.law.md' }, position: { line: 0, character: 0 } }).catch(() => undefined);
    }
  }

  syncKind() {
    const s = this.init?.capabilities?.textDocumentSync;
    const k = typeof s === 'number' ? s : s?.change;
    return k === 1 ? 'full' : k === 2 ? 'incremental' : k === 0 ? 'none' : 'incremental';
  }

  async shutdown() {
    try {
      if (this.proc.exitCode === null) {
        await withTimeout(this.conn.sendRequest('shutdown', null), 10000, 'shutdown').catch(() => undefined);
        await this.conn.sendNotification('exit', null).catch(() => undefined);
      }
    } catch {
      // gone
    }
    const ended = await withTimeout(this.exited, 10000, 'exit').catch(() => undefined);
    if (!ended) this.proc.kill('SIGKILL');
    await this.exited;
    this.conn.dispose();
    const m = MAXRSS_RE.exec(this.stderr);
    return m ? Number(m[1]) / 1024 : undefined;
  }
}

/** The LSP position (UTF-16) of a string offset in text. */
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function topLevelEntries(dir) {
  try {
    return new Set(fs.readdirSync(dir));
  } catch {
    return new Set();
  }
}

async function serverSession(g, o, timeoutMs, log) {
  const billUri = pathToFileURL(g.bill).toString();
  const result = { sync: undefined };
  removeCaches(g.dir);
  const before = topLevelEntries(g.dir);

  // 2. Start: initialize → the bill's first diagnostics.
  const s = new Server(g.dir, timeoutMs);
  s.start();
  try {
    try {
      const open = await s.open(billUri, g.billText);
      Object.assign(result, { initializeS: open.initializeS, initToDiagnosticsS: open.toDiagnosticsS, billDiagnostics: open.billDiagnostics });
      log(`  server start: initialize ${open.initializeS.toFixed(2)} s, first diagnostics of the bill ${open.toDiagnosticsS.toFixed(2)} s (${open.billDiagnostics} on the bill)`);
    } catch (e) {
      result.initToDiagnosticsS = e.timeout ? 'timeout' : 'failed';
      if (s.proc.exitCode !== null || s.proc.signalCode !== null) result.initToDiagnosticsS = /heap out of memory|Reached heap limit/.test(s.stderr) ? 'out of memory' : `exited (${s.proc.exitCode ?? s.proc.signalCode})`;
      log(`  server start: ${e.message}${s.logs.length ? `\n    server log: ${s.logs.slice(-3).join(' | ')}` : ''}`);
      return result;
    }
    result.sync = s.syncKind();

    // 3. One-character edits in the bill, inside the quoted words of an instruction ("seven years"
    // ↔ "seven yearsx"), so that each edit changes the bill's findings: a server that publishes
    // only what changed still publishes the bill. A round that ends (lawmark/status) without a
    // publish for the bill counts too: the diagnostics the client holds are then fresh.
    await s.settle();
    let text = g.billText;
    const at = g.billEditOffset;
    const edits = [];
    const endedBy = { publish: 0, status: 0 };
    const t0 = performance.now();
    let stoppedBy;
    for (let i = 0; i < o.edits; i++) {
      if (i > 0 && (performance.now() - t0) / 1000 > o.editBudgetS) {
        stoppedBy = 'budget';
        break;
      }
      const insert = i % 2 === 0;
      const pos = positionAt(text, at);
      const change = insert ? { range: { start: pos, end: pos }, text: 'x' } : { range: { start: pos, end: { line: pos.line, character: pos.character + 1 } }, text: '' };
      text = insert ? text.slice(0, at) + 'x' + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
      s.version++;
      const published = s.nextPublish(billUri, s.version, `diagnostics after edit ${i + 1}`);
      const roundEnd = s.nextStatus(`the end of the round after edit ${i + 1}`);
      published.catch(() => undefined);
      roundEnd.catch(() => undefined);
      const next = Promise.any([published, roundEnd]).catch((e) => Promise.reject(e.errors?.[0] ?? e));
      const start = performance.now();
      await s.notify('textDocument/didChange', { textDocument: { uri: billUri, version: s.version }, contentChanges: [result.sync === 'full' ? { text } : change] });
      try {
        const p = await next;
        edits.push(p.at - start);
        endedBy[p.status ? 'status' : 'publish']++;
        // Let the rest of the round (other files' publishes, then status) arrive before the next edit.
        if (!p.status && s.statusSeen) await withTimeout(roundEnd, 10000, 'the end of the round').catch(() => undefined);
      } catch (e) {
        stoppedBy = e.timeout ? 'timeout' : 'failed';
        log(`  edit ${i + 1}: ${e.message}`);
        break;
      }
    }
    result.edits = { n: edits.length, p50Ms: median(edits), p95Ms: quantile(edits, 0.95), maxMs: edits.length ? Math.max(...edits) : undefined, stoppedBy, endedBy };
    log(`  edits: ${edits.length} measured${stoppedBy ? ` (stopped: ${stoppedBy})` : ''}, p50 ${fmt(result.edits.p50Ms, 1)} ms, p95 ${fmt(result.edits.p95Ms, 1)} ms`);
    if (stoppedBy === 'timeout' || stoppedBy === 'failed') {
      result.edits.p95Ms ??= stoppedBy;
      return result;
    }
    // Back to the text on disk (not measured), then let the server settle.
    if (text !== g.billText) {
      s.version++;
      const next = Promise.any([s.nextPublish(billUri, s.version, 'diagnostics after the last edit'), s.nextStatus('the end of the last round')]);
      await s.notify('textDocument/didChange', { textDocument: { uri: billUri, version: s.version }, contentChanges: [{ text: g.billText }] });
      await next.catch(() => undefined);
      text = g.billText;
    }
    await s.settle();

    // 4. Hover and definition on a cross-reference: "section 3" of the said Act in the bill, else
    // a reference to another Act inside Act 1.
    const targets = [];
    const ref = g.billReference;
    targets.push({ what: `bill: "${ref.text}" of the said Act`, uri: billUri, position: positionAt(text, ref.offset + 2) });
    if (g.act1.crossReference) targets.push({ what: `act-0001: "${g.act1.crossReference.text}"`, uri: pathToFileURL(g.act1.file).toString(), position: positionAt(g.act1.text, g.act1.crossReference.offset + 2) });
    let target;
    for (const t of targets) {
      const h = await s.request('textDocument/hover', { textDocument: { uri: t.uri }, position: t.position }).catch((e) => ({ error: e }));
      if (h && !h.error) {
        target = t;
        break;
      }
    }
    target ??= targets[0];
    result.queryTarget = target?.what;
    for (const [method, key] of [
      ['textDocument/hover', 'hover'],
      ['textDocument/definition', 'definition'],
    ]) {
      const times = [];
      let answered = 0;
      let stop;
      const q0 = performance.now();
      for (let i = 0; i < o.queries && target; i++) {
        if (i > 0 && (performance.now() - q0) / 1000 > o.queryBudgetS) {
          stop = 'budget';
          break;
        }
        const start = performance.now();
        try {
          const r = await s.request(method, { textDocument: { uri: target.uri }, position: target.position });
          times.push(performance.now() - start);
          if (r && (!Array.isArray(r) || r.length)) answered++;
        } catch (e) {
          stop = e.timeout ? 'timeout' : 'failed';
          log(`  ${key}: ${e.message}`);
          break;
        }
      }
      result[key] = { n: times.length, answered, p50Ms: median(times), p95Ms: quantile(times, 0.95) ?? stop, stoppedBy: stop };
      log(`  ${key}: ${times.length} measured on ${target?.what}, ${answered} with an answer, p50 ${fmt(median(times), 1)} ms, p95 ${fmt(quantile(times, 0.95), 1)} ms`);
    }
  } finally {
    result.serverPeakMb = await s.shutdown();
  }
  result.leftOnDisk = [...topLevelEntries(g.dir)].filter((e) => !before.has(e));

  // 5. Warm start: a new server process, with whatever the first left on disk.
  const w = new Server(g.dir, timeoutMs);
  w.start();
  try {
    const open = await w.open(billUri, g.billText);
    result.warmStartS = open.toDiagnosticsS;
    log(`  warm start: ${open.toDiagnosticsS.toFixed(2)} s${result.leftOnDisk.length ? ` (the first start left ${result.leftOnDisk.join(', ')})` : ' (the first start left nothing on disk)'}`);
  } catch (e) {
    result.warmStartS = e.timeout ? 'timeout' : 'failed';
    log(`  warm start: ${e.message}`);
  } finally {
    await w.shutdown();
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// One size, then the table.

async function measure(sections, o, log) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lawmark-bench-${sections}-`));
  tempDirs.add(dir);
  try {
    const t = performance.now();
    const g = generate({ sections, seed: o.seed, dir });
    log(`\n${g.sections.toLocaleString('en')} sections: ${g.acts} Acts + 1 bill, ${(g.bytes / 1e6).toFixed(1)} MB, generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const timeoutMs = o.timeoutS * 1000;
    const runs = o.runs ?? (sections > 50000 ? 1 : o.quick ? 1 : 3);
    const row = { sections: g.sections, acts: g.acts, files: g.files.length, mb: g.bytes / 1e6, seed: o.seed, timeoutS: timeoutMs / 1000 };
    row.cold = await coldCheck(dir, runs, timeoutMs, log);
    row.server = await serverSession(g, o, timeoutMs, log);
    row.remark = await baseline(dir, 'remark', runs, timeoutMs, log);
    row.markdownIt = await baseline(dir, 'markdown-it', runs, timeoutMs, log);
    row.lines = await baseline(dir, 'lines', runs, timeoutMs, log);
    if (row.cold.wallS !== undefined) {
      if (row.remark.parseS) row.ratioRemark = row.cold.wallS / row.remark.parseS;
      if (row.markdownIt.parseS) row.ratioMarkdownIt = row.cold.wallS / row.markdownIt.parseS;
    }
    return row;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    tempDirs.delete(dir);
  }
}

function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryGb: os.totalmem() / 2 ** 30, node: process.version, platform: `${os.platform()} ${os.release()}`, loadavg: os.loadavg() };
}

function gitHead() {
  try {
    const head = fs.readFileSync(path.join(ROOT, '.git', 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice(5);
    const file = path.join(ROOT, '.git', ref);
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
    const packed = fs.readFileSync(path.join(ROOT, '.git', 'packed-refs'), 'utf8');
    return packed.split('\n').find((l) => l.endsWith(' ' + ref))?.split(' ')[0];
  } catch {
    return undefined;
  }
}

function table(rows) {
  const v = (x, d) => (x === undefined ? '—' : typeof x === 'string' ? x : x.toFixed(d));
  const cold = (r) => (r.cold.timeout ? 'timeout' : r.cold.failed ? `${r.cold.failed} (${r.cold.failedAfterS.toFixed(0)} s)` : v(r.cold.wallS, 2));
  const counted = (m, key) => {
    if (!m) return '—';
    const x = v(m[key], 1);
    return m.stoppedBy === 'budget' ? `${x} (n=${m.n})` : x;
  };
  const edit = (r) => {
    const e = r.server.edits;
    if (!e) return r.server.initToDiagnosticsS === 'timeout' ? 'timeout' : '—';
    const p50 = v(e.p50Ms, 1);
    const p95 = typeof e.p95Ms === 'string' ? e.p95Ms : v(e.p95Ms, 1);
    return `${p50} / ${p95}${e.stoppedBy === 'budget' || e.n < 3 ? ` (n=${e.n})` : ''}`;
  };
  const head = ['sections', 'MB', 'cold check s', 'peak MB', 'init→diagnostics s', 'edit p50 / p95 ms', 'hover p95 ms', 'definition p95 ms', 'warm start s', 'server peak MB', 'remark-parse s', 'markdown-it s', 'check ÷ remark', 'check ÷ markdown-it'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '--:').join('|')}|`];
  for (const r of rows) {
    lines.push(
      `| ${[
        r.sections.toLocaleString('en'),
        v(r.mb, 1),
        cold(r),
        v(r.cold.maxRssMb, 0),
        v(r.server.initToDiagnosticsS, 2),
        edit(r),
        counted(r.server.hover, 'p95Ms'),
        counted(r.server.definition, 'p95Ms'),
        v(r.server.warmStartS, 2),
        v(r.server.serverPeakMb, 0),
        r.remark.timeout ? 'timeout' : v(r.remark.parseS, 2),
        r.markdownIt.timeout ? 'timeout' : v(r.markdownIt.parseS, 2),
        r.ratioRemark === undefined ? '—' : `${r.ratioRemark.toFixed(2)}×`,
        r.ratioMarkdownIt === undefined ? '—' : `${r.ratioMarkdownIt.toFixed(2)}×`,
      ].join(' | ')} |`,
    );
  }
  return lines.join('\n');
}

const GOALS = `Goals (50,000 sections): cold check ≤ 1.5 s, ≤ 0.2× remark-parse and ≤ 2× markdown-it; edit p95 ≤ 30 ms; hover/definition p95 ≤ 10 ms; warm start ≤ 0.5 s; peak ≤ 1 GB. At 200,000: cold ≤ 6 s, edit p95 ≤ 50 ms.`;

async function main() {
  const o = options(process.argv.slice(2));
  for (const f of [CLI, SERVER]) {
    if (!fs.existsSync(f)) throw new Error(`${path.relative(process.cwd(), f)} is missing: build first (node esbuild.mjs, or npm run bench)`);
  }
  const log = (s) => process.stderr.write(s + '\n');
  const m = machine();
  log(`Lawmark benchmark: sizes ${o.sizes.join(', ')}, seed ${o.seed}, ${m.cores} × ${m.cpu}, ${m.memoryGb.toFixed(1)} GB, node ${m.node}`);
  const started = new Date();
  const rows = [];
  for (const n of o.sizes) rows.push(await measure(n, o, log));
  const md = [
    '',
    table(rows),
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb.toFixed(1)} GB, node ${m.node}, ${m.platform}; load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}.`,
    `Corpus seed ${o.seed}. Cold check: median of ${rows.map((r) => r.cold.runs?.length ?? 0).join('/')} run(s); edits: ${o.edits} one-character edits in the bill (${rows[0]?.server.sync ?? '?'} sync), each awaiting the bill's next publishDiagnostics, or the end of the round (lawmark/status) when the bill's diagnostics did not change (${rows.map((r) => (r.server.edits ? `${r.server.edits.endedBy.publish} by publish, ${r.server.edits.endedBy.status} by end of round` : '—')).join('; ')}); hover/definition: ${o.queries} each on ${rows[0]?.server.queryTarget ?? '—'}. "(n=…)": stopped by the time budget.`,
    GOALS,
    '',
  ].join('\n');
  process.stdout.write(md);
  const json = { date: started.toISOString(), commit: gitHead(), machine: m, options: { ...o, out: undefined }, goals: GOALS, rows };
  fs.writeFileSync(o.out, JSON.stringify(json, null, 2) + '\n');
  log(`written: ${path.relative(process.cwd(), o.out)}  (${((Date.now() - started.getTime()) / 1000).toFixed(0)} s in all)`);
}

main()
  .catch((e) => {
    process.stderr.write(`bench: ${e instanceof UsageError ? e.message : (e.stack ?? e)}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  })
  .finally(cleanup);
