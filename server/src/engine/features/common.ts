// What the editor features share: finding what stands at an offset (a reference, a defined
// term, a unit, a penalty) and rendering a unit's text. Pure functions over the index, in
// offsets; the LSP layer converts to lines and columns.
import type { Definition, Reference, ReferenceTarget, Span, Unit } from '../model/types';
import type { LinkedDocument } from '../index/link';
import type { WorkspaceIndex } from '../index/workspace';
import { deepestUnitAt } from '../parse/document';
import { findTermUses, termKey, termSet, type Word } from '../text/terms';

/** A place in the workspace, in offsets. */
export interface Loc {
  uri: string;
  span: Span;
}

/** Asked between steps of a loop over the corpus: true when the request was cancelled. */
export type Cancelled = () => boolean;
export const never: Cancelled = () => false;

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}

/** The reference whose text holds the offset, and the target the offset is on (or nearest before it). */
export function referenceAt(doc: LinkedDocument, offset: number): { ref: Reference; target: ReferenceTarget; index: number } | undefined {
  const ref = doc.references.find((r) => within(r.span, offset));
  if (!ref || ref.targets.length === 0) return undefined;
  let index = 0;
  for (let i = 0; i < ref.targets.length; i++) {
    const t = ref.targets[i]!;
    if (within(t.span, offset) || (t.to && within(t.to.span, offset))) {
      index = i;
      break;
    }
    // "section 3 or section 4": the words before a number belong to it.
    const prevEnd = i === 0 ? ref.span.start : (ref.targets[i - 1]!.to ?? ref.targets[i - 1]!).span.end;
    if (offset > prevEnd && offset < t.span.start) {
      index = i;
      break;
    }
    if (offset >= t.span.start) index = i;
  }
  return { ref, target: ref.targets[index]!, index };
}

/** Whether the offset stands on the `to` end of a range target (`sections 3 to 5`: on the 5). */
export function onRangeEnd(target: ReferenceTarget, offset: number): boolean {
  return !!target.to && within(target.to.span, offset);
}

export function provisionAt(doc: LinkedDocument, offset: number): Unit | undefined {
  return doc.provisions.find((p) => within(p.span, offset));
}

export function unitAt(doc: LinkedDocument, offset: number): Unit | undefined {
  return deepestUnitAt(doc.provisions, offset);
}

/** The heading line of a provision (from the `#` to the end of the line). */
export function headingLine(doc: LinkedDocument, unit: Unit): Span {
  const nl = doc.text.indexOf('\n', unit.span.start);
  let end = nl < 0 ? doc.text.length : nl;
  if (end > unit.span.start && doc.text.charCodeAt(end - 1) === 13) end--;
  return { start: unit.span.start, end: Math.min(end, unit.span.end) };
}

/** A span with the blank lines and comments at its end left off (for folding and outlines). */
export function trimSpan(doc: LinkedDocument, span: Span): Span {
  let end = span.end;
  const prose = doc.prose || doc.text;
  while (end > span.start && /\s/.test(prose.charAt(end - 1))) end--;
  return { start: span.start, end: Math.max(end, span.start) };
}

/** The address of a unit with its instrument's provision word: `section 3(1)`, `article 2(c)`. */
export function unitTitle(doc: LinkedDocument, address: string): string {
  if (!address) return doc.frontMatter?.title ?? 'this file';
  if (/^[a-z]/.test(address)) return address.replace(/^(\w)/, (c) => c.toUpperCase());
  const word = doc.units.get(address.replace(/\(.*$/, ''))?.word ?? (doc.frontMatter?.kind === 'treaty' || doc.frontMatter?.kind === 'constitution' ? 'article' : doc.frontMatter?.kind === 'rules' ? 'rule' : 'section');
  return `${word.charAt(0).toUpperCase()}${word.slice(1)} ${address}`;
}

/** The text of a unit as Markdown paragraphs (comments left out), at most `max` characters. */
export function renderUnitText(doc: LinkedDocument, unit: Unit, max = 3000): string {
  const prose = doc.prose || doc.text;
  let start = unit.span.start;
  if (unit.kind === 'provision') {
    const head = headingLine(doc, unit);
    start = Math.min(unit.span.end, head.end + 1);
  }
  const raw = prose.slice(start, unit.span.end);
  return renderLines(raw, max);
}

/** Text of a span as Markdown paragraphs, one per non-blank line. */
export function renderLines(raw: string, max = 3000): string {
  const lines = raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  let out = lines.map(escapeMarkdownLine).join('\n\n');
  if (out.length > max) out = out.slice(0, max).replace(/\s+\S*$/, '') + ' …';
  return out;
}

/** Keeps a statute's line from being read as Markdown structure (a heading, a list, HTML). */
export function escapeMarkdownLine(line: string): string {
  return line
    .replace(/^(#{1,6}\s)/, '\\$1')
    .replace(/^(\d+)\.(\s)/, '$1\\.$2')
    .replace(/^([-+*>])(\s)/, '\\$1$2')
    .replace(/</g, '&lt;')
    .replace(/([*_`])/g, '\\$1');
}

/** The definition's own sentence: the unit that holds it, cut before the next definition in the same text. */
export function definitionText(doc: LinkedDocument, def: Definition): string {
  const body = def.bodySpan;
  let end = body.end;
  for (const other of doc.definitions) {
    if (other === def) continue;
    if (other.span.start > def.span.end && other.span.start < end && other.bodySpan.start === body.start) {
      // Back to the label or the quote that opens the next definition.
      const before = (doc.prose || doc.text).slice(def.span.end, other.span.start);
      const cut = before.search(/(?:;\s*(?:and|or)?\s*)?(?:\([a-z0-9]+\)\s*)?[“"*]*\s*$/i);
      end = def.span.end + (cut >= 0 ? cut : before.length);
    }
  }
  let start = body.start;
  // Inline definitions in an explanation: start at the definition's own label or quote.
  if (def.span.start - body.start > 200) {
    const lead = (doc.prose || doc.text).slice(body.start, def.span.start);
    const m = /(?:\([a-z0-9]+\)\s*)?[“"*]*$/i.exec(lead);
    start = body.start + (m ? m.index : lead.length);
  }
  return renderLines((doc.prose || doc.text).slice(start, end), 1500);
}

/** Where a definition applies, in words. */
export function describeScope(doc: LinkedDocument, def: Definition): string {
  const title = doc.frontMatter?.title ?? 'this instrument';
  if (def.scope === 'provision' && def.scopeAddress) return `${unitTitle(doc, def.scopeAddress)} of the ${title} only`.replace('of the the', 'of the');
  if (def.scope === 'division' && def.scopeAddress) {
    const div = doc.divisions.find((d) => d.address === def.scopeAddress);
    const name = div ? (/^[a-z]+ [0-9ivxlcdm]+[a-z]?$/i.test(div.address) ? div.address.replace(/^(\w)/, (c) => c.toUpperCase()) : div.heading) : def.scopeAddress;
    return `${name} of the ${title}`.replace('of the the', 'of the');
  }
  return `the whole ${title}`.replace('the whole the', 'the whole');
}

/** The definitions whose term may be used at an offset: the document's own in scope, and those of instruments it imports wholesale. */
export function termCandidates(index: WorkspaceIndex, doc: LinkedDocument, offset: number): Definition[] {
  const out = [...index.definitionsAt(doc, offset)];
  for (const b of doc.blanketImports) {
    const id = index.instrumentId(b.instrument, doc);
    const src = id ? index.byId(id) : undefined;
    if (!src || src === doc) continue;
    for (const d of src.definitions) if (d.scope === 'instrument' && d.form !== 'import') out.push(d);
  }
  return out;
}

export interface TermHit {
  /** The words of the use (or of the definition's quoted term). */
  span: Span;
  /** The lookup key (`victim` for "victims"). */
  key: string;
  /** The definition that applies, following imports. */
  resolved?: { doc: LinkedDocument; def: Definition };
  /** The definition in this document whose term this is (for an import: the import). */
  local?: Definition;
  /** The offset stands on a definition's own quoted term. */
  isDefinition: boolean;
}

/** The defined term at an offset: a use of it within its scope, or the quoted term of a definition. */
export function termAt(index: WorkspaceIndex, doc: LinkedDocument, offset: number): TermHit | undefined {
  const own = doc.definitions.find((d) => within(d.span, offset));
  if (own) {
    const key = termKey(own.term.replace(/^the\s+/, ''));
    const resolved = own.form === 'import' ? index.definitionOf(doc, own.term, offset) : { doc, def: own };
    return { span: own.span, key, resolved, local: own, isDefinition: true };
  }
  const candidates = termCandidates(index, doc, offset);
  if (candidates.length === 0) return undefined;
  const ws = index.words(doc.uri);
  const i = wordIndexAt(ws, offset);
  if (i < 0) return undefined;
  const set = termSet(candidates.map((d) => d.term.replace(/^the\s+/, '')));
  const from = Math.max(0, i - set.maxWords + 1);
  // The longest use that covers the offset.
  let best: { key: string; span: Span } | undefined;
  for (let k = from; k <= i; k++) {
    const window = ws.slice(k, Math.min(ws.length, i + set.maxWords));
    for (const u of findTermUses(window, set)) {
      if (within(u.span, offset) && (!best || u.span.end - u.span.start > best.span.end - best.span.start)) best = u;
    }
  }
  if (!best) return undefined;
  const resolved = index.definitionOf(doc, best.key, offset) ?? fromBlanket(index, doc, best.key);
  const local = doc.definitions.find((d) => termKey(d.term.replace(/^the\s+/, '')) === best!.key && within(index.scopeSpan(doc, d), offset));
  return { span: best.span, key: best.key, resolved, local, isDefinition: false };
}

function fromBlanket(index: WorkspaceIndex, doc: LinkedDocument, key: string): { doc: LinkedDocument; def: Definition } | undefined {
  for (const b of doc.blanketImports) {
    const id = index.instrumentId(b.instrument, doc);
    const src = id ? index.byId(id) : undefined;
    if (!src || src === doc) continue;
    const found = index.instrumentDefinition(src, key);
    if (found) return found;
  }
  return undefined;
}

/** The index of the word that holds the offset (or ends right at it), or -1. */
export function wordIndexAt(ws: Word[], offset: number): number {
  let lo = 0;
  let hi = ws.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = ws[mid]!;
    if (offset < w.start) hi = mid - 1;
    else if (offset > w.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The span of the resolution of a reference target: the unit, a division, or the instrument's title. */
export function targetSpan(doc: LinkedDocument, address: string): { span: Span; selection: Span } | undefined {
  if (address === '') {
    const t = doc.longTitle?.span ?? doc.frontMatterSpan ?? { start: 0, end: 0 };
    return { span: { start: 0, end: doc.text.length }, selection: t };
  }
  const unit = doc.units.get(address);
  if (unit) {
    const selection = unit.kind === 'provision' ? headingLine(doc, unit) : unit.labelSpan;
    return { span: trimSpan(doc, unit.span), selection };
  }
  const div = doc.divisions.find((d) => d.address.toLowerCase() === address.toLowerCase());
  if (div) return { span: trimSpan(doc, div.span), selection: div.headingSpan };
  return undefined;
}
