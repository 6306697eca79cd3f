// Numbers in words and figures, amounts of money and durations, as statutes write them.
//
// Every reader starts at a position, skips leading whitespace, and reads one phrase: it returns
// the value and the offset just past the phrase, or undefined. All readers are pure, never throw,
// and do a bounded amount of work per call (every loop has a fixed cap), so callers may invoke
// them at many positions of a large text.

/** How far a reader skips leading whitespace before giving up. */
const MAX_LEADING_WS = 200;
/** The longest run of letters read as one word. */
const MAX_WORD = 32;
/** The most words in one number phrase ("one hundred and twenty-five thousand ..."). */
const MAX_NUMBER_WORDS = 16;

const UNIT_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALE_WORDS: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  lakh: 1e5, lakhs: 1e5, lac: 1e5, lacs: 1e5,
  million: 1e6, millions: 1e6,
  crore: 1e7, crores: 1e7,
  billion: 1e9, billions: 1e9,
};

function has(o: Record<string, number>, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f;
}

/** Skips whitespace from i (at most MAX_LEADING_WS characters); also a Markdown block-quote `>` at a line start. */
export function skipSpaces(text: string, i: number, limit = text.length): number {
  const stop = Math.min(limit, i + MAX_LEADING_WS);
  let sawNewline = false;
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 10) sawNewline = true;
      i++;
    } else if (c === 62 /* > */ && sawNewline) {
      i++;
    } else break;
  }
  return i;
}

/** The run of ASCII letters at i (lower-cased), if any, and not preceded by a letter or digit. */
export function wordAt(text: string, i: number, limit = text.length): { w: string; end: number } | undefined {
  if (i < 0 || i >= limit) return undefined;
  if (!isLetter(text.charCodeAt(i))) return undefined;
  if (i > 0) {
    const p = text.charCodeAt(i - 1);
    if (isLetter(p) || isDigit(p)) return undefined;
  }
  let j = i;
  const stop = Math.min(limit, i + MAX_WORD + 1);
  while (j < stop && isLetter(text.charCodeAt(j))) j++;
  if (j < limit && isLetter(text.charCodeAt(j))) return undefined; // too long to be a word we know
  if (j < limit && isDigit(text.charCodeAt(j))) return undefined;
  return { w: text.slice(i, j).toLowerCase(), end: j };
}

type NumWord =
  | { kind: 'unit' | 'tens'; value: number; end: number }
  | { kind: 'compound'; value: number; end: number }
  | { kind: 'scale'; value: number; end: number }
  | { kind: 'and'; end: number }
  | { kind: 'article'; end: number };

/** One number word at i: "seven", "twenty", "twentyfive" (OCR), "hundred", "lakh", "and", "a". */
function numWordAt(text: string, i: number, limit: number): NumWord | undefined {
  const wa = wordAt(text, i, limit);
  if (!wa) return undefined;
  const w = wa.w;
  if (has(UNIT_WORDS, w)) return { kind: 'unit', value: UNIT_WORDS[w], end: wa.end };
  if (has(TENS_WORDS, w)) return { kind: 'tens', value: TENS_WORDS[w], end: wa.end };
  if (has(SCALE_WORDS, w)) return { kind: 'scale', value: SCALE_WORDS[w], end: wa.end };
  if (w === 'and') return { kind: 'and', end: wa.end };
  if (w === 'a' || w === 'an') return { kind: 'article', end: wa.end };
  // "twentyfive", "twentyone": OCR drops the hyphen.
  for (const t of Object.keys(TENS_WORDS)) {
    if (w.length > t.length && w.startsWith(t)) {
      const rest = w.slice(t.length);
      if (has(UNIT_WORDS, rest) && UNIT_WORDS[rest] >= 1 && UNIT_WORDS[rest] <= 9) {
        return { kind: 'compound', value: TENS_WORDS[t] + UNIT_WORDS[rest], end: wa.end };
      }
    }
  }
  return undefined;
}

/** Skips the separator between two number words: spaces, or one hyphen or dash with optional spaces. */
function skipNumberSeparator(text: string, i: number, limit: number): number {
  let j = i;
  let n = 0;
  while (j < limit && n < 8 && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13)) {
    j++;
    n++;
  }
  const c = text.charCodeAt(j);
  if (j < limit && (c === 45 /* - */ || c === 0x2010 || c === 0x2011 || c === 0x2013)) {
    j++;
    let m = 0;
    while (j < limit && m < 4 && text.charCodeAt(j) === 32) {
      j++;
      m++;
    }
  }
  return j;
}

/** A number in words: "one hundred and fifty", "two hundred thousand", "five lakh", "twenty-one". */
function readWordsNumber(text: string, pos: number, limit: number): { value: number; end: number } | undefined {
  let total = 0;
  let current = 0;
  let topScale = 0; // the largest scale folded into `total`
  let any = false;
  let end = pos;
  let i = pos;
  let last: 'none' | 'unit' | 'teen' | 'tens' | 'compound' | 'hundred' | 'scale' | 'article' = 'none';
  for (let step = 0; step < MAX_NUMBER_WORDS; step++) {
    const nw = numWordAt(text, i, limit);
    if (!nw) break;
    if (nw.kind === 'article') {
      // "a hundred", "a million": only first, and only before a scale word.
      if (any) break;
      const nx = numWordAt(text, skipNumberSeparator(text, nw.end, limit), limit);
      if (!nx || nx.kind !== 'scale') break;
      current = 1;
      last = 'article';
      i = skipNumberSeparator(text, nw.end, limit);
      continue;
    }
    if (nw.kind === 'and') {
      // Only "hundred and fifty", "thousand and one": after a scale word, before a word under 100.
      if (!any || (last !== 'hundred' && last !== 'scale')) break;
      const j = skipNumberSeparator(text, nw.end, limit);
      const nx = numWordAt(text, j, limit);
      if (!nx || (nx.kind !== 'unit' && nx.kind !== 'tens' && nx.kind !== 'compound')) break;
      i = j;
      continue;
    }
    if (nw.kind === 'unit') {
      if (last === 'unit' || last === 'teen' || last === 'compound') break;
      if (last === 'tens' && nw.value >= 10) break;
      if (last === 'tens' && nw.value === 0) break;
      current += nw.value;
      last = nw.value >= 10 ? 'teen' : 'unit';
    } else if (nw.kind === 'tens' || nw.kind === 'compound') {
      if (last === 'unit' || last === 'teen' || last === 'tens' || last === 'compound') break;
      current += nw.value;
      last = nw.kind;
    } else if (nw.kind === 'scale') {
      if (!any && last !== 'article') break;
      if (nw.value === 100) {
        if (last === 'hundred') break;
        current = (current === 0 ? 1 : current) * 100;
        last = 'hundred';
      } else {
        const base = current === 0 && total === 0 ? 1 : current;
        if (nw.value > topScale) {
          total = (total + base) * nw.value;
          topScale = nw.value;
        } else {
          if (current === 0) break; // "thousand thousand"
          total += current * nw.value;
        }
        current = 0;
        last = 'scale';
      }
    }
    any = true;
    end = nw.end;
    i = skipNumberSeparator(text, nw.end, limit);
  }
  if (!any) return undefined;
  return { value: total + current, end };
}

/** A number in figures: "18", "1,000,000", "10,00,000", "1.5", "250,000.00". */
function readDigits(text: string, pos: number, limit: number, checkPrev = true): { value: number; end: number } | undefined {
  let i = pos;
  if (i >= limit || !isDigit(text.charCodeAt(i))) return undefined;
  if (checkPrev && i > 0) {
    // Digits glued to a word ("A3", "s16") are not numbers; a currency prefix ("Rs500", "N250,000") is read before.
    const p = text.charCodeAt(i - 1);
    if (isDigit(p) || isLetter(p)) return undefined;
  }
  let digits = '';
  const stop = Math.min(limit, i + 15);
  while (i < stop && isDigit(text.charCodeAt(i))) digits += text[i++];
  if (i < limit && isDigit(text.charCodeAt(i))) return undefined; // absurdly long
  // Thousands separators: ",000" groups, or Indian ",00" groups that lead to a ",000".
  for (let g = 0; g < 6; g++) {
    if (text.charCodeAt(i) !== 44 /* , */) break;
    const d1 = isDigit(text.charCodeAt(i + 1)) && i + 1 < limit;
    const d2 = isDigit(text.charCodeAt(i + 2)) && i + 2 < limit;
    const d3 = isDigit(text.charCodeAt(i + 3)) && i + 3 < limit;
    const d4 = isDigit(text.charCodeAt(i + 4)) && i + 4 < limit;
    if (d1 && d2 && d3 && !d4) {
      digits += text.slice(i + 1, i + 4);
      i += 4;
    } else if (d1 && d2 && !d3 && text.charCodeAt(i + 3) === 44 && i + 3 < limit) {
      digits += text.slice(i + 1, i + 3);
      i += 3;
    } else break;
  }
  let value = Number(digits);
  // Decimal part: "1.5", "250,000.00".
  if (text.charCodeAt(i) === 46 /* . */ && i + 1 < limit && isDigit(text.charCodeAt(i + 1))) {
    let j = i + 1;
    let frac = '';
    while (j < limit && j < i + 8 && isDigit(text.charCodeAt(j))) frac += text[j++];
    if (!(j < limit && isDigit(text.charCodeAt(j)))) {
      value = Number(digits + '.' + frac);
      i = j;
    }
  }
  if (i < limit && isLetter(text.charCodeAt(i))) return undefined; // "18th", "3A"
  if (!Number.isFinite(value)) return undefined;
  return { value, end: i };
}

/** "Rs.", "Rs", "PKR", "rupees", "Tk.", "taka", "KSh", "N" (before digits), "₹", "£" ... at i: the end of the prefix. */
function readCurrencyPrefix(text: string, i: number, limit: number): number {
  if (i >= limit) return -1;
  const c = text[i];
  if (c === '₹' || c === '₦' || c === '£' || c === '$' || c === '€' || c === '৳') {
    return skipSpaces(text, i + 1, limit);
  }
  // "N250,000.00" (naira) and "US$".
  if (c === 'N' && isDigit(text.charCodeAt(i + 1)) && (i === 0 || !isLetter(text.charCodeAt(i - 1)))) return i + 1;
  if (text.startsWith('US$', i)) return skipSpaces(text, i + 3, limit);
  const wa = wordAt(text, i, limit);
  if (!wa) {
    // A letter word glued to digits: "Rs500", "Tk5000", "KSh500".
    const m = /^(Rs|Re|PKR|INR|Tk|BDT|KSh|Kshs|KES|UGX|USh|Shs|LKR|NGN)(?=\d)/i.exec(text.slice(i, Math.min(limit, i + 6)));
    if (m && (i === 0 || !isLetter(text.charCodeAt(i - 1)))) return i + m[1].length;
    return -1;
  }
  const w = wa.w;
  const abbrev = ['rs', 're', 'pkr', 'inr', 'tk', 'bdt', 'ksh', 'kshs', 'kes', 'ugx', 'ush', 'shs', 'lkr', 'ngn', 'slrs'];
  const words = ['rupees', 'rupee', 'taka', 'naira'];
  if (!abbrev.includes(w) && !words.includes(w)) return -1;
  let j = wa.end;
  if (abbrev.includes(w)) {
    if (text[j] === '.') j++;
    if (text[j] === ':') j++;
  }
  return skipSpaces(text, j, limit);
}

/** "rupees", "taka", "shillings", "currency points", "/-", "only" after an amount: the end past it, or -1. */
function readCurrencySuffix(text: string, i: number, limit: number): number {
  const j = skipSpaces(text, i, limit);
  const wa = wordAt(text, j, limit);
  if (!wa) return -1;
  const w = wa.w;
  if (['rupees', 'rupee', 'taka', 'naira', 'shillings', 'shilling', 'pounds', 'dollars', 'euros', 'rs'].includes(w)) {
    let e = wa.end;
    if (w === 'rs' && text[e] === '.') e++;
    return e;
  }
  if (w === 'currency') {
    const k = skipSpaces(text, wa.end, limit);
    const p = wordAt(text, k, limit);
    if (p && (p.w === 'points' || p.w === 'point')) return p.end;
  }
  return -1;
}

/** A "/-" or "/=" after a figure. */
function skipSlashDash(text: string, i: number, limit: number): number {
  if (i + 1 < limit && text[i] === '/' && (text[i + 1] === '-' || text[i + 1] === '=')) return i + 2;
  return i;
}

function roundValue(v: number): number {
  // Avoid 1.1 * 1e6 = 1100000.0000000002.
  if (Number.isInteger(v) || !Number.isFinite(v)) return v;
  const r = Number(v.toFixed(6));
  return Number.isFinite(r) ? r : v;
}

/** After a number, the same number in brackets ("seven (7)", "7 (seven)"): the index past it, else `pos`. */
function skipParenNumber(text: string, pos: number, limit: number): number {
  const k = skipSpaces(text, pos, limit);
  if (text[k] !== '(' || k - pos > 2) return pos;
  const from = skipSpaces(text, k + 1, limit);
  const inner = readDigits(text, from, limit) ?? readWordsNumber(text, from, limit);
  if (!inner) return pos;
  const close = skipSpaces(text, inner.end, limit);
  return text[close] === ')' ? close + 1 : pos;
}

function readNumberCore(text: string, pos: number, limit: number, currency: boolean): { value: number; end: number } | undefined {
  let i = skipSpaces(text, pos, limit);
  let prefixed = false;
  if (currency) {
    const p = readCurrencyPrefix(text, i, limit);
    if (p >= 0) {
      i = p;
      prefixed = true;
    }
  }
  const d = readDigits(text, i, limit, !prefixed);
  if (d) {
    let value = d.value;
    // "3 (three) lakh": the number repeated in words, in brackets.
    const afterDigits = skipParenNumber(text, d.end, limit);
    let end = skipSlashDash(text, afterDigits, limit);
    // "1.5 million", "5 lakh", "10 crore".
    if (end === afterDigits) {
      const j = skipSpaces(text, afterDigits, limit);
      const wa = wordAt(text, j, limit);
      if (wa && has(SCALE_WORDS, wa.w) && j - afterDigits <= 3) {
        value = value * SCALE_WORDS[wa.w];
        end = wa.end;
        // "1 million and 500 thousand" is not drafting style; stop here.
      }
    }
    return { value: roundValue(value), end: end === afterDigits && afterDigits !== d.end ? afterDigits : end };
  }
  const w = readWordsNumber(text, i, limit);
  if (w) return { value: w.value, end: skipSlashDash(text, w.end, limit) };
  return undefined;
}

/** "seven" → 7, "twenty-one" → 21, "one hundred and fifty" → 150, "two hundred thousand" → 200000,
 *  "five lakh" → 500000, "one crore" → 1e7, "1,000,000", "Rs. 1,000,000", "Rs.500,000/-",
 *  "rupees fifty thousand", "1.5 million", "18". A currency word or sign before the number is
 *  skipped; one after it is not part of the phrase (see readAmount). */
export function readNumber(text: string, pos: number): { value: number; end: number } | undefined {
  try {
    if (typeof text !== 'string' || !(pos >= 0)) return undefined;
    return readNumberCore(text, pos | 0, text.length, true);
  } catch {
    return undefined;
  }
}

/** A number without a currency prefix (what durations and ages use). */
export function readPlainNumber(text: string, pos: number, limit = text.length): { value: number; end: number } | undefined {
  try {
    if (typeof text !== 'string' || !(pos >= 0)) return undefined;
    return readNumberCore(text, pos | 0, Math.min(limit, text.length), false);
  } catch {
    return undefined;
  }
}

const UNIT_MONTHS: Record<string, number> = {
  year: 12, years: 12, yr: 12, yrs: 12,
  month: 1, months: 1,
  week: 7 / 30, weeks: 7 / 30,
  day: 1 / 30, days: 1 / 30,
};

/** A number of units: "seven years", "7 years", "seven (7) years", "a year", "two and a half years". */
function readDurationPart(text: string, pos: number, limit: number): { months: number; unit: number; end: number } | undefined {
  let i = skipSpaces(text, pos, limit);
  let n: number;
  let j: number;
  const art = wordAt(text, i, limit);
  if (art && (art.w === 'a' || art.w === 'an')) {
    n = 1;
    j = art.end;
  } else {
    const num = readNumberCore(text, i, limit, false);
    if (!num) return undefined;
    n = num.value;
    j = num.end;
    // "seven (7) years", "7 (seven) years"
    j = skipParenNumber(text, j, limit);
    // "two and a half years"
    const a1 = wordAt(text, skipSpaces(text, j, limit), limit);
    if (a1 && a1.w === 'and') {
      const a2 = wordAt(text, skipSpaces(text, a1.end, limit), limit);
      if (a2 && a2.w === 'a') {
        const a3 = wordAt(text, skipSpaces(text, a2.end, limit), limit);
        if (a3 && a3.w === 'half') {
          n += 0.5;
          j = a3.end;
        }
      }
    }
  }
  i = skipSpaces(text, j, limit);
  let u = wordAt(text, i, limit);
  if (u && (u.w === 'calendar' || u.w === 'full' || u.w === 'whole')) u = wordAt(text, skipSpaces(text, u.end, limit), limit);
  if (!u || !has(UNIT_MONTHS, u.w)) return undefined;
  let end = u.end;
  if ((u.w === 'yrs' || u.w === 'yr') && text[end] === '.') end++;
  return { months: n * UNIT_MONTHS[u.w], unit: UNIT_MONTHS[u.w], end };
}

/** Like readDuration, and also the size in months of the first unit named (12 for years), for callers
 *  that must give a bare number the unit of a later duration ("not less than three and not more than fourteen years"). */
export function readDurationEx(text: string, pos: number, limit = text.length): { months: number; unit: number; end: number } | undefined {
  try {
    if (typeof text !== 'string' || !(pos >= 0)) return undefined;
    limit = Math.min(limit, text.length);
    const first = readDurationPart(text, pos | 0, limit);
    if (!first) return undefined;
    let months = first.months;
    let end = first.end;
    let lastUnit = first.unit;
    // "two years and six months", "one year, six months and fifteen days"
    for (let k = 0; k < 3; k++) {
      let j = skipSpaces(text, end, limit);
      if (text[j] === ',') j = skipSpaces(text, j + 1, limit);
      const w = wordAt(text, j, limit);
      if (w && w.w === 'and') j = w.end;
      const next = readDurationPart(text, j, limit);
      if (!next || next.unit >= lastUnit) break;
      months += next.months;
      end = next.end;
      lastUnit = next.unit;
    }
    return { months, unit: first.unit, end };
  } catch {
    return undefined;
  }
}

/** "seven years" → 84, "six months" → 6, "fifteen days" → 0.5 (days/30), "one year" → 12,
 *  "two years and six months" → 30, "7 years" → 84. */
export function readDuration(text: string, pos: number): { months: number; end: number } | undefined {
  const d = readDurationEx(text, pos);
  return d ? { months: d.months, end: d.end } : undefined;
}

/** An amount of money, with the currency words around it: "Rs. 1,000,000", "Rs.500,000/-",
 *  "one million rupees", "rupees fifty thousand", "ten lakh rupees", "taka five lakh",
 *  "N250,000.00", "thirty million shillings", "one million rupees (Rs. 1,000,000)".
 *  The number is taken as written: amounts in another currency (or in Uganda's currency points)
 *  are not converted. A bare number counts as an amount too. */
export function readAmount(text: string, pos: number): { rupees: number; end: number } | undefined {
  return readAmountIn(text, pos, typeof text === 'string' ? text.length : 0);
}

/** readAmount within text[.., limit). */
export function readAmountIn(text: string, pos: number, limit: number): { rupees: number; end: number } | undefined {
  try {
    if (typeof text !== 'string' || !(pos >= 0)) return undefined;
    limit = Math.min(limit, text.length);
    const n = readNumberCore(text, pos | 0, limit, true);
    if (!n) return undefined;
    let end = n.end;
    // A number followed by a unit of time is not an amount.
    const after = wordAt(text, skipSpaces(text, end, limit), limit);
    if (after && (has(UNIT_MONTHS, after.w) || after.w === 'times' || after.w === 'percent' || after.w === 'per')) return undefined;
    if (text[skipSpaces(text, end, limit)] === '%') return undefined;
    const suf = readCurrencySuffix(text, end, limit);
    if (suf >= 0) end = suf;
    end = skipSlashDash(text, end, limit);
    const only = wordAt(text, skipSpaces(text, end, limit), limit);
    if (only && only.w === 'only') end = only.end;
    // "one million rupees (Rs. 1,000,000)"
    const k = skipSpaces(text, end, limit);
    if (text[k] === '(') {
      const inner = readNumberCore(text, k + 1, limit, true);
      if (inner) {
        let e = inner.end;
        const s2 = readCurrencySuffix(text, e, limit);
        if (s2 >= 0) e = s2;
        e = skipSpaces(text, skipSlashDash(text, e, limit), limit);
        if (text[e] === ')' && Math.abs(inner.value - n.value) < 1e-6 * Math.max(1, n.value)) end = e + 1;
      }
    }
    return { rupees: n.value, end };
  } catch {
    return undefined;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** 84 → "7 years", 6 → "6 months", 18 → "1 year 6 months", 12 → "1 year", 0.5 → "15 days". */
export function formatMonths(m: number): string {
  if (typeof m !== 'number' || !Number.isFinite(m)) return String(m);
  if (m < 0) return '-' + formatMonths(-m);
  const whole = Math.floor(m + 1e-9);
  let days = Math.round((m - whole) * 30);
  let monthsTotal = whole;
  if (days >= 30) {
    monthsTotal += 1;
    days = 0;
  }
  const years = Math.floor(monthsTotal / 12);
  const months = monthsTotal % 12;
  const parts: string[] = [];
  if (years) parts.push(plural(years, 'year', 'years'));
  if (months) parts.push(plural(months, 'month', 'months'));
  if (days) parts.push(plural(days, 'day', 'days'));
  return parts.length ? parts.join(' ') : '0 months';
}

function groupThousands(intDigits: string): string {
  let out = '';
  for (let k = 0; k < intDigits.length; k++) {
    if (k > 0 && (intDigits.length - k) % 3 === 0) out += ',';
    out += intDigits[k];
  }
  return out;
}

/** 1000000 → "Rs 1,000,000"; 2500.5 → "Rs 2,500.50". */
export function formatRupees(n: number): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return `Rs ${String(n)}`;
  const neg = n < 0;
  const abs = Math.abs(n);
  const int = Math.floor(abs);
  const frac = Math.round((abs - int) * 100);
  let s = groupThousands(String(int));
  if (frac > 0) s += '.' + String(frac).padStart(2, '0');
  return `Rs ${neg ? '-' : ''}${s}`;
}
