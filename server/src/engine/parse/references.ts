// Cross-references in running text (dialect §4): "section 3", "sections 32(a), (b) and (f)(ii),
// 33 and chapter 4 of the Act", "clause (b) of sub-section (1) of section 4", "sub-section (2)
// thereof", "article 2(c) of the United Nations Convention against …", "this Act".
//
// Pure and linear: one global regex finds the unit words; from each, a hand-written parser reads
// forward (a list of items, then `of <unit>` parents, then an instrument). Every regex used while
// parsing is sticky and bounded, so no input can make it backtrack badly. It never throws.
//
// The grammar, informally (after laws-africa/indigo's provision_refs.peg):
//
//   reference := head (joiner item)* (of parent)* (of instrument | thereof | ", " alias)?
//   head      := unit-word item                       section 26(1)   clause (a)   Part II
//   item      := unit-word? (number labels* | labels+) | range
//   joiner    := ","  | "and" | "or" | "and/or" | ", and" | ", or"     range := "to" | "–"
//
// A bare `(b)` after `32(a)` continues it: it replaces the deepest label of the same style
// (`32(b)`), or, failing that, is put after the provision number. A relative unit
// (`sub-section (2)`, `clause (a)`, `sub-clause (ii)`) is resolved against its parent (`of
// section 4`), else against the unit the text stands in (RefContext.unitPath).
//
// `thereof` (the rule): when the reference's own units are relative (sub-section, clause, …),
// `thereof` names the unit cited last — the previous absolute unit of the same list if there is
// one (`section 4 and sub-section (2) thereof` → 4, 4(2)), else the last target of the previous
// reference in this ScanState, in that reference's instrument (`section 4 of the PPC and
// sub-section (2) thereof` → 4(2) of the PPC). When its units are absolute (`section 5
// thereof`, `Part II thereof`), `thereof` names the last instrument named (ScanState.lastInstrument).
// With no antecedent the instrument is {kind:'unknown', name:'thereof'}.
import type { InstrumentTarget, Span } from '../model/types';

export interface NameMatcher {
  /** If an instrument's name starts at text[pos] (case-insensitive; title with or without its year,
   *  with or without a leading "the"; its short name; an alias), return its id and the end offset
   *  of the longest such name. */
  match(text: string, pos: number): { id: string; end: number } | undefined;
}

export interface RefContext {
  /** The address path of the unit holding the text: ['3', '(1)', '(a)'] for 3(1)(a); [] outside provisions. */
  unitPath: string[];
  /** What `this Act` / `this Ordinance` / `this Code` / `this Convention` / ... names: {kind:'self'} normally. */
  self: InstrumentTarget;
  /** In a bill: what `the said Act`, `the Act`, `the principal Act`, `the said Ordinance` name. */
  said?: InstrumentTarget;
  names: NameMatcher;
}

/** Carries `thereof` / `of that Act` / `of the same Act` antecedents from one call to the next (one state per provision). */
export interface ScanState {
  /** The last instrument a reference named explicitly (`of the PPC`, `of the said Act`, `of that Act`): what `of that Act` names. */
  lastInstrument?: InstrumentTarget;
  /** The address of the last unit cited (the last target of the last reference): what `sub-section (2) thereof` hangs from. */
  lastAddress?: string;
  /** The instrument of lastAddress (self included). */
  lastAddressInstrument?: InstrumentTarget;
}

export interface ScannedReference {
  span: Span; // the whole reference, from the unit word to the end of the instrument name (or last number)
  text: string; // text.slice(span.start, span.end)
  instrument: InstrumentTarget;
  targets: Array<{ address: string; span: Span; to?: { address: string; span: Span } }>;
}

// ---------------------------------------------------------------------------------------------
// Unit words

type UnitClass = 'provision' | 'sub' | 'division';
interface UnitInfo {
  cls: UnitClass;
  /** provision: section/article/rule/regulation; division: chapter/part/schedule; sub: the word. */
  word: string;
  /** sub: the level its labels sit at (1 sub-section, 2 clause, 3 sub-clause); undefined = by the label's shape. */
  level?: number;
  /** sub, shape-driven: the level of an ambiguous `(i)`, `(v)`, `(x)`. */
  amb: number;
}

const UNITS: Record<string, UnitInfo> = {
  section: { cls: 'provision', word: 'section', amb: 2 },
  article: { cls: 'provision', word: 'article', amb: 2 },
  rule: { cls: 'provision', word: 'rule', amb: 2 },
  regulation: { cls: 'provision', word: 'regulation', amb: 2 },
  subsection: { cls: 'sub', word: 'sub-section', level: 1, amb: 2 },
  subrule: { cls: 'sub', word: 'sub-rule', level: 1, amb: 2 },
  subregulation: { cls: 'sub', word: 'sub-regulation', level: 1, amb: 2 },
  clause: { cls: 'sub', word: 'clause', level: 2, amb: 2 },
  subclause: { cls: 'sub', word: 'sub-clause', level: 3, amb: 3 },
  paragraph: { cls: 'sub', word: 'paragraph', amb: 2 },
  subparagraph: { cls: 'sub', word: 'sub-paragraph', amb: 3 },
  item: { cls: 'sub', word: 'item', amb: 2 },
  subitem: { cls: 'sub', word: 'sub-item', amb: 3 },
  chapter: { cls: 'division', word: 'chapter', amb: 2 },
  part: { cls: 'division', word: 'part', amb: 2 },
  schedule: { cls: 'division', word: 'schedule', amb: 2 },
};
const ABBREVIATIONS: Record<string, string> = {
  's.': 'section',
  'ss.': 'section',
  'sec.': 'section',
  'secs.': 'section',
  'u/s': 'section',
  'u/s.': 'section',
  'art.': 'article',
  'arts.': 'article',
  'para.': 'paragraph',
  'paras.': 'paragraph',
};

function unitInfo(raw: string): UnitInfo | undefined {
  const lower = raw.toLowerCase();
  const abbr = ABBREVIATIONS[lower];
  if (abbr) return UNITS[abbr];
  const w = lower.replace(/[\s-]+/g, '');
  return UNITS[w] ?? (w.endsWith('s') ? UNITS[w.slice(0, -1)] : undefined);
}

const UNIT_WORDS =
  'sub[- ]?sections?|sections?|sub[- ]?clauses?|clauses?|sub[- ]?paragraphs?|paragraphs?|sub[- ]?items?|items?|' +
  'articles?|sub[- ]?rules?|rules?|sub[- ]?regulations?|regulations?|chapters?|parts?|schedules?';
const ABBR_WORDS = 'secs?\\.|ss?\\.|arts?\\.|paras?\\.|u\\/s\\.?';
/** Candidate positions: a unit word, an abbreviation, or `this`/`these`. */
const CANDIDATE_RE = new RegExp(`\\b(?:(${UNIT_WORDS}|this|these)\\b|(${ABBR_WORDS}))`, 'gi');
const UNIT_STICKY = new RegExp(`(?:(${UNIT_WORDS})\\b|(${ABBR_WORDS}))`, 'iy');

/** Words naming an instrument (`this Act`, `… Ordinance, 2002`). */
const INSTRUMENT_WORDS = new Set([
  'Act', 'Ordinance', 'Code', 'Order', 'Rules', 'Regulations', 'Convention', 'Protocol', 'Constitution',
  'Covenant', 'Statute', 'Treaty', 'Charter', 'Bill',
]);
const QUANTITY_RE =
  /[ \t\u00a0]+(?:years?|months?|weeks?|days?|hours?|rupees?|lakhs?|crores?|million|thousand|hundred|per\s?cent|percent|persons?|times|metres?|kilometres?|kilograms?|grams?)\b/iy;

// ---------------------------------------------------------------------------------------------
// Character helpers

function isHws(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0;
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isWordChar(t: string, p: number): boolean {
  if (p < 0 || p >= t.length) return false;
  const c = t.charCodeAt(p);
  if (c < 128) return isAlnum(c) || c === 95;
  return /[\p{L}\p{N}]/u.test(t.charAt(p));
}
function skipHws(t: string, p: number): number {
  while (p < t.length && isHws(t.charCodeAt(p))) p++;
  return p;
}
/** Spaces, and at most one line break (with any block-quote markers after it). */
function skipWs(t: string, p: number): number {
  p = skipHws(t, p);
  if (t.charCodeAt(p) === 13 && t.charCodeAt(p + 1) === 10) p += 2;
  else if (t.charCodeAt(p) === 10) p += 1;
  else return p;
  p = skipHws(t, p);
  while (t.charCodeAt(p) === 62 /* > */) p = skipHws(t, p + 1);
  return p;
}
function hasNewline(t: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (t.charCodeAt(i) === 10) return true;
  return false;
}
function sticky(re: RegExp, t: string, p: number): RegExpExecArray | null {
  re.lastIndex = p;
  return re.exec(t);
}

// ---------------------------------------------------------------------------------------------
// Numbers and labels

const PROV_NUM_RE = /(\d{1,4})([A-Z]{0,3})(?:-([A-Z]{1,2}))?/y;
const DIV_NUM_RE = /(?:\d{1,3}[A-Z]{0,2}|[IVXLC]{1,8}[A-Z]?|[A-Z])(?:-(?:[A-Z]{1,2}|\d{1,2}))?/y;
const LABEL_RE = /\(([0-9]{1,3}[A-Z]{0,2}|[a-z]{1,2}|[ivxl]{3,7}|[A-Z]{1,2}|[IVXL]{3,7})\)/y;
const SUB_NUM_RE = /\d{1,3}[A-Z]{0,2}/y;

interface Tok {
  value: string;
  start: number;
  end: number;
}

function parseProvNum(t: string, p: number): Tok | undefined {
  const m = sticky(PROV_NUM_RE, t, p);
  if (!m) return undefined;
  let end = p + m[0].length;
  let value = m[1]! + m[2]!;
  if (m[3] !== undefined) {
    if (!isWordChar(t, end)) value += m[3];
    else end = p + m[1]!.length + m[2]!.length;
  }
  if (isWordChar(t, end)) return undefined;
  // `3.1`, `3,000`: a decimal or an amount, not a provision.
  if ((t.charCodeAt(end) === 46 || t.charCodeAt(end) === 44) && isDigit(t.charCodeAt(end + 1))) return undefined;
  return { value, start: p, end };
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function parseDivNum(t: string, p: number): Tok | undefined {
  const m = sticky(DIV_NUM_RE, t, p);
  if (!m) return undefined;
  const end = p + m[0].length;
  if (isWordChar(t, end)) return undefined;
  return { value: m[0], start: p, end };
}
function parseSubNum(t: string, p: number): Tok | undefined {
  const m = sticky(SUB_NUM_RE, t, p);
  if (!m) return undefined;
  const end = p + m[0].length;
  if (isWordChar(t, end)) return undefined;
  if ((t.charCodeAt(end) === 46 || t.charCodeAt(end) === 44) && isDigit(t.charCodeAt(end + 1))) return undefined;
  return { value: m[0], start: p, end };
}
/** Bracketed labels from p: `(1)(a)`, ` (1) (a)` (spaces but no line break between them). */
function parseLabels(t: string, p: number): { labels: string[]; start: number; end: number } {
  const labels: string[] = [];
  let start = -1;
  let end = p;
  for (let i = 0; i < 12; i++) {
    const q = skipHws(t, end);
    if (t.charCodeAt(q) !== 40) break;
    const m = sticky(LABEL_RE, t, q);
    if (!m) break;
    if (start < 0) start = q;
    labels.push(m[1]!);
    end = q + m[0].length;
  }
  return { labels, start: start < 0 ? p : start, end };
}

// Label styles, for continuations and for the levels of a path.
const ROMAN_LOWER = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;
const ROMAN_UPPER = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
function styles(l: string): string[] {
  if (/^\d/.test(l)) return ['num'];
  if (/^[A-Z]+$/.test(l)) return ROMAN_UPPER.test(l) ? (l.length === 1 ? ['upper', 'uroman'] : ['uroman']) : ['upper'];
  if (ROMAN_LOWER.test(l)) return l.length === 1 ? ['alpha', 'roman'] : ['roman'];
  if (l.length === 2 && l[0] === l[1]) return ['alpha', 'dbl'];
  return ['alpha'];
}
function sameStyles(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
/** `32(a)` + `(b)` → `(b)`; `26(b)(iii)` + `(iv)` → `(b)(iv)`; `26(1)` + `(2)` → `(2)`. */
function continueLabels(prev: string[], next: string[]): string[] {
  if (next.length === 0) return prev.slice();
  const s = styles(next[0]!);
  for (let j = prev.length - 1; j >= 0; j--) if (sameStyles(styles(prev[j]!), s)) return prev.slice(0, j).concat(next);
  for (let j = prev.length - 1; j >= 0; j--) if (styles(prev[j]!).some((x) => s.includes(x))) return prev.slice(0, j).concat(next);
  return next.slice();
}
/** The level of each label in a path under a provision: 1 sub-section, 2 clause, 3 sub-clause, 4 below. */
function pathLevels(labels: string[]): number[] {
  const out: number[] = [];
  let prev = 0;
  for (const l of labels) {
    const s = styles(l);
    let lv: number;
    if (s[0] === 'num') lv = 1;
    else if (s[0] === 'upper' || s[0] === 'uroman') lv = 4;
    else if (s[0] === 'roman') lv = 3;
    else if (s.includes('roman')) lv = prev === 2 ? 3 : prev >= 3 ? 4 : 2;
    else lv = prev >= 3 ? 4 : 2;
    out.push(lv);
    prev = lv;
  }
  return out;
}
function shapeLevel(l: string, amb: number): number {
  const s = styles(l);
  if (s[0] === 'num') return 1;
  if (s[0] === 'upper' || s[0] === 'uroman') return 4;
  if (s[0] === 'roman') return 3;
  if (s.includes('roman')) return amb;
  return 2;
}

// ---------------------------------------------------------------------------------------------
// Addresses

interface Item {
  unit: UnitInfo;
  /** provision number (normalised) or division number (as written). */
  num?: string;
  /** Bracketed labels, without brackets. For a sub unit, relative to its parent. */
  labels: string[];
  span: Span;
  to?: Item;
  /** Joined to the item before by a bare comma (`s.2, clause (a)`). */
  afterComma?: boolean;
}

function paren(l: string): string {
  return `(${l})`;
}
/** `3(1)(a)` → ['3', '(1)', '(a)']; anything else (a division, '') → []. */
function pathOf(address: string): string[] {
  const m = /^(\d+[A-Z]*)((?:\([^()\s]+\))*)$/.exec(address);
  if (!m) return [];
  const out = [m[1]!];
  const re = /\(([^()\s]+)\)/g;
  let x: RegExpExecArray | null;
  while ((x = re.exec(m[2]!))) out.push(paren(x[1]!));
  return out;
}
function itemLevel(item: Item): number {
  return item.unit.level ?? shapeLevel(item.labels[0] ?? '1', item.unit.amb);
}
/** The address of an item; a relative (sub) item hangs from `base` (a path like RefContext.unitPath). */
function resolveItem(item: Item, base: string[]): string {
  if (item.unit.cls === 'division') return `${item.unit.word} ${item.num ?? ''}`;
  if (item.unit.cls === 'provision') return (item.num ?? '') + item.labels.map(paren).join('');
  const own = item.labels.map(paren).join('');
  const head = base[0];
  if (head === undefined || !/^\d/.test(head)) return own;
  const level = itemLevel(item);
  const inner: string[] = [];
  for (let i = 1; i < base.length; i++) {
    const seg = base[i]!;
    const m = /^\(([^()\s]+)\)$/.exec(seg);
    if (!m) break;
    inner.push(m[1]!);
  }
  const levels = pathLevels(inner);
  let out = head;
  for (let i = 0; i < inner.length; i++) {
    if (levels[i]! >= level) break;
    out += paren(inner[i]!);
  }
  return out + own;
}
/** The path prefix of `path` down to the unit at `level` (1 sub-section, 2 clause, 3 sub-clause). */
function prefixAtLevel(path: string[], level: number): string[] | undefined {
  const head = path[0];
  if (head === undefined || !/^\d/.test(head)) return undefined;
  const inner: string[] = [];
  for (let i = 1; i < path.length; i++) {
    const m = /^\(([^()\s]+)\)$/.exec(path[i]!);
    if (!m) break;
    inner.push(m[1]!);
  }
  const levels = pathLevels(inner);
  for (let i = inner.length - 1; i >= 0; i--) {
    if (levels[i] === level) return [head, ...inner.slice(0, i + 1).map(paren)];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The scanner

type Tail =
  | { kind: 'self' }
  | { kind: 'named'; target: InstrumentTarget }
  | { kind: 'thereof' };

interface Parent {
  item?: Item;
  path?: string[];
}

interface Group {
  start: number;
  end: number;
  items: Item[];
  parents: Parent[];
  tail?: Tail;
}

const THIS_RE = /(this|these)\b/iy;
const THIS_WORD_RE = /([A-Za-z]+(?:-[A-Za-z]+)?)/y;
const THE_RE = /the[ \t]+/iy;
const THE_NAME_RE = /the[ \t]+(?:\r?\n[ \t]*)?/iy;
const JOIN_WORD_RE = /(and\/or|and|or|to)\b/iy;
const OF_RE = /of\b/iy;
const THEREOF_RE = /,?[ \t]*thereof\b/iy;
const SAID_RE = /the[ \t]+(said|principal)[ \t]+([A-Z][a-z]+)\b|the[ \t]+(Act)\b/y;
const SAID_RE_CAPS = /(?:The|THE)[ \t]+(?:(SAID|Said|PRINCIPAL|Principal)[ \t]+)?(ACT)\b/y;
const THAT_RE = /(?:that|the[ \t]+same)[ \t]+([A-Z][a-z]+)\b/iy;
const ACT_NUMBER_RE =
  /(?:the[ \t]+)?((?:Act|Ordinance|Order|Regulation|President's Order)[ \t]+(?:No\.?[ \t]*)?(?:[IVXLCDM]+|\d{1,4})[ \t]+of[ \t]+\d{4})\b/y;
const PAREN_TAIL_RE = /[ \t]*\((?:(?:Act|Ordinance|Order)[ \t]+)?(?:No\.?[ \t]*)?(?:[IVXLCDM]+|\d{1,4})[ \t]+of[ \t]+\d{4}\)/y;
const YEAR_TAIL_RE = /,?[ \t]+\d{4}\b/y;
const NAME_TOKEN_RE = /\([A-Z][^()\n]{0,40}\)|[A-Z][\p{L}\p{N}'’]*(?:-[\p{L}\p{N}]+)*|[a-z]+|&/uy;
const CONNECTORS = new Set(['of', 'the', 'and', 'or', 'for', 'in', 'on', 'against', 'to', 'relating', 'with', '&']);
const TAIL_UNIT_WORDS = new Set(['Section', 'Sections', 'Article', 'Articles', 'Rule', 'Part', 'Chapter', 'Schedule', 'Clause', 'Paragraph']);

class Scanner {
  constructor(
    private readonly t: string,
    private readonly ctx: RefContext,
    private readonly state: ScanState,
  ) {}

  /** At a unit word (after it: p): the whole group, or undefined. */
  group(start: number, unit: UnitInfo, p: number, abbr: boolean): Group | undefined {
    const first = this.head(unit, p, abbr);
    if (!first) return undefined;
    const items = [first];
    let end = first.span.end;
    for (let guard = 0; guard < 200; guard++) {
      const j = this.joiner(end);
      if (!j) break;
      const last = items[items.length - 1]!;
      const next = this.listItem(j.end, last.to ?? last, j.range);
      if (!next) break;
      if (j.range) {
        if (last.to) break;
        last.to = next;
      } else {
        if (next.unit.cls === 'sub') {
          if (j.bareComma && last.unit.cls === 'provision') next.afterComma = true;
          else if (last.afterComma && next.unit === last.unit) next.afterComma = true;
        }
        items.push(next);
      }
      end = next.span.end;
    }
    const parents: Parent[] = [];
    let tail: Tail | undefined;
    for (let guard = 0; guard < 20; guard++) {
      const q = this.of(end);
      if (q === undefined) break;
      const par = this.parent(q);
      if (par) {
        parents.push(par.parent);
        end = par.end;
        continue;
      }
      const ins = this.instrument(q);
      if (ins) {
        tail = ins.tail;
        end = ins.end;
      }
      break;
    }
    if (!tail) {
      const m = sticky(THEREOF_RE, this.t, skipHws(this.t, end));
      if (m && (skipHws(this.t, end) > end || this.t.charCodeAt(end) === 44)) {
        tail = { kind: 'thereof' };
        end = skipHws(this.t, end) + m[0].length;
      }
    }
    if (!tail) {
      const alias = this.commaAlias(end);
      if (alias) {
        tail = alias.tail;
        end = alias.end;
      }
    }
    return { start, end, items, parents, tail };
  }

  /** The first item after a unit word. */
  head(unit: UnitInfo, p: number, abbr: boolean): Item | undefined {
    const t = this.t;
    // `section-3`, as some drafters write it.
    if (t.charCodeAt(p) === 45 && isDigit(t.charCodeAt(p + 1)) && unit.cls !== 'sub') return this.itemAt(unit, p + 1);
    const q = skipWs(t, p);
    // `s.3`, `sub-section(2)` (but not `sub-section(s)`) need no space.
    const tight = (abbr && isDigit(t.charCodeAt(p))) || (unit.cls === 'sub' && t.charCodeAt(p) === 40 && t.slice(p, p + 3) !== '(s)');
    if (q === p && !tight) return undefined;
    if (hasNewline(t, p, q) && t.charCodeAt(q) === 40) return undefined;
    return this.itemAt(unit, q);
  }

  /** An item of `unit` at q: its number and labels. */
  itemAt(unit: UnitInfo, q: number): Item | undefined {
    const t = this.t;
    if (unit.cls === 'provision') {
      const n = parseProvNum(t, q);
      if (!n) return undefined;
      const l = parseLabels(t, n.end);
      if (l.labels.length === 0 && sticky(QUANTITY_RE, t, n.end)) return undefined;
      return { unit, num: n.value, labels: l.labels, span: { start: q, end: l.end } };
    }
    if (unit.cls === 'division') {
      const n = parseDivNum(t, q);
      if (!n) return undefined;
      if (sticky(QUANTITY_RE, t, n.end)) return undefined;
      return { unit, num: n.value, labels: [], span: { start: q, end: n.end } };
    }
    if (t.charCodeAt(q) === 40) {
      const l = parseLabels(t, q);
      if (l.labels.length === 0 || l.start !== q) return undefined;
      return { unit, labels: l.labels, span: { start: q, end: l.end } };
    }
    const n = parseSubNum(t, q);
    if (!n) return undefined;
    const l = parseLabels(t, n.end);
    if (l.labels.length === 0 && sticky(QUANTITY_RE, t, n.end)) return undefined;
    return { unit, labels: [n.value, ...l.labels], span: { start: q, end: l.end } };
  }

  /** `,` `and` `or` `and/or` `, and` (list) or `to` `–` (range) after p. */
  joiner(p: number): { end: number; range: boolean; bareComma: boolean } | undefined {
    const t = this.t;
    let q = skipHws(t, p);
    let comma = false;
    if (t.charCodeAt(q) === 44) {
      comma = true;
      q = skipWs(t, q + 1);
    }
    let range = false;
    const w = q > p || comma ? sticky(JOIN_WORD_RE, t, q) : null;
    const bareComma = comma && !w;
    if (w) {
      const after = q + w[0].length;
      const r = skipWs(t, after);
      if (r === after) return undefined;
      range = w[1]!.toLowerCase() === 'to';
      if (range && comma) return undefined;
      q = r;
    } else if (!comma) {
      const c = t.charCodeAt(q);
      if (c === 0x2013 || c === 0x2014 || (c === 45 && q === p && isDigit(t.charCodeAt(q + 1)))) {
        range = true;
        q = skipHws(t, q + 1);
      } else return undefined;
    }
    // A list does not run on into the next line's enumerator: `…section 3, or\n(b) …`, `\n4. …`.
    if (hasNewline(t, p, q) && (t.charCodeAt(q) === 40 || /^\d+[A-Z]*[.)]/.test(t.slice(q, q + 8)))) return undefined;
    return { end: q, range, bareComma };
  }

  /** An item after a joiner: a new unit word and its item, a bare number, or bracketed labels continuing prev. */
  listItem(q: number, prev: Item, range: boolean): Item | undefined {
    const t = this.t;
    const u = sticky(UNIT_STICKY, t, q);
    if (u) {
      const unit = unitInfo(u[0]);
      if (!unit) return undefined;
      if (range && unit.cls !== prev.unit.cls) return undefined;
      const it = this.head(unit, q + u[0].length, u[2] !== undefined);
      if (!it) return undefined;
      if (range && unit.cls === 'sub' && it.labels.length > 0 && prev.unit.cls === 'sub') {
        it.labels = continueLabels(prev.labels, it.labels);
      }
      return it;
    }
    if (t.charCodeAt(q) === 40) {
      if (prev.unit.cls === 'division') return undefined;
      const l = parseLabels(t, q);
      if (l.labels.length === 0 || l.start !== q) return undefined;
      return { unit: prev.unit, num: prev.num, labels: continueLabels(prev.labels, l.labels), span: { start: q, end: l.end } };
    }
    if (prev.unit.cls === 'sub') {
      const it = this.itemAt(prev.unit, q);
      if (!it) return undefined;
      it.labels = continueLabels(prev.labels, it.labels);
      return it;
    }
    return this.itemAt(prev.unit, q);
  }

  /** ` of ` after p: the position after it. */
  of(p: number): number | undefined {
    const t = this.t;
    const q = skipWs(t, p);
    if (q === p) return undefined;
    if (!sticky(OF_RE, t, q)) return undefined;
    const r = skipWs(t, q + 2);
    if (r === q + 2) return undefined;
    return r;
  }

  /** A parent unit after `of`: `section 4`, `sub-section (1)`, `this section`. */
  parent(q: number): { parent: Parent; end: number } | undefined {
    const t = this.t;
    const u = sticky(UNIT_STICKY, t, q);
    if (u) {
      const unit = unitInfo(u[0]);
      if (!unit) return undefined;
      const it = this.head(unit, q + u[0].length, u[2] !== undefined);
      if (!it) return undefined;
      return { parent: { item: it }, end: it.span.end };
    }
    const th = this.thisPhrase(q);
    if (th && th.path) return { parent: { path: th.path }, end: th.end };
    return undefined;
  }

  /** `this section` / `this sub-section` / `this Act` / `these Rules` at q (q at "this"/"these"). */
  thisPhrase(q: number): { path?: string[]; self?: boolean; end: number } | undefined {
    const t = this.t;
    const a = sticky(THIS_RE, t, q);
    if (!a) return undefined;
    const these = a[1]!.toLowerCase() === 'these';
    const r = skipWs(t, q + a[0].length);
    if (r === q + a[0].length) return undefined;
    const m = sticky(THIS_WORD_RE, t, r);
    if (!m) return undefined;
    const word = m[1]!;
    const end = r + word.length;
    if (isWordChar(t, end)) return undefined;
    const lw = word.toLowerCase();
    if (lw === 'rules' || lw === 'regulations') return { self: true, end };
    if (these) return undefined;
    if (INSTRUMENT_WORDS.has(word) || (word.length > 1 && word === word.toUpperCase() && INSTRUMENT_WORDS.has(word[0] + word.slice(1).toLowerCase())))
      return { self: true, end };
    const unit = unitInfo(word);
    if (!unit || unit.cls === 'division' || lw.endsWith('s')) return undefined;
    const path = this.ctx.unitPath;
    if (unit.cls === 'provision') {
      const head = path[0];
      return head !== undefined && /^\d/.test(head) ? { path: [head], end } : undefined;
    }
    if (unit.level === undefined) return undefined;
    const pre = prefixAtLevel(path, unit.level);
    return pre ? { path: pre, end } : undefined;
  }

  /** A name the matcher knows, starting at q and ending on a word boundary (a matcher that throws knows nothing). */
  knownName(q: number): { id: string; end: number } | undefined {
    const t = this.t;
    let m: { id: string; end: number } | undefined;
    try {
      m = this.ctx.names.match(t, q);
    } catch {
      return undefined;
    }
    return m && m.end > q && m.end <= t.length && !isWordChar(t, m.end) ? m : undefined;
  }

  /** An instrument after `of`. */
  instrument(q: number): { tail: Tail; end: number } | undefined {
    const t = this.t;
    const th = this.thisPhrase(q);
    if (th) return th.self ? { tail: { kind: 'self' }, end: th.end } : undefined;
    const m = this.knownName(q);
    if (m) return { tail: { kind: 'named', target: { kind: 'id', id: m.id } }, end: this.parenTail(m.end) };
    const an = sticky(ACT_NUMBER_RE, t, q);
    if (an) {
      const end = q + an[0].length;
      return { tail: { kind: 'named', target: { kind: 'unknown', name: fold(an[1]!) } }, end: this.parenTail(end) };
    }
    const s = sticky(SAID_RE, t, q) ?? sticky(SAID_RE_CAPS, t, q);
    if (s && (s[3] !== undefined || s[0].endsWith('ACT') || (s[2] !== undefined && INSTRUMENT_WORDS.has(s[2])))) {
      const end = q + s[0].length;
      const target = this.ctx.said ?? { kind: 'unknown', name: fold(s[0]) };
      return { tail: { kind: 'named', target }, end };
    }
    const th2 = sticky(THAT_RE, t, q);
    if (th2 && INSTRUMENT_WORDS.has(th2[1]!)) {
      const end = q + th2[0].length;
      const target = this.state.lastInstrument ?? { kind: 'unknown', name: fold(th2[0]) };
      return { tail: { kind: 'named', target }, end };
    }
    const u = this.unknownName(q);
    if (u) return { tail: { kind: 'named', target: { kind: 'unknown', name: u.name } }, end: u.end };
    return undefined;
  }

  /** ` (Act XLV of 1860)` after a name. */
  parenTail(end: number): number {
    const m = sticky(PAREN_TAIL_RE, this.t, end);
    return m ? end + m[0].length : end;
  }

  /** A name the matcher does not know but shaped like an instrument's: `the Merchant Shipping Ordinance, 1961`. */
  unknownName(q: number): { name: string; end: number } | undefined {
    const t = this.t;
    let p = q;
    const th = sticky(THE_RE, t, p);
    if (th) p += th[0].length;
    const nameStart = p;
    let goodEnd = -1;
    let sawInstrument = false;
    let connectorSince = false;
    let first = true;
    for (let i = 0; i < 30; i++) {
      const m = sticky(NAME_TOKEN_RE, t, p);
      if (!m) break;
      const tok = m[0];
      const tokEnd = p + tok.length;
      if (isWordChar(t, tokEnd)) break;
      const capital = /^[A-Z(]/.test(tok);
      if (first && !capital) return undefined;
      first = false;
      if (capital) {
        if (sawInstrument && TAIL_UNIT_WORDS.has(tok)) break;
        if (INSTRUMENT_WORDS.has(tok)) {
          sawInstrument = true;
          connectorSince = false;
          goodEnd = tokEnd;
        } else if (sawInstrument && connectorSince && tok[0] !== '(') {
          // `Code of Criminal Procedure`: words after `of` complete the name. A bracketed word
          // (`Constitution (Eighteenth Amendment) Act`) keeps the run going but ends no name.
          goodEnd = tokEnd;
        }
        if (goodEnd === tokEnd) {
          const y = sticky(YEAR_TAIL_RE, t, tokEnd);
          if (y) {
            goodEnd = tokEnd + y[0].length;
            break;
          }
          const pt = sticky(PAREN_TAIL_RE, t, tokEnd);
          if (pt) {
            goodEnd = tokEnd + pt[0].length;
            break;
          }
        }
      } else {
        if (!CONNECTORS.has(tok)) break;
        if ((tok === 'and' || tok === 'or' || tok === '&') && sawInstrument) break;
        if (sawInstrument) connectorSince = true;
      }
      // Between tokens: spaces, or one line break.
      const r = skipHws(t, tokEnd);
      if (r === tokEnd) break;
      p = r;
    }
    if (goodEnd < 0) return undefined;
    return { name: fold(t.slice(nameStart, goodEnd)), end: goodEnd };
  }

  /** `, Act XXXIV of 2018` / `, PPC` / ` PPC` right after a reference (the heading form, `u/s 302 PPC`):
   *  a name the matcher knows (not one that starts with "the"), or, after a comma, an Act number. */
  commaAlias(p: number): { tail: Tail; end: number } | undefined {
    const t = this.t;
    const comma = t.charCodeAt(p) === 44;
    const q = skipHws(t, comma ? p + 1 : p);
    if (q === (comma ? p + 1 : p) || /^the\s/i.test(t.slice(q, q + 4))) return undefined;
    const m = this.knownName(q);
    if (m) return { tail: { kind: 'named', target: { kind: 'id', id: m.id } }, end: m.end };
    const an = comma ? sticky(ACT_NUMBER_RE, t, q) : null;
    if (an && !/^the/i.test(an[0])) {
      return { tail: { kind: 'named', target: { kind: 'unknown', name: fold(an[1]!) } }, end: q + an[0].length };
    }
    return undefined;
  }

  /** Turn a group into a reference (and update the state). */
  build(g: Group): ScannedReference | undefined {
    const { ctx, state } = this;
    const hasAbs = g.items.some((i) => i.unit.cls !== 'sub');
    let absBeforeRel = false;
    let seenProvision = false;
    for (const it of g.items) {
      if (it.unit.cls === 'provision') seenProvision = true;
      else if (it.unit.cls === 'sub' && seenProvision) absBeforeRel = true;
    }
    let instrument: InstrumentTarget;
    let outer: string[];
    let bindInList = false;
    const tail = g.tail;
    if (!tail || tail.kind === 'self') {
      instrument = ctx.self;
      outer = ctx.unitPath;
    } else if (tail.kind === 'named') {
      instrument = tail.target;
      outer = [];
    } else {
      const outermost = g.parents[g.parents.length - 1];
      const relative = outermost ? !!outermost.item && outermost.item.unit.cls === 'sub' : !hasAbs;
      if (!outermost && absBeforeRel) {
        bindInList = true;
        instrument = ctx.self;
        outer = ctx.unitPath;
      } else if (relative) {
        if (state.lastAddress !== undefined) {
          instrument = state.lastAddressInstrument ?? state.lastInstrument ?? ctx.self;
          outer = pathOf(state.lastAddress);
        } else {
          instrument = { kind: 'unknown', name: 'thereof' };
          outer = [];
        }
      } else {
        instrument = state.lastInstrument ?? state.lastAddressInstrument ?? { kind: 'unknown', name: 'thereof' };
        outer = [];
      }
    }
    let base = outer;
    for (let k = g.parents.length - 1; k >= 0; k--) {
      const par = g.parents[k]!;
      if (par.path) base = par.path;
      else if (par.item && par.item.unit.cls === 'division') base = []; // `paragraph 3 of Schedule 1`: not under a provision
      else if (par.item) base = pathOf(resolveItem(par.item, base));
    }
    const targets: ScannedReference['targets'] = [];
    let lastAbs: string[] | undefined;
    for (const it of g.items) {
      // `section 4 and sub-section (2) thereof`, `s.2, clause (a)`: the relative unit hangs from the section before it.
      const bound = bindInList || (it.afterComma === true && g.parents.length === 0);
      const b = it.unit.cls === 'sub' && bound && lastAbs ? lastAbs : base;
      const address = resolveItem(it, b);
      if (it.unit.cls === 'provision') lastAbs = pathOf(address);
      const target: ScannedReference['targets'][number] = { address, span: { start: it.span.start, end: it.span.end } };
      if (it.to) target.to = { address: resolveItem(it.to, b), span: { start: it.to.span.start, end: it.to.span.end } };
      targets.push(target);
    }
    if (targets.length === 0) return undefined;
    const last = targets[targets.length - 1]!;
    state.lastAddress = last.to?.address ?? last.address;
    state.lastAddressInstrument = instrument;
    if (tail && tail.kind === 'named') state.lastInstrument = instrument;
    return { span: { start: g.start, end: g.end }, text: this.t.slice(g.start, g.end), instrument, targets };
  }
}

function fold(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** At a heading's start (`## Article 3. …`, `> ### Section 4A`): the provision's own number, not a reference. */
function atHeadingStart(t: string, pos: number): boolean {
  let k = pos - 1;
  let hash = false;
  while (k >= 0) {
    const c = t.charCodeAt(k);
    if (c === 35) hash = true;
    else if (!(isHws(c) || c === 62)) break;
    k--;
  }
  return hash && (k < 0 || t.charCodeAt(k) === 10 || t.charCodeAt(k) === 13);
}

/** Finds every cross-reference in text[start, end). Offsets in the result are offsets into `text`. */
export function scanReferences(text: string, start: number, end: number, ctx: RefContext, state?: ScanState): ScannedReference[] {
  const out: ScannedReference[] = [];
  try {
    if (typeof text !== 'string') return out;
    const lo = Math.max(0, Math.floor(Number.isFinite(start) ? start : 0));
    const hi = Math.min(text.length, Math.floor(Number.isFinite(end) ? end : text.length));
    if (hi <= lo) return out;
    // Everything after `end` is out of reach: parse a prefix of the text (offsets unchanged).
    const t = hi === text.length ? text : text.slice(0, hi);
    const safeCtx: RefContext = {
      unitPath: Array.isArray(ctx?.unitPath) ? ctx.unitPath : [],
      self: ctx?.self ?? { kind: 'self' },
      said: ctx?.said,
      names: ctx?.names ?? { match: () => undefined },
    };
    const scanner = new Scanner(t, safeCtx, state ?? {});
    const re = new RegExp(CANDIDATE_RE.source, 'gi');
    re.lastIndex = lo;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t))) {
      const at = m.index;
      const word = m[0];
      const after = at + word.length;
      const prev = at > 0 ? t.charCodeAt(at - 1) : 0;
      // `cross-section`, `person's.`, `and/or`: not a unit word here.
      if (prev === 45 || prev === 39 || prev === 0x2019 || prev === 47) continue;
      const lw = word.toLowerCase();
      if (lw === 'this' || lw === 'these') {
        const th = scanner.thisPhrase(at);
        if (!th) continue;
        let targets: ScannedReference['targets'];
        let instrument: InstrumentTarget;
        if (th.self) {
          instrument = safeCtx.self;
          targets = [{ address: '', span: { start: at, end: th.end } }];
        } else if (th.path) {
          instrument = safeCtx.self;
          targets = [{ address: th.path.join(''), span: { start: at, end: th.end } }];
          if (state) {
            state.lastAddress = targets[0]!.address;
            state.lastAddressInstrument = instrument;
          }
        } else continue;
        out.push({ span: { start: at, end: th.end }, text: t.slice(at, th.end), instrument, targets });
        re.lastIndex = th.end;
        continue;
      }
      const unit = unitInfo(word);
      if (!unit) continue;
      if (atHeadingStart(t, at)) continue;
      const g = scanner.group(at, unit, after, m[2] !== undefined);
      if (!g) continue;
      const ref = scanner.build(g);
      if (!ref) continue;
      out.push(ref);
      re.lastIndex = Math.max(g.end, after);
    }
  } catch {
    // Never throw: what was found so far stands.
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Names

interface NameEntry {
  id: string;
  /** Lower-cased, whitespace folded to single spaces, no leading "the ". */
  norm: string;
}

function firstKey(s: string, p: number): string {
  let e = p;
  while (e < s.length && isWordChar(s, e)) e++;
  return s.slice(p, e).toLowerCase();
}

/** Compares text from p with a normalised name; returns the end offset or -1. */
function compareName(text: string, p: number, norm: string): number {
  let j = p;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c === 32) {
      const k = skipWs(text, j);
      if (k === j) return -1;
      j = k;
      continue;
    }
    if (j >= text.length) return -1;
    const d = text.charCodeAt(j);
    if (d !== c) {
      if (d >= 65 && d <= 90) {
        if (d + 32 !== c) return -1;
      } else if (d < 128 || text.charAt(j).toLowerCase() !== norm.charAt(i)) return -1;
    }
    j++;
  }
  return j;
}

/** A NameMatcher over a list of {id, names[]}: names case-insensitive, whitespace folded; a
 *  title ending in a year (", 1997" or " 1997") is also found with the other form or without it;
 *  a leading "the" is accepted. */
export function createNameMatcher(instruments: Array<{ id: string; names: string[] }>): NameMatcher {
  const buckets = new Map<string, NameEntry[]>();
  const add = (id: string, norm: string) => {
    if (!norm) return;
    const key = firstKey(norm, 0);
    const list = buckets.get(key) ?? [];
    if (!list.some((e) => e.norm === norm && e.id === id)) list.push({ id, norm });
    buckets.set(key, list);
  };
  for (const inst of Array.isArray(instruments) ? instruments : []) {
    if (!inst || typeof inst.id !== 'string' || !Array.isArray(inst.names)) continue;
    for (const raw of inst.names) {
      if (typeof raw !== 'string') continue;
      const base = fold(raw).toLowerCase().replace(/^the\s+/, '');
      if (!base || base === 'the') continue;
      // `… Act, 1997` is also cited `… Act 1997` and `… Act`; `Act XXXIV of 2018` keeps its year.
      const y = /^(.*?\S),?\s+(\d{4})$/.exec(base);
      if (y && /[a-z]/.test(y[1]!) && !/(?:^|\s)(?:of|no\.?)$/.test(y[1]!)) {
        add(inst.id, y[1]!);
        add(inst.id, `${y[1]} ${y[2]}`);
        add(inst.id, `${y[1]}, ${y[2]}`);
      } else add(inst.id, base);
    }
  }
  for (const list of buckets.values()) list.sort((a, b) => b.norm.length - a.norm.length);

  const at = (text: string, p: number): { id: string; end: number } | undefined => {
    const list = buckets.get(firstKey(text, p));
    let best: { id: string; end: number } | undefined;
    if (list) {
      for (const e of list) {
        const end = compareName(text, p, e.norm);
        if (end < 0 || isWordChar(text, end)) continue;
        // A name ending in a word character must end at a word boundary; one ending in punctuation is enough.
        if (!best || end > best.end) best = { id: e.id, end };
      }
    }
    return best;
  };

  return {
    match(text: string, pos: number) {
      try {
        if (typeof text !== 'string' || !(pos >= 0) || pos >= text.length) return undefined;
        if (pos > 0 && isWordChar(text, pos - 1) && isWordChar(text, pos)) return undefined;
        const direct = at(text, pos);
        const m = sticky(THE_NAME_RE, text, pos);
        const withThe = m ? at(text, pos + m[0].length) : undefined;
        if (direct && withThe) return withThe.end > direct.end ? withThe : direct;
        return withThe ?? direct;
      } catch {
        return undefined;
      }
    },
  };
}
