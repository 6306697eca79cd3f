// Penalty sentences → a normal form (dialect §5).
//
// An offence provision says that a person "shall be punished", "shall be punishable", "shall be
// liable" (to punishment / on conviction to …), "is punishable", "is liable", "shall be sentenced".
// From each such verb the reader walks forward over a short preamble ("on conviction on indictment,
// to", "in the case of a first offence, with") to the first punishment word, then reads a chain of
// punishments joined by "or", "and", "and shall also be liable to", "or with both":
//   death · imprisonment for life · [rigorous|simple] imprisonment [of either description] [for a term]
//   with bounds (which may extend to / not exceeding / up to / not less than / between … and …) ·
//   fine with bounds (which may extend to / up to / of / not less than … and not more than …).
// Later limbs of one sentence ("and in the case of a second or subsequent offence, with …",
// "and upon subsequent conviction, to …") are read as further penalties, and so are punishments
// listed in labelled clauses after a lead-in that ends in a dash ("shall be punished, according to
// the quantity involved,— (a) …, with …; (b) …"): the first from the verb, each later one from its
// label.
//
// Not read as a penalty: a negated verb ("shall not be liable", "no woman shall be punishable"),
// a class of offences ("an offence punishable with death", "an offence which is punishable …",
// "where the offence is punishable …"), liability to pay compensation, costs or damages, and any
// verb not followed by punishment words ("shall be punished in accordance with Chapter V").
// Durations count only as terms of imprisonment in bound phrases right after "imprisonment";
// an age ("under the age of fourteen years") is never read as a term.
//
// Pure, never throws, linear in the length of the text: the trigger search is one pass of a
// simple regular expression and every phrase reader is bounded.

import type { Span } from '../model/types';
import {
  formatMonths,
  formatRupees,
  readAmountIn,
  readDurationEx,
  readPlainNumber,
  skipSpaces,
  wordAt,
} from './figures';

export interface Penalty {
  death: boolean;
  /** Imprisonment for life. */
  life: boolean;
  imprisonment: { minMonths: number | null; maxMonths: number | null; kind: 'rigorous' | 'simple' | 'either' | 'unspecified' } | null;
  /** Rupees (or the currency stated); null amounts when the text says just "fine". */
  fine: { min: number | null; max: number | null } | null;
  /** A fine may be imposed instead of imprisonment, life or death. */
  fineAlone: boolean;
  /** The penalty phrase: from the verb ("shall be punished") to the end of the punishment words. */
  span: Span;
}

type ImpKind = 'rigorous' | 'simple' | 'either' | 'unspecified';

interface Elem {
  type: 'death' | 'life' | 'imprisonment' | 'fine' | 'other';
  end: number;
  min: number | null;
  max: number | null;
  kind: ImpKind;
  /** Bounds said "may extend to imprisonment for life". */
  life: boolean;
  /** "fine only". */
  only: boolean;
}

interface Ctx {
  t: string;
  lim: number;
  /** The word after the whitespace at a position (memo: the readers look at the same places many times). */
  words: Map<number, { w: string; end: number } | null>;
}

function ctx(t: string, lim: number): Ctx {
  return { t, lim, words: new Map() };
}

// ---------------------------------------------------------------------------------------------
// Small matchers. Each takes a position, skips whitespace, and returns the end of the match or -1.

function sp(c: Ctx, i: number): number {
  let j = skipSpaces(c.t, i, c.lim);
  // Amendment marks of consolidated texts: "with 1[imprisonment for life]", "extend to 2[three thousand rupees]".
  for (let n = 0; n < 3 && j < c.lim; n++) {
    const ch = c.t[j];
    if (ch === '[' || ch === ']') {
      j = skipSpaces(c.t, j + 1, c.lim);
      continue;
    }
    if (ch >= '0' && ch <= '9') {
      const k = c.t[j + 1] === '[' ? j + 1 : c.t[j + 2] === '[' && c.t[j + 1] >= '0' && c.t[j + 1] <= '9' ? j + 2 : -1;
      if (k > 0 && k < c.lim && (j === 0 || !isAlnum(c.t.charCodeAt(j - 1)))) {
        j = skipSpaces(c.t, k + 1, c.lim);
        continue;
      }
    }
    break;
  }
  return j;
}

function isAlnum(ch: number): boolean {
  return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}
function isAlpha(ch: number): boolean {
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
}

/** The word (lower-cased) after the whitespace at i. */
function wordFrom(c: Ctx, i: number): { w: string; end: number } | undefined {
  let r = c.words.get(i);
  if (r === undefined) {
    r = wordAt(c.t, sp(c, i), c.lim) ?? null;
    c.words.set(i, r);
  }
  return r ?? undefined;
}

/** One word (case-insensitive, whole word). */
function w1(c: Ctx, i: number, word: string): number {
  const wa = wordFrom(c, i);
  return wa && wa.w === word ? wa.end : -1;
}

/** One of several words. */
function wAny(c: Ctx, i: number, words: readonly string[]): { w: string; end: number } | undefined {
  const wa = wordFrom(c, i);
  return wa && words.includes(wa.w) ? wa : undefined;
}

/** A punctuation character (after whitespace). */
function punct(c: Ctx, i: number, chars: string): number {
  const j = sp(c, i);
  return j < c.lim && chars.includes(c.t[j]) ? j + 1 : -1;
}

/** A phrase of words separated by spaces; a token "," matches an optional comma. */
function phrase(c: Ctx, i: number, words: readonly string[], from = 0): number {
  let j = i;
  for (let n = from; n < words.length; n++) {
    const w = words[n];
    if (w === ',') {
      const k = punct(c, j, ',');
      if (k >= 0) j = k;
      continue;
    }
    j = w1(c, j, w);
    if (j < 0) return -1;
  }
  return j;
}

/** Phrases indexed by their first word, longest first (so "which shall not be less than" wins over "which"). */
type PhraseList = Map<string, string[][]>;

function compile(list: readonly string[]): PhraseList {
  const idx: PhraseList = new Map();
  for (const p of list.map((x) => x.split(' ')).sort((a, b) => b.length - a.length)) {
    const l = idx.get(p[0]);
    if (l) l.push(p);
    else idx.set(p[0], [p]);
  }
  return idx;
}

function anyPhrase(c: Ctx, i: number, list: PhraseList): number {
  const wa = wordFrom(c, i);
  if (!wa) return -1;
  const cands = list.get(wa.w);
  if (!cands) return -1;
  for (const p of cands) {
    const e = phrase(c, wa.end, p, 1);
    if (e >= 0) return e;
  }
  return -1;
}

/** A bracketed label: "(a)", "(ii)", "(2)". */
function label(c: Ctx, i: number): number {
  const j = sp(c, i);
  if (c.t[j] !== '(') return -1;
  let k = j + 1;
  const stop = Math.min(c.lim, j + 7);
  while (k < stop && isAlnum(c.t.charCodeAt(k))) k++;
  if (k > j + 1 && k < c.lim && c.t[k] === ')') return k + 1;
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Phrase lists.

const MAX_PREFIXES = compile([
  'which may extend to', 'which may extend up to', 'which may extend upto', 'that may extend to',
  'that may extend up to', 'may extend to', 'may extend up to', 'may extend upto', 'extending to', 'extending up to',
  'extendable to', 'extendable up to', 'extendable upto', 'which may be extended to', 'which may be extended up to',
  'up to', 'upto', 'of up to', 'for up to', 'for upto', 'of upto',
  'not exceeding', 'not to exceed', 'which shall not exceed', 'that shall not exceed', 'shall not exceed',
  'which does not exceed', 'which is not more than', 'for a term not exceeding', 'for a period not exceeding',
  'not more than', 'of not more than', 'for not more than', 'which shall not be more than', 'shall not be more than',
  'no more than', 'of no more than', 'not above',
  'to a maximum of', 'a maximum of', 'maximum of', 'of a maximum of', 'for a maximum of', 'for a maximum term of',
  'for a maximum period of', 'maximum term of', 'a maximum term of', 'with a maximum of',
]);
const MIN_PREFIXES = compile([
  'which shall not be less than', 'that shall not be less than', 'shall not be less than', 'which shall be not less than',
  'which shall not be lesser than', 'shall not be lesser than', 'which may not be less than', 'may not be less than',
  'not less than', 'of not less than', 'for not less than', 'no less than', 'of no less than', 'for no less than',
  'not below', 'which shall not be below', 'shall not be below',
  'of at least', 'at least', 'for at least',
  'a minimum of', 'minimum of', 'of a minimum of', 'for a minimum of', 'for a minimum term of', 'for a minimum period of',
  'minimum term of', 'a minimum term of', 'with a minimum of', 'for a term not less than', 'for a period not less than',
]);
const RANGE_PREFIXES = compile(['between', 'of between', 'for between', 'from', 'ranging from', 'of from', 'for from']);
const TERM_PREAMBLES = compile([
  'for a term', 'for term', 'for a period', 'for any term', 'for such term', 'for a further term', 'for the term',
]);
const BARE_PREFIXES = compile(['of', 'for', 'amounting to', 'to the extent of', 'of the amount of']);

/** Words that lead to a punishment word. */
const FILLERS = compile([
  'with', 'to', 'by', 'a', 'an', 'the', 'either', 'also', 'further',
  'punishment of', 'the punishment of', 'penalty of', 'the penalty of', 'sentence of', 'a sentence of',
  'suffer', 'be sentenced to', 'sentenced to', 'be punished with', 'be punishable with', 'be liable to',
  'punished with', 'punishable with', 'punishable by', 'punished by', 'liable to',
]);

/** Words that may stand between the verb and the first punishment word. */
const PREAMBLE_WORDS = [
  'on', 'upon', 'conviction', 'convicted', 'summary', 'indictment', 'in', 'the', 'case', 'of', 'a', 'an', 'first',
  'second', 'third', 'subsequent', 'offence', 'offense', 'to', 'with', 'by', 'be', 'for', 'each', 'every', 'such',
  'punishment', 'punishments', 'sentenced', 'punished', 'liable', 'either', 'shall', 'also', 'therefor', 'thereof',
  'being', 'found', 'guilty', 'any', 'court', 'magistrate', 'tribunal', 'sessions', 'judge', 'way',
];

/** Words that may follow "death" when it is a punishment ("with death, or …", "death and fine", "death if …"). */
const AFTER_DEATH = ['or', 'and', 'nor', 'but', 'if', 'where', 'when', 'unless', 'in', 'with', 'as', 'for', 'under', 'provided', 'shall', 'which', 'that', 'by', 'to', 'and/or', 'either', 'also'];

/** Words of a later limb: "and in the case of a second or subsequent offence, with". */
const CONTINUATION_WORDS = [
  'in', 'the', 'case', 'of', 'a', 'an', 'for', 'on', 'upon', 'second', 'subsequent', 'each', 'every', 'any', 'later',
  'further', 'third', 'or', 'and', 'offence', 'offences', 'offense', 'conviction', 'convictions', 'summary',
  'indictment', 'to', 'with', 'by', 'be', 'liable', 'punished', 'punishable', 'shall', 'such', 'repeat', 'repeated',
  'thereafter', 'thereof', 'is',
];
const CONTINUATION_KEYS = ['second', 'subsequent', 'summary', 'indictment', 'third', 'later', 'repeat', 'repeated', 'further', 'conviction'];

/** Auxiliary words of the verb group ("shall, on conviction, be liable"). */
const VERB_GROUP = [
  'shall', 'is', 'are', 'be', 'will', 'would', 'may', 'also', 'further', 'on', 'upon', 'conviction', 'summary',
  'indictment', 'hereby', 'then', 'thereupon', 'accordingly', 'likewise', 'been', 'being', 'each', 'respectively',
  'thereof', 'thereafter', 'therefor', 'held', 'made', 'become', 'becomes',
];
const NEGATIONS = ['not', 'never', 'nor', 'neither', 'cannot'];
/** Words that may stand between a negation and the verb: "not be criminally liable", "not be arrested or punished". */
const COORDINATED = ['or', 'and', 'criminally', 'otherwise', 'held', 'personally', 'thereby', 'therefor', 'any', 'way', 'in'];
const CLASS_NOUNS = ['offence', 'offences', 'offense', 'offenses', 'crime', 'crimes'];

// ---------------------------------------------------------------------------------------------
// Bounds: "which may extend to seven years and shall not be less than two years".

interface Bounds {
  min: number | null;
  max: number | null;
  life: boolean;
  end: number;
}

type Mode = 'term' | 'amount';

/** "imprisonment for life", "life imprisonment", "life", "imprisonment for the remainder of his natural life". */
function lifeAt(c: Ctx, i: number, bareLifeOk: boolean): number {
  let e = phrase(c, i, ['imprisonment', 'for', 'life']);
  if (e >= 0) return e;
  e = phrase(c, i, ['life', 'imprisonment']);
  if (e >= 0) return e;
  e = phrase(c, i, ['imprisonment', 'for', 'natural', 'life']);
  if (e >= 0) return e;
  e = remainderOfLife(c, phrase(c, i, ['imprisonment', 'for', 'the', 'remainder', 'of']));
  if (e >= 0) return e;
  e = remainderOfLife(c, phrase(c, i, ['imprisonment', 'for', 'the', 'rest', 'of']));
  if (e >= 0) return e;
  if (bareLifeOk) {
    e = w1(c, i, 'life');
    if (e >= 0) return e;
  }
  return -1;
}

/** After "the remainder of": "that person's natural life", "his natural life", "life". */
function remainderOfLife(c: Ctx, i: number): number {
  if (i < 0) return -1;
  let j = i;
  for (let k = 0; k < 6; k++) {
    const wa = wordFrom(c, j);
    if (!wa) {
      // an apostrophe: "person's"
      const q = sp(c, j);
      if (q < c.lim && (c.t[q] === "'" || c.t[q] === '’')) {
        j = q + 1;
        continue;
      }
      return -1;
    }
    if (wa.w === 'life') return wa.end;
    j = wa.end;
  }
  return -1;
}

/** A value of the bound: a duration (term) or an amount. A bare number (term) is returned as pending. */
function boundValue(c: Ctx, i0: number, mode: Mode): { value: number; unit: number; end: number; bare: boolean } | undefined {
  const i = sp(c, i0);
  if (mode === 'term') {
    const d = readDurationEx(c.t, i, c.lim);
    if (d) {
      // An age is not a term: "eighteen years of age", "ten years old".
      if (phrase(c, d.end, ['of', 'age']) >= 0 || w1(c, d.end, 'old') >= 0) return undefined;
      return { value: d.months, unit: d.unit, end: d.end, bare: false };
    }
    const n = readPlainNumber(c.t, i, c.lim);
    if (n) return { value: n.value, unit: 0, end: n.end, bare: true };
    return undefined;
  }
  const a = readAmountIn(c.t, i, c.lim);
  if (a) return { value: a.rupees, unit: 0, end: a.end, bare: false };
  return undefined;
}

/** Fine limits that have no figure: "the statutory maximum", "level 5 on the standard scale". */
function unfiguredAmount(c: Ctx, i: number): number {
  let e = phrase(c, i, ['the', 'statutory', 'maximum']);
  if (e >= 0) return e;
  e = phrase(c, i, ['the', 'prescribed', 'sum']);
  if (e >= 0) return e;
  e = phrase(c, i, ['level']);
  if (e >= 0) {
    const n = readPlainNumber(c.t, e, c.lim);
    if (n) {
      const s = phrase(c, n.end, ['on', 'the', 'standard', 'scale']);
      return s >= 0 ? s : n.end;
    }
  }
  return -1;
}

function readBounds(c: Ctx, i: number, mode: Mode): Bounds {
  const b: Bounds = { min: null, max: null, life: false, end: i };
  let pos = i;
  // Term preamble: "for a term", "for a period" (the "of" that may follow belongs to the clause).
  if (mode === 'term') {
    const e = anyPhrase(c, pos, TERM_PREAMBLES);
    if (e >= 0) {
      pos = e;
      b.end = e;
    }
  }
  let pending: { target: 'min' | 'max'; value: number } | null = null;
  const resolvePending = (unit: number): void => {
    if (pending && unit > 0) {
      if (pending.target === 'min' && b.min === null) b.min = pending.value * unit;
      if (pending.target === 'max' && b.max === null) b.max = pending.value * unit;
    }
    pending = null;
  };
  for (let clause = 0; clause < 6; clause++) {
    let j = pos;
    if (clause > 0) {
      // Separator: [,] [and|but] [,]
      const cm = punct(c, j, ',');
      if (cm >= 0) j = cm;
      const conj = wAny(c, j, ['and', 'but']);
      if (conj) j = conj.end;
      const cm2 = punct(c, j, ',');
      if (cm2 >= 0) j = cm2;
    } else {
      const cm = punct(c, j, ',');
      if (cm >= 0 && (anyPhrase(c, cm, MAX_PREFIXES) >= 0 || anyPhrase(c, cm, MIN_PREFIXES) >= 0)) j = cm;
    }
    let target: 'min' | 'max' | 'range' | 'bare' | null = null;
    let k = anyPhrase(c, j, MIN_PREFIXES);
    if (k >= 0) target = 'min';
    if (target === null) {
      k = anyPhrase(c, j, MAX_PREFIXES);
      if (k >= 0) target = 'max';
    }
    if (target === null) {
      k = anyPhrase(c, j, RANGE_PREFIXES);
      if (k >= 0) target = 'range';
    }
    if (target === null && clause === 0 && b.min === null && b.max === null) {
      k = anyPhrase(c, j, BARE_PREFIXES);
      if (k < 0) k = j;
      target = 'bare';
    }
    if (target === null) break;
    // "may extend to imprisonment for life"
    if (mode === 'term' && (target === 'max' || target === 'bare')) {
      const le = lifeAt(c, k, target === 'max');
      if (le >= 0) {
        b.life = true;
        b.end = le;
        pos = le;
        resolvePending(0);
        continue;
      }
    }
    if (mode === 'amount' && target === 'max') {
      const ue = unfiguredAmount(c, k);
      if (ue >= 0) {
        b.end = ue;
        pos = ue;
        continue;
      }
    }
    const v = boundValue(c, k, mode);
    if (!v) break;
    if (target === 'range') {
      const sep = wAny(c, v.end, ['to', 'and']);
      let sepEnd = sep ? sep.end : -1;
      if (sepEnd >= 0) {
        const up = phrase(c, sepEnd, ['up', 'to']);
        if (up >= 0) sepEnd = up;
      }
      const v2 = sepEnd >= 0 ? boundValue(c, sepEnd, mode) : undefined;
      if (!v2 || v2.bare) break;
      b.min = v.bare ? v.value * v2.unit : v.value;
      b.max = v2.value;
      b.end = v2.end;
      pos = v2.end;
      continue;
    }
    if (v.bare) {
      // "not less than three and not more than fourteen years": the unit comes later.
      if (target === 'bare') break;
      pending = { target, value: v.value };
      pos = v.end;
      continue;
    }
    const t = target === 'bare' ? 'max' : target;
    if (t === 'min') b.min = v.value;
    else b.max = v.value;
    resolvePending(v.unit);
    b.end = v.end;
    pos = v.end;
  }
  // An unresolved bare number is not read: b.end was not advanced past it.
  return b;
}

// ---------------------------------------------------------------------------------------------
// Elements.

function blank(type: Elem['type'], end: number): Elem {
  return { type, end, min: null, max: null, kind: 'unspecified', life: false, only: false };
}

function skipFillers(c: Ctx, i: number): number {
  let j = i;
  for (let k = 0; k < 6; k++) {
    const e = anyPhrase(c, j, FILLERS);
    if (e < 0) break;
    j = e;
  }
  return j;
}

/** After "imprisonment for life": ", which shall mean imprisonment for the remainder of that person's natural life". */
function lifeGloss(c: Ctx, i: number): number {
  const e = phrase(c, i, [',', 'which', 'shall', 'mean']);
  if (e < 0) return i;
  const l = lifeAt(c, e, false);
  return l >= 0 ? l : i;
}

/** The punishment elements that start at i (after fillers): usually one, two for "imprisonment for life or for a term …". */
function readElements(c: Ctx, i: number): Elem[] {
  const j = skipFillers(c, i);
  const wa = wordFrom(c, j);
  if (!wa) return [];
  const w = wa.w;
  // death
  if (w === 'death') {
    let end = wa.end;
    const pen = wAny(c, end, ['penalty', 'sentence']);
    if (pen) end = pen.end;
    // "death of the victim", "death threats": death is a punishment only before a break or a joining word.
    const nx = wordFrom(c, end);
    if (nx && sp(c, end) === nx.end - nx.w.length && !AFTER_DEATH.includes(nx.w)) return [];
    return [blank('death', end)];
  }
  if (w === 'capital') {
    const e = w1(c, wa.end, 'punishment');
    return e >= 0 ? [blank('death', e)] : [];
  }
  // life imprisonment
  if (w === 'life' || w === 'imprisonment' || w === 'rigorous' || w === 'simple' || w === 'term' || w === 'period' || w === 'custody') {
    const le = lifeAt(c, j, false);
    if (le >= 0) {
      const end = lifeGloss(c, le);
      const out = [blank('life', end)];
      // "imprisonment for life or for a term which may extend to ten years"
      const orPos = phrase(c, end, [',', 'or']);
      if (orPos >= 0 && w1(c, orPos, 'for') >= 0) {
        const b = readBounds(c, orPos, 'term');
        if (b.end > orPos && (b.min !== null || b.max !== null)) {
          const imp = blank('imprisonment', b.end);
          imp.min = b.min;
          imp.max = b.max;
          out.push(imp);
        }
      }
      return out;
    }
  }
  let kind: ImpKind = 'unspecified';
  let k = -1;
  if (w === 'rigorous' || w === 'simple') {
    const e = w1(c, wa.end, 'imprisonment');
    if (e >= 0) {
      kind = w;
      k = e;
      // "rigorous imprisonment for life"
      const le = phrase(c, e, ['for', 'life']);
      if (le >= 0) return [blank('life', lifeGloss(c, le))];
    }
  } else if (w === 'imprisonment') {
    k = wa.end;
    const le = phrase(c, k, ['for', 'life']);
    if (le >= 0) return [blank('life', lifeGloss(c, le))];
  } else if (w === 'term' || w === 'period') {
    const e = phrase(c, wa.end, ['of', 'imprisonment']);
    if (e >= 0) k = e;
    else {
      const r = phrase(c, wa.end, ['of', 'rigorous', 'imprisonment']);
      if (r >= 0) {
        k = r;
        kind = 'rigorous';
      }
    }
  }
  if (k >= 0) {
    let e = phrase(c, k, ['of', 'either', 'description']);
    if (e >= 0) {
      kind = 'either';
      k = e;
    }
    e = phrase(c, k, ['with', 'or', 'without', 'hard', 'labour']);
    if (e >= 0) {
      kind = 'either';
      k = e;
    } else {
      e = phrase(c, k, ['with', 'hard', 'labour']);
      if (e >= 0) {
        kind = 'rigorous';
        k = e;
      }
    }
    // "rigorous imprisonment of either description for life" is not drafted; "… for life" after the description is.
    const le = phrase(c, k, ['for', 'life']);
    if (le >= 0) return [blank('life', lifeGloss(c, le))];
    const b = readBounds(c, k, 'term');
    const el = blank('imprisonment', b.end);
    el.kind = kind;
    el.min = b.min;
    el.max = b.max;
    if (b.life) {
      // "not less than ten years but which may extend to imprisonment for life": life is the maximum.
      el.life = true;
    }
    return [el];
  }
  // fine
  if (w === 'fine' || w === 'fines' || w === 'fined') {
    let end = wa.end;
    const el = blank('fine', end);
    let on = w1(c, end, 'only');
    if (on >= 0) {
      el.only = true;
      end = on;
    }
    // "fine to an amount which may extend to …"
    const amt = phrase(c, end, ['to', 'an', 'amount']);
    if (amt >= 0) end = amt;
    const b = readBounds(c, end, 'amount');
    el.min = b.min;
    el.max = b.max;
    end = b.end;
    on = w1(c, end, 'only');
    if (on >= 0) {
      el.only = true;
      end = on;
    }
    el.end = end;
    return [el];
  }
  // other punishments that keep a chain going
  if (w === 'whipping' || w === 'caning' || w === 'flogging') return [blank('other', wa.end)];
  if (w === 'forfeiture') {
    let end = wa.end;
    const of = w1(c, end, 'of');
    if (of >= 0) {
      const p = wAny(c, of, ['property', 'his', 'her', 'the', 'all']);
      if (p) {
        end = p.end;
        if (p.w !== 'property') {
          const q = w1(c, end, 'property');
          if (q >= 0) end = q;
        }
      }
    }
    return [blank('other', end)];
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Chains: element (connector element)* [or (with) both].

interface Chain {
  elems: Elem[];
  conns: Array<'first' | 'or' | 'and'>;
  orBoth: boolean;
  end: number;
}

const AND_FILLER_WORDS = ['shall', 'also', 'be', 'is', 'are', 'liable', 'to', 'may', 'punished', 'punishable', 'with', 'further', 'in', 'addition', 'additionally', 'subject', 'by'];

/** "both", "both such imprisonment and fine", "both of them". */
function bothAt(c: Ctx, i: number): number {
  let e = w1(c, i, 'both');
  if (e < 0) return -1;
  for (const tail of [['such', 'imprisonment', 'and', 'fine'], ['such', 'fine', 'and', 'imprisonment'], ['of', 'them'], ['of', 'such', 'fine', 'and', 'imprisonment'], ['of', 'such', 'imprisonment', 'and', 'fine'], ['the', 'fine', 'and', 'imprisonment'], ['the', 'imprisonment', 'and', 'the', 'fine']]) {
    const t = phrase(c, e, tail);
    if (t >= 0) {
      e = t;
      break;
    }
  }
  return e;
}

function readChain(c: Ctx, first: Elem[]): Chain {
  const ch: Chain = { elems: [], conns: [], orBoth: false, end: first[first.length - 1].end };
  for (let n = 0; n < first.length; n++) {
    ch.elems.push(first[n]);
    ch.conns.push(n === 0 ? 'first' : 'or');
  }
  for (let step = 0; step < 10; step++) {
    let j = ch.end;
    const pc = punct(c, j, ',;');
    const afterPunct = pc >= 0 ? pc : j;
    j = afterPunct;
    // "and/or"
    let conn: 'or' | 'and' | null = null;
    let k = -1;
    const andOr = phrase(c, j, ['and']);
    if (andOr >= 0 && c.t[sp(c, andOr)] === '/') {
      const o = w1(c, sp(c, andOr) + 1, 'or');
      if (o >= 0) {
        conn = 'or';
        k = o;
        ch.orBoth = true;
      }
    }
    if (conn === null) {
      const o = w1(c, j, 'or');
      if (o >= 0) {
        conn = 'or';
        k = o;
      }
    }
    if (conn === null) {
      const a = w1(c, j, 'and');
      if (a >= 0) {
        conn = 'and';
        k = a;
        // "and shall also be liable to", "and may also be punished with"
        for (let n = 0; n < 8; n++) {
          const f = wAny(c, k, AND_FILLER_WORDS);
          if (!f) break;
          // keep "with"/"to"/"by" for skipFillers when a punishment follows directly
          k = f.end;
        }
      }
    }
    if (conn === null) {
      for (const p of [['as', 'well', 'as'], ['together', 'with'], ['in', 'addition', 'to'], ['plus'], ['coupled', 'with'], ['along', 'with']]) {
        const e = phrase(c, j, p);
        if (e >= 0) {
          conn = 'and';
          k = e;
          break;
        }
      }
    }
    if (conn === null) break;
    if (conn === 'or') {
      const wt = wAny(c, k, ['with', 'to', 'by']);
      const b = bothAt(c, wt ? wt.end : k);
      if (b >= 0) {
        ch.orBoth = true;
        ch.end = b;
        continue;
      }
    }
    const els = readElements(c, k);
    if (!els.length) break;
    for (let n = 0; n < els.length; n++) {
      ch.elems.push(els[n]);
      ch.conns.push(n === 0 ? conn : 'or');
    }
    ch.end = els[els.length - 1].end;
  }
  return ch;
}

function chainToPenalty(ch: Chain, start: number): Penalty | undefined {
  let death = false;
  let life = false;
  let imp: Penalty['imprisonment'] = null;
  let fine: Penalty['fine'] = null;
  let fineIndex = -1;
  let only = false;
  for (let n = 0; n < ch.elems.length; n++) {
    const e = ch.elems[n];
    if (e.type === 'death') death = true;
    else if (e.type === 'life') life = true;
    else if (e.type === 'imprisonment') {
      if (e.life) life = true;
      if (!imp) imp = { minMonths: e.min, maxMonths: e.max, kind: e.kind };
      else {
        if (imp.minMonths === null) imp.minMonths = e.min;
        if (imp.maxMonths === null) imp.maxMonths = e.max;
        if (imp.kind === 'unspecified') imp.kind = e.kind;
      }
    } else if (e.type === 'fine') {
      if (!fine) {
        fine = { min: e.min, max: e.max };
        fineIndex = n;
      } else {
        if (fine.min === null) fine.min = e.min;
        if (fine.max === null) fine.max = e.max;
      }
      if (e.only) only = true;
    }
  }
  if (!death && !life && !imp && !fine) return undefined;
  const custodial = death || life || imp !== null;
  let fineAlone = false;
  if (fine) {
    if (!custodial || only || ch.orBoth) fineAlone = true;
    else {
      const conn = fineIndex === 0 ? ch.conns[1] ?? 'or' : ch.conns[fineIndex];
      fineAlone = conn === 'or';
    }
  }
  return { death, life, imprisonment: imp, fine, fineAlone, span: { start, end: ch.end } };
}

// ---------------------------------------------------------------------------------------------
// Triggers.

interface PrevWord {
  w: string;
  start: number;
}

/** Up to n words before i, nearest first, within the clause (stops at . ; : and at lower). */
function prevWords(t: string, i: number, lower: number, n: number): { words: PrevWord[]; clauseStart: boolean } {
  const words: PrevWord[] = [];
  let j = i - 1;
  const floor = Math.max(lower, i - 240);
  while (j >= floor && words.length < n) {
    const ch = t[j];
    if (isAlpha(t.charCodeAt(j))) {
      let s = j;
      while (s - 1 >= floor && isAlpha(t.charCodeAt(s - 1)) && j - s < 40) s--;
      words.push({ w: t.slice(s, j + 1).toLowerCase(), start: s });
      j = s - 1;
    } else if (ch === '.' || ch === ';' || ch === ':' || ch === '\n' && j > 0 && t[j - 1] === '\n') {
      return { words, clauseStart: true };
    } else if (ch === '(' || ch === ')' || ch === ',' || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '—' || ch === '-' || /[0-9'’"“”*_]/.test(ch)) {
      j--;
    } else {
      return { words, clauseStart: true };
    }
  }
  return { words, clauseStart: j < floor && (j < lower || j < 0) };
}

/** Whether the verb at [a, ..) heads a penalty: undefined if not; else where its verb group starts and
 *  whether it says "also" ("and shall also be liable to fine": a punishment in addition to another). */
function triggerStart(t: string, a: number, verb: string, lower: number): { start: number; also: boolean; classPhrase: boolean } | undefined {
  let r = triggerStartIndex(t, a, verb, lower);
  let classPhrase = false;
  if (r <= -2) {
    r = -2 - r;
    classPhrase = true;
  }
  if (r < 0) return undefined;
  const also = /\balso\b/i.test(t.slice(r, a));
  return { start: r, also, classPhrase };
}

function triggerStartIndex(t: string, a: number, verb: string, lower: number): number {
  const { words, clauseStart } = prevWords(t, a, lower, 10);
  let idx = 0;
  let vgStart = a;
  for (; idx < words.length; idx++) {
    const w = words[idx].w;
    if (NEGATIONS.includes(w)) return -1;
    if (w === 'no') return -1; // "in no case", "shall in no event"
    if (w === 'case' || w === 'event' || w === 'in') {
      // "shall in no case be liable": walk through; a following "no" rejects.
      continue;
    }
    if (!VERB_GROUP.includes(w)) break;
    vgStart = words[idx].start;
  }
  // A negation further back, across adverbs and coordinated participles:
  // "shall not be criminally liable", "shall not be detained, prosecuted or punished".
  for (let s = idx; s < Math.min(words.length, idx + 6); s++) {
    const w = words[s].w;
    if (NEGATIONS.includes(w)) return -1;
    if (VERB_GROUP.includes(w) || COORDINATED.includes(w) || (w.length > 4 && w.endsWith('ed'))) continue;
    break;
  }
  // The verb group's subject: "no woman shall be punishable", "Provided that no person shall be liable".
  for (let s = idx; s < Math.min(words.length, idx + 4); s++) {
    if (words[s].w === 'no') {
      const before = words[s + 1]?.w;
      const atStart = s + 1 >= words.length && clauseStart;
      if (atStart || before === undefined || ['that', 'and', 'but', 'or', 'provided', 'further'].includes(before)) return -1;
    }
  }
  const w0 = words[idx]?.w;
  const w1_ = words[idx + 1]?.w;
  const w2 = words[idx + 2]?.w;
  if (verb === 'punishable' || verb === 'liable') {
    // A class of offences: "an offence punishable with death", "offences which are punishable with …".
    // "… is an offence punishable by …" and "… commits an offence punishable on conviction by …" state a
    // penalty; readPenalties still rejects them when the sentence goes on with a verb ("whoever commits
    // an offence punishable with death shall …").
    if (idx === 0 && w0 !== undefined && CLASS_NOUNS.includes(w0)) {
      const w3 = words[idx + 3]?.w;
      const genuine =
        (w1_ === 'an' || w1_ === 'a') &&
        w2 !== undefined &&
        (['is', 'be', 'commits', 'commit', 'constitutes', 'was', 'becomes'].includes(w2) || (w2 === 'of' && w3 === 'guilty'));
      if (!genuine) return -1;
      return -2 - vgStart; // genuine only if the clause ends after the punishment words
    }
    if (idx > 0 && w0 !== undefined && ['which', 'that', 'who', 'whichever'].includes(w0)) return -1;
  }
  // "where/if the offence is punishable with …" is a condition.
  if (idx > 0) {
    for (let s = idx; s < Math.min(words.length, idx + 4); s++) {
      if (['if', 'where', 'when', 'unless', 'whether', 'whereas'].includes(words[s].w)) {
        const subj = words.slice(idx, s).map((x) => x.w);
        if (subj.some((x) => CLASS_NOUNS.includes(x))) return -1;
      }
    }
  }
  return vgStart;
}

/** From the verb's end: skip the preamble and read the first elements. */
function firstElements(c: Ctx, i: number): Elem[] {
  let j = i;
  for (let step = 0; step < 16; step++) {
    const els = readElements(c, j);
    if (els.length) return els;
    const p = punct(c, j, ',—–-:');
    if (p >= 0) {
      j = p;
      continue;
    }
    const l = label(c, j);
    if (l >= 0) {
      j = l;
      continue;
    }
    const wa = wAny(c, j, PREAMBLE_WORDS);
    if (!wa) return [];
    j = wa.end;
  }
  return [];
}

/** A later limb: "and in the case of a second or subsequent offence, with …", "(b) on summary conviction, to …". */
function continuation(c: Ctx, i: number): { start: number; elems: Elem[] } | undefined {
  let j = i;
  const p = punct(c, j, ',;');
  if (p >= 0) j = p;
  const conj = wAny(c, j, ['and', 'or', 'but', 'while', 'whereas']);
  if (conj) j = conj.end;
  const p2 = punct(c, j, ',');
  if (p2 >= 0) j = p2;
  const l = label(c, j);
  if (l >= 0) j = l;
  const start = sp(c, j);
  let sawKey = false;
  let words = 0;
  for (let step = 0; step < 16; step++) {
    if (sawKey && words > 0) {
      const els = readElements(c, j);
      if (els.length) {
        // "in the case of a second offence, to a fine" — the limb's own fillers were read by readElements.
        return { start, elems: els };
      }
    }
    const pc = punct(c, j, ',—–-');
    if (pc >= 0 && words > 0) {
      j = pc;
      continue;
    }
    const wa = wAny(c, j, CONTINUATION_WORDS);
    if (!wa) return undefined;
    if (CONTINUATION_KEYS.includes(wa.w)) sawKey = true;
    words++;
    j = wa.end;
  }
  return undefined;
}

/** How far a lead-in may run from the verb to its dash ("shall be punished, according to …,—"). */
const MAX_LEAD_IN = 400;
/** How long one listed clause may be. */
const MAX_CLAUSE = 600;

function isLineLabelAt(t: string, i: number, lim: number): boolean {
  // "(a)", "(ii)", "(2)" at i
  if (t[i] !== '(') return false;
  let k = i + 1;
  const stop = Math.min(lim, i + 7);
  while (k < stop && isAlnum(t.charCodeAt(k))) k++;
  return k > i + 1 && k < lim && t[k] === ')';
}

/**
 * Punishments listed in labelled clauses after a lead-in that ends in a dash or colon:
 * "shall be punished, according to the quantity …,— (a) where …, with imprisonment …; (c) where …, with death".
 * Each clause that names a punishment ("with …", "to …", "by …") gives a penalty whose span starts at its label.
 */
function listPenalties(c: Ctx, verbEnd: number, verbStart: number): { found: boolean; dash: number; penalties: Penalty[]; end: number } {
  const out: Penalty[] = [];
  const t = c.t;
  // The lead-in: up to a dash or colon, not across a sentence end.
  let i = verbEnd;
  const leadStop = Math.min(c.lim, verbEnd + MAX_LEAD_IN);
  let dash = -1;
  for (; i < leadStop; i++) {
    const ch = t[i];
    if (ch === '.' || ch === ';') break;
    if (ch === '—' || ch === '–' || ch === ':' || (ch === '-' && t[i + 1] === '\n')) {
      let k = i + 1;
      while (k < c.lim && (t[k] === '—' || t[k] === '-' || t[k] === '–')) k++;
      k = skipSpaces(t, k, c.lim);
      if (isLineLabelAt(t, k, c.lim)) dash = k;
      break;
    }
  }
  if (dash < 0) return { found: false, dash, penalties: out, end: verbEnd };
  let pos = dash;
  let end = verbEnd;
  for (let clause = 0; clause < 20 && pos < c.lim && isLineLabelAt(t, pos, c.lim); clause++) {
    const labelEnd = label(c, pos);
    // The clause runs to the next line that starts with a label (or MAX_CLAUSE characters).
    let clauseEnd = Math.min(c.lim, labelEnd + MAX_CLAUSE);
    for (let k = labelEnd; k < clauseEnd; k++) {
      if (t[k] === '\n') {
        clauseEnd = k;
        break;
      }
    }
    const cc: Ctx = { t, lim: clauseEnd, words: new Map() };
    const spanStart = clause === 0 ? verbStart : pos;
    // The clause starts with punishment words ("(a) imprisonment for …"), or names them after
    // "with" / "to" / "by" ("(c) where the quantity exceeds …, with death").
    let els = readElements(cc, labelEnd);
    let k = labelEnd;
    for (let step = 0; step < 120 && !els.length && k < clauseEnd; step++) {
      const wa = wordFrom(cc, k);
      if (!wa) {
        k++;
        continue;
      }
      if (wa.w === 'with' || wa.w === 'to' || wa.w === 'by') els = readElements(cc, k);
      k = wa.end;
    }
    if (els.length) {
      const ch = readChain(cc, els);
      const p = chainToPenalty(ch, spanStart);
      if (p) {
        out.push(p);
        end = ch.end;
      }
    }
    // Next clause.
    const next = skipSpaces(t, clauseEnd, c.lim);
    if (!isLineLabelAt(t, next, c.lim)) break;
    pos = next;
  }
  return { found: true, dash, penalties: out, end };
}

const TRIGGER = /\b(?:punish(?:ed|able)|liable|sentenced)\b/gi;

/** All penalties in text[start, end), in order. Offsets are into `text`. */
export function readPenalties(text: string, start = 0, end?: number): Penalty[] {
  const out: Penalty[] = [];
  try {
    if (typeof text !== 'string') return out;
    const lo = Math.max(0, Math.min(text.length, Number.isFinite(start) ? Math.floor(start) : 0));
    const hi = Math.max(lo, Math.min(text.length, end !== undefined && Number.isFinite(end) ? Math.floor(end) : text.length));
    const c = ctx(text, hi);
    const slice = text.slice(lo, hi);
    const re = new RegExp(TRIGGER.source, 'gi');
    let resume = lo;
    let m: RegExpExecArray | null;
    while ((m = re.exec(slice)) !== null) {
      const a = lo + m.index;
      if (a < resume) continue;
      const verb = m[0].toLowerCase();
      if (c.words.size > 4096) c.words = new Map(); // the memo serves one sentence at a time
      const trig = triggerStart(text, a, verb, lo);
      if (!trig) continue;
      // "shall be punished, according to the quantity involved,— (a) where …, with …; (b) …"
      // (unless the punishment words come before the dash: "… or with both:\n(2) …").
      const list = listPenalties(c, a + m[0].length, trig.start);
      const first = firstElements(c, a + m[0].length);
      if (list.found && !(first.length && first[0].end <= list.dash)) {
        for (const p of list.penalties) {
          if (trig.also && !p.death && !p.life && !p.imprisonment) p.fineAlone = false;
          out.push(p);
        }
        resume = Math.max(resume, list.end);
        if (resume - lo > re.lastIndex) re.lastIndex = resume - lo;
        continue;
      }
      if (!first.length) continue;
      const ch = readChain(c, first);
      const p = chainToPenalty(ch, trig.start);
      if (!p) continue;
      // "Whoever commits an offence punishable with death shall …": the punishment words name a class.
      if (trig.classPhrase) {
        const cm = punct(c, ch.end, ',');
        if (wAny(c, cm >= 0 ? cm : ch.end, ['shall', 'is', 'are', 'will', 'may', 'must', 'under', 'in', 'and', 'or', 'if', 'where', 'be']) !== undefined) continue;
      }
      // "… shall also be liable to fine" on its own: the fine is in addition to another punishment.
      if (trig.also && !p.death && !p.life && !p.imprisonment) p.fineAlone = false;
      out.push(p);
      resume = ch.end;
      // Later limbs of the same sentence.
      for (let n = 0; n < 4; n++) {
        const cont = continuation(c, resume);
        if (!cont) break;
        const ch2 = readChain(c, cont.elems);
        const p2 = chainToPenalty(ch2, cont.start);
        if (!p2) break;
        out.push(p2);
        resume = ch2.end;
      }
      if (resume - lo > re.lastIndex) re.lastIndex = resume - lo;
    }
  } catch {
    // never throw: return what was read
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Describing and comparing.

function describeTerm(imp: NonNullable<Penalty['imprisonment']>): string {
  const { minMonths: mn, maxMonths: mx } = imp;
  let s: string;
  if (mn !== null && mx !== null) {
    if (mn === mx) s = formatMonths(mx);
    else if (mn % 12 === 0 && mx % 12 === 0) s = `${mn / 12} to ${mx / 12} years`;
    else if (mx < 12 && Number.isInteger(mn) && Number.isInteger(mx)) s = `${mn} to ${mx} months`;
    else s = `${formatMonths(mn)} to ${formatMonths(mx)}`;
  } else if (mx !== null) s = `up to ${formatMonths(mx)}`;
  else if (mn !== null) s = `at least ${formatMonths(mn)}`;
  else s = 'imprisonment';
  if (imp.kind === 'rigorous') s += ' (rigorous)';
  else if (imp.kind === 'simple') s += ' (simple)';
  return s;
}

function describeFine(f: NonNullable<Penalty['fine']>): string {
  if (f.min !== null && f.max !== null) {
    if (f.min === f.max) return `fine of ${formatRupees(f.max)}`;
    return `fine of ${formatRupees(f.min)} to ${formatRupees(f.max)}`;
  }
  if (f.max !== null) return `fine up to ${formatRupees(f.max)}`;
  if (f.min !== null) return `fine of at least ${formatRupees(f.min)}`;
  return 'fine';
}

/** "death or imprisonment for life or 7 to 14 years (rigorous), and fine", "up to 7 years, and fine up to Rs 1,000,000",
 *  "up to 1 year, or fine, or both", "fine up to Rs 50,000". */
export function describePenalty(p: Penalty): string {
  try {
    const parts: string[] = [];
    if (p.death) parts.push('death');
    if (p.life) parts.push('imprisonment for life');
    if (p.imprisonment) parts.push(describeTerm(p.imprisonment));
    const custodial = parts.join(' or ');
    const fine = p.fine ? describeFine(p.fine) : '';
    if (!custodial) return fine || 'no punishment stated';
    if (!fine) return custodial;
    return p.fineAlone ? `${custodial}, or ${fine}, or both` : `${custodial}, and ${fine}`;
  } catch {
    return 'unreadable penalty';
  }
}

function termText(m: number | null): string {
  return m === null ? 'none' : formatMonths(m);
}

/** Which figures differ: death, imprisonment for life, maximum term, minimum term, fine alone. [] when equal.
 *  Fine amounts are not compared (the checks compare terms, life, death and fine-in-lieu). */
export function penaltyDifferences(a: Penalty, b: Penalty): string[] {
  const out: string[] = [];
  try {
    const yn = (x: boolean): string => (x ? 'yes' : 'no');
    if (a.death !== b.death) out.push(`death: ${yn(a.death)} vs ${yn(b.death)}`);
    if (a.life !== b.life) out.push(`imprisonment for life: ${yn(a.life)} vs ${yn(b.life)}`);
    const amax = a.imprisonment?.maxMonths ?? null;
    const bmax = b.imprisonment?.maxMonths ?? null;
    if (amax !== bmax) out.push(`maximum term: ${termText(amax)} vs ${termText(bmax)}`);
    const amin = a.imprisonment?.minMonths ?? null;
    const bmin = b.imprisonment?.minMonths ?? null;
    if (amin !== bmin) out.push(`minimum term: ${termText(amin)} vs ${termText(bmin)}`);
    if (a.fineAlone !== b.fineAlone) {
      const al = (x: boolean): string => (x ? 'allowed' : 'not allowed');
      out.push(`fine alone: ${al(a.fineAlone)} vs ${al(b.fineAlone)}`);
    }
  } catch {
    // never throw
  }
  return out;
}

function severityKey(p: Penalty): number[] {
  const imp = p.imprisonment;
  const maxTerm = p.life ? Infinity : imp ? imp.maxMonths ?? imp.minMonths ?? 0 : 0;
  // The least the court may impose: nothing custodial when a fine alone is allowed.
  let minTerm = 0;
  if (!p.fineAlone) {
    if (imp) minTerm = imp.minMonths ?? 0;
    else if (p.life) minTerm = Infinity;
    else if (p.death) minTerm = Infinity;
  }
  return [
    p.death ? 1 : 0,
    p.life ? 1 : 0,
    maxTerm,
    minTerm,
    p.fineAlone ? 0 : 1,
    p.fine?.max ?? (p.fine ? 0 : -1),
    p.fine?.min ?? 0,
  ];
}

/** Severity order (death > life > longer maximum > longer minimum > no fine alone > larger fine): positive when a is more severe. */
export function comparePenaltySeverity(a: Penalty, b: Penalty): number {
  try {
    const ka = severityKey(a);
    const kb = severityKey(b);
    for (let n = 0; n < ka.length; n++) {
      if (ka[n] === kb[n]) continue;
      return ka[n] > kb[n] ? 1 : -1;
    }
  } catch {
    // never throw
  }
  return 0;
}
