// Go to definition and find references.
//   definition: a reference → the cited unit (or division, or instrument); a defined term →
//               its definition, following imports (index.definitionOf).
//   references: a provision (its heading), or a reference → every citation of that unit in
//               the corpus (index.citations); a defined term → every use in its scope
//               (index.termUses), and in instruments that import it.
import type { Span, Unit } from '../model/types';
import type { LinkedDocument } from '../index/link';
import type { WorkspaceIndex } from '../index/workspace';
import { termKey } from '../text/terms';
import { CancelledError, headingLine, never, onRangeEnd, referenceAt, targetSpan, termAt, within, type Cancelled, type Loc } from './common';

export interface DefinitionTarget {
  uri: string;
  /** The whole target (the unit, the definition's text). */
  span: Span;
  /** What to select there (the heading, the quoted term). */
  selection: Span;
  /** What the request stood on. */
  origin: Span;
}

export function definition(index: WorkspaceIndex, uri: string, offset: number): DefinitionTarget[] {
  const doc = index.document(uri);
  if (!doc) return [];
  const hit = referenceAt(doc, offset);
  if (hit) {
    const address = onRangeEnd(hit.target, offset) ? hit.target.to!.address : hit.target.address;
    const r = index.resolve(doc, hit.ref.instrument, address);
    if (!r.doc || (r.status !== 'ok' && r.status !== 'instrument')) return [];
    const t = targetSpan(r.doc, address);
    if (!t) return [];
    return [{ uri: r.doc.uri, span: t.span, selection: t.selection, origin: hit.ref.span }];
  }
  const term = termAt(index, doc, offset);
  if (term?.resolved) {
    const { doc: d, def } = term.resolved;
    // On a definition's own term there is nowhere to go but the source of an import.
    if (term.isDefinition && d === doc && def === term.local) return [];
    return [{ uri: d.uri, span: def.bodySpan, selection: def.span, origin: term.span }];
  }
  return [];
}

/** The provision whose heading line holds the offset. */
export function provisionHeadingAt(doc: LinkedDocument, offset: number): Unit | undefined {
  return doc.provisions.find((p) => within(headingLine(doc, p), offset));
}

export function references(index: WorkspaceIndex, uri: string, offset: number, includeDeclaration: boolean, cancelled: Cancelled = never): Loc[] {
  const doc = index.document(uri);
  if (!doc) return [];
  const own = provisionHeadingAt(doc, offset);
  if (own && doc.frontMatter) return citationsOf(index, doc, own.address, includeDeclaration ? own : undefined);
  const hit = referenceAt(doc, offset);
  if (hit) {
    const address = onRangeEnd(hit.target, offset) ? hit.target.to!.address : hit.target.address;
    const r = index.resolve(doc, hit.ref.instrument, address);
    if (r.id && r.doc) return citationsOf(index, r.doc, address, includeDeclaration ? r.unit : undefined);
    return [];
  }
  const term = termAt(index, doc, offset);
  if (term?.resolved) return termReferences(index, term.resolved.doc, term.resolved.def, includeDeclaration, cancelled);
  return [];
}

/** Every citation of a unit (its pinpoints included) of an instrument in the corpus. */
export function citationsOf(index: WorkspaceIndex, target: LinkedDocument, address: string, declaration?: Unit): Loc[] {
  const id = target.frontMatter?.id;
  if (!id) return [];
  const out: Loc[] = [];
  if (declaration) out.push({ uri: target.uri, span: declaration.kind === 'provision' ? headingLine(target, declaration) : declaration.labelSpan });
  const seen = new Set<string>();
  for (const c of index.citations(id, address)) {
    // The reference's words (`sections 3 and 4` is one citation of each).
    const span = c.reference.span;
    const key = `${c.uri}\u0000${span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ uri: c.uri, span });
  }
  return out;
}

/** Every use of a defined term: in its scope, and in instruments that import it by name or wholesale. */
export function termReferences(index: WorkspaceIndex, doc: LinkedDocument, def: import('../model/types').Definition, includeDeclaration: boolean, cancelled: Cancelled = never): Loc[] {
  const out: Loc[] = [];
  if (includeDeclaration) out.push({ uri: doc.uri, span: def.span });
  for (const s of index.termUses(doc, def)) out.push({ uri: doc.uri, span: s });
  if (def.scope !== 'instrument' || !doc.frontMatter) return out;
  const key = termKey(def.term.replace(/^the\s+/, ''));
  const id = doc.frontMatter.id;
  for (const other of index.documents()) {
    if (cancelled()) throw new CancelledError();
    if (other === doc) continue;
    const imports = other.definitions.filter((d) => d.form === 'import' && termKey(d.term.replace(/^the\s+/, '')) === key && d.importFrom && index.instrumentId(d.importFrom.instrument, other) === id);
    for (const imp of imports) {
      out.push({ uri: other.uri, span: imp.span });
      for (const s of index.termUses(other, imp)) out.push({ uri: other.uri, span: s });
    }
    const blanket = other.blanketImports.some((b) => index.instrumentId(b.instrument, other) === id);
    if (blanket && imports.length === 0 && !other.definitions.some((d) => termKey(d.term.replace(/^the\s+/, '')) === key)) {
      const stand: import('../model/types').Definition = { ...def, span: { start: -1, end: -1 }, scope: 'instrument', scopeAddress: undefined };
      for (const s of index.termUses(other, stand)) out.push({ uri: other.uri, span: s });
    }
  }
  return out;
}
