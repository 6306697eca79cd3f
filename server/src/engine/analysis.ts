// The whole job: every check on the corpus as it stands, and, for each bill, every check on
// the corpus as that bill alone would leave it (its scenario), reported as checks.md "What a
// bill is told" says:
//
// - a finding that exists only with the bill is reported in the bill, on the instruction that
//   caused it (or its title when none can be blamed), with the amended provision as related;
// - a finding that the bill removes is reported in the bill as `resolved-by-bill` (information),
//   naming the finding's code;
// - a finding that exists with and without the bill stays in the corpus file only;
// - and the bill's own diagnostics (bill-target-unknown, amendment-*), with its references
//   checked in its scenario (a unit the bill inserts exists there).
//
// Findings of a scenario are matched with the base by a key that survives the amendment: the
// code, the provisions involved (instrument id and address of the finding and of each related
// location) and the figures of the message (its numbers, citations left out), never offsets.
// A finding whose code and provision match one finding on each side but whose figures or
// related provisions differ has changed: it is reported once, in the bill, as the form the bill
// gives it (the old form is not "resolved": a finding of that kind stays at that provision).
import type { Config } from '../config';
import type { WorkspaceIndex } from './index/workspace';
import type { LinkedDocument } from './index/link';
import type { Span } from './model/types';
import type { Check, Diagnostic, Finding, Related } from './checks/types';
import { runChecks, finish } from './checks/run';
import { deepestUnitAt, type ParsedDocument } from './parse/document';
import { walkUnits } from './parse/structure';
import { citeLong, citeShort, instrumentName } from './features/cite';
import { applyBill, joinList, type Application, type TargetResult } from './amend/apply';
import { scenarioFor } from './amend/scenario';
import type { Operation } from './amend/types';

export interface AnalyseOptions {
  /** The checks to run (default: every check, as runChecks runs them). */
  checks?: Check[];
}

/** Every diagnostic of the workspace: the corpus without bills' effects, and each bill as its own what-if. */
export function analyse(index: WorkspaceIndex, config: Config, options: AnalyseOptions = {}): Diagnostic[] {
  const base = runChecks(index, config, { checks: options.checks });
  const bills = index.documents().filter((d) => d.frontMatter?.kind === 'bill');
  if (!bills.length) return base;
  const billUris = new Set(bills.map((b) => b.uri));
  const out = base.filter((d) => !billUris.has(d.uri));
  for (const bill of bills) {
    try {
      out.push(...reportBill(index, config, options, bill, base, billUris));
    } catch (e) {
      // One bill that cannot be analysed must not take the others (or the corpus) down.
      out.push(...base.filter((d) => d.uri === bill.uri));
      out.push(
        ...finish(onlyFile(index, bill.uri), config, [
          {
            code: 'amendment-unrecognised',
            uri: bill.uri,
            span: bill.longTitle?.span ?? { start: 0, end: 0 },
            message: `Lawmark could not analyse this bill (${e instanceof Error ? e.message : String(e)}); only its own findings are shown.`,
            related: [],
          },
        ]).filter((d) => d.code !== 'unused-suppression'),
      );
    }
  }
  return sortDiagnostics(out);
}

/** A bill's report: its own findings (checked in its scenario), its instructions' diagnostics, and what it changes. */
export function analyseBill(index: WorkspaceIndex, config: Config, uri: string, options: AnalyseOptions = {}): Diagnostic[] {
  const bill = index.document(uri);
  if (!bill || bill.frontMatter?.kind !== 'bill') return [];
  const base = runChecks(index, config, { checks: options.checks });
  const billUris = new Set(index.documents().filter((d) => d.frontMatter?.kind === 'bill').map((d) => d.uri));
  return sortDiagnostics(reportBill(index, config, options, bill, base, billUris));
}

function reportBill(index: WorkspaceIndex, config: Config, options: AnalyseOptions, bill: LinkedDocument, base: Diagnostic[], billUris: Set<string>): Diagnostic[] {
  const app = applyBill(index, bill.uri);
  if (!app) return base.filter((d) => d.uri === bill.uri);
  const scenario = scenarioFor(index, bill.uri, app)!;
  const changed = app.targets.some((t) => t.after !== t.before);
  const scen = changed ? runChecks(scenario.index, config, { checks: options.checks }) : base;
  const own = scen.filter((d) => d.uri === bill.uri);

  const raw: Finding[] = [...app.findings, ...billReferences(scenario.index, bill, app)];
  if (changed) {
    const corpus = (list: Diagnostic[]) => list.filter((d) => !billUris.has(d.uri));
    const diff = compare(index, corpus(base), scenario.index, corpus(scen));
    const blame = new Blame(index, scenario.index, bill, app);
    for (const f of diff.introduced) {
      // A reference to a unit the bill omits is amendment-breaks-reference's finding, on the instruction.
      if (f.code === 'broken-reference' && brokenByOmission(scenario.index, f, app)) continue;
      raw.push(blame.introduced(f));
    }
    for (const c of diff.changed) {
      // Fewer provisions involved and nothing new: the bill resolves part of it.
      const before = new Set(relatedKeys(index, c.before));
      const after = relatedKeys(scenario.index, c.after);
      const narrower = after.length < before.size && after.every((k) => before.has(k));
      raw.push(narrower ? blame.resolved(c.before, c.after) : blame.introduced(c.after, c.before));
    }
    for (const f of diff.resolved) raw.push(blame.resolved(f));
  }
  const mine = finish(onlyFile(index, bill.uri), config, raw);
  // A suppression in the bill is unused only if neither its own findings nor the bill's report used it.
  const unusedMine = new Set(mine.filter((d) => d.code === 'unused-suppression').map((d) => d.span.start));
  const unusedOwn = new Set(own.filter((d) => d.code === 'unused-suppression').map((d) => d.span.start));
  return [
    ...own.filter((d) => d.code !== 'unused-suppression' || unusedMine.has(d.span.start)),
    ...mine.filter((d) => d.code !== 'unused-suppression' || (unusedOwn.has(d.span.start) && !own.some((o) => o.code === 'unused-suppression' && o.span.start === d.span.start))),
  ];
}

/** The index as `finish` sees it for one file's findings: suppressions of that file only. */
function onlyFile(index: WorkspaceIndex, uri: string): WorkspaceIndex {
  return new Proxy(index, {
    get(target, prop) {
      if (prop === 'uris') return () => [uri];
      const v = Reflect.get(target, prop, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start || a.span.end - b.span.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
}

// ---------------------------------------------------------------------------------------------
// Keys and the diff

/** Where a finding is: the instrument's id and the address of the deepest unit at the offset ('' outside provisions). */
function locationKey(ix: WorkspaceIndex, uri: string, span: Span): string {
  const doc = ix.parsed(uri);
  const id = doc?.frontMatter?.id ?? uri;
  const unit = doc ? deepestUnitAt(doc.provisions, span.start) : undefined;
  return `${id}@${unit?.address ?? ''}`;
}

const CITATION = [
  /\b(?:s|ss|sec|art|arts|r|reg|cl|para)\.\s?\d+[A-Z]*(?:\([^)\s]*\))*/gi,
  /\b(?:sections?|articles?|rules?|regulations?|sub-sections?|subsections?|clauses?|sub-clauses?|paragraphs?)\s+\d+[A-Z]*(?:\([^)\s]*\))*(?:\s+(?:to|and)\s+\d+[A-Z]*)?/gi,
  /\((?:[^()]*\s)?has\s[^)]*\)/gi,
];
const NUMBER = /\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|lakh|crore|million|billion)\b/gi;

/** The figures of a message: its numbers, in order, with the citations of provisions left out. */
export function figuresOf(message: string): string {
  let m = message;
  for (const rx of CITATION) m = m.replace(rx, ' ');
  return (m.match(NUMBER) ?? []).map((n) => n.replace(/,/g, '').toLowerCase()).join(' ');
}

export function findingKey(ix: WorkspaceIndex, d: Finding): string {
  return [d.code, locationKey(ix, d.uri, d.span), relatedKeys(ix, d).join(','), figuresOf(d.message)].join('|');
}

/** The provisions a finding's related locations involve (a set: one provision cited twice is one). */
function relatedKeys(ix: WorkspaceIndex, d: Finding): string[] {
  return [...new Set(d.related.map((r) => locationKey(ix, r.uri, r.span)))].sort();
}

interface Diff {
  introduced: Diagnostic[];
  resolved: Diagnostic[];
  changed: Array<{ before: Diagnostic; after: Diagnostic }>;
}

function compare(baseIndex: WorkspaceIndex, base: Diagnostic[], scenIndex: WorkspaceIndex, scen: Diagnostic[]): Diff {
  const pool = new Map<string, Diagnostic[]>();
  for (const d of base) {
    const k = findingKey(baseIndex, d);
    const list = pool.get(k) ?? [];
    list.push(d);
    pool.set(k, list);
  }
  const introduced: Diagnostic[] = [];
  for (const d of scen) {
    const list = pool.get(findingKey(scenIndex, d));
    if (list && list.length) list.shift();
    else introduced.push(d);
  }
  const resolved = [...pool.values()].flat();
  // Changed: one on each side with the same code at the same provision.
  const group = (ix: WorkspaceIndex, d: Diagnostic) => `${d.code}|${locationKey(ix, d.uri, d.span)}`;
  const count = (ix: WorkspaceIndex, list: Diagnostic[]) => {
    const m = new Map<string, Diagnostic[]>();
    for (const d of list) m.set(group(ix, d), [...(m.get(group(ix, d)) ?? []), d]);
    return m;
  };
  const gi = count(scenIndex, introduced);
  const gr = count(baseIndex, resolved);
  const changed: Diff['changed'] = [];
  for (const [k, list] of gi) {
    const other = gr.get(k);
    if (list.length === 1 && other?.length === 1) changed.push({ before: other[0]!, after: list[0]! });
  }
  const inChanged = new Set(changed.flatMap((c) => [c.before, c.after]));
  return { introduced: introduced.filter((d) => !inChanged.has(d)), resolved: resolved.filter((d) => !inChanged.has(d)), changed };
}

/** A broken reference of the scenario to a unit the bill omits (or drops): amendment-breaks-reference already says it. */
function brokenByOmission(ix: WorkspaceIndex, f: Diagnostic, app: Application): boolean {
  const doc = ix.document(f.uri);
  if (!doc) return false;
  for (const ref of doc.references) {
    for (const t of ref.targets) {
      const hits = [t.span.start === f.span.start ? t.address : undefined, t.to && t.to.span.start === f.span.start ? t.to.address : undefined];
      for (const h of hits) {
        if (!h) continue;
        const id = ix.instrumentId(ref.instrument, doc);
        if (app.targets.find((x) => x.id === id)?.removed.has(h)) return true;
      }
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Blame: which instruction a finding comes from

class Blame {
  private readonly byUri = new Map<string, TargetResult>();
  private readonly title: Span;

  constructor(
    private readonly base: WorkspaceIndex,
    private readonly scen: WorkspaceIndex,
    private readonly bill: LinkedDocument,
    private readonly app: Application,
  ) {
    for (const t of app.targets) if (t.after !== t.before) this.byUri.set(t.uri, t);
    this.title = bill.longTitle?.span ?? firstHeading(bill) ?? { start: 0, end: 0 };
  }

  /** A finding of the scenario that the corpus does not have, moved into the bill. */
  introduced(f: Diagnostic, before?: Diagnostic): Finding {
    const primaryTarget = this.byUri.get(f.uri);
    let op = primaryTarget ? this.opAt(primaryTarget, f.span, 'out') : undefined;
    op ??= this.byQuotedTerm(f.message);
    if (!op && !primaryTarget) {
      for (const r of f.related) {
        const t = this.byUri.get(r.uri);
        if (t && (op = this.opAt(t, r.span, 'out'))) break;
      }
    }
    const related: Related[] = [];
    if (op) related.push(...this.amendedProvision(op));
    const where = this.describeOut(f.uri, f.span);
    related.push(this.mapOut({ uri: f.uri, span: f.span, message: `the finding: ${where}${this.byUri.has(f.uri) ? ' as amended' : ''}` }));
    for (const r of f.related) related.push(this.mapOut(r));
    const lead = before ? `Changed by this bill (${where}${this.byUri.has(f.uri) ? ' as amended' : ''})` : `Introduced by this bill (${where}${this.byUri.has(f.uri) ? ' as amended' : ''})`;
    return {
      code: f.code,
      uri: this.bill.uri,
      span: op ? op.span : this.title,
      message: `${lead}: ${f.message}${before ? ` Before the bill: ${before.message}` : ''}`,
      related: dedupe(related),
      severity: f.severity,
      data: { scenario: { uri: f.uri, code: f.code }, ...(op ? { instruction: op.id } : {}) },
    };
  }

  /** A finding of the corpus that the scenario does not have: resolved-by-bill, in the bill. */
  resolved(f: Diagnostic, after?: Diagnostic): Finding {
    const t = this.byUri.get(f.uri);
    let op = t ? this.opAt(t, f.span, 'orig') : undefined;
    op ??= this.byQuotedTerm(f.message);
    if (!op && !t) {
      for (const r of f.related) {
        const rt = this.byUri.get(r.uri);
        if (rt && (op = this.opAt(rt, r.span, 'orig'))) break;
      }
    }
    const where = this.describeBase(f.uri, f.span);
    return {
      code: 'resolved-by-bill',
      uri: this.bill.uri,
      span: op ? op.span : this.title,
      message: after ? `Resolves in part ${f.code} on ${where}: ${f.message} As the bill would leave it: ${after.message}` : `Resolves ${f.code} on ${where}: ${f.message}`,
      related: dedupe([{ uri: f.uri, span: f.span, message: `the ${f.code} finding this bill resolves (${where})` }, ...f.related]),
      data: { code: f.code, uri: f.uri, ...(after ? { partly: true } : {}) },
    };
  }

  /** The instruction that wrote (or, for 'orig', replaced) the text at a span, else the nearest one in the unit or its ancestors. */
  private opAt(t: TargetResult, span: Span, side: 'out' | 'orig'): Operation | undefined {
    const range = (a: TargetResult['applied'][number]) => (side === 'out' ? a.out : a.orig);
    const hit = t.applied.find((a) => overlaps(range(a), span));
    if (hit) return hit.op;
    const doc = side === 'out' ? this.scen.parsed(t.uri) : this.base.parsed(t.uri);
    if (!doc) return undefined;
    const chain = unitChain(doc, span.start);
    for (const u of chain.reverse()) {
      const inside = t.applied.filter((a) => touches(range(a), u.span));
      if (!inside.length) continue;
      inside.sort((a, b) => distance(range(a), span) - distance(range(b), span) || a.op.id - b.op.id);
      return inside[0]!.op;
    }
    return undefined;
  }

  /** An instruction whose new words hold a term the message quotes ("structured group"). */
  private byQuotedTerm(message: string): Operation | undefined {
    const terms = [...message.matchAll(/["“]([^"”]{3,60})["”]/g)].map((m) => m[1]!.toLowerCase());
    if (!terms.length) return undefined;
    for (const op of this.app.applied) {
      const words = newWords(op).toLowerCase();
      if (terms.some((term) => words.includes(term))) return op;
    }
    return undefined;
  }

  /** The amended provision, as related information: the bill's new text, or the words amended in the target file. */
  private amendedProvision(op: Operation): Related[] {
    const t = this.app.targets.find((x) => x.applied.some((a) => a.op === op));
    if (!t) return [];
    const a = t.applied.find((x) => x.op === op)!;
    const doc = this.base.document(t.uri);
    const fm = doc?.frontMatter;
    const address = 'unit' in op ? op.unit.address : op.scope.address;
    const text = 'text' in op && op.text && typeof op.text === 'object' && 'block' in op.text ? op.text : undefined;
    if (text) {
      const heading = /^\s*#{1,6}\s+(?:(?:section|article|rule)\s+)?(\d+[A-Z]*)/i.exec(text.text)?.[1];
      return [{ uri: this.bill.uri, span: text.span, message: `${citeShort(fm, heading ?? address)} as this bill would ${op.kind === 'substitute-unit' ? 'substitute' : 'insert'} it` }];
    }
    if (a.orig.end > a.orig.start) return [{ uri: t.uri, span: a.orig, message: `${citeShort(fm, address)}, which this instruction amends` }];
    return [{ uri: t.uri, span: { start: a.orig.start, end: a.orig.start }, message: `${citeShort(fm, address)}, which this instruction amends` }];
  }

  /** A location in the scenario, as a location in a real file: unchanged text maps to the target, new text to the bill. */
  private mapOut(r: Related): Related {
    const t = this.byUri.get(r.uri);
    if (!t) return r;
    for (const s of t.segments) {
      if (r.span.start < s.out.start || r.span.start > s.out.end) continue;
      if (!s.op) {
        const d = s.orig.start - s.out.start;
        return { uri: r.uri, span: { start: r.span.start + d, end: Math.min(s.orig.end, r.span.end + d) }, message: r.message };
      }
      const src = sourceSpan(s.op);
      return { uri: this.bill.uri, span: src, message: r.message };
    }
    return r;
  }

  private describeOut(uri: string, span: Span): string {
    return describeAt(this.scen, uri, span);
  }

  private describeBase(uri: string, span: Span): string {
    return describeAt(this.base, uri, span);
  }
}

function describeAt(ix: WorkspaceIndex, uri: string, span: Span): string {
  const doc = ix.parsed(uri);
  const unit = doc ? deepestUnitAt(doc.provisions, span.start) : undefined;
  return unit ? citeShort(doc?.frontMatter, unit.address) : instrumentName(doc?.frontMatter, uri);
}

function unitChain(doc: ParsedDocument, offset: number): Array<{ span: Span }> {
  const out: Array<{ span: Span }> = [];
  let level = doc.provisions;
  for (;;) {
    const u = level.find((x) => offset >= x.span.start && offset <= x.span.end);
    if (!u) break;
    out.push(u);
    level = u.children;
  }
  return out;
}

/** The new text an operation brings in (quoted words or a quoted unit), with where it stands in the bill. */
function quotedNew(op: Operation): { text: string; span: Span } | undefined {
  switch (op.kind) {
    case 'substitute-words':
      return op.by;
    case 'insert-words':
    case 'add-words':
      return op.text;
    case 'substitute-unit':
    case 'insert-unit':
    case 'add-unit':
      return op.text;
    default:
      return undefined;
  }
}

function newWords(op: Operation): string {
  return quotedNew(op)?.text ?? '';
}

function sourceSpan(op: Operation): Span {
  return quotedNew(op)?.span ?? op.span;
}

function overlaps(a: Span, b: Span): boolean {
  if (a.start === a.end) return a.start >= b.start && a.start <= b.end && b.end > b.start && a.start < b.end;
  return a.start < b.end && b.start < a.end;
}

function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

function distance(a: Span, b: Span): number {
  if (a.end < b.start) return b.start - a.end;
  if (b.end < a.start) return a.start - b.end;
  return 0;
}

function dedupe(list: Related[]): Related[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const k = `${r.uri}\u0000${r.span.start}\u0000${r.span.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function firstHeading(doc: LinkedDocument): Span | undefined {
  const h = doc.blocks.headings[0];
  return h ? { start: h.textStart, end: h.textStart + h.text.length } : undefined;
}

// ---------------------------------------------------------------------------------------------
// The bill's own references, in its scenario

function billReferences(scen: WorkspaceIndex, bill: LinkedDocument, app: Application): Finding[] {
  const out: Finding[] = [];
  const doc = scen.document(bill.uri) ?? bill;
  const missing = app.findings
    .filter((f) => f.code === 'amendment-target-missing')
    .map((f) => ({ span: f.span, ...(f.data as { instrument?: string; address?: string }) }));
  for (const ref of doc.references) {
    if (ref.quoted || ref.instrument.kind === 'unknown') continue;
    for (const t of ref.targets) {
      for (const addr of t.to ? [t.address, t.to.address] : [t.address]) {
        if (addr === '') continue;
        const r = scen.resolve(doc, ref.instrument, addr);
        if (r.status !== 'missing' || !r.doc) continue;
        // The bill names a unit as it stood before the bill (one it renumbers, omits or replaces).
        if (app.targets.some((x) => x.id === r.id && x.removed.has(addr))) continue;
        // Already said on the instruction: the unit it names does not exist.
        const said = missing.some((m) => (m.span.start < ref.span.end && ref.span.start < m.span.end) || (m.instrument === r.id && m.address !== undefined && (addr === m.address || addr.startsWith(`${m.address}(`) || addr.startsWith(`${m.address} `))));
        if (said) continue;
        const target = r.doc;
        const span = t.to && addr === t.to.address ? t.to.span : t.span;
        out.push({
          code: 'broken-reference',
          uri: bill.uri,
          span,
          message: `"${ref.text}" cites ${citeLong(target.frontMatter, addr)}, which does not exist even as this bill would leave it${describeHas(target, addr)}.`,
          related: target.uri === bill.uri ? [] : [{ uri: target.uri, span: target.longTitle?.span ?? target.frontMatterSpan ?? { start: 0, end: 0 }, message: instrumentName(target.frontMatter) }],
          data: { instrument: target.frontMatter?.id },
        });
      }
    }
  }
  return out;
}

function describeHas(doc: LinkedDocument, addr: string): string {
  if (addr.includes('(')) {
    const parentAddr = addr.slice(0, addr.lastIndexOf('('));
    const parent = doc.units.get(parentAddr);
    if (!parent) return '';
    const labels = parent.children.filter((c) => c.kind !== 'explanation' && c.kind !== 'proviso').map((c) => c.label);
    return labels.length ? ` (${citeShort(doc.frontMatter, parentAddr)} has ${joinList(labels)})` : ` (${citeShort(doc.frontMatter, parentAddr)} has no subdivisions)`;
  }
  const nums = [...walkUnits(doc.provisions)].filter((u) => u.kind === 'provision').map((p) => p.address);
  if (!nums.length) return '';
  return ` (it has ${nums.length > 6 ? `${nums[0]} to ${nums[nums.length - 1]}` : nums.join(', ')})`;
}
