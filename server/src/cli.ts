#!/usr/bin/env node
// The `lawmark` command line: check | inspect | consolidate. The same engine as the language server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { WorkspaceIndex } from './engine/index/workspace';
import { analyse as analyseWorkspace } from './engine/analysis';
import { applyBill } from './engine/amend/apply';
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { severityFor } from './config';
import type { Diagnostic, Finding } from './engine/checks/types';
import { CODES, ALL_CODES, docsUrl } from './engine/checks/codes';
import { inspectDocument } from './engine/features/inspect';
import { LineMap, type Range } from './engine/text/lines';
import { collectFiles, findConfig, loadConfig, readText, relativePath, UsageError, type LoadedConfig } from './node/files';
import { finish } from './engine/checks/run';

const VERSION = '0.1.0';
/** docs/checks.md beside the installed package (dist/cli.js → docs/checks.md), as a file URI. */
const DOCS = pathToFileURL(path.join(__dirname, '..', 'docs', 'checks.md')).toString();

const USAGE = `Usage:
  lawmark check [PATH...] [--format text|json|sarif] [--config FILE]
  lawmark inspect FILE [--format json] [--corpus DIR]
  lawmark consolidate BILL [--format markdown|diff] [--out FILE] [--force] [--corpus DIR]
  lawmark --help | --version

check    reads every *.law.md under the PATHs (default: the current folder) and prints
         the findings; exit 0 with no errors, 1 with errors, 2 when it could not run.
inspect  prints the model of one file as Lawmark reads it (JSON).
consolidate
         prints each instrument the bill amends as the bill would leave it (Lawmark), or a
         unified diff of each before and after (--format diff, a Keeling schedule); --out
         writes a new file (never over an existing one without --force, never over an input).
         The corpus is --corpus, else the folder of the nearest lawmark.config.json above the
         bill, else the bill's folder if it holds what the bill amends, else its parent.
         The bill's own diagnostics go to standard error; exit 1 when one is an error.`;

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const write = (s: string) => io.out.write(s);
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      write(USAGE + '\n');
      return command ? 0 : 2;
    }
    if (command === '--version' || command === '-v') {
      write(`lawmark ${VERSION}\n`);
      return 0;
    }
    switch (command) {
      case 'check':
        return check(rest, write);
      case 'inspect':
        return inspect(rest, write);
      case 'consolidate':
        return consolidate(rest, write, (s) => io.err.write(s));
      default:
        throw new UsageError(`unknown command "${command}"; the commands are check, inspect and consolidate (see lawmark --help)`);
    }
  } catch (e) {
    if (e instanceof Exit) return e.code;
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err.write(`lawmark: ${(e as Error).message}\n`);
      return 2;
    }
    io.err.write(`lawmark: internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

type ArgOptions = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;
function parse(args: string[], options: ArgOptions) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

function check(args: string[], write: (s: string) => void): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'text' },
    config: { type: 'string' },
  });
  const format = String(values.format);
  if (!['text', 'json', 'sarif'].includes(format)) throw new UsageError(`--format must be text, json or sarif (not "${format}")`);
  const paths = positionals.length ? positionals : ['.'];
  const loaded = configFor(values.config as string | undefined, process.cwd());
  const files = collectFiles(paths, loaded.config, loaded.root);
  const { index, lines } = loadIndex(files);
  const diagnostics = analyse(index, loaded, lines);
  const rel = (uri: string) => relativePath(uri);
  const range = (d: { uri: string; span: Finding['span'] }): Range => (lines.get(d.uri) ?? new LineMap('')).range(d.span);
  if (format === 'json') {
    write(JSON.stringify(toJson(files.map(rel), diagnostics, rel, range), null, 2) + '\n');
  } else if (format === 'sarif') {
    write(JSON.stringify(toSarif(diagnostics, rel, range), null, 2) + '\n');
  } else {
    for (const d of diagnostics) {
      const r = range(d);
      write(`${rel(d.uri)}:${r.start.line + 1}:${r.start.character + 1}: ${d.severity} ${d.code}: ${d.message}\n`);
    }
    write(summary(diagnostics, files.length) + '\n');
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function configFor(explicit: string | undefined, cwd: string): LoadedConfig {
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new UsageError(`cannot read --config ${explicit}: no such file`);
    const loaded = loadConfig(explicit, cwd);
    if (loaded.problems.length) {
      const p = loaded.problems[0]!;
      const pos = new LineMap(loaded.text ?? '').position(p.span.start);
      throw new UsageError(`invalid --config ${explicit}:${pos.line + 1}:${pos.character + 1}: ${p.message}`);
    }
    return loaded;
  }
  return loadConfig(findConfig(cwd), cwd);
}

function loadIndex(files: string[]): { index: WorkspaceIndex; lines: Map<string, LineMap> } {
  const index = new WorkspaceIndex();
  const lines = new Map<string, LineMap>();
  for (const f of files) {
    let text: string;
    try {
      text = readText(f);
    } catch (e) {
      throw new UsageError(`cannot read ${relativePath(f)}: ${(e as Error).message}`);
    }
    index.set(f, text);
    lines.set(f, index.parsed(f)!.lines);
  }
  return { index, lines };
}

function analyse(index: WorkspaceIndex, loaded: LoadedConfig, lines: Map<string, LineMap>): Diagnostic[] {
  // Every check on the corpus as it stands, and each bill as its own what-if (analysis.ts).
  const diagnostics = analyseWorkspace(index, loaded.config);
  if (loaded.file && loaded.problems.length) {
    lines.set(loaded.file, new LineMap(loaded.text ?? ''));
    const extra: Finding[] = loaded.problems.map((p) => ({ code: 'config-invalid', uri: loaded.file!, span: p.span, message: p.message, related: [] }));
    diagnostics.push(...finish(index, loaded.config, extra));
  }
  return diagnostics;
}

function summary(diagnostics: Diagnostic[], files: number): string {
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')} checked: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('information')} information, ${plural(count('hint'), 'hint')}.`;
}

function toJson(files: string[], diagnostics: Diagnostic[], rel: (u: string) => string, range: (d: { uri: string; span: Finding['span'] }) => Range) {
  return {
    version: 1,
    files,
    diagnostics: diagnostics.map((d) => ({
      file: rel(d.uri),
      range: range(d),
      severity: d.severity,
      code: d.code,
      message: d.message,
      related: d.related.map((r) => ({ file: rel(r.uri), range: range(r), message: r.message })),
    })),
  };
}

function toSarif(diagnostics: Diagnostic[], rel: (u: string) => string, range: (d: { uri: string; span: Finding['span'] }) => Range): Sarif.Log {
  const level = (s: string): Sarif.Result.level => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const region = (r: Range): Sarif.Region => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });
  const rules: Sarif.ReportingDescriptor[] = ALL_CODES.map((code) => ({
    id: code,
    name: code,
    shortDescription: { text: CODES[code].title },
    helpUri: docsUrl(code, DOCS),
    defaultConfiguration: { level: level(CODES[code].severity) },
  }));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'lawmark', version: VERSION, informationUri: DOCS, rules } },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((d) => ({
          ruleId: d.code,
          ruleIndex: ALL_CODES.indexOf(d.code),
          level: level(d.severity),
          message: { text: d.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: rel(d.uri) }, region: region(range(d)) } }],
          ...(d.related.length
            ? {
                relatedLocations: d.related.map((r, i) => ({
                  id: i,
                  message: { text: r.message },
                  physicalLocation: { artifactLocation: { uri: rel(r.uri) }, region: region(range(r)) },
                })),
              }
            : {}),
          properties: { severity: d.severity },
        })),
      },
    ],
  };
}

function inspect(args: string[], write: (s: string) => void): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'json' },
    corpus: { type: 'string' },
  });
  if (values.format !== 'json') throw new UsageError(`inspect prints json only (not "${String(values.format)}")`);
  if (positionals.length !== 1) throw new UsageError('inspect takes exactly one FILE');
  const file = path.resolve(positionals[0]!);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`cannot read ${positionals[0]}: no such file`);
  // The corpus the file's references resolve against: --corpus, else the folder of the
  // nearest lawmark.config.json above the file, else the file's own folder.
  const configFile = findConfig(path.dirname(file));
  const root = values.corpus ? path.resolve(String(values.corpus)) : configFile ? path.dirname(configFile) : path.dirname(file);
  const loaded = loadConfig(configFile, root);
  let files: string[] = [];
  try {
    files = collectFiles([root], loaded.config, root);
  } catch (e) {
    if (values.corpus) throw e;
  }
  if (!files.includes(file)) files.push(file);
  const { index } = loadIndex(files);
  write(JSON.stringify(inspectDocument(index, file, (u) => relativePath(u), loaded.config), null, 2) + '\n');
  return 0;
}

function consolidate(args: string[], write: (s: string) => void, err: (s: string) => void): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'markdown' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    corpus: { type: 'string' },
  });
  const format = String(values.format);
  if (format !== 'markdown' && format !== 'diff') throw new UsageError(`--format must be markdown or diff (not "${format}")`);
  if (positionals.length !== 1) throw new UsageError('consolidate takes exactly one BILL');
  const file = path.resolve(positionals[0]!);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`cannot read ${positionals[0]}: no such file`);
  if (values.corpus && !(fs.existsSync(String(values.corpus)) && fs.statSync(String(values.corpus)).isDirectory())) {
    throw new UsageError(`cannot read --corpus ${String(values.corpus)}: no such folder`);
  }
  const out = values.out !== undefined ? path.resolve(String(values.out)) : undefined;
  if (out && fs.existsSync(out) && !values.force) throw new UsageError(`${String(values.out)} already exists; consolidate writes a new file, and overwrites one only with --force`);

  // The corpus the bill's targets are found in: --corpus, else the folder of the nearest
  // lawmark.config.json above the bill, else the bill's folder when it holds every instrument the
  // bill amends, else the folder above it (the layout corpus/bills/… beside corpus/pk/…).
  const configFile = findConfig(path.dirname(file));
  const billText = readText(file);
  const probe = new WorkspaceIndex();
  probe.set(file, billText);
  const fm = probe.parsed(file)!.frontMatter;
  if (!fm) throw new UsageError(`${positionals[0]} has no readable front matter, so it cannot be read as a bill`);
  if (fm.kind !== 'bill') throw new UsageError(`${positionals[0]} is not a bill (its kind is ${fm.kind}); consolidate applies a bill to the instruments it amends`);
  let root: string;
  if (values.corpus) root = path.resolve(String(values.corpus));
  else if (configFile) root = path.dirname(configFile);
  else {
    const own = path.dirname(file);
    root = holdsAll(own, fm.amends) ? own : path.dirname(own);
  }
  const loaded = loadConfig(configFile, root);
  const files = collectFiles([root], loaded.config, root);
  if (!files.includes(file)) files.push(file);
  if (out && files.includes(out)) throw new UsageError(`--out ${String(values.out)} is one of the files consolidate reads; it never writes an input file`);
  const { index, lines } = loadIndex(files);
  const app = applyBill(index, file);
  if (!app) throw new UsageError(`${positionals[0]} could not be read as a bill`);

  // The bill's own diagnostics, as `check` prints them, on standard error.
  let errors = 0;
  const ordered = [...app.findings].sort((a, b) => a.span.start - b.span.start);
  for (const f of ordered) {
    const severity = severityFor(loaded.config, f.code, f.severity ?? CODES[f.code].severity);
    if (!severity) continue;
    if (severity === 'error') errors++;
    const r = (lines.get(f.uri) ?? new LineMap('')).range(f.span);
    err(`${relativePath(f.uri)}:${r.start.line + 1}:${r.start.character + 1}: ${severity} ${f.code}: ${f.message}\n`);
  }
  if (!app.targets.length) throw new UsageError(`none of the instruments ${positionals[0]} amends (${fm.amends.join(', ') || 'none listed'}) is in the corpus at ${relativePath(root) || '.'}; name the corpus with --corpus DIR`);

  let text: string;
  if (format === 'diff') {
    text = app.targets
      .map((t) => {
        const rel = relativePath(t.uri);
        return createTwoFilesPatch(`a/${rel}`, `b/${rel}`, t.before, t.after, t.id, `${t.id} as amended by ${fm.id}`, { headerOptions: FILE_HEADERS_ONLY });
      })
      .join('');
  } else if (app.targets.length === 1) {
    text = app.targets[0]!.after;
  } else {
    // Several instruments: each one whole, after a line that says which it is.
    text = app.targets
      .map((t) => {
        const body = t.after.endsWith('\n') ? t.after : `${t.after}\n`;
        return `<!-- ===== lawmark consolidate: ${t.id} (${relativePath(t.uri)}) as amended by ${fm.id} ===== -->\n\n${body}`;
      })
      .join('\n');
  }
  if (out) {
    try {
      fs.writeFileSync(out, text, { flag: values.force ? 'w' : 'wx' });
    } catch (e) {
      throw new UsageError(`cannot write ${String(values.out)}: ${(e as Error).message}`);
    }
  } else {
    write(text);
  }
  return errors ? 1 : 0;
}

/** Whether a folder (and those below it) holds every instrument of a list of ids. */
function holdsAll(dir: string, ids: string[]): boolean {
  if (!ids.length) return true;
  let files: string[];
  try {
    files = collectFiles([dir], loadConfig(undefined, dir).config, dir);
  } catch {
    return false;
  }
  const found = new Set<string>();
  for (const f of files) {
    const m = /^id[ \t]*:[ \t]*["']?([^"'\s]+)/m.exec(readText(f).slice(0, 4000));
    if (m) found.add(m[1]!);
  }
  return ids.every((id) => found.has(id));
}

if (require.main === module) {
  // A reader that stops early (`lawmark check | head`) closes the pipe: that is no error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`lawmark: internal error: ${String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
