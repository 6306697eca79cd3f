// The model of a bill's instructions (dialect §6): what each amending section asks to be
// done to which unit of which instrument. Plain data; offsets are into the bill's text.
import type { Span } from '../model/types';

/** Words quoted inline in an instruction: `"three years"`, `“seven years”`. */
export interface QuotedText {
  /** The words, without the quote marks. */
  text: string;
  /** The words and their quote marks, in the bill. */
  span: Span;
  /** `the words beginning with "A" and ending with "B"`: the words end with these (text is "A"). */
  until?: { text: string; span: Span };
}

/** New text to go into the target: a block quote after the instruction (or, rarely, an inline quote). */
export interface NewText {
  /** The text with the `>` markers removed, lines joined by `\n`. */
  text: string;
  span: Span;
  block: boolean;
}

/** A unit of the target named in the instruction, with the chain of units that led to it. */
export interface Place {
  /** The target instrument's id. */
  target: string;
  /** The unit's address in the target (`3(1)`, `4 Explanation`); `''` for the whole instrument. */
  address: string;
  /** Where the unit is named in the bill (the reference, or the chain's last link). */
  span: Span;
  /** The chain that led here, outermost first (`section 3`, `sub-section (1)`): the first one missing is the one reported. */
  chain: Array<{ address: string; span: Span }>;
  /** Only the unit's heading (`in the marginal heading`). */
  part?: 'heading';
}

/** Which occurrences of the words: every one (`wherever occurring`), or the nth (`at the second place`). */
export type Occurrence = { all: true } | { nth: number } | { last: true; atEnd?: boolean };

interface Base {
  /** Order in the bill (0-based), for conflicts and for the order of insertions at one place. */
  id: number;
  /** The instruction's text in the bill (one operation of it). */
  span: Span;
  /** The bill's provision (amending section) that holds it, and its unit (`3(b)`). */
  section: string;
  billUnit: string;
}

export type Operation =
  | (Base & { kind: 'substitute-words'; scope: Place; words: QuotedText; by: QuotedText; occurrence?: Occurrence })
  | (Base & { kind: 'omit-words'; scope: Place; words: QuotedText; occurrence?: Occurrence })
  | (Base & { kind: 'insert-words'; scope: Place; position: 'after' | 'before'; words: QuotedText; text: QuotedText; occurrence?: Occurrence })
  | (Base & { kind: 'add-words'; scope: Place; text: QuotedText })
  | (Base & { kind: 'substitute-end'; scope: Place; from: string; to: string; fromName: string })
  | (Base & { kind: 'substitute-unit'; unit: Place; text?: NewText })
  | (Base & { kind: 'insert-unit'; position: 'after' | 'before'; unit: Place; text?: NewText })
  | (Base & { kind: 'add-unit'; scope: Place; text?: NewText })
  | (Base & { kind: 'omit-unit'; unit: Place })
  | (Base & { kind: 'renumber'; unit: Place; to: string; toSpan: Span });

export type OperationKind = Operation['kind'];

/** Whether an operation takes new text from a block quote. */
export function needsNewText(op: Operation): boolean {
  return op.kind === 'substitute-unit' || op.kind === 'insert-unit' || op.kind === 'add-unit';
}

/** The place an operation works on. */
export function placeOf(op: Operation): Place {
  switch (op.kind) {
    case 'substitute-unit':
    case 'insert-unit':
    case 'omit-unit':
    case 'renumber':
      return op.unit;
    default:
      return op.scope;
  }
}
