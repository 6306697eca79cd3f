// Folding: divisions, provisions (and their sub-sections), multi-line comments, front matter.
import type { Unit } from '../model/types';
import type { WorkspaceIndex } from '../index/workspace';
import { trimSpan } from './common';

export interface Fold {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region' | 'imports';
}

export function foldingRanges(index: WorkspaceIndex, uri: string): Fold[] {
  const doc = index.document(uri);
  if (!doc) return [];
  const lines = doc.lines;
  const out: Fold[] = [];
  const add = (start: number, end: number, kind?: Fold['kind']) => {
    const a = lines.lineOf(start);
    const b = lines.lineOf(end);
    if (b > a) out.push({ startLine: a, endLine: b, ...(kind ? { kind } : {}) });
  };
  if (doc.frontMatterSpan) add(doc.frontMatterSpan.start, Math.max(doc.frontMatterSpan.start, doc.frontMatterSpan.end - 1), 'imports');
  for (const d of doc.divisions) {
    const s = trimSpan(doc, d.span);
    add(s.start, s.end);
  }
  const unit = (u: Unit) => {
    const s = trimSpan(doc, u.span);
    add(s.start, s.end);
    for (const c of u.children) unit(c);
  };
  for (const p of doc.provisions) unit(p);
  for (const c of doc.blocks.comments) add(c.start, c.end, 'comment');
  const seen = new Set<string>();
  return out
    .filter((f) => {
      const k = `${f.startLine}:${f.endLine}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}
