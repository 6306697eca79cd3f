// Document symbols (the outline: divisions holding provisions holding their units) and
// workspace symbols (a provision by number, `369A`, or by words of its heading, `trafficking`).
import type { Span, Unit } from '../model/types';
import type { LinkedDocument } from '../index/link';
import type { WorkspaceIndex } from '../index/workspace';
import { citeShort, instrumentName } from './cite';
import { CancelledError, headingLine, never, trimSpan, type Cancelled } from './common';

export type SymbolKindName = 'division' | 'provision' | 'unit' | 'definition';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  span: Span;
  selection: Span;
  children: OutlineSymbol[];
}

export function documentSymbols(index: WorkspaceIndex, uri: string): OutlineSymbol[] {
  const doc = index.document(uri);
  if (!doc) return [];
  const byDivision = new Map<string, OutlineSymbol>();
  const roots: OutlineSymbol[] = [];
  for (const d of doc.divisions) {
    const sym: OutlineSymbol = {
      name: d.heading && d.heading.toLowerCase() !== d.address ? `${cap(d.address)} — ${d.heading}` : cap(d.heading || d.address),
      kind: 'division',
      span: trimSpan(doc, d.span),
      selection: d.headingSpan,
      children: [],
    };
    if (/^[a-z]+ [0-9ivxlcdm]+[a-z-]*$/i.test(d.address) && d.heading) sym.name = `${cap(d.address)} — ${d.heading}`;
    byDivision.set(d.address, sym);
    const parent = d.parent ? byDivision.get(d.parent) : undefined;
    (parent ? parent.children : roots).push(sym);
  }
  for (const p of doc.provisions) {
    const sym = unitSymbol(doc, p);
    const parent = p.division ? byDivision.get(p.division) : undefined;
    (parent ? parent.children : roots).push(sym);
  }
  // Keep document order at each level.
  const order = (list: OutlineSymbol[]) => {
    list.sort((a, b) => a.span.start - b.span.start);
    for (const s of list) order(s.children);
  };
  order(roots);
  return roots;
}

function unitSymbol(doc: LinkedDocument, u: Unit): OutlineSymbol {
  const span = trimSpan(doc, u.span);
  if (u.kind === 'provision') {
    return {
      name: `${u.label}. ${u.heading ?? ''}`.trim(),
      detail: u.word,
      kind: 'provision',
      span,
      selection: clamp(headingLine(doc, u), span),
      children: u.children.map((c) => unitSymbol(doc, c)),
    };
  }
  const text = (doc.prose || doc.text).slice(u.labelSpan.end, Math.min(u.ownSpan.end, u.labelSpan.end + 80)).replace(/\s+/g, ' ').trim();
  return {
    name: u.label,
    detail: text.length >= 60 ? `${text.slice(0, 60).replace(/\s+\S*$/, '')} …` : text,
    kind: 'unit',
    span,
    selection: clamp(u.labelSpan, span),
    children: u.children.map((c) => unitSymbol(doc, c)),
  };
}

function clamp(s: Span, outer: Span): Span {
  const start = Math.max(outer.start, Math.min(s.start, outer.end));
  return { start, end: Math.max(start, Math.min(s.end, outer.end)) };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface WorkspaceSymbol {
  name: string;
  container: string;
  kind: SymbolKindName;
  uri: string;
  span: Span;
}

/**
 * Provisions matching the query: by number (`369A`, `s.369A`, `PPC 369A`, `section 3`), or by
 * words of the heading (every word of the query in the heading, case-insensitively). An empty
 * query lists every provision.
 */
export function workspaceSymbols(index: WorkspaceIndex, query: string, cancelled: Cancelled = never, limit = 500): WorkspaceSymbol[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  // "PPC 369A", "s.369A", "section 369A", "art. 3", "369a".
  const num = /(?:^|\s|\.)(\d{1,5}[a-z]{0,3})(?:\([^)]*\))*$/i.exec(q)?.[1]?.toUpperCase();
  const instrumentWords = num ? q.slice(0, q.toUpperCase().lastIndexOf(num)).replace(/\b(?:s|ss|sec|section|sections|art|article|articles|rule|r|reg|regulation)\.?\s*$/i, '').trim() : '';
  const out: Array<WorkspaceSymbol & { rank: number; bill: boolean }> = [];
  for (const doc of index.documents()) {
    if (cancelled()) throw new CancelledError();
    const fm = doc.frontMatter;
    const names = fm ? [fm.title, fm.short ?? '', ...fm.aliases, fm.id].map((s) => s.toLowerCase()) : [];
    const container = fm ? instrumentName(fm) : doc.uri;
    for (const p of doc.provisions) {
      const heading = (p.heading ?? '').toLowerCase();
      let rank = -1;
      if (q === '') rank = 3;
      else if (num && p.address.toUpperCase() === num && !instrumentWords) rank = 0;
      else if (num && p.address.toUpperCase() === num && names.includes(instrumentWords)) rank = 0;
      else if (num && p.address.toUpperCase() === num && names.some((n) => n.includes(instrumentWords))) rank = 0.5;
      else if (num && !instrumentWords && p.address.toUpperCase().startsWith(num) && /^\d+$/.test(num)) rank = 2;
      else if (words.every((w) => heading.includes(w))) rank = 1;
      if (rank < 0) continue;
      out.push({
        name: `${citeShort(fm, p.address)} ${p.heading ?? ''}`.trim(),
        container,
        kind: 'provision',
        uri: doc.uri,
        span: headingLine(doc, p),
        rank,
        bill: fm?.kind === 'bill',
      });
    }
    if (q !== '' && !num) {
      for (const d of doc.divisions) {
        const h = `${d.address} ${d.heading}`.toLowerCase();
        if (!words.every((w) => h.includes(w))) continue;
        out.push({ name: `${cap(d.address)} ${d.heading && d.heading.toLowerCase() !== d.address ? `— ${d.heading}` : ''}`.trim(), container, kind: 'division', uri: doc.uri, span: d.headingSpan, rank: 1, bill: fm?.kind === 'bill' });
      }
    }
  }
  out.sort((a, b) => a.rank - b.rank || Number(a.bill) - Number(b.bill) || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start));
  return out.slice(0, limit).map(({ rank: _rank, bill: _bill, ...s }) => s);
}
