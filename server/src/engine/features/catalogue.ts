// The corpus at a glance for the editor: every provision (for "Go to provision…") and the
// counts shown in the status bar.
import type { Span } from '../model/types';
import type { WorkspaceIndex } from '../index/workspace';
import { citeShort } from './cite';
import { CancelledError, headingLine, never, type Cancelled } from './common';

export interface ProvisionEntry {
  /** The instrument's id. */
  id: string;
  address: string;
  heading: string;
  /** `PPC s.369A`. */
  cite: string;
  title: string;
  uri: string;
  span: Span;
}

export function listProvisions(index: WorkspaceIndex, cancelled: Cancelled = never): ProvisionEntry[] {
  const out: ProvisionEntry[] = [];
  for (const doc of index.documents()) {
    if (cancelled()) throw new CancelledError();
    const fm = doc.frontMatter;
    if (!fm) continue;
    for (const p of doc.provisions) {
      out.push({ id: fm.id, address: p.address, heading: p.heading ?? '', cite: citeShort(fm, p.address), title: fm.title, uri: doc.uri, span: headingLine(doc, p) });
    }
  }
  return out;
}

export interface CorpusStatus {
  files: number;
  provisions: number;
  errors: number;
  warnings: number;
}

export function corpusStatus(index: WorkspaceIndex, findings: Array<{ severity: string }>): CorpusStatus {
  let provisions = 0;
  for (const uri of index.uris()) provisions += index.parsed(uri)?.provisions.length ?? 0;
  return {
    files: index.uris().length,
    provisions,
    errors: findings.filter((d) => d.severity === 'error').length,
    warnings: findings.filter((d) => d.severity === 'warning').length,
  };
}
