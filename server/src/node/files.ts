// The file-system side of a workspace (the engine does no IO): finding the corpus files,
// reading them, and finding lawmark.config.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { parseConfig, defaultConfig, type Config, type ConfigProblem } from '../config';

export const CONFIG_NAME = 'lawmark.config.json';
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', '.vscode-test']);

export class UsageError extends Error {}

export interface LoadedConfig {
  config: Config;
  /** The file it came from, if any. */
  file?: string;
  text?: string;
  problems: ConfigProblem[];
  /** Globs are relative to this folder. */
  root: string;
}

/** The nearest lawmark.config.json at or above `dir`. */
export function findConfig(dir: string): string | undefined {
  let d = path.resolve(dir);
  for (;;) {
    const f = path.join(d, CONFIG_NAME);
    if (fs.existsSync(f)) return f;
    const up = path.dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

export function loadConfig(file: string | undefined, fallbackRoot: string): LoadedConfig {
  if (!file) return { config: defaultConfig(), problems: [], root: path.resolve(fallbackRoot) };
  const text = fs.readFileSync(file, 'utf8');
  const { config, problems } = parseConfig(text);
  return { config, problems, file: path.resolve(file), text, root: path.dirname(path.resolve(file)) };
}

/** Reads a file as UTF-8 text, replacing undecodable bytes (a binary file is reported by the reader). */
export function readText(file: string): string {
  const buf = fs.readFileSync(file);
  return new TextDecoder('utf-8', { fatal: false }).decode(buf);
}

/** Every `*.law.md` under the paths that the configuration includes and does not exclude. */
export function collectFiles(paths: string[], config: Config, root: string): string[] {
  const include = picomatch(config.include, { dot: false });
  const exclude = picomatch(config.exclude, { dot: true });
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const keep = (f: string) => {
    const r = rel(f);
    // A file outside the configuration's folder is judged by its own name.
    const probe = r.startsWith('..') ? path.basename(f) : r;
    return include(probe) && !exclude(probe);
  };
  const out = new Set<string>();
  for (const p of paths) {
    const abs = path.resolve(p);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new UsageError(`cannot read ${p}: no such file or folder`);
    }
    if (st.isFile()) {
      out.add(abs); // A file named on the command line is always read.
      continue;
    }
    if (!st.isDirectory()) throw new UsageError(`cannot read ${p}: not a file or folder`);
    walk(abs, (f) => {
      if (f.endsWith('.law.md') && keep(f)) out.add(f);
    });
  }
  return [...out].sort();
}

function walk(dir: string, visit: (file: string) => void): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read folder ${dir}: ${(e as Error).message}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIP_DIRS.has(e.name) || e.name.startsWith('.')) continue;
      walk(full, visit);
    } else if (e.isFile()) {
      visit(full);
    }
  }
}

/** A path relative to the current folder, with `/` separators. */
export function relativePath(file: string, cwd = process.cwd()): string {
  const r = path.relative(cwd, file);
  return (r === '' ? path.basename(file) : r).split(path.sep).join('/');
}
