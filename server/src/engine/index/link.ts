// Linking: a parsed document + the corpus's instrument names → its cross-references and
// resolved imports. Depends on the names only, so the index re-links a document when
// its text or the set of names changes, and at no other time.
import type { BlanketImport, Definition, InstrumentTarget, Reference, Unit } from '../model/types';
import type { ParsedDocument } from '../parse/document';
import { scanReferences, type NameMatcher, type RefContext, type ScanState } from '../parse/references';

export interface LinkedDocument extends ParsedDocument {
  definitions: Definition[];
  blanketImports: BlanketImport[];
  references: Reference[];
  /** Bills: the instrument each amending provision amends (what "the said Act" names there). */
  saidByProvision: Map<string, InstrumentTarget>;
}

export function linkDocument(doc: ParsedDocument, names: NameMatcher): LinkedDocument {
  const fm = doc.frontMatter;
  const isBill = fm?.kind === 'bill';
  const self: InstrumentTarget = { kind: 'self' };
  const local = localNames(doc, names);
  const references: Reference[] = [];
  const saidByProvision = new Map<string, InstrumentTarget>();
  const quotes = doc.blockQuotes;

  for (const provision of doc.provisions) {
    const said: InstrumentTarget | undefined = isBill ? saidFor(doc, provision, names) : local.said;
    if (said) saidByProvision.set(provision.address, said);
    const state: ScanState = {};
    const baseCtx = { self, said, names: local.matcher };
    // In an amending section, relative references hang from the target chain (see anchorBillChain).
    const amending = isBill && !!said;
    // The heading: after the number.
    const headEnd = lineEndAt(doc.text, provision.span.start);
    scanInto(doc, provision.labelSpan.end, Math.min(headEnd, provision.ownSpan.end), { ...baseCtx, unitPath: [provision.address] }, state, provision.address, references, false);
    const visit = (unit: Unit, path: string[]) => {
      const from = unit.kind === 'provision' ? Math.min(headEnd + 1, unit.ownSpan.end) : unit.ownSpan.start;
      // Quoted text (a bill's new words) is read in the context of the instrument it goes into.
      let pos = from;
      for (const q of quotes) {
        if (q.span.end <= pos || q.span.start >= unit.ownSpan.end) continue;
        scanInto(doc, pos, q.span.start, { ...baseCtx, unitPath: amending ? [] : path }, state, unit.address, references, false);
        if (isBill) {
          const target = said ?? self;
          scanInto(doc, q.span.start, Math.min(q.span.end, unit.ownSpan.end), { self: target, said: target, names: local.matcher, unitPath: quotedPath(doc.text, q.span) }, {}, unit.address, references, true);
        }
        pos = Math.min(q.span.end, unit.ownSpan.end);
      }
      scanInto(doc, pos, unit.ownSpan.end, { ...baseCtx, unitPath: amending ? [] : path }, state, unit.address, references, false);
      for (const c of unit.children) visit(c, c.kind === 'explanation' || c.kind === 'proviso' ? path : [...path, c.label]);
    };
    visit(provision, [provision.address]);
    if (isBill && said) anchorBillChain(references, provision.span, said);
  }

  // Imports: the reference or name that follows "has the same meaning as in" / "as defined in".
  const definitions: Definition[] = doc.rawDefinitions.map((d): Definition => {
    const { importAt, ...rest } = d;
    if (importAt === undefined) return rest;
    const from = readImportSource(doc, importAt, local.matcher, self);
    return { ...rest, importFrom: from };
  }).filter((d, i) => {
    // "criminal intimidation as defined in this Code" points at the instrument's own definition: not a new one.
    const raw = doc.rawDefinitions[i]!;
    return !(raw.candidates && d.importFrom?.instrument.kind === 'self');
  });
  const blanketImports: BlanketImport[] = doc.rawBlanket.map((b) => ({
    span: b.span,
    address: b.address,
    instrument: readImportSource(doc, b.importAt, local.matcher, self)?.instrument ?? { kind: 'unknown', name: '' },
  }));
  return { ...doc, definitions, blanketImports, references, saidByProvision };
}

/**
 * In an amending section, a relative reference (`in sub-section (1)`, `clause (b)`) continues
 * the target chain (`In section 3 of the said Act, in sub-section (1), …`): it hangs from the
 * last unit of the amended instrument named before it, not from the bill's own units.
 */
function anchorBillChain(references: Reference[], span: { start: number; end: number }, said: InstrumentTarget): void {
  let anchor: string | undefined;
  for (const ref of references) {
    if (ref.span.start < span.start || ref.span.start >= span.end || ref.quoted) continue;
    const inTarget = ref.instrument.kind === 'self' || (ref.instrument.kind === 'id' && said.kind === 'id' && ref.instrument.id === said.id);
    if (!inTarget) continue;
    ref.instrument = said;
    for (const t of ref.targets) {
      if (t.address.startsWith('(') && anchor) {
        t.address = joinAddress(anchor, t.address);
        if (t.to && t.to.address.startsWith('(')) t.to.address = joinAddress(anchor, t.to.address);
      }
    }
    const last = ref.targets[ref.targets.length - 1];
    if (last && /^\d/.test(last.address)) anchor = last.address;
  }
}

/** `3(1)` + `(a)` → `3(1)(a)`; `3(1)` + `(2)` → `3(2)` (a label of the same style replaces its peer). */
function joinAddress(anchor: string, rel: string): string {
  const style = (l: string) => (/^\(\d/.test(l) ? 'n' : /^\([ivx]+\)$/.test(l) ? 'r' : /^\([a-z]/.test(l) ? 'a' : 'A');
  const first = /^\([^)]*\)/.exec(rel)?.[0] ?? rel;
  const parts = anchor.match(/^[^(]+|\([^)]*\)/g) ?? [anchor];
  for (let k = parts.length - 1; k >= 1; k--) {
    if (style(parts[k]!) === style(first)) return parts.slice(0, k).join('') + rel;
  }
  return anchor + rel;
}

function scanInto(
  doc: ParsedDocument,
  start: number,
  end: number,
  ctx: RefContext,
  state: ScanState,
  from: string,
  out: Reference[],
  quoted: boolean,
): void {
  if (end <= start) return;
  for (const r of scanReferences(doc.prose, start, end, ctx, state)) {
    out.push({ span: r.span, text: r.text, instrument: r.instrument, targets: r.targets, from, ...(quoted ? { quoted } : {}) });
  }
}

/** The provision a quoted block holds (`> ### 4A. Heading`), as the path its relative references hang from. */
function quotedPath(text: string, span: { start: number; end: number }): string[] {
  const m = /^\s*>\s*#{2,6}\s+(?:(?:section|article|rule|regulation)\s+)?(\d{1,5}[A-Z]{0,3})\b/im.exec(text.slice(span.start, Math.min(span.end, span.start + 300)));
  return m ? [m[1]!] : [];
}

function lineEndAt(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

function readImportSource(
  doc: ParsedDocument,
  at: number,
  names: NameMatcher,
  self: InstrumentTarget,
): Definition['importFrom'] | undefined {
  const end = Math.min(doc.prose.length, sentenceEnd(doc.prose, at));
  // "… as in the Pakistan Penal Code" (a name), or "… in section 2 of the Act" (a reference).
  const lead = /^\s*(?:as\s+(?:are\s+)?(?:assigned\s+to\s+(?:it|them)\s+)?)?(?:in|under|by)?\s*/i.exec(doc.prose.slice(at, end));
  const pos = at + (lead ? lead[0].length : 0);
  const m = names.match(doc.prose, pos);
  if (m) return { instrument: { kind: 'id', id: m.id } };
  const refs = scanReferences(doc.prose, at, end, { unitPath: [], self, names }, {});
  const first = refs[0];
  if (first) return { instrument: first.instrument, address: first.targets[0]?.address || undefined };
  const unknown = /^(?:the\s+)?((?:[A-Z][\w'’-]*\s*,?\s*(?:of\s+|for\s+|on\s+|against\s+|and\s+|in\s+|the\s+)*){1,12}(?:Act|Ordinance|Code|Order|Rules|Regulations|Convention|Protocol|Constitution)(?:,?\s*\d{4})?)/.exec(doc.prose.slice(pos, end));
  if (unknown) return { instrument: { kind: 'unknown', name: unknown[1]!.trim() } };
  return undefined;
}

function sentenceEnd(text: string, at: number): number {
  const re = /[.;](?=\s|$)|\n\s*\n/g;
  re.lastIndex = at;
  const m = re.exec(text);
  return m ? m.index : text.length;
}

/**
 * Names a document gives to instruments itself: a definition `"Code" means the Code of …`
 * or `"the Act" means the … Act, 2018` makes "the Code" / "the Act" cite that instrument.
 */
function localNames(doc: ParsedDocument, names: NameMatcher): { matcher: NameMatcher; said?: InstrumentTarget } {
  const local = new Map<string, string>();
  let said: InstrumentTarget | undefined;
  for (const d of doc.rawDefinitions) {
    if (d.form !== 'means') continue;
    const bodyStart = d.span.end;
    const after = /^[\s"”’*_]*(?:,[^,]{0,40},)?\s*(?:shall\s+)?means?\s+(?:the\s+)?/i.exec(doc.prose.slice(bodyStart, bodyStart + 80));
    if (!after) continue;
    const at = bodyStart + after[0].length;
    const m = names.match(doc.prose, at);
    if (!m) continue;
    const term = d.term.replace(/^the\s+/, '');
    local.set(term, m.id);
    if (term === 'act' || term === 'ordinance' || term === 'principal act') said = { kind: 'id', id: m.id };
  }
  if (local.size === 0) return { matcher: names, said };
  const matcher: NameMatcher = {
    match(text, pos) {
      const global = names.match(text, pos);
      if (global) return global;
      const m = /^(?:the\s+)?([A-Za-z][A-Za-z ]{0,30}?)(?=[^A-Za-z]|$)/i.exec(text.slice(pos, pos + 40));
      if (!m) return undefined;
      // Longest local name that the text starts with.
      const lower = text.slice(pos, pos + 40).toLowerCase().replace(/^the\s+/, '');
      const lead = text.slice(pos, pos + 40).length - text.slice(pos, pos + 40).replace(/^the\s+/i, '').length;
      let best: { id: string; end: number } | undefined;
      for (const [name, id] of local) {
        if (lower.startsWith(name) && !/[a-z0-9]/i.test(lower.charAt(name.length))) {
          const end = pos + lead + name.length;
          if (!best || end > best.end) best = { id, end };
        }
      }
      return best;
    },
  };
  return { matcher, said };
}

/** Which instrument an amending provision amends: the only one, or the one its heading or text names. */
function saidFor(doc: ParsedDocument, provision: Unit, names: NameMatcher): InstrumentTarget | undefined {
  const amends = doc.frontMatter?.amends ?? [];
  if (amends.length === 1) return { kind: 'id', id: amends[0]! };
  if (amends.length === 0) return undefined;
  const firstQuote = doc.blockQuotes.find((q) => q.span.start >= provision.span.start && q.span.start < provision.span.end);
  const end = firstQuote ? firstQuote.span.start : provision.span.end;
  const text = doc.prose;
  for (let p = provision.span.start; p < end; p++) {
    if (p > provision.span.start && /[A-Za-z0-9]/.test(text[p - 1]!)) continue;
    const m = names.match(text, p);
    if (m && amends.includes(m.id)) return { kind: 'id', id: m.id };
  }
  return undefined;
}
