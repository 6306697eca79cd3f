// Test helpers over the engine: an in-memory workspace, findings as short lines.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { WorkspaceIndex } from '../../server/src/engine/index/workspace';
import { runChecks } from '../../server/src/engine/checks/run';
import type { Diagnostic } from '../../server/src/engine/checks/types';
import { defaultConfig, type Config } from '../../server/src/config';
import { inspectDocument } from '../../server/src/engine/features/inspect';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** An in-memory workspace: file name → text. */
export function workspace(files: Record<string, string>): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [name, text] of Object.entries(files)) index.set(name, text);
  return index;
}

/** Every `*.law.md` under a folder, read into an index keyed by path relative to the folder. */
export function workspaceFromFolder(dir: string): WorkspaceIndex {
  const index = new WorkspaceIndex();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.law.md')) index.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return index;
}

export function check(index: WorkspaceIndex, config: Config = defaultConfig()): Diagnostic[] {
  return runChecks(index, config);
}

/** `file:line:col severity code` (1-based), the form expected.txt files use. */
export function shortLine(index: WorkspaceIndex, d: Diagnostic): string {
  const lines = index.parsed(d.uri)?.lines;
  const p = lines ? lines.position(d.span.start) : { line: 0, character: 0 };
  return `${d.uri}:${p.line + 1}:${p.character + 1} ${d.severity} ${d.code}`;
}

export function inspect(index: WorkspaceIndex, uri: string): any {
  return inspectDocument(index, uri, (u) => u);
}

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would. */
export function cli(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function ensureBuilt(): void {
  if (!fs.existsSync(CLI) || !fs.existsSync(SERVER)) execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT });
}
