// Application: a bill's operations → each target's consolidated ("as amended") text.
//
// Every operation is located on the target's parsed model (units by address, words searched in
// the unit's span, its children included, comments excluded) and becomes edits of the original
// text; operations that touch the same words or unit incompatibly are reported as
// amendment-conflict and neither is applied; the rest are applied at once, so the original is
// never changed and the result maps back, piece by piece, to the original and to the instruction
// that wrote it. A renumbered unit is known by its new address to the instructions after it.
import type { Span, Unit } from '../model/types';
import type { LinkedDocument } from '../index/link';
import type { WorkspaceIndex } from '../index/workspace';
import type { Finding, Related } from '../checks/types';
import { parseDocument, type ParsedDocument } from '../parse/document';
import { walkUnits } from '../parse/structure';
import { citeLong, citeShort, instrumentName } from '../features/cite';
import { readBill, ellipsis, type BillReading } from './reader';
import { placeOf, type NewText, type Operation, type Place, type QuotedText } from './types';

/** One piece of the consolidated text: where it came from in the original, and which instruction wrote it (if any). */
export interface Segment {
  orig: Span;
  out: Span;
  op?: Operation;
}

export interface AppliedOperation {
  op: Operation;
  /** What it replaced or where it inserted, in the original text. */
  orig: Span;
  /** What it wrote, in the consolidated text. */
  out: Span;
}

export interface TargetResult {
  id: string;
  uri: string;
  before: string;
  after: string;
  segments: Segment[];
  applied: AppliedOperation[];
  /** Addresses the bill takes away (omitted units and their children, units a substitution or renumbering drops). */
  removed: Set<string>;
}

export interface Application {
  reading: BillReading;
  targets: TargetResult[];
  /** Every diagnostic of the bill: reading, application, conflicts, broken references. On the bill. */
  findings: Finding[];
  /** The operations that were applied. */
  applied: Operation[];
}

/** Reads a bill and applies it to each of its targets. Undefined when the file is not a bill. */
export function applyBill(index: WorkspaceIndex, uri: string): Application | undefined {
  const reading = readBill(index, uri);
  if (!reading) return undefined;
  const findings = [...reading.findings];
  const targets: TargetResult[] = [];
  const applied: Operation[] = [];
  for (const id of reading.targets) {
    const doc = index.byId(id)!;
    const ops = reading.operations.filter((op) => placeOf(op).target === id);
    let result: TargetResult;
    try {
      result = applyToTarget(doc, ops, reading.bill, findings);
      breaksReferences(index, reading.bill, doc, result, findings);
    } catch (e) {
      // A defect here must not take the editor or the run down: the target stays as it is.
      findings.push({
        code: 'amendment-unrecognised',
        uri,
        span: reading.bill.longTitle?.span ?? { start: 0, end: 0 },
        message: `Lawmark could not apply this bill to ${instrumentName(doc.frontMatter, id)} (${e instanceof Error ? e.message : String(e)}); it is shown unchanged.`,
        related: [],
      });
      result = { id, uri: doc.uri, before: doc.text, after: doc.text, segments: [{ orig: { start: 0, end: doc.text.length }, out: { start: 0, end: doc.text.length } }], applied: [], removed: new Set() };
    }
    targets.push(result);
    applied.push(...result.applied.map((a) => a.op));
  }
  applied.sort((a, b) => a.id - b.id);
  return { reading, targets, findings, applied: [...new Set(applied)] };
}

// ---------------------------------------------------------------------------------------------
// Units of the target, as located for an operation

interface Located {
  address: string;
  kind: Unit['kind'];
  label: string;
  /** The whole unit, trailing comments included. */
  span: Span;
  /** The unit's text without trailing blanks and comments. */
  content: Span;
  labelSpan: Span;
  /** Provisions: where the text after the heading line starts. */
  bodyStart: number;
  /** Provisions: the heading's `#` count. */
  level: number;
  /** The provision that holds it. */
  provision: Unit;
  unit?: Unit;
}

interface Edit {
  start: number;
  end: number;
  text: string;
  op: Operation;
}

interface Touch {
  kind: 'modify' | 'anchor' | 'point';
  start: number;
  end: number;
  /** What it touches, for the conflict message. */
  what: string;
}

class Skip extends Error {}

class TargetApplier {
  private readonly eol: string;
  private readonly aliases = new Map<string, Located>();
  private readonly located = new Map<number, { edits: Edit[]; touches: Touch[] }>();

  constructor(
    private readonly doc: LinkedDocument,
    private readonly bill: LinkedDocument,
    private readonly findings: Finding[],
  ) {
    this.eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  }

  private get fm() {
    return this.doc.frontMatter;
  }

  private report(code: Finding['code'], span: Span, message: string, related: Related[] = [], data?: unknown): void {
    this.findings.push({ code, uri: this.bill.uri, span, message, related, ...(data !== undefined ? { data } : {}) });
  }

  run(ops: Operation[]): TargetResult {
    for (const op of ops) {
      try {
        const r = this.locate(op);
        if (r) this.located.set(op.id, r);
      } catch (e) {
        if (!(e instanceof Skip)) throw e;
      }
    }
    const dropped = this.conflicts(ops);
    const edits: Edit[] = [];
    for (const op of ops) {
      if (dropped.has(op.id)) continue;
      edits.push(...(this.located.get(op.id)?.edits ?? []));
    }
    return this.build(edits);
  }

  // --- finding units ------------------------------------------------------------------------

  private unitFor(address: string): Located | undefined {
    const alias = this.aliases.get(address);
    if (alias) return alias;
    let unit = this.doc.units.get(address);
    if (!unit) {
      // `the Explanation to section 3` where the Explanation follows sub-section (2): the one Explanation (or proviso) inside.
      const m = /^(.*) (Explanation|proviso)((?: \S+)?)$/.exec(address);
      if (m) {
        const owner = this.doc.units.get(m[1]!);
        if (owner) {
          const found = [...walkUnits(owner.children)].filter((u) => u.address.endsWith(` ${m[2]}${m[3]}`));
          if (found.length === 1) unit = found[0];
        }
      }
    }
    if (!unit) return undefined;
    return this.locatedUnit(unit);
  }

  private locatedUnit(unit: Unit): Located {
    const provision = this.provisionOf(unit);
    const text = this.doc.text;
    const headEnd = lineEnd(text, provision.span.start);
    const bodyStart = unit.kind === 'provision' ? Math.min(nextLineStart(text, unit.span.start), unit.span.end) : unit.span.start;
    const level = /^(#{1,6})/.exec(text.slice(provision.span.start, headEnd))?.[1]?.length ?? 2;
    return {
      address: unit.address,
      kind: unit.kind,
      label: unit.label,
      span: unit.span,
      content: { start: unit.span.start, end: Math.max(unit.kind === 'provision' ? headEnd : unit.labelSpan.end, trimWs(this.doc.prose, unit.span.end, unit.span.start)) },
      labelSpan: unit.labelSpan,
      bodyStart,
      level,
      provision,
      unit,
    };
  }

  private provisionOf(unit: Unit): Unit {
    for (const p of this.doc.provisions) if (unit.span.start >= p.span.start && unit.span.start <= p.span.end) return p;
    return unit;
  }

  /** The unit a place names, or a target-missing report at the first link of its chain that is missing. */
  private need(place: Place, op: Operation): Located | undefined {
    if (place.address === '') return undefined;
    const found = this.unitFor(place.address);
    if (found) return found;
    // A Part, Chapter or Schedule: its words can be amended (the division itself is not a unit).
    const division = this.doc.divisions.find((d) => d.address.toLowerCase() === place.address.toLowerCase());
    if (division && (op.kind === 'substitute-words' || op.kind === 'omit-words' || op.kind === 'insert-words')) {
      const first = this.doc.provisions.find((p) => p.span.start >= division.span.start) ?? this.doc.provisions[0]!;
      return {
        address: division.address,
        kind: 'provision',
        label: division.address,
        span: division.span,
        content: { start: division.span.start, end: trimWs(this.doc.prose, division.span.end, division.span.start) },
        labelSpan: division.headingSpan,
        bodyStart: Math.min(nextLineStart(this.doc.text, division.headingSpan.end), division.span.end),
        level: division.level,
        provision: first,
      };
    }
    let at = place.span;
    let address = place.address;
    for (const link of place.chain) {
      if (!this.unitFor(link.address)) {
        at = link.span;
        address = link.address;
        break;
      }
    }
    const excerpt = this.fm?.excerpt ? ` (${instrumentName(this.fm)} is an excerpt: if the unit exists, add it to the file)` : '';
    this.report(
      'amendment-target-missing',
      at,
      `${cap(citeLong(this.fm, address))} does not exist${this.describeHas(address)}${excerpt}; this instruction (section ${op.billUnit} of the bill) is not applied.`,
      [],
      { instrument: this.fm?.id, address },
    );
    throw new Skip();
  }

  private describeHas(address: string): string {
    const sp = address.indexOf(' ');
    const parentAddr = sp > 0 ? address.slice(0, sp) : address.includes('(') ? address.slice(0, address.lastIndexOf('(')) : undefined;
    if (parentAddr) {
      const parent = this.doc.units.get(parentAddr);
      if (!parent) return '';
      const labels = parent.children.map((c) => c.label);
      return labels.length ? ` (${citeShort(this.fm, parentAddr)} has ${labels.join(', ')})` : ` (${citeShort(this.fm, parentAddr)} has no subdivisions)`;
    }
    const nums = this.doc.provisions.map((p) => p.address);
    if (!nums.length) return ' (the file holds no provisions)';
    return ` (it has ${nums.length > 6 ? `sections ${nums[0]} to ${nums[nums.length - 1]}` : nums.join(', ')})`;
  }

  // --- words ------------------------------------------------------------------------------

  /** Where words are searched: the unit and its children (a provision without its heading line), comments excluded. */
  private region(place: Place, unit: Located | undefined): Span {
    const text = this.doc.text;
    if (!unit) return { start: this.doc.frontMatterSpan?.end ?? 0, end: text.length };
    if (place.part === 'heading') {
      if (unit.kind === 'provision') return { start: unit.labelSpan.end, end: lineEnd(text, unit.span.start) };
      return { start: unit.span.start, end: lineEnd(text, unit.span.start) };
    }
    if (unit.kind === 'provision') return { start: unit.bodyStart, end: Math.max(unit.bodyStart, unit.content.end) };
    return unit.content;
  }

  private where(place: Place): string {
    const base = citeLong(this.fm, place.address);
    return place.part === 'heading' ? `the heading of ${base}` : base;
  }

  private find(words: QuotedText, region: Span): Span[] {
    const rx = wordsPattern(words.text);
    if (!rx) return [];
    const out: Span[] = [];
    const hay = this.doc.prose;
    rx.lastIndex = region.start;
    let m: RegExpExecArray | null;
    while ((m = rx.exec(hay)) && m.index < region.end) {
      if (m.index + m[0].length <= region.end) out.push({ start: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) rx.lastIndex++;
    }
    if (!words.until) return out;
    // `beginning with "A" and ending with "B"`: from each A to the first B after it.
    const end = wordsPattern(words.until.text);
    if (!end) return [];
    const spans: Span[] = [];
    for (const s of out) {
      end.lastIndex = s.end;
      const e = end.exec(hay);
      if (e && e.index + e[0].length <= region.end && !spans.some((x) => x.end > s.start)) spans.push({ start: s.start, end: e.index + e[0].length });
    }
    return spans;
  }

  private matches(op: Extract<Operation, { words: unknown }>, place: Place, unit: Located | undefined): Span[] {
    const region = this.region(place, unit);
    const all = this.find(op.words, region);
    const what = op.words.until ? `beginning with "${ellipsis(op.words.text, 40)}" and ending with "${ellipsis(op.words.until.text, 40)}"` : `"${ellipsis(op.words.text, 80)}"`;
    if (all.length === 0) {
      const loose = wordsPattern(op.words.text, true);
      loose!.lastIndex = region.start;
      const near = loose!.exec(this.doc.prose);
      const hint = near && near.index < region.end ? ` (it has "${ellipsis(this.doc.text.slice(near.index, near.index + near[0].length), 80)}", with other capitals)` : '';
      this.report('amendment-text-not-found', op.words.span, `The words ${what} are not in ${this.where(place)}${hint}; this instruction (section ${op.billUnit} of the bill) is not applied.`, [], {
        instrument: this.fm?.id,
        address: place.address,
        words: op.words.text,
      });
      throw new Skip();
    }
    const occ = op.occurrence;
    if (occ && 'all' in occ) return all;
    if (occ && 'last' in occ) {
      const last = all[all.length - 1]!;
      if (occ.atEnd && trimWs(this.doc.prose, region.end, region.start) !== last.end && !/^[\s.;:,]*$/.test(this.doc.prose.slice(last.end, region.end))) {
        this.report('amendment-text-not-found', op.words.span, `The words ${what} are not at the end of ${this.where(place)}; this instruction (section ${op.billUnit} of the bill) is not applied.`);
        throw new Skip();
      }
      return [last];
    }
    if (occ && 'nth' in occ) {
      const pick = all[occ.nth - 1];
      if (!pick) {
        this.report('amendment-text-not-found', op.words.span, `The words ${what} occur ${times(all.length)} in ${this.where(place)}, not ${occ.nth} times; this instruction (section ${op.billUnit} of the bill) is not applied.`);
        throw new Skip();
      }
      return [pick];
    }
    if (all.length > 1) {
      const units = all.map((s) => this.addressAt(s.start)).map((a) => citeShort(this.fm, a));
      const distinct = [...new Set(units)];
      this.report(
        'amendment-ambiguous',
        op.words.span,
        `The words ${what} occur ${times(all.length)} in ${this.where(place)}${distinct.length > 1 ? ` (in ${joinList(distinct)})` : ''} and the instruction does not say which: add "wherever occurring", or name the unit. This instruction (section ${op.billUnit} of the bill) is not applied.`,
        [],
        { instrument: this.fm?.id, address: place.address, words: op.words.text, count: all.length },
      );
      throw new Skip();
    }
    return all;
  }

  private addressAt(offset: number): string {
    let best: Unit | undefined;
    for (const u of walkUnits(this.doc.provisions)) if (offset >= u.span.start && offset <= u.span.end) best = u;
    return best?.address ?? '';
  }

  // --- operations ---------------------------------------------------------------------------

  private locate(op: Operation): { edits: Edit[]; touches: Touch[] } | undefined {
    const text = this.doc.text;
    const edits: Edit[] = [];
    const touches: Touch[] = [];
    const edit = (start: number, end: number, t: string) => edits.push({ start, end, text: t, op });
    switch (op.kind) {
      case 'substitute-words':
      case 'omit-words':
      case 'insert-words': {
        const unit = this.need(op.scope, op);
        for (const s of this.matches(op, op.scope, unit)) {
          const what = `the words "${ellipsis(op.words.text, 50)}" of ${citeShort(this.fm, this.addressAt(s.start))}`;
          if (op.kind === 'substitute-words') {
            edit(s.start, s.end, op.by.text);
            touches.push({ kind: 'modify', ...s, what });
          } else if (op.kind === 'omit-words') {
            const t = tidyOmission(text, s);
            edit(t.start, t.end, '');
            touches.push({ kind: 'modify', ...s, what });
          } else if (op.position === 'after') {
            edit(s.end, s.end, spaceBefore(op.text.text, text, s.end) + op.text.text);
            touches.push({ kind: 'anchor', ...s, what });
          } else {
            edit(s.start, s.start, op.text.text + spaceAfter(op.text.text, text, s.start));
            touches.push({ kind: 'anchor', ...s, what });
          }
        }
        break;
      }
      case 'add-words': {
        const unit = this.need(op.scope, op);
        const r = this.region(op.scope, unit);
        edit(r.end, r.end, spaceBefore(op.text.text, text, r.end) + op.text.text);
        touches.push({ kind: 'point', start: r.end, end: r.end, what: `the end of ${citeShort(this.fm, op.scope.address)}` });
        break;
      }
      case 'substitute-end': {
        const unit = this.need(op.scope, op);
        const r = this.region(op.scope, unit);
        const at = trimWs(this.doc.prose, r.end, r.start) - 1;
        if (at < r.start || text[at] !== op.from) {
          this.report('amendment-text-not-found', op.span, `${cap(this.where(op.scope))} does not end with a ${op.fromName} ("${text[at] ?? ''}"); this instruction (section ${op.billUnit} of the bill) is not applied.`);
          throw new Skip();
        }
        edit(at, at + 1, op.to);
        touches.push({ kind: 'modify', start: at, end: at + 1, what: `the ${op.fromName} at the end of ${citeShort(this.fm, op.scope.address)}` });
        break;
      }
      case 'omit-unit': {
        const u = this.need(op.unit, op)!;
        const what = citeShort(this.fm, u.address);
        if (u.kind === 'explanation' || u.kind === 'proviso') {
          const from = prevLineEnd(text, u.span.start);
          edit(from, u.content.end, '');
        } else if (u.kind === 'provision') {
          const head = text.slice(u.span.start, u.labelSpan.end);
          edit(u.span.start, u.span.end, `${head}. [Omitted]`);
        } else {
          edit(u.span.start, u.content.end, `${u.label} [Omitted]`);
        }
        touches.push({ kind: 'modify', start: u.span.start, end: u.kind === 'provision' ? u.span.end : u.content.end, what });
        break;
      }
      case 'substitute-unit': {
        const u = this.need(op.unit, op)!;
        const body = this.format(op, op.text!, u.level, u, u.kind === 'provision', true);
        const end = u.kind === 'provision' ? u.span.end : u.content.end;
        edit(u.span.start, end, body);
        touches.push({ kind: 'modify', start: u.span.start, end, what: citeShort(this.fm, u.address) });
        break;
      }
      case 'insert-unit': {
        const u = this.need(op.unit, op)!;
        const provisionText = provisionLike(op.text!.text, u.kind === 'provision');
        const body = this.format(op, op.text!, u.level, u, provisionText);
        if (provisionText) {
          const p = provisionText ? this.locatedUnit(u.provision) : u;
          if (op.position === 'after') edit(p.span.end, p.span.end, this.eol + this.eol + body);
          else edit(p.span.start, p.span.start, body + this.eol + this.eol);
          const at = op.position === 'after' ? p.span.end : p.span.start;
          touches.push({ kind: 'point', start: at, end: at, what: `the place ${op.position} ${citeShort(this.fm, p.address)}` });
        } else {
          if (op.position === 'after') edit(u.content.end, u.content.end, this.eol + body);
          else edit(u.span.start, u.span.start, body + this.eol);
          const at = op.position === 'after' ? u.content.end : u.span.start;
          touches.push({ kind: 'point', start: at, end: at, what: `the place ${op.position} ${citeShort(this.fm, u.address)}` });
        }
        break;
      }
      case 'add-unit': {
        const u = this.need(op.scope, op);
        const provisionText = isProvisionText(op.text!.text);
        if (!u) {
          // At the end of the instrument.
          const end = trimWs(text, text.length, 0);
          const level = this.doc.provisions.length ? this.locatedUnit(this.doc.provisions[this.doc.provisions.length - 1]!).level : 2;
          if (!provisionLike(op.text!.text, true)) {
            this.report('amendment-unrecognised', op.text!.span, `The new text of this instruction (section ${op.billUnit} of the bill) is added at the end of ${instrumentName(this.fm)} but is not a section (\`### 10. Heading\`); it is not applied.`);
            throw new Skip();
          }
          const body = this.format(op, op.text!, level, undefined, true);
          edit(end, end, this.eol + this.eol + body);
          touches.push({ kind: 'point', start: end, end, what: `the end of ${instrumentName(this.fm)}` });
          break;
        }
        const body = this.format(op, op.text!, u.level, u, provisionText);
        const at = provisionText ? u.provision.span.end : u.content.end;
        edit(at, at, (provisionText ? this.eol + this.eol : this.eol) + body);
        touches.push({ kind: 'point', start: at, end: at, what: `the end of ${citeShort(this.fm, u.address)}` });
        break;
      }
      case 'renumber': {
        const u = this.need(op.unit, op)!;
        const newLabel = /\([^)]*\)$/.exec(op.to)?.[0] ?? op.to.replace(/^.*?(\d+[A-Z]*)$/, '$1');
        if (u.kind === 'provision' && op.to.startsWith(`${u.address}(`)) {
          // `section 6 shall be renumbered as sub-section (1) thereof`: its text becomes sub-section (1).
          const at = skipBlankLines(this.doc.prose, u.bodyStart, u.content.end);
          edit(at, at, `${newLabel} `);
          touches.push({ kind: 'modify', start: u.labelSpan.start, end: u.labelSpan.end, what: `the number of ${citeShort(this.fm, u.address)}` });
          this.aliases.set(op.to, { ...u, address: op.to, kind: 'subsection', label: newLabel, span: { start: at, end: u.span.end }, content: { start: at, end: u.content.end }, labelSpan: { start: at, end: at }, bodyStart: at, unit: undefined });
        } else {
          edit(u.labelSpan.start, u.labelSpan.end, u.kind === 'provision' ? newLabel : newLabel);
          touches.push({ kind: 'modify', start: u.labelSpan.start, end: u.labelSpan.end, what: `the number of ${citeShort(this.fm, u.address)}` });
          this.aliases.set(op.to, { ...u, address: op.to, label: newLabel });
        }
        break;
      }
    }
    return { edits, touches };
  }

  /** The new text of a unit operation, shaped for the place it goes (a provision: its heading at the Act's level). */
  private format(op: Operation, t: NewText, level: number, u: Located | undefined, wantsProvision: boolean, substitute = false): string {
    const mode = substitute ? 'substitute' : 'insert';
    let lines = t.text.replace(/\r\n?/g, '\n').split('\n');
    while (lines.length && lines[0]!.trim() === '') lines.shift();
    while (lines.length && lines[lines.length - 1]!.trim() === '') lines.pop();
    if (!lines.length) {
      this.report('amendment-unrecognised', t.span, `The new text of this instruction (section ${op.billUnit} of the bill) is empty; it is not applied.`);
      throw new Skip();
    }
    if (wantsProvision) {
      const hasDivision = lines.some((l) => /^#{1,6}\s/.test(l) && !PROVISION_HEADING.test(l));
      if (!PROVISION_HEADING.test(lines[0]!)) {
        // `6. Victims of trafficking.—(1) A victim …` (heading and text on one line), or no number at all.
        const m = /^(?:(section|article|rule|regulation)\s+)?(\d{1,5}[A-Z]{0,3})\.?\s+(.*)$/i.exec(lines[0]!);
        if (m) {
          const rest = m[3]!;
          const cut = /\.?\s*[—–]+\s*|:\s*[—–]+\s*/.exec(rest);
          const heading = cut ? rest.slice(0, cut.index) : rest;
          const body = cut ? rest.slice(cut.index + cut[0].length) : '';
          lines = [`${'#'.repeat(level)} ${m[1] ? `${m[1]} ` : ''}${m[2]}. ${heading.trim()}`, ...(body ? [body] : []), ...lines.slice(1)];
        } else if (mode === 'substitute' && u) {
          lines = [this.doc.text.slice(u.span.start, lineEnd(this.doc.text, u.span.start)), ...lines];
        } else {
          this.report('amendment-unrecognised', t.span, `The new text of this instruction (section ${op.billUnit} of the bill) does not begin with the new section's number and heading (\`### 4A. Heading\`); it is not applied.`);
          throw new Skip();
        }
      }
      if (!hasDivision) lines = lines.map((l) => (PROVISION_HEADING.test(l) ? l.replace(/^#{1,6}/, '#'.repeat(level)) : l));
    } else if (mode === 'substitute' && u && !/^\s*(?:\([0-9A-Za-z]{1,4}\)|Explanation|Provided)/.test(lines[0]!)) {
      // `for clause (a) the following shall be substituted:— > "child" means …`: the clause keeps its label.
      lines[0] = `${u.label} ${lines[0]}`;
    }
    return lines.join(this.eol);
  }

  // --- conflicts ----------------------------------------------------------------------------

  private conflicts(ops: Operation[]): Set<number> {
    const dropped = new Set<number>();
    const seen: Operation[] = [];
    for (const op of ops) {
      const mine = this.located.get(op.id);
      if (!mine) continue;
      for (const other of seen) {
        const theirs = this.located.get(other.id)!;
        const clash = clashOf(mine.touches, theirs.touches);
        if (!clash) continue;
        dropped.add(op.id);
        dropped.add(other.id);
        this.report(
          'amendment-conflict',
          op.span,
          `This instruction (section ${op.billUnit} of the bill) and the one in section ${other.billUnit} both change ${clash}: ${describeOp(other)}, and ${describeOp(op)}. Both cannot be applied, so neither is.`,
          [{ uri: this.bill.uri, span: other.span, message: `the other instruction: ${describeOp(other)}` }],
          { other: other.id },
        );
        break;
      }
      seen.push(op);
    }
    return dropped;
  }

  // --- the consolidated text ----------------------------------------------------------------

  private build(edits: Edit[]): TargetResult {
    const text = this.doc.text;
    const sorted = edits
      .map((e, i) => ({ e, i }))
      .sort((a, b) => a.e.start - b.e.start || (a.e.end === a.e.start ? 0 : 1) - (b.e.end === b.e.start ? 0 : 1) || a.e.op.id - b.e.op.id || a.i - b.i)
      .map((x) => x.e);
    const parts: string[] = [];
    const segments: Segment[] = [];
    const applied = new Map<number, AppliedOperation>();
    let pos = 0;
    let out = 0;
    for (const e of sorted) {
      if (e.start < pos) continue; // cannot happen: overlaps are conflicts
      if (e.start > pos) {
        parts.push(text.slice(pos, e.start));
        segments.push({ orig: { start: pos, end: e.start }, out: { start: out, end: out + e.start - pos } });
        out += e.start - pos;
      }
      parts.push(e.text);
      segments.push({ orig: { start: e.start, end: e.end }, out: { start: out, end: out + e.text.length }, op: e.op });
      const a = applied.get(e.op.id);
      if (a) {
        a.orig = { start: Math.min(a.orig.start, e.start), end: Math.max(a.orig.end, e.end) };
        a.out = { start: Math.min(a.out.start, out), end: Math.max(a.out.end, out + e.text.length) };
      } else applied.set(e.op.id, { op: e.op, orig: { start: e.start, end: e.end }, out: { start: out, end: out + e.text.length } });
      out += e.text.length;
      pos = e.end;
    }
    if (pos < text.length || segments.length === 0) {
      parts.push(text.slice(pos));
      segments.push({ orig: { start: pos, end: text.length }, out: { start: out, end: out + text.length - pos } });
    }
    const after = sorted.length ? parts.join('') : text;
    return {
      id: this.fm!.id,
      uri: this.doc.uri,
      before: text,
      after,
      segments,
      applied: [...applied.values()].sort((a, b) => a.op.id - b.op.id),
      removed: new Set(),
    };
  }
}

function applyToTarget(doc: LinkedDocument, ops: Operation[], bill: LinkedDocument, findings: Finding[]): TargetResult {
  const result = new TargetApplier(doc, bill, findings).run(ops);
  result.removed = removedAddresses(doc, result);
  return result;
}

/** The addresses the bill takes away from a target: omitted units (and their children), and units a substitution or renumbering leaves out. */
function removedAddresses(doc: LinkedDocument, result: TargetResult): Set<string> {
  const removed = new Set<string>();
  if (!result.applied.length) return removed;
  let after: ParsedDocument | undefined;
  const parsedAfter = () => (after ??= parseDocument(doc.uri, result.after));
  for (const a of result.applied) {
    const op = a.op;
    if (op.kind === 'omit-unit') {
      const u = doc.units.get(op.unit.address) ?? [...walkUnits(doc.provisions)].find((x) => x.span.start === a.orig.start);
      if (u) for (const x of walkUnits([u])) removed.add(x.address);
      else removed.add(op.unit.address);
    } else if (op.kind === 'substitute-unit' || op.kind === 'renumber') {
      const u = doc.units.get(op.unit.address);
      if (!u) continue;
      for (const x of walkUnits([u])) if (!parsedAfter().units.has(x.address)) removed.add(x.address);
    }
  }
  return removed;
}

// ---------------------------------------------------------------------------------------------
// amendment-breaks-reference

function breaksReferences(index: WorkspaceIndex, bill: LinkedDocument, target: LinkedDocument, result: TargetResult, findings: Finding[]): void {
  if (!result.removed.size) return;
  const id = target.frontMatter!.id;
  for (const a of result.applied) {
    const op = a.op;
    if (op.kind !== 'omit-unit' && op.kind !== 'substitute-unit' && op.kind !== 'renumber') continue;
    const u = target.units.get(op.unit.address);
    if (!u) continue;
    const gone = [...walkUnits([u])].map((x) => x.address).filter((x) => result.removed.has(x));
    if (!gone.length) continue;
    const seen = new Set<string>();
    const related: Related[] = [];
    const cited = new Set<string>();
    for (const address of gone) {
      for (const c of index.citations(id, address)) {
        const from = index.document(c.uri);
        if (!from || from.frontMatter?.kind === 'bill' || c.reference.quoted) continue;
        // A citation inside what the bill takes away goes with it.
        if (c.uri === target.uri && c.reference.span.start >= u.span.start && c.reference.span.start < u.span.end) continue;
        if (c.uri === target.uri && result.applied.some((x) => x.op.kind !== 'insert-words' && x.op.kind !== 'insert-unit' && x.op.kind !== 'add-unit' && x.op.kind !== 'add-words' && c.reference.span.start >= x.orig.start && c.reference.span.start < x.orig.end)) continue;
        const t = c.reference.targets[c.target]!;
        const hit = [t.address, t.to?.address].filter((x): x is string => !!x);
        // A pinpoint deeper than the unit that still exists is not broken.
        if (!hit.some((h) => result.removed.has(h)) && !(t.to && !u.address.includes('('))) continue;
        const key = `${c.uri}\u0000${c.reference.span.start}\u0000${c.target}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const citedAddress = hit.find((h) => result.removed.has(h)) ?? address;
        cited.add(citedAddress);
        related.push({
          uri: c.uri,
          span: c.reference.span,
          message: `${citeShort(from.frontMatter, c.reference.from)} cites ${citeShort(target.frontMatter, citedAddress)} ("${ellipsis(c.reference.text, 60)}")`,
        });
      }
    }
    if (!related.length) continue;
    const verb = op.kind === 'omit-unit' ? 'omits' : op.kind === 'renumber' ? 'renumbers' : 'substitutes, without';
    const units = joinList([...cited].map((x) => citeShort(target.frontMatter, x)));
    const places = joinList([...new Set(related.map((r) => r.message.replace(/ cites .*$/, '')))]);
    findings.push({
      code: 'amendment-breaks-reference',
      uri: bill.uri,
      span: op.span,
      message:
        op.kind === 'substitute-unit'
          ? `This instruction substitutes ${citeShort(target.frontMatter, u.address)} with text that has no ${units}, which ${related.length === 1 ? 'a provision' : `${related.length} provisions`} of the corpus cite${related.length === 1 ? 's' : ''} (${places}): those references would lead nowhere.`
          : `This instruction ${verb} ${citeShort(target.frontMatter, u.address)}, which ${related.length === 1 ? 'a provision' : `${related.length} provisions`} of the corpus cite${related.length === 1 ? 's' : ''} (${places}${cited.size > 1 || !cited.has(u.address) ? `, citing ${units}` : ''}): those references would lead nowhere.`,
      related,
      data: { instrument: id, addresses: [...cited] },
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

const PROVISION_HEADING = /^#{1,6}\s+(?:(?:section|article|art\.|rule|regulation)\s+)?\d{1,5}[A-Z]{0,3}\b/i;

/** New text that is a provision: a provision heading, or (beside a provision) `4A. Heading.—text`. */
function provisionLike(t: string, besideProvision: boolean): boolean {
  if (isProvisionText(t)) return true;
  const first = t.split('\n').find((l) => l.trim() !== '') ?? '';
  return besideProvision && /^\s*(?:(?:section|article|rule|regulation)\s+)?\d{1,5}[A-Z]{0,3}\.\s+\S/i.test(first);
}

function isProvisionText(t: string): boolean {
  const first = t.split('\n').find((l) => l.trim() !== '') ?? '';
  return PROVISION_HEADING.test(first.trim());
}

function clashOf(a: Touch[], b: Touch[]): string | undefined {
  for (const x of a) {
    for (const y of b) {
      if (x.kind === 'point' && y.kind === 'point') continue;
      if (x.kind === 'anchor' && y.kind === 'anchor') continue;
      if (x.kind === 'point' || y.kind === 'point') {
        const p = x.kind === 'point' ? x : y;
        const r = x.kind === 'point' ? y : x;
        if (r.kind === 'modify' && r.start < p.start && p.start < r.end) return r.what;
        continue;
      }
      if (x.start < y.end && y.start < x.end) return x.kind === 'modify' && y.kind === 'modify' && x.what !== y.what ? `${y.what} (and ${x.what})` : y.what;
    }
  }
  return undefined;
}

function describeOp(op: Operation): string {
  const w = (s: string) => `"${ellipsis(s, 50)}"`;
  switch (op.kind) {
    case 'substitute-words':
      return `${w(op.words.text)} → ${w(op.by.text)}`;
    case 'omit-words':
      return `omit ${w(op.words.text)}`;
    case 'insert-words':
      return `insert ${w(op.text.text)} ${op.position} ${w(op.words.text)}`;
    case 'add-words':
      return `add ${w(op.text.text)} at the end`;
    case 'substitute-end':
      return `replace the ${op.fromName} at the end`;
    case 'substitute-unit':
      return `substitute ${op.unit.address}`;
    case 'insert-unit':
      return `insert new text ${op.position} ${op.unit.address}`;
    case 'add-unit':
      return `add new text at the end${op.scope.address ? ` of ${op.scope.address}` : ''}`;
    case 'omit-unit':
      return `omit ${op.unit.address}`;
    case 'renumber':
      return `renumber ${op.unit.address} as ${op.to}`;
  }
}

/** A regex for quoted words: whitespace runs match any whitespace, straight and curly quotes match each other, whole words only. */
export function wordsPattern(words: string, ignoreCase = false): RegExp | undefined {
  const t = words.replace(/^\s+|\s+$/g, '');
  if (!t) return undefined;
  let src = '';
  for (const ch of t) {
    if (/\s/.test(ch)) {
      if (!src.endsWith('\\s+')) src += '\\s+';
    } else if (ch === '"' || ch === '\u201c' || ch === '\u201d') src += '["\u201c\u201d]';
    else if (ch === "'" || ch === '\u2018' || ch === '\u2019') src += "['\u2018\u2019]";
    else src += ch.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
  }
  const wordy = /[\p{L}\p{N}_]/u;
  const first = [...t][0]!;
  const last = [...t].pop()!;
  const lead = wordy.test(first) ? '(?<![\\p{L}\\p{N}_])' : '';
  const trail = wordy.test(last) ? '(?![\\p{L}\\p{N}_])' : '';
  return new RegExp(lead + src + trail, ignoreCase ? 'giu' : 'gu');
}

/** Omitted words take one of the spaces around them with them (never leaving `two  spaces` or `word ,`). */
function tidyOmission(text: string, s: Span): Span {
  const before = text[s.start - 1];
  const after = text[s.end];
  if (before === ' ' && (after === ' ' || after === undefined || /[,.;:)\]\n\r]/.test(after))) return { start: s.start - 1, end: s.end };
  if ((before === undefined || before === '\n' || before === '(' || before === ' ') && after === ' ') return { start: s.start, end: s.end + 1 };
  return s;
}

function spaceBefore(inserted: string, text: string, at: number): string {
  if (/^[\s,.;:)\]]/.test(inserted)) return '';
  const prev = text[at - 1];
  if (prev === undefined || /[\s(\[—–]/.test(prev)) return '';
  return ' ';
}

function spaceAfter(inserted: string, text: string, at: number): string {
  if (/[\s(\[—–]$/.test(inserted)) return '';
  const next = text[at];
  if (next === undefined || /[\s,.;:)\]]/.test(next)) return '';
  return ' ';
}

function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  const e = nl < 0 ? text.length : nl;
  return e > pos && text[e - 1] === '\r' ? e - 1 : e;
}

function nextLineStart(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl + 1;
}

/** The offset of the line break before the line that holds `pos`. */
function prevLineEnd(text: string, pos: number): number {
  const nl = text.lastIndexOf('\n', pos - 1);
  if (nl < 0) return pos;
  return nl > 0 && text[nl - 1] === '\r' ? nl - 1 : nl;
}

function skipBlankLines(text: string, pos: number, end: number): number {
  let p = pos;
  while (p < end && /\s/.test(text[p]!)) p++;
  return p;
}

/** `end` moved back over whitespace (in prose, comments are whitespace too), not before `min`. */
function trimWs(text: string, end: number, min: number): number {
  let e = end;
  while (e > min && /\s/.test(text[e - 1]!)) e--;
  return e;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

export function joinList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
