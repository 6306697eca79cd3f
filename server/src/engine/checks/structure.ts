// The structural checks of checks.md "Structure and references".
import type { Code } from './codes';
import type { Check, Finding } from './types';
import type { Unit } from '../model/types';
import type { LinkedDocument } from '../index/link';
import { citeLong, citeShort, instrumentName } from '../features/cite';
import { walkUnits } from '../parse/structure';

/** frontmatter-invalid and duplicate-provision: what the reader found in each file. */
export const readerProblems: Check = ({ index }) => {
  const out: Finding[] = [];
  for (const uri of index.uris()) {
    const doc = index.parsed(uri)!;
    for (const p of doc.problems) {
      out.push({ code: p.code as Code, uri, span: p.span, message: p.message, related: [], severity: p.severity });
    }
  }
  return out;
};

export const duplicateId: Check = ({ index }) => {
  const out: Finding[] = [];
  for (const [id, uris] of index.ids()) {
    if (uris.length < 2) continue;
    const first = uris[0]!;
    for (const uri of uris.slice(1)) {
      const doc = index.parsed(uri)!;
      out.push({
        code: 'duplicate-id',
        uri,
        span: idSpan(doc.text),
        message: `The id \`${id}\` is already declared by ${first}; every instrument needs its own id (this file is not cited while it shares one).`,
        related: [{ uri: first, span: idSpan(index.parsed(first)!.text), message: `\`${id}\` is declared here first` }],
      });
    }
  }
  return out;
};

function idSpan(text: string): { start: number; end: number } {
  const m = /^id[ \t]*:.*$/m.exec(text.slice(0, 4000));
  return m ? { start: m.index, end: m.index + m[0].length } : { start: 0, end: 3 };
}

/** broken-reference and unknown-instrument. */
export const references: Check = ({ index }) => {
  const out: Finding[] = [];
  for (const doc of index.documents()) {
    if (!doc.frontMatter) continue;
    // A bill cites its targets as the bill would leave them (new sections included): its
    // references are checked in its scenario, where its instructions are applied.
    const bill = doc.frontMatter.kind === 'bill';
    for (const ref of doc.references) {
      if (ref.instrument.kind === 'unknown') {
        out.push({
          code: 'unknown-instrument',
          uri: doc.uri,
          span: ref.span,
          message: `"${ref.instrument.name}" is not in the corpus, so "${ref.text}" cannot be followed; add the instrument (an excerpt will do) to check it.`,
          related: [],
        });
        continue;
      }
      if (bill) continue;
      for (const t of ref.targets) {
        for (const addr of t.to ? [t.address, t.to.address] : [t.address]) {
          if (addr === '') continue;
          const r = index.resolve(doc, ref.instrument, addr);
          if (r.status !== 'missing' || !r.doc) continue;
          const target = r.doc;
          const near = nearMatches(target, addr);
          const span = t.to && addr === t.to.address ? t.to.span : t.span;
          out.push({
            code: 'broken-reference',
            uri: doc.uri,
            span,
            message: `"${ref.text}" cites ${citeLong(target.frontMatter, addr)}, which does not exist${describeHas(target, addr)}${near.length ? `; did you mean ${near.map((n) => citeShort(target.frontMatter, n)).join(' or ')}?` : '.'}`,
            related: target === doc ? [] : [{ uri: target.uri, span: target.longTitle?.span ?? target.frontMatterSpan ?? { start: 0, end: 0 }, message: instrumentName(target.frontMatter) }],
            data: { suggestions: near, instrument: target.frontMatter?.id },
          });
        }
      }
    }
  }
  return out;
};

function describeHas(doc: LinkedDocument, addr: string): string {
  const paren = addr.indexOf('(');
  if (paren > 0) {
    const parentAddr = addr.slice(0, addr.lastIndexOf('('));
    const parent = doc.units.get(parentAddr);
    if (parent) {
      const labels = parent.children.filter((c) => c.kind !== 'explanation' && c.kind !== 'proviso').map((c) => c.label);
      return labels.length ? ` (${citeShort(doc.frontMatter, parentAddr)} has ${labels.join(', ')})` : ` (${citeShort(doc.frontMatter, parentAddr)} has no subdivisions)`;
    }
    return '';
  }
  const nums = doc.provisions.map((p) => p.address);
  if (nums.length === 0) return '';
  return ` (it has ${nums.length > 6 ? `${nums[0]} to ${nums[nums.length - 1]}` : nums.join(', ')})`;
}

/**
 * Provisions of the target that the cited number was probably meant to be, for a quick fix:
 * the same number with or without a letter (`16A` → `16`, `369` → `369A`), two characters
 * swapped (`396A` → `369A`), or one character off in a number of three or more characters.
 * Sub-units get no guess: the message lists the labels their provision has.
 */
export function nearMatches(doc: LinkedDocument, addr: string): string[] {
  if (addr.includes('(') || !/^\d/.test(addr)) return [];
  const digits = (a: string) => a.replace(/[A-Z]+$/, '');
  const out: string[] = [];
  for (const p of doc.provisions) {
    const a = p.address;
    if (a === addr) continue;
    const sameNumber = digits(a) === digits(addr);
    const swapped = a.length === addr.length && isTransposition(a, addr);
    const oneOff = addr.length >= 3 && a.length === addr.length && oneSubstitution(a, addr);
    if (sameNumber || swapped || oneOff) out.push(a);
  }
  return out.slice(0, 3);
}

function isTransposition(a: string, b: string): boolean {
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

function oneSubstitution(a: string, b: string): boolean {
  let diff = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff++;
  return diff === 1;
}

/** numbering-sequence: labels that skip or repeat within one level. */
export const numbering: Check = ({ index }) => {
  const out: Finding[] = [];
  for (const doc of index.documents()) {
    const fm = doc.frontMatter;
    if (fm && !fm.excerpt && fm.kind !== 'bill') {
      checkSequence(doc, doc.provisions, 'provision', out);
    }
    for (const unit of walkUnits(doc.provisions)) {
      for (const kind of ['subsection', 'clause', 'subclause'] as const) {
        const kids = unit.children.filter((c) => c.kind === kind);
        if (kids.length) checkSequence(doc, kids, kind, out);
      }
    }
  }
  return out;
};

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
function romanValue(s: string): number | undefined {
  if (!/^[ivxlc]+$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** The ordinal of a plain label, or undefined for an inserted one (`2A`, `(aa)`, `(ba)`). */
function ordinal(label: string, kind: string, prevPlain: string | undefined): number | 'inserted' | undefined {
  const l = label.replace(/[()]/g, '');
  if (/^\d+$/.test(l)) return Number(l);
  if (/^\d+[A-Z]+$/.test(l)) return 'inserted';
  if (kind === 'subclause') {
    const r = romanValue(l);
    if (r !== undefined) return r;
    if (/^[A-Z]$/.test(l)) return l.charCodeAt(0) - 64;
    return undefined;
  }
  if (/^[a-z]$/.test(l)) return l.charCodeAt(0) - 96;
  if (/^[a-z]{2}$/.test(l) && prevPlain && prevPlain.replace(/[()]/g, '') === l[0]) return 'inserted';
  if (/^([a-z])\1$/.test(l)) return 26 + (l.charCodeAt(0) - 96);
  return undefined;
}

function checkSequence(doc: LinkedDocument, units: Unit[], kind: string, out: Finding[]): void {
  let prev: { n: number; unit: Unit } | undefined;
  const seen = new Set<string>();
  for (const u of units) {
    // A provision numbered twice is duplicate-provision's finding, not this one's.
    if (kind === 'provision' && seen.has(u.address)) continue;
    seen.add(u.address);
    if (u.address.includes('#')) {
      out.push({
        code: 'numbering-sequence',
        uri: doc.uri,
        span: u.labelSpan,
        message: `${u.label} repeats a label already used at this level in ${citeShort(doc.frontMatter, u.address.split('#')[0]!)}.`,
        related: [],
      });
      continue;
    }
    const o = ordinal(u.label, kind, prev?.unit.label);
    if (o === 'inserted' || o === undefined) continue;
    const expected = prev ? prev.n + 1 : 1;
    if (o !== expected) {
      const what = prev ? `follows ${prev.unit.label}` : 'comes first';
      out.push({
        code: 'numbering-sequence',
        uri: doc.uri,
        span: u.labelSpan,
        message: o <= (prev?.n ?? 0) ? `${u.label} ${what}: the labels go backwards or repeat here.` : `${u.label} ${what}: ${o - expected === 1 ? 'a label is' : `${o - expected} labels are`} missing in between.`,
        related: prev ? [{ uri: doc.uri, span: prev.unit.labelSpan, message: `${prev.unit.label} is here` }] : [],
      });
    }
    prev = { n: o, unit: u };
  }
}

/** duplicate-definition and unused-definition. */
export const definitions: Check = ({ index }) => {
  const out: Finding[] = [];
  for (const doc of index.documents()) {
    if (!doc.frontMatter) continue;
    const seen = new Map<string, (typeof doc.definitions)[number]>();
    for (const d of doc.definitions) {
      const key = `${d.term}\u0000${d.scope}\u0000${d.scopeAddress ?? ''}`;
      const first = seen.get(key);
      if (first) {
        out.push({
          code: 'duplicate-definition',
          uri: doc.uri,
          span: d.span,
          message: `"${d.display}" is defined twice in the same scope (also in ${citeShort(doc.frontMatter, first.address)}); a reader cannot tell which meaning applies.`,
          related: [{ uri: doc.uri, span: first.span, message: `"${first.display}" is first defined here` }],
        });
      } else {
        seen.set(key, d);
      }
      // An excerpt's uses may lie in provisions the file leaves out; a bill's terms go into its targets.
      if (doc.frontMatter.kind === 'bill' || doc.frontMatter.excerpt || d.form === 'short-form') continue;
      if (index.termUses(doc, d).length === 0) {
        out.push({
          code: 'unused-definition',
          uri: doc.uri,
          span: d.span,
          message: `"${d.display}" is defined in ${citeShort(doc.frontMatter, d.address)} but never used ${d.scope === 'instrument' ? 'in the instrument' : d.scope === 'division' ? `in ${d.scopeAddress}` : 'in that provision'}.`,
          related: [],
        });
      }
    }
  }
  return out;
};

export const STRUCTURE_CHECKS: Check[] = [readerProblems, duplicateId, references, numbering, definitions];
