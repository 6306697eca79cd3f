// Quick fixes, worked out when a finding is published and carried in its `data` (so that the
// code action request needs nothing but the diagnostic it is given):
//   undefined-term        insert a definition of the term, or an import "has the same meaning as in …"
//   non-punishment-gap    widen the clause to offences under any other law
//   broken-reference      change the cited number to a near match
//   unused-suppression    remove the comment
// and, for any code, a suppression comment on the line before (see suppressionText).
import type { Definition, Span, Unit } from '../model/types';
import type { LinkedDocument } from '../index/link';
import type { WorkspaceIndex } from '../index/workspace';
import { citeLong, citeShort } from './cite';
import type { TextEditAt } from './rename';

export interface Fix {
  title: string;
  edits: TextEditAt[];
  preferred?: boolean;
}

export interface FixInput {
  code: string;
  uri: string;
  span: Span;
  data?: unknown;
}

export interface FixesForFinding {
  fixes: Fix[];
  /** Whether a `lawmark-disable-next-line` comment can go before the finding's line (not inside front matter, not outside a Lawmark file). */
  suppressible: boolean;
}

export function fixesFor(index: WorkspaceIndex, f: FixInput): FixesForFinding {
  const doc = index.document(f.uri);
  if (!doc) return { fixes: [], suppressible: false };
  const inFrontMatter = !!doc.frontMatterSpan && f.span.start < doc.frontMatterSpan.end;
  const suppressible = !inFrontMatter && f.code !== 'unused-suppression';
  let fixes: Fix[] = [];
  try {
    switch (f.code) {
      case 'undefined-term':
        fixes = undefinedTerm(index, doc, f);
        break;
      case 'non-punishment-gap':
        fixes = nonPunishmentGap(doc, f);
        break;
      case 'broken-reference':
        fixes = brokenReference(index, doc, f);
        break;
      case 'unused-suppression':
        fixes = [{ title: 'Remove this suppression comment', edits: [{ uri: doc.uri, span: wholeLines(doc, f.span), newText: '' }], preferred: true }];
        break;
    }
  } catch {
    fixes = [];
  }
  return { fixes, suppressible };
}

/** The comment that silences `code` on the line after it. */
export function suppressionText(code: string, indent = ''): string {
  return `${indent}<!-- lawmark-disable-next-line ${code} -- reason: … -->\n`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function brokenReference(index: WorkspaceIndex, doc: LinkedDocument, f: FixInput): Fix[] {
  if (!isObject(f.data)) return [];
  const suggestions = Array.isArray(f.data.suggestions) ? f.data.suggestions.filter((s): s is string => typeof s === 'string') : [];
  const target = typeof f.data.instrument === 'string' ? index.byId(f.data.instrument) : undefined;
  const old = doc.text.slice(f.span.start, f.span.end);
  return suggestions.map((s, i) => {
    const unit = target?.units.get(s);
    const name = target ? citeShort(target.frontMatter, s) : s;
    return {
      title: `Change ${old} to ${name}${unit?.heading ? ` (${unit.heading})` : ''}`,
      edits: [{ uri: doc.uri, span: f.span, newText: s }],
      preferred: i === 0 && suggestions.length === 1,
    };
  });
}

function nonPunishmentGap(doc: LinkedDocument, f: FixInput): Fix[] {
  if (!isObject(f.data) || !isObject(f.data.replace) || typeof f.data.with !== 'string') return [];
  const { start, end } = f.data.replace as { start?: unknown; end?: unknown };
  if (typeof start !== 'number' || typeof end !== 'number' || start < 0 || end < start || end > doc.text.length) return [];
  const old = doc.text.slice(start, end);
  return [
    {
      title: `Widen the clause to any other law: "${old}" → "${f.data.with}"`,
      edits: [{ uri: doc.uri, span: { start, end }, newText: f.data.with }],
      preferred: true,
    },
  ];
}

function undefinedTerm(index: WorkspaceIndex, doc: LinkedDocument, f: FixInput): Fix[] {
  if (!isObject(f.data) || typeof f.data.term !== 'string' || !f.data.term.trim()) return [];
  const term = f.data.term.trim();
  const sources = (Array.isArray(f.data.definedIn) ? f.data.definedIn : [])
    .filter(isObject)
    .map((s) => ({ instrument: typeof s.instrument === 'string' ? s.instrument : '', address: typeof s.address === 'string' ? s.address : '' }))
    .filter((s) => s.instrument);
  const place = definitionPlace(doc, term, f.span);
  const fixes: Fix[] = [];
  const definitionFix = (body: string) => place.render(`"${term}" ${body}`);
  fixes.push({ title: `Insert a definition of "${term}" ${place.where}`, edits: [{ uri: doc.uri, span: { start: place.at, end: place.at }, newText: definitionFix('means …;') }] });
  for (const s of sources) {
    const src = index.byId(s.instrument);
    if (!src?.frontMatter) continue;
    const cite = citeLong(src.frontMatter, s.address);
    fixes.push({
      title: `Import "${term}": has the same meaning as in ${citeShort(src.frontMatter, s.address)}`,
      edits: [{ uri: doc.uri, span: { start: place.at, end: place.at }, newText: definitionFix(`has the same meaning as in ${cite};`) }],
      preferred: sources.length === 1,
    });
  }
  return fixes;
}

interface Place {
  at: number;
  where: string;
  render(definition: string): string;
}

const DEFINITIONS_HEADING = /\b(definitions?|interpretation|use of terms)\b/i;

/** Where a new instrument-wide definition goes: in the definitions provision, in alphabetical order, with an inserted label (`(fa)`); else an Explanation of the provision where the term is used. */
function definitionPlace(doc: LinkedDocument, term: string, span: Span): Place {
  const wide = doc.definitions.filter((d) => d.scope === 'instrument' && d.form !== 'short-form');
  const counts = new Map<string, number>();
  for (const d of wide) {
    const p = d.address.replace(/[(\s].*$/, '');
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  let provision: Unit | undefined = doc.provisions.find((p) => DEFINITIONS_HEADING.test(p.heading ?? ''));
  if (!provision && counts.size) provision = doc.units.get([...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]);
  if (provision) {
    const clauses = wide
      .filter((d) => d.address.startsWith(`${provision!.address}(`))
      .map((d) => ({ def: d, unit: doc.units.get(d.address) }))
      .filter((x): x is { def: Definition; unit: Unit } => !!x.unit && x.unit.kind !== 'provision');
    const title = citeShort(doc.frontMatter, provision.address);
    if (clauses.length) {
      const lower = term.toLowerCase();
      const labels = new Set<string>(provision.children.map((u) => u.label));
      let prev: { def: Definition; unit: Unit } | undefined;
      for (const c of clauses) if (c.def.term.replace(/^the\s+/, '') <= lower) prev = c;
      const last = clauses[clauses.length - 1]!;
      // Alphabetical order with an inserted label; before the first clause (no label precedes (a)) or after the last: a new last clause.
      const [anchor, label] = !prev || prev === last ? [last, nextLabel(last.unit.label, labels)] : [prev, insertedLabel(prev.unit.label, labels)];
      const at = lineEnd(doc, lastTextEnd(doc, anchor.unit));
      return { at, where: `in ${title}`, render: (d) => `\n${label} ${d}` };
    }
    const at = lineEnd(doc, provision.ownSpan.end);
    return { at, where: `in ${title}`, render: (d) => `\n${d}` };
  }
  // No definitions provision: an Explanation of the provision that uses the term.
  const using = doc.provisions.find((p) => span.start >= p.span.start && span.start <= p.span.end);
  if (using) {
    const at = lineEnd(doc, lastTextEnd(doc, using));
    return { at, where: `in ${citeShort(doc.frontMatter, using.address)} (an Explanation)`, render: (d) => `\nExplanation.— In this section, ${d.replace(/;$/, '.')}` };
  }
  const at = doc.text.length;
  return { at, where: 'at the end of the file', render: (d) => `\n${d.replace(/;$/, '.')}\n` };
}

function lastTextEnd(doc: LinkedDocument, u: Unit): number {
  const prose = doc.prose || doc.text;
  let end = u.span.end;
  while (end > u.span.start && /\s/.test(prose.charAt(end - 1))) end--;
  return end;
}

function lineEnd(doc: LinkedDocument, offset: number): number {
  const prose = doc.prose || doc.text;
  let o = offset;
  while (o > 0 && /\s/.test(prose.charAt(o - 1))) o--;
  const nl = doc.text.indexOf('\n', o);
  let end = nl < 0 ? doc.text.length : nl;
  if (end > 0 && doc.text.charCodeAt(end - 1) === 13) end--;
  return end;
}

/** `(f)` → `(fa)`, or `(fb)` when `(fa)` is taken. */
function insertedLabel(label: string, taken: Set<string>): string {
  const inner = label.replace(/[()]/g, '');
  for (const c of 'abcdefghijklmnopqrstuvwxyz') {
    const l = `(${inner}${/\d$/.test(inner) ? c.toUpperCase() : c})`;
    if (!taken.has(l)) return l;
  }
  return `(${inner}a)`;
}

/** The label after the last one: `(g)` → `(h)`, `(3)` → `(4)`. */
function nextLabel(label: string, taken: Set<string>): string {
  const inner = label.replace(/[()]/g, '');
  let next: string;
  if (/^\d+$/.test(inner)) next = String(Number(inner) + 1);
  else if (/^[a-y]$/.test(inner)) next = String.fromCharCode(inner.charCodeAt(0) + 1);
  else next = `${inner}a`;
  const l = `(${next})`;
  return taken.has(l) ? insertedLabel(label, taken) : l;
}

/** A comment's span widened to its whole line(s) when nothing else stands on them. */
function wholeLines(doc: LinkedDocument, span: Span): Span {
  const text = doc.text;
  const ls = text.lastIndexOf('\n', span.start - 1) + 1;
  const nl = text.indexOf('\n', span.end);
  const le = nl < 0 ? text.length : nl;
  if (text.slice(ls, span.start).trim() === '' && text.slice(span.end, le).trim() === '') return { start: ls, end: nl < 0 ? le : le + 1 };
  return span;
}
