// Words quoted inline in an instruction: straight ("…") or curly (“…”) quotes, the outer
// pair winning when they nest (`for the words “"child" means” …`). The instruction is then
// read over a masked copy of the text in which each quote is `⟦···⟧` of the same length, so
// that neither commas nor unit words inside quoted words disturb the reading, and offsets
// stay those of the bill.
import type { Span } from '../model/types';
import type { QuotedText } from './types';

export const OPEN_MASK = '\u27e6';
export const CLOSE_MASK = '\u27e7';
export const FILL_MASK = '\u00b7';

export interface InlineQuote extends QuotedText {
  /** Offset of the opening mark. */
  start: number;
  /** Offset after the closing mark. */
  end: number;
}

/** Finds the inline quotes in text[start, end) (a quote never runs over a blank line). */
export function findQuotes(text: string, start: number, end: number): InlineQuote[] {
  const out: InlineQuote[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c !== '"' && c !== '\u201c') {
      i++;
      continue;
    }
    const close = c === '"' ? closeStraight(text, i + 1, end) : closeCurly(text, i + 1, end);
    if (close < 0) {
      i++;
      continue;
    }
    out.push({ start: i, end: close + 1, text: text.slice(i + 1, close), span: { start: i, end: close + 1 } });
    i = close + 1;
  }
  return out;
}

function blankLineAt(text: string, i: number): boolean {
  if (text[i] !== '\n') return false;
  let k = i + 1;
  while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\r')) k++;
  return text[k] === '\n';
}

function closeStraight(text: string, from: number, end: number): number {
  for (let k = from; k < end; k++) {
    if (blankLineAt(text, k)) return -1;
    if (text[k] === '"') return k;
  }
  return -1;
}

function closeCurly(text: string, from: number, end: number): number {
  let depth = 1;
  for (let k = from; k < end; k++) {
    if (blankLineAt(text, k)) return -1;
    if (text[k] === '\u201c') depth++;
    else if (text[k] === '\u201d' && --depth === 0) return k;
  }
  return -1;
}

/** Writes the masks of the quotes into a character array of the text. */
export function maskQuotes(chars: string[], quotes: InlineQuote[]): void {
  for (const q of quotes) {
    chars[q.start] = OPEN_MASK;
    for (let k = q.start + 1; k < q.end - 1; k++) chars[k] = FILL_MASK;
    chars[q.end - 1] = CLOSE_MASK;
  }
}

/** Blanks a span (line breaks kept). */
export function blank(chars: string[], span: Span): void {
  for (let k = span.start; k < span.end && k < chars.length; k++) {
    if (chars[k] !== '\n' && chars[k] !== '\r') chars[k] = ' ';
  }
}
