// Runs every check, then applies suppression comments and the configured severities.
// One set of findings serves the editor and the command line.
import type { Config } from '../../config';
import { severityFor } from '../../config';
import type { WorkspaceIndex } from '../index/workspace';
import { CODES, type Code } from './codes';
import type { Check, Diagnostic, Finding } from './types';
import { STRUCTURE_CHECKS } from './structure';
import { LEGAL_CHECKS } from './legal';

export const ALL_CHECKS: Check[] = [...STRUCTURE_CHECKS, ...LEGAL_CHECKS];

export interface RunOptions {
  checks?: Check[];
}

/** Every finding of the workspace, suppressed and with severities applied, sorted by file and position. */
export function runChecks(index: WorkspaceIndex, config: Config, options: RunOptions = {}): Diagnostic[] {
  const findings: Finding[] = [];
  for (const check of options.checks ?? ALL_CHECKS) {
    findings.push(...check({ index, config }));
  }
  return finish(index, config, findings);
}

/** Suppression, severity and order for a list of raw findings. */
export function finish(index: WorkspaceIndex, config: Config, findings: Finding[]): Diagnostic[] {
  const used = new Set<string>();
  const kept: Finding[] = [];
  for (const f of findings) {
    const doc = index.parsed(f.uri);
    const sup = doc?.suppressions.find((s) => {
      if (!s.codes.includes(f.code)) return false;
      if (s.scope === 'file') return true;
      return doc.lines.lineOf(f.span.start) === s.line;
    });
    if (sup && doc) {
      used.add(`${f.uri}\u0000${sup.span.start}`);
      continue;
    }
    kept.push(f);
  }
  for (const uri of index.uris()) {
    const doc = index.parsed(uri)!;
    for (const s of doc.suppressions) {
      if (used.has(`${uri}\u0000${s.span.start}`)) continue;
      const unknown = s.codes.filter((c) => !(c in CODES));
      kept.push({
        code: 'unused-suppression',
        uri,
        span: s.span,
        message: unknown.length
          ? `This suppression names ${unknown.map((c) => `\`${c}\``).join(', ')}, which ${unknown.length > 1 ? 'are not check codes' : 'is not a check code'}, so it silences nothing.`
          : `This suppression of ${s.codes.join(', ')} silences nothing${s.scope === 'next-line' ? ' on the next line' : ' in this file'}; remove it.`,
        related: [],
      });
    }
  }
  const out: Diagnostic[] = [];
  for (const f of kept) {
    const info = CODES[f.code as Code];
    const severity = severityFor(config, f.code, f.severity ?? info.severity);
    if (!severity) continue;
    out.push({ ...f, severity });
  }
  out.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
  return out;
}
