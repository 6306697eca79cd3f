// Completion: after a unit word (`section `, `sections 3 and `, `article `) the provisions of
// the instrument in context, with their headings; after `of the ` the instruments of the
// corpus; elsewhere the defined terms that apply at that point.
import type { InstrumentTarget, Span } from '../model/types';
import type { LinkedDocument } from '../index/link';
import type { WorkspaceIndex } from '../index/workspace';
import { instrumentName } from './cite';
import { provisionAt, renderUnitText, termCandidates } from './common';

export type CompletionKindName = 'provision' | 'instrument' | 'term';

export interface CompletionEntry {
  label: string;
  kind: CompletionKindName;
  detail?: string;
  documentation?: string;
  insertText: string;
  /** The text the entry replaces (the partial word before the cursor). */
  replace: Span;
  sortText?: string;
  filterText?: string;
}

const UNIT_WORD = /\b(?:sections?|articles?|rules?|regulations?|ss?\.|arts?\.)\s+(?:\d{1,5}[A-Z]{0,3}(?:\([^)\s]*\))*\s*(?:,|and|or|to)\s+)*(\d{0,5}[A-Za-z]{0,3})$/i;
const OF_THE = /\bof\s+(?:the\s+)?([A-Za-z][\w ,'’-]{0,60})?$/i;
const OF_THE_START = /\bof\s+(?:the\s+)?$/i;

export interface CompletionOptions {
  /** Typed a space or a bracket (a trigger character): answer only after a unit word or `of the`, never with terms. */
  triggered?: boolean;
}

export function completion(index: WorkspaceIndex, uri: string, offset: number, options: CompletionOptions = {}): CompletionEntry[] {
  const doc = index.document(uri);
  if (!doc) return [];
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  const before = doc.text.slice(lineStart, offset);
  const nl = doc.text.indexOf('\n', offset);
  const after = doc.text.slice(offset, nl < 0 ? doc.text.length : nl);

  const unit = UNIT_WORD.exec(before);
  if (unit) {
    const partial = unit[1] ?? '';
    const target = instrumentInContext(index, doc, offset, after);
    if (!target) return [];
    const replace = { start: offset - partial.length, end: offset };
    return target.provisions.map((p, i) => ({
      label: p.address,
      kind: 'provision' as const,
      detail: `${p.heading ?? ''}${target !== doc ? ` — ${instrumentName(target.frontMatter)}` : ''}`.trim(),
      documentation: renderUnitText(target, p, 1200),
      insertText: p.address,
      replace,
      sortText: String(i).padStart(5, '0'),
      filterText: `${p.address} ${p.heading ?? ''}`,
    }));
  }

  const of = OF_THE.exec(before);
  const partialName = (of?.[1] ?? '').toLowerCase();
  const startsName = (d: LinkedDocument) => {
    const fm = d.frontMatter;
    return !!fm && [fm.title, fm.short ?? '', ...fm.aliases].some((n) => n && n.toLowerCase().replace(/^the\s+/, '').startsWith(partialName));
  };
  if (of && (OF_THE_START.test(before) || (partialName && index.documents().some(startsName)))) {
    const partial = of[1] ?? '';
    const replace = { start: offset - partial.length, end: offset };
    const out: CompletionEntry[] = [];
    for (const d of index.documents()) {
      const fm = d.frontMatter;
      if (!fm || fm.kind === 'bill' || d === doc || !startsName(d)) continue;
      const title = fm.title;
      out.push({
        label: title,
        kind: 'instrument',
        detail: [fm.short, fm.kind, fm.jurisdiction, String(fm.year)].filter(Boolean).join(' · '),
        documentation: d.longTitle && d.longTitle.text !== title ? d.longTitle.text : undefined,
        insertText: /\d{4}$/.test(title) || fm.kind === 'code' || fm.kind === 'treaty' || fm.kind === 'constitution' ? title : `${title}, ${fm.year}`,
        replace,
        filterText: [title, fm.short ?? '', ...fm.aliases].join(' '),
      });
    }
    return out;
  }

  if (options.triggered) return [];
  // Defined terms that apply here.
  const m = /[\p{L}\p{N}'’-]*$/u.exec(before);
  const partial = m ? m[0] : '';
  const replace = { start: offset - partial.length, end: offset };
  const seen = new Set<string>();
  const out: CompletionEntry[] = [];
  for (const d of termCandidates(index, doc, offset)) {
    const term = d.display.replace(/^[“"*_]+|[”"*_]+$/g, '');
    const key = term.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      label: term,
      kind: 'term',
      detail: `defined in ${d.address}`,
      insertText: term,
      replace,
    });
  }
  return out;
}

/** The instrument a unit number being typed belongs to: named after the cursor (`section | of the Penal Code`), the bill's target, or the document itself. */
export function instrumentInContext(index: WorkspaceIndex, doc: LinkedDocument, offset: number, after: string): LinkedDocument | undefined {
  const rest = /^[\dA-Za-z()]*\s+of\s+/i.exec(after);
  if (rest) {
    const names = index.names();
    const m = names.match(after, rest[0].length);
    if (m) return index.byId(m.id);
    const t = /^(?:the\s+)?said\s+(?:Act|Ordinance|Code)/i.exec(after.slice(rest[0].length));
    if (t) return targetOf(index, doc, offset);
  }
  if (doc.frontMatter?.kind === 'bill') return targetOf(index, doc, offset);
  return doc;
}

function targetOf(index: WorkspaceIndex, doc: LinkedDocument, offset: number): LinkedDocument | undefined {
  const p = provisionAt(doc, offset);
  const said: InstrumentTarget | undefined = p ? doc.saidByProvision.get(p.address) : undefined;
  const id = said ? index.instrumentId(said, doc) : doc.frontMatter?.amends[0];
  return id ? index.byId(id) : undefined;
}
