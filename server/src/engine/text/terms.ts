// Term matching (dialect §3): case-insensitive, whole words, singular or plural.
// Text is cut into words once; terms are looked up by n-grams of words whose last word
// is reduced to its singular, so the cost grows with the text, not with the number of terms.
import type { Span } from '../model/types';

const IRREGULAR: Record<string, string> = {
  children: 'child',
  women: 'woman',
  men: 'man',
  persons: 'person',
  people: 'person',
  parties: 'party',
  minors: 'minor',
  wives: 'wife',
  lives: 'life',
  thieves: 'thief',
  courts: 'court',
};

const NOT_PLURAL = new Set(['this', 'is', 'was', 'has', 'as', 'its', 'thus', 'process', 'business', 'witness', 'address', 'status', 'gas', 'bus', 'less', 'unless', 'class', 'press', 'access', 'loss', 'abscess', 'series', 'species', 'analysis', 'basis', 'thesis', 'crisis', 'means', 'news', 'various', 'previous', 'serious', 'religious', 'famous', 'grievous', 'us', 'yes', 'his', 'hers', 'ours', 'theirs', 'always', 'perhaps', 'whereas', 'sometimes', 'besides', 'towards', 'afterwards', 'ss']);

/** The singular of one lower-case word (a plain English rule set, tuned for statute nouns). */
export function singular(word: string): string {
  const w = word.toLowerCase();
  const irr = IRREGULAR[w];
  if (irr) return irr;
  if (w.length <= 3 || NOT_PLURAL.has(w) || w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** The lookup key of a term: its words, lower-case, the last one singular. */
export function termKey(term: string): string {
  const words = term.toLowerCase().match(WORD_G) ?? [];
  if (words.length === 0) return '';
  words[words.length - 1] = singular(words[words.length - 1]!);
  return words.join(' ');
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/u;
const WORD_G = new RegExp(WORD.source, 'gu');

export interface Word {
  text: string; // lower-case
  /** The singular of text, computed once. */
  sing: string;
  start: number;
  end: number;
  /** Only white space separates it from the word before. */
  joined: boolean;
}

export function words(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  const re = new RegExp(WORD.source, 'gu');
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end; m = re.exec(text)) {
    let w = m[0];
    // Trailing possessive or hyphen is not part of the word.
    w = w.replace(/(['’]s?|-)+$/u, '');
    if (!w) continue;
    if (m.index + w.length > end) w = w.slice(0, end - m.index);
    const prev = out[out.length - 1];
    const joined = !!prev && /^[ \t\r\n]+$/.test(text.slice(prev.end, m.index));
    const lower = w.toLowerCase();
    out.push({ text: lower, sing: singular(lower), start: m.index, end: m.index + w.length, joined });
  }
  return out;
}

export interface TermSet {
  keys: Set<string>;
  maxWords: number;
}

export function termSet(terms: Iterable<string>): TermSet {
  const keys = new Set<string>();
  let maxWords = 1;
  for (const t of terms) {
    const k = termKey(t);
    if (!k) continue;
    keys.add(k);
    maxWords = Math.max(maxWords, k.split(' ').length);
  }
  return { keys, maxWords };
}

export interface TermUse {
  key: string;
  span: Span;
}

/** Every use of any term of the set in the words, longest match first, without overlaps. */
export function findTermUses(ws: Word[], set: TermSet): TermUse[] {
  const out: TermUse[] = [];
  if (set.keys.size === 0) return out;
  for (let i = 0; i < ws.length; i++) {
    for (let n = Math.min(set.maxWords, ws.length - i); n >= 1; n--) {
      let key = '';
      let ok = true;
      for (let k = 0; k < n; k++) {
        if (k > 0 && !ws[i + k]!.joined) {
          ok = false;
          break;
        }
        key += (k ? ' ' : '') + (k === n - 1 ? ws[i + k]!.sing : ws[i + k]!.text);
      }
      if (!ok) continue;
      if (set.keys.has(key)) {
        out.push({ key, span: { start: ws[i]!.start, end: ws[i + n - 1]!.end } });
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

/** The words that lie within [start, end), by binary search over words in text order. */
export function wordsIn(ws: Word[], start: number, end: number): Word[] {
  let lo = 0;
  let hi = ws.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ws[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  while (k < ws.length && ws[k]!.end <= end) k++;
  return ws.slice(lo, k);
}
