// Code lens: "cited by N" above each provision, counting the citations of the provision (and of
// its pinpoints) from everywhere in the corpus except its own text.
import type { Span } from '../model/types';
import type { WorkspaceIndex } from '../index/workspace';
import { CancelledError, headingLine, never, within, type Cancelled, type Loc } from './common';

export interface CitedBy {
  /** The provision's heading line. */
  span: Span;
  address: string;
  count: number;
  title: string;
  locations: Loc[];
}

export function citedByLenses(index: WorkspaceIndex, uri: string, cancelled: Cancelled = never): CitedBy[] {
  const doc = index.document(uri);
  const id = doc?.frontMatter?.id;
  if (!doc || !id || doc.frontMatter?.kind === 'bill') return [];
  const out: CitedBy[] = [];
  for (const p of doc.provisions) {
    if (cancelled()) throw new CancelledError();
    const seen = new Set<string>();
    const locations: Loc[] = [];
    for (const c of index.citations(id, p.address)) {
      if (c.uri === doc.uri && within(p.span, c.reference.span.start)) continue;
      const key = `${c.uri}\u0000${c.reference.span.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      locations.push({ uri: c.uri, span: c.reference.span });
    }
    const n = locations.length;
    out.push({ span: headingLine(doc, p), address: p.address, count: n, title: n === 0 ? 'not cited' : `cited by ${n}`, locations });
  }
  return out;
}
