// Age thresholds in definitions of child or minor, and ages that an offence sets on the spot.
//
// An age phrase states an upper limit ("under N"), read from:
//   under / below [the (full) age of] N [years] [of age|old]            → under N
//   less than / younger than N …                                         → under N
//   who has not attained / not completed / not reached / not yet attained / yet to attain
//     [the (full) age of] N …                                            → under N
//   up to the age of N                                                   → under N (Bangladesh style)
//   not more than / not above / not exceeding / not older than N years [of age] → under N + 1
//   N years [of age] or under / or younger / or less / or below          → under N + 1
// Not read: thresholds from below ("has attained eighteen years", "over eighteen", "not under
// eighteen", "not less than eighteen"), ages in months, and numbers that are not ages ("under
// section 18", "under 18 U.S.C.", "less than 100,000 rupees"). An age counts only from 1 to 30.
//
// Sex: an age takes the sex word nearest before it since the previous age ("if a male, under 18";
// "a boy under 18 or a girl under 16"; "in the case of a female, a person under sixteen"), else one
// right after it ("under fourteen years of age if a male"); "male or female", "either sex" mean any.
//
// Not an age: "which shall not be less than two years", "imprisonment for a term less than two
// years" (a term of imprisonment is spoken of just before).
//
// Pure, never throws, linear: one regular-expression pass finds the words that begin an age phrase
// (under, below, less than, not attained, …); only the text around them (160 characters before,
// 200 after) is tokenised, and every pattern looks a bounded number of tokens ahead.

import type { Span } from '../model/types';
import { readPlainNumber } from './figures';

export interface AgeThreshold {
  sex: 'any' | 'male' | 'female';
  under: number;
  /** The age phrase ("under eighteen years of age", "who has not attained the age of eighteen years"). */
  span: Span;
}

interface Tok {
  /** Lower-cased word, digits, or one punctuation character. */
  w: string;
  s: number;
  e: number;
  kind: 'word' | 'num' | 'punct';
}

/** A cap on the tokens of one region (a definition or a provision is far smaller). */
const MAX_TOKENS = 5_000_000;

function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function tokenize(text: string, start: number, end: number): Tok[] {
  const toks: Tok[] = [];
  let i = start;
  while (i < end && toks.length < MAX_TOKENS) {
    const c = text.charCodeAt(i);
    if (isAlpha(c)) {
      let j = i + 1;
      while (j < end && isAlpha(text.charCodeAt(j))) j++;
      toks.push({ w: text.slice(i, j).toLowerCase(), s: i, e: j, kind: 'word' });
      i = j;
    } else if (isDigit(c)) {
      let j = i + 1;
      while (j < end && isDigit(text.charCodeAt(j))) j++;
      toks.push({ w: text.slice(i, j), s: i, e: j, kind: 'num' });
      i = j;
    } else if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 42 /* * */ || c === 95 /* _ */ || c === 62 /* > */) {
      i++;
    } else if (c === 45 /* - */ && i + 1 < end && isAlpha(text.charCodeAt(i + 1)) && i > start && isAlpha(text.charCodeAt(i - 1))) {
      // "twenty-one": keep as separate word tokens, no punctuation between.
      i++;
    } else {
      toks.push({ w: text[i], s: i, e: i + 1, kind: 'punct' });
      i++;
    }
  }
  return toks;
}

const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'twentyone',
]);

/** After a bare number: the words that may follow an age written without "years". */
const AFTER_BARE_AGE = new Set(['or', 'and', 'who', 'if', 'in', 'for', 'at', 'whether', 'shall', 'is', 'are', 'being', 'but', 'as', 'nor', 'which', 'that', 'unless', 'except']);

/** Words that make a following "less than two years" a term, not an age. */
const TERM_WORDS = new Set(['imprisonment', 'imprisoned', 'extend', 'extending', 'extends', 'custody', 'sentence', 'sentenced', 'detention']);

const CLAUSE_STOPS = new Set([
  ',', ';', ':', '.', 'if', 'where', 'when', 'who', 'whom', 'whose', 'victim', 'child', 'person', 'girl', 'boy', 'woman', 'minor', 'man',
]);

interface Match {
  under: number;
  s: number;
  e: number;
  /** Token index of the first and one past the last token of the phrase. */
  ti: number;
  tj: number;
  /** +1 when the phrase states an inclusive limit ("not more than seventeen"). */
  plusOne: boolean;
}

class Reader {
  constructor(
    private text: string,
    private toks: Tok[],
    private end: number,
  ) {}

  w(k: number): string | undefined {
    return this.toks[k]?.w;
  }

  /** Index of the first token at or after offset, searching forward from k (bounded). */
  tokAt(k: number, offset: number): number {
    let n = k;
    for (let step = 0; step < 64 && n < this.toks.length && this.toks[n].s < offset; step++) n++;
    return n;
  }

  /** Words from k: returns the index after them, or -1. */
  seq(k: number, words: readonly string[]): number {
    let n = k;
    for (const w of words) {
      if (this.w(n) !== w) return -1;
      n++;
    }
    return n;
  }

  /** Optional "the" "full" "age" "of" before the number. Returns the new index and whether "age" was said. */
  ageOf(k: number): { k: number; age: boolean } {
    let n = k;
    if (this.w(n) === 'the') n++;
    if (this.w(n) === 'full' || this.w(n) === 'apparent') n++;
    if (this.w(n) === 'age') {
      n++;
      if (this.w(n) === 'of') n++;
      return { k: n, age: true };
    }
    return { k, age: false };
  }

  /**
   * The number at token k and the age tail after it: "(18)", "years", "of age", "old".
   * Returns undefined when it is not an age.
   */
  number(k: number, ageSaid: boolean): { value: number; e: number; tj: number; years: boolean; ofAge: boolean } | undefined {
    const t = this.toks[k];
    if (!t) return undefined;
    if (t.kind === 'num') {
      /* ok */
    } else if (t.kind === 'word') {
      if (!NUMBER_WORDS.has(t.w) && !t.w.startsWith('twenty')) return undefined;
    } else return undefined;
    const n = readPlainNumber(this.text, t.s, this.end);
    if (!n) return undefined;
    const value = n.value;
    let tj = this.tokAt(k, n.end);
    let e = n.end;
    // "eighteen (18) years"
    if (this.w(tj) === '(') {
      // "eighteen (18) years", "18 (eighteen) years", "twenty-one (21)"
      for (let q = tj + 1; q < tj + 5; q++) {
        const tq = this.toks[q];
        if (!tq) break;
        if (tq.w === ')') {
          if (q > tj + 1) {
            e = tq.e;
            tj = q + 1;
          }
          break;
        }
        if (!(tq.kind === 'num' || NUMBER_WORDS.has(tq.w) || tq.w.startsWith('twenty'))) break;
      }
    }
    let years = false;
    const u = this.w(tj);
    if (u === 'years' || u === 'year' || u === 'yrs') {
      years = true;
      e = this.toks[tj].e;
      tj++;
      if (this.w(tj) === '.' && u === 'yrs') {
        e = this.toks[tj].e;
        tj++;
      }
    } else if (u === 'months' || u === 'month' || u === 'days' || u === 'weeks' || u === 'day' || u === 'week') {
      return undefined;
    }
    let ageAfter = false;
    if (this.w(tj) === 'of' && this.w(tj + 1) === 'age') {
      ageAfter = true;
      e = this.toks[tj + 1].e;
      tj += 2;
    } else if (years && this.w(tj) === 'old') {
      ageAfter = true;
      e = this.toks[tj].e;
      tj++;
    }
    if (!(value >= 1 && value <= 30) || !Number.isInteger(value)) return undefined;
    if (!years && !ageAfter && !ageSaid) {
      // A bare number: an age only when the phrase ends there ("a boy under 18 or a girl under 16").
      const nx = this.toks[tj];
      if (nx && !(nx.kind === 'punct' && nx.w !== '(' && nx.w !== '/') && !AFTER_BARE_AGE.has(nx.w)) return undefined;
      if (nx && nx.kind === 'punct' && (nx.w === '.' || nx.w === ',') && this.toks[tj + 1]?.kind === 'num' && this.toks[tj + 1].s === nx.e) return undefined; // "18.5", "1,000"
    }
    return { value, e, tj, years: years || ageAfter, ofAge: ageAfter };
  }

  /** Whether the words before token k speak of a term of imprisonment ("which shall not be less than two years"). */
  termContext(k: number): boolean {
    if (this.w(k - 1) === 'be' && this.w(k - 2) === 'not') return true;
    for (let n = k - 1; n >= 0 && n >= k - 8; n--) {
      const w = this.w(n);
      if (w === undefined || CLAUSE_STOPS.has(w)) break; // "imprisonment for life if the victim is under …"
      if (TERM_WORDS.has(w)) return true;
    }
    return false;
  }

  /** An age phrase starting at token k. */
  matchAt(k: number): Match | undefined {
    const m = this.matchAt0(k);
    if (m && this.termContext(m.ti)) return undefined;
    return m;
  }

  matchAt0(k: number): Match | undefined {
    const t = this.toks[k];
    if (!t || t.kind === 'punct') return undefined;
    const prev = this.w(k - 1);
    const w = t.w;
    // under / below / beneath
    if (w === 'under' || w === 'below' || w === 'beneath') {
      if (prev === 'not') return undefined; // "not under eighteen" (a threshold from below)
      const a = this.ageOf(k + 1);
      const n = this.number(a.k, a.age);
      if (!n) return undefined;
      return { under: n.value, s: t.s, e: n.e, ti: k, tj: n.tj, plusOne: false };
    }
    // less / younger / lower than
    if ((w === 'less' || w === 'younger' || w === 'lower') && this.w(k + 1) === 'than') {
      if (prev === 'not' || prev === 'no') return undefined;
      const a = this.ageOf(k + 2);
      const n = this.number(a.k, a.age);
      if (!n) return undefined;
      return { under: n.value, s: t.s, e: n.e, ti: k, tj: n.tj, plusOne: false };
    }
    // up to the age of N
    if ((w === 'up' && this.w(k + 1) === 'to') || w === 'upto') {
      const k2 = w === 'up' ? k + 2 : k + 1;
      const a = this.ageOf(k2);
      if (!a.age) return undefined;
      const n = this.number(a.k, true);
      if (!n) return undefined;
      return { under: n.value, s: t.s, e: n.e, ti: k, tj: n.tj, plusOne: false };
    }
    // not attained / not completed / not reached / not yet attained; yet to attain
    if (w === 'not' || w === 'yet') {
      let n0 = k + 1;
      if (w === 'not' && this.w(n0) === 'yet') n0++;
      if (w === 'yet') {
        if (this.w(n0) !== 'to') return undefined;
        n0++;
      }
      const verb = this.w(n0);
      if (verb && ['attained', 'completed', 'reached', 'attain', 'complete', 'reach', 'achieved'].includes(verb)) {
        // "has not completed his fourteenth year (of age)": an ordinal year.
        let o = n0 + 1;
        if (['his', 'her', 'their', 'its', 'the'].includes(this.w(o) ?? '')) o++;
        const ord = ORDINALS.get(this.w(o) ?? '');
        if (ord !== undefined && this.w(o + 1) === 'year') {
          let tj = o + 2;
          if (this.w(tj) === 'of' && this.w(tj + 1) === 'age') tj += 2;
          return { under: ord, s: t.s, e: this.toks[tj - 1]!.e, ti: k, tj, plusOne: false };
        }
        const a = this.ageOf(n0 + 1);
        const n = this.number(a.k, true);
        if (!n) return undefined;
        return { under: n.value, s: t.s, e: n.e, ti: k, tj: n.tj, plusOne: false };
      }
      // not more than / not above / not exceeding / not older than N years [of age]
      if (w === 'not') {
        let n1 = -1;
        if ((verb === 'more' || verb === 'older') && this.w(k + 2) === 'than') n1 = k + 3;
        else if (verb === 'above' || verb === 'exceeding' || verb === 'over') n1 = k + 2;
        if (n1 >= 0) {
          const a = this.ageOf(n1);
          const n = this.number(a.k, a.age);
          if (!n || !(n.ofAge || a.age)) return undefined; // "not more than seven years" is a term
          return { under: n.value + 1, s: t.s, e: n.e, ti: k, tj: n.tj, plusOne: true };
        }
      }
      return undefined;
    }
    // N years [of age] or under / or younger / or less / or below; "aged N or under"
    if (t.kind === 'num' || NUMBER_WORDS.has(w) || w.startsWith('twenty')) {
      const n = this.number(k, false);
      if (!n) return undefined;
      if (this.w(n.tj) === 'or' && ['under', 'younger', 'less', 'below'].includes(this.w(n.tj + 1) ?? '')) {
        if (!n.years && prev !== 'aged' && prev !== 'age') return undefined;
        const s = prev === 'aged' ? this.toks[k - 1].s : t.s;
        const tj = n.tj + 2;
        return { under: n.value + 1, s, e: this.toks[tj - 1].e, ti: prev === 'aged' ? k - 1 : k, tj, plusOne: true };
      }
      return undefined;
    }
    return undefined;
  }

  /** All age phrases, in order, with continuations ("under 18 years for boys and 16 years for girls"). */
  all(): Match[] {
    const out: Match[] = [];
    let k = 0;
    while (k < this.toks.length) {
      const m = this.matchAt(k);
      if (!m) {
        k++;
        continue;
      }
      out.push(m);
      k = m.tj;
      // Continuations: [,] and|or [,] N years … followed by a sex word.
      for (let c = 0; c < 3; c++) {
        let n = k;
        const sfx = this.sexAfter(n);
        if (sfx) n = sfx.tj;
        if (this.w(n) === ',') n++;
        if (this.w(n) === 'and' || this.w(n) === 'or') n++;
        else break;
        if (this.w(n) === ',') n++;
        const num = this.number(n, false);
        if (!num || !num.years) break;
        if (!this.sexAfter(num.tj)) break;
        const tokS = this.toks[n];
        out.push({ under: num.value + (m.plusOne ? 1 : 0), s: tokS.s, e: num.e, ti: n, tj: num.tj, plusOne: m.plusOne });
        k = num.tj;
      }
    }
    return out;
  }

  /** A sex word that follows an age: "if a male", ", if a female", "in the case of a male", "for boys", "(female)". */
  sexAfter(k: number): { sex: 'male' | 'female'; ti: number; tj: number; at: number } | undefined {
    let n = k;
    if (this.w(n) === ',') n++;
    let m = -1;
    for (const p of [
      ['if', 'a'], ['if', 'an'], ['if'], ['if', 'he', 'is', 'a'], ['if', 'she', 'is', 'a'], ['in', 'the', 'case', 'of', 'a'],
      ['in', 'the', 'case', 'of'], ['for', 'a'], ['for'], ['being', 'a'], ['('], ['in', 'respect', 'of', 'a'],
    ]) {
      const e = this.seq(n, p);
      if (e >= 0 && sexOf(this.w(e)) !== undefined) {
        m = e;
        break;
      }
    }
    if (m < 0) return undefined;
    const sex = sexOf(this.w(m));
    if (!sex || sex === 'any') return undefined;
    // "for boys and girls" is not a split.
    const nx = this.w(m + 1);
    if ((nx === 'or' || nx === 'and') && sexOf(this.w(m + 2)) !== undefined) return undefined;
    let tj = m + 1;
    if (this.w(tj) === ')') tj++;
    return { sex, ti: n, tj, at: m };
  }
}

function sexOf(w: string | undefined): 'male' | 'female' | 'any' | undefined {
  if (w === undefined) return undefined;
  if (w === 'male' || w === 'males' || w === 'boy' || w === 'boys' || w === 'man' || w === 'men') return 'male';
  if (w === 'female' || w === 'females' || w === 'girl' || w === 'girls' || w === 'woman' || w === 'women') return 'female';
  return undefined;
}

/** Ordinal years: "his fourteenth year". */
const ORDINALS = new Map<string, number>(
  ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth']
    .map((w, i) => [w, i + 1] as [string, number])
    .concat([['twenty-first', 21], ['21st', 21], ['14th', 14], ['15th', 15], ['16th', 16], ['18th', 18], ['12th', 12]]),
);

interface Marker {
  sex: 'male' | 'female' | 'any';
  ti: number;
  tj: number;
}

/** Sex words in the region: "male", "girl", "male or female" (any), "either sex" (any). */
function markers(r: Reader, toks: Tok[]): Marker[] {
  const out: Marker[] = [];
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k].w;
    const s = sexOf(w);
    if (s && s !== 'any') {
      const nx = toks[k + 1]?.w;
      const s2 = sexOf(toks[k + 2]?.w);
      if ((nx === 'or' || nx === 'and' || nx === '/') && s2 && s2 !== s) {
        out.push({ sex: 'any', ti: k, tj: k + 3 });
        k += 2;
        continue;
      }
      out.push({ sex: s, ti: k, tj: k + 1 });
      continue;
    }
    if ((w === 'either' || w === 'any' || w === 'both') && ['sex', 'sexes', 'gender', 'genders'].includes(toks[k + 1]?.w ?? '')) {
      out.push({ sex: 'any', ti: k, tj: k + 2 });
      k++;
      continue;
    }
    if (w === 'irrespective' && r.w(k + 1) === 'of' && ['sex', 'gender'].includes(r.w(k + 2) ?? '')) {
      out.push({ sex: 'any', ti: k, tj: k + 3 });
      k += 2;
    }
  }
  return out;
}

function bounds(text: string, start?: number, end?: number): [number, number] {
  const lo = Math.max(0, Math.min(text.length, start !== undefined && Number.isFinite(start) ? Math.floor(start) : 0));
  const hi = Math.max(lo, Math.min(text.length, end !== undefined && Number.isFinite(end) ? Math.floor(end) : text.length));
  return [lo, hi];
}

/** How many tokens before an age a sex word may stand and still qualify it. */
const PREFIX_REACH = 10;

/** Words that begin every age phrase; only the text around them is tokenised. */
const ANCHOR =
  /\b(?:under|below|beneath|(?:less|younger|lower)\s{1,5}than|up\s{1,5}to|upto|not\s{1,5}(?:yet\s{1,5})?(?:attained|completed|reached|attain|complete|reach|achieved|more|older|above|exceeding|over)|yet\s{1,5}to)\b/gi;
/** Characters of context kept before and after an anchor (sex words before an age, "if a female" after it). */
const BEFORE = 160;
const AFTER = 200;

/** The parts of text[lo, hi) worth tokenising: windows around the anchors, merged when they overlap. */
function windows(text: string, lo: number, hi: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const slice = text.slice(lo, hi);
  const re = new RegExp(ANCHOR.source, 'gi');
  let cur: [number, number] | null = null;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    const a = lo + m.index;
    const s = Math.max(lo, a - BEFORE);
    const e = Math.min(hi, a + m[0].length + AFTER);
    if (cur && s <= cur[1]) cur[1] = e;
    else {
      if (cur) out.push(cur);
      cur = [s, e];
    }
  }
  if (cur) out.push(cur);
  // Do not cut a word in two.
  for (const w of out) {
    for (let n = 0; n < 40 && w[0] > lo && isAlnum(text.charCodeAt(w[0] - 1)) && isAlnum(text.charCodeAt(w[0])); n++) w[0]++;
    for (let n = 0; n < 40 && w[1] < hi && isAlnum(text.charCodeAt(w[1] - 1)) && isAlnum(text.charCodeAt(w[1])); n++) w[1]++;
  }
  return out;
}

function isAlnum(c: number): boolean {
  return isAlpha(c) || isDigit(c);
}

/** Age thresholds stated in the text of a definition of child or minor (text[start, end)). */
export function readAgeThresholds(text: string, start?: number, end?: number): AgeThreshold[] {
  const out: AgeThreshold[] = [];
  try {
    if (typeof text !== 'string') return out;
    const [lo, hi] = bounds(text, start, end);
    for (const [ws, we] of windows(text, lo, hi)) {
      const toks = tokenize(text, ws, we);
      const r = new Reader(text, toks, we);
      const ages = r.all();
      if (!ages.length) continue;
      const marks = markers(r, toks);
      const used = new Set<number>(); // token index of a sex word consumed by a suffix ("… if a male")
      let prevEnd = 0;
      let p = 0; // first marker that ends after the current age's start
      for (const m of ages) {
        while (p < marks.length && marks[p].tj <= m.ti) p++;
        let sex: 'male' | 'female' | 'any' | undefined;
        // A sex word just before the age, since the previous age.
        for (let q = p - 1; q >= 0; q--) {
          const mk = marks[q];
          if (mk.ti < prevEnd) break;
          if (used.has(mk.ti)) continue;
          if (m.ti - mk.tj <= PREFIX_REACH) sex = mk.sex;
          break;
        }
        if (sex === undefined) {
          const sfx = r.sexAfter(m.tj);
          if (sfx) {
            sex = sfx.sex;
            used.add(sfx.at);
          }
        }
        out.push({ sex: sex ?? 'any', under: m.under, span: { start: m.s, end: m.e } });
        prevEnd = m.tj;
      }
    }
  } catch {
    // never throw
  }
  return out;
}

/** Ages set on the spot in an offence ("a child under the age of twelve years", "a person under the age of
 *  fourteen"): the age phrases' spans, so that checks can tell a qualified use of a term from a bare one. */
export function findQualifyingAges(text: string, start?: number, end?: number): Array<{ under: number; span: Span }> {
  const out: Array<{ under: number; span: Span }> = [];
  try {
    if (typeof text !== 'string') return out;
    const [lo, hi] = bounds(text, start, end);
    for (const [ws, we] of windows(text, lo, hi)) {
      const r = new Reader(text, tokenize(text, ws, we), we);
      for (const m of r.all()) out.push({ under: m.under, span: { start: m.s, end: m.e } });
    }
  } catch {
    // never throw
  }
  return out;
}
