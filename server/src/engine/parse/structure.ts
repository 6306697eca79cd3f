// Structure: divisions, provisions and the units inside them (dialect §2), read from the
// blocks. Never throws; odd input gives odd but well-formed units and problems.
import type { Annotation, Division, Problem, Span, Unit, UnitKind } from '../model/types';
import { LineKind, type Blocks, type Heading } from './blocks';

// `## 3. Heading`, `### 369A. Heading`, `## Article 3. Heading`, `## Rule 5 — Heading`.
const PROVISION_WITH_WORD = /^([Ss]ection|SECTION|[Ss]ec\.|[Aa]rticle|ARTICLE|[Aa]rt\.|[Rr]ule|RULE|[Rr]egulation|REGULATION)\s+(\d{1,5}[A-Z]{0,3})(?![A-Za-z0-9])\.?\s*(?:[—–:]\s*|-\s+)?(.*)$/;
const PROVISION_BARE = /^(\d{1,5}[A-Z]{0,3})\.(?![0-9])\s*(.*)$/;

function matchProvisionHeading(text: string): { word?: string; number: string; heading: string } | undefined {
  const w = PROVISION_WITH_WORD.exec(text);
  if (w) return { word: w[1]!, number: w[2]!, heading: w[3] ?? '' };
  const b = PROVISION_BARE.exec(text);
  if (b) return { number: b[1]!, heading: b[2] ?? '' };
  return undefined;
}
const DIVISION_HEADING = /^(part|chapter|schedule|division|title|book)\s+([0-9IVXLCDM]+[A-Z]?(?:-[A-Z0-9]+)?|[a-z]+)\b\.?\s*[—–:.-]*\s*(.*)$/i;
const LABEL = /^\(([0-9]{1,3}[A-Z]{0,2}|[a-z]{1,4}|[A-Z]{1,2})\)/;
const LIST_MARKER = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+/;
const EXPLANATION = /^Explanation(?:\s+(\d+|[IVX]+))?\s*(?:\.\s*[—–-]+|[—–:-]+|\.)/;
const PROVISO = /^Provided\s+(?:also|further|however|always|still\s+further)?\s*that\b/i;
const ROMAN = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;

export interface Structure {
  divisions: Division[];
  provisions: Unit[];
  longTitle?: { text: string; span: Span };
  problems: Problem[];
}

export function provisionWordFor(kind: string | undefined): string {
  switch (kind) {
    case 'treaty':
    case 'constitution':
      return 'article';
    case 'rules':
      return 'rule';
    default:
      return 'section';
  }
}

/** Reads the structure from the blocks. `prose` is the text with comments and code blanked. */
export function readStructure(text: string, prose: string, blocks: Blocks, kind: string | undefined): Structure {
  const problems: Problem[] = [];
  const divisions: Division[] = [];
  const provisions: Unit[] = [];
  let longTitle: Structure['longTitle'];
  const { headings } = blocks;
  const divisionStack: Division[] = [];
  const seenProvision = new Map<string, Unit>();
  const defaultWord = provisionWordFor(kind);

  for (let h = 0; h < headings.length; h++) {
    const head = headings[h]!;
    const next = headings[h + 1];
    const sectionEnd = next ? next.start : text.length;
    if (head.level === 1) {
      if (!longTitle) longTitle = { text: head.text, span: { start: head.textStart, end: head.textStart + head.text.length } };
      continue;
    }
    // Close the divisions this heading ends: another division at the same or a higher
    // level, or a provision at a higher level (a provision at the division's own level
    // stays inside it, as drafters who write `## Part I` then `## 1.` intend).
    const pm = matchProvisionHeading(head.text);
    while (divisionStack.length) {
      const top = divisionStack[divisionStack.length - 1]!;
      if (pm ? top.level > head.level : top.level >= head.level) divisionStack.pop();
      else break;
    }
    if (pm) {
      const number = pm.number;
      const word = pm.word ? normaliseWord(pm.word) : defaultWord;
      const numberStart = head.textStart + head.text.indexOf(number, pm.word ? pm.word.length : 0);
      const heading = pm.heading.trim();
      const end = trimTrailing(text, sectionEnd);
      const division = divisionStack[divisionStack.length - 1];
      const unit: Unit = {
        kind: 'provision',
        label: number,
        address: number,
        heading,
        word,
        span: { start: head.start, end },
        ownSpan: { start: head.start, end },
        labelSpan: { start: numberStart, end: numberStart + number.length },
        children: [],
        division: division?.address,
        annotations: [],
      };
      const dup = seenProvision.get(number);
      if (dup) {
        problems.push({
          code: 'duplicate-provision',
          span: unit.labelSpan,
          message: `${cap(word)} ${number} is numbered twice in this instrument (first at "${dup.heading ?? ''}"); every provision needs its own number.`,
        });
      } else {
        seenProvision.set(number, unit);
      }
      readUnits(text, prose, blocks, unit, head, sectionEnd, problems);
      provisions.push(unit);
      for (const d of divisionStack) d.provisions.push(number);
      continue;
    }
    // A division.
    const dm = DIVISION_HEADING.exec(head.text);
    const address = dm ? `${dm[1]!.toLowerCase()} ${dm[2]}` : head.text.toLowerCase();
    const division: Division = {
      address,
      heading: dm ? (dm[3] ?? '').trim() : head.text,
      level: head.level,
      span: { start: head.start, end: divisionEnd(headings, h, text.length) },
      headingSpan: { start: head.textStart, end: head.textStart + head.text.length },
      provisions: [],
      parent: divisionStack[divisionStack.length - 1]?.address,
    };
    divisions.push(division);
    divisionStack.push(division);
  }
  // Trim division ends.
  for (const d of divisions) d.span.end = trimTrailing(text, d.span.end);
  return { divisions, provisions, longTitle, problems };
}

function divisionEnd(headings: Heading[], h: number, textEnd: number): number {
  const level = headings[h]!.level;
  for (let k = h + 1; k < headings.length; k++) {
    const other = headings[k]!;
    if (other.level <= level && !matchProvisionHeading(other.text)) return other.start;
    if (other.level < level) return other.start;
  }
  return textEnd;
}

interface OpenUnit {
  unit: Unit;
  level: number; // 1 subsection, 2 clause, 3 subclause, 4 item (capital letters); 0.5 explanation/proviso
}

/** Reads the subdivisions of one provision, from the line after its heading to `end`. */
function readUnits(text: string, prose: string, blocks: Blocks, provision: Unit, head: Heading, end: number, problems: Problem[]): void {
  const { lines, lineKind } = blocks;
  // Lines of the provision body.
  let i = head.line + 1;
  while (i < lines.length && lineKind[i] === LineKind.Heading && lines[i]!.start < head.end) i++;
  const stack: OpenUnit[] = [];
  const counters = new Map<string, number>();
  const lastClauseLabel = new Map<Unit, string>();

  const parentFor = (level: number): Unit => {
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
    return stack.length ? stack[stack.length - 1]!.unit : provision;
  };

  for (; i < lines.length; i++) {
    const ln = lines[i]!;
    if (ln.start >= end) break;
    if (lineKind[i] !== LineKind.Text && lineKind[i] !== LineKind.ListText) continue;
    const raw = prose.slice(ln.start, ln.end);
    const marker = LIST_MARKER.exec(raw);
    const indent = marker ? marker[0].length : raw.length - raw.trimStart().length;
    const s = raw.slice(indent);
    const at = ln.start + indent;
    const lm = LABEL.exec(s);
    if (lm) {
      const label = lm[1]!;
      let kind: UnitKind;
      let level: number;
      if (/^[0-9]/.test(label)) {
        kind = 'subsection';
        level = 1;
      } else if (/^[A-Z]/.test(label)) {
        kind = 'subclause';
        level = 4;
      } else if (ROMAN.test(label)) {
        // (h) then (i): a clause; otherwise a sub-clause.
        const container = clauseContainer(stack, provision);
        const prev = lastClauseLabel.get(container);
        if (prev && isAlphabeticalPredecessor(prev, label)) {
          kind = 'clause';
          level = 2;
        } else {
          kind = 'subclause';
          level = 3;
        }
      } else {
        kind = 'clause';
        level = 2;
      }
      const parent = parentFor(level);
      if (kind === 'clause') lastClauseLabel.set(clauseContainer(stack, provision), label);
      const address = `${parent.address}(${label})`;
      const unit = makeUnit(kind, `(${label})`, address, at, at + lm[0].length, ln.end);
      addChild(parent, unit, counters, problems);
      stack.push({ unit, level });
      continue;
    }
    const em = EXPLANATION.exec(s);
    const pv = em ? null : PROVISO.exec(s);
    if (em || pv) {
      // An explanation or proviso belongs to the sub-section it follows, else the provision.
      while (stack.length && stack[stack.length - 1]!.level > 1) stack.pop();
      if (stack.length && stack[stack.length - 1]!.level === 0.5) stack.pop();
      const owner = stack.length ? stack[stack.length - 1]!.unit : provision;
      const base = em ? (em[1] ? `Explanation ${em[1]}` : 'Explanation') : 'proviso';
      const key = `${owner.address} ${base}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      const label = n === 1 ? base : `${base} ${n}`;
      const labelEnd = at + (em ? em[0].length : 'Provided'.length);
      const unit = makeUnit(em ? 'explanation' : 'proviso', label, `${owner.address} ${label}`, at, labelEnd, ln.end);
      owner.children.push(unit);
      stack.push({ unit, level: 1.5 });
      continue;
    }
    // A continuation line of the unit above: nothing to do (the unit's end is set below).
  }
  finishSpans(provision, text, end);
}

function clauseContainer(stack: OpenUnit[], provision: Unit): Unit {
  for (let k = stack.length - 1; k >= 0; k--) {
    if (stack[k]!.level < 2) return stack[k]!.unit;
  }
  return provision;
}

function isAlphabeticalPredecessor(prev: string, label: string): boolean {
  if (prev.length !== label.length) return false;
  const a = prev.charCodeAt(prev.length - 1);
  const b = label.charCodeAt(label.length - 1);
  return prev.slice(0, -1) === label.slice(0, -1) && b === a + 1;
}

function makeUnit(kind: UnitKind, label: string, address: string, start: number, labelEnd: number, lineEnd: number): Unit {
  return {
    kind,
    label,
    address,
    span: { start, end: lineEnd },
    ownSpan: { start, end: lineEnd },
    labelSpan: { start, end: labelEnd },
    children: [],
    annotations: [],
  };
}

function addChild(parent: Unit, unit: Unit, counters: Map<string, number>, problems: Problem[]): void {
  const clash = parent.children.find((c) => c.address === unit.address);
  if (clash) {
    // Keep addresses unique: the second of a repeated label gets a suffix; numbering-sequence reports it.
    const k = `${unit.address}#`;
    const n = (counters.get(k) ?? 1) + 1;
    counters.set(k, n);
    unit.address = `${unit.address}#${n}`;
  }
  void problems;
  parent.children.push(unit);
}

/** Sets each unit's span to run to the next sibling (or its parent's end) and its own span to its first child. */
function finishSpans(unit: Unit, text: string, end: number): void {
  unit.span.end = trimTrailing(text, Math.max(unit.span.start, end));
  const kids = unit.children;
  for (let k = 0; k < kids.length; k++) {
    const next = kids[k + 1];
    finishSpans(kids[k]!, text, next ? next.span.start : unit.span.end);
  }
  unit.ownSpan = { start: unit.span.start, end: kids.length ? trimTrailing(text, kids[0]!.span.start) : unit.span.end };
  if (unit.ownSpan.end < unit.ownSpan.start) unit.ownSpan.end = unit.ownSpan.start;
}

export function trimTrailing(text: string, end: number): number {
  let e = Math.min(end, text.length);
  while (e > 0) {
    const c = text.charCodeAt(e - 1);
    if (c === 10 || c === 13 || c === 32 || c === 9) e--;
    else break;
  }
  return e;
}

function normaliseWord(w: string): string {
  const l = w.toLowerCase();
  if (l.startsWith('art')) return 'article';
  if (l.startsWith('sec')) return 'section';
  return l;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Reads `<!-- lawmark: key=value, key=value -->` annotations from the comments inside a unit. */
export function readAnnotations(text: string, comments: Blocks['comments']): Array<Annotation> {
  const out: Annotation[] = [];
  for (const c of comments) {
    const body = text.slice(c.start + 4, c.end - 3).trim();
    const m = /^lawmark:\s*(.*)$/s.exec(body);
    if (!m) continue;
    for (const part of m[1]!.split(/[,;]\s*/)) {
      const kv = /^\s*([a-z][a-z0-9-]*)\s*=\s*(.+?)\s*$/i.exec(part);
      if (kv) out.push({ key: kv[1]!.toLowerCase(), value: kv[2]!, span: { start: c.start, end: c.end } });
    }
  }
  return out;
}

/** Every unit of a provision tree, depth first. */
export function* walkUnits(units: Unit[]): Generator<Unit> {
  for (const u of units) {
    yield u;
    yield* walkUnits(u.children);
  }
}
