// The document model: plain data, derived from a file's text alone.
// Every position is a UTF-16 offset into the file's text (a JavaScript string index);
// conversion to line and column happens once, at the edge (see ../text/lines.ts).

export interface Span {
  start: number;
  end: number;
}

export type InstrumentKind = 'act' | 'ordinance' | 'code' | 'rules' | 'constitution' | 'treaty' | 'bill';
export type InstrumentStatus = 'in-force' | 'repealed' | 'draft';

export interface FrontMatter {
  id: string;
  title: string;
  short?: string;
  aliases: string[];
  kind: InstrumentKind;
  jurisdiction: string;
  year: number;
  excerpt: boolean;
  role?: 'reference';
  amends: string[];
  status: InstrumentStatus;
}

export type UnitKind = 'provision' | 'subsection' | 'clause' | 'subclause' | 'explanation' | 'proviso';

/** A provision or any unit inside it. */
export interface Unit {
  kind: UnitKind;
  /** As written: `3`, `4A`, `(1)`, `(a)`, `(iv)`, `Explanation`, `Explanation 1`, `proviso`. */
  label: string;
  /** Unique within the instrument: `3`, `3(1)(a)(ii)`, `4 Explanation`, `3(2) proviso`. */
  address: string;
  /** Provisions only: the heading text after the number. */
  heading?: string;
  /** Provisions only: `section`, `article`, `rule` or `regulation`. */
  word?: string;
  /** The whole unit, its children included. */
  span: Span;
  /** The unit's own text: from its label (or heading line) to its first child. */
  ownSpan: Span;
  /** The label (for a provision, the number in the heading). */
  labelSpan: Span;
  children: Unit[];
  /** The division that holds a provision (its address), if any. */
  division?: string;
  /** `<!-- lawmark: key=value -->` facts inside the unit's own text. */
  annotations: Annotation[];
}

export interface Division {
  /** `part II`, `chapter 4`, `schedule 1`, or the heading text lower-cased when it has no word and number. */
  address: string;
  heading: string;
  level: number;
  span: Span;
  headingSpan: Span;
  /** Addresses of the provisions directly or indirectly inside. */
  provisions: string[];
  parent?: string;
}

export interface Annotation {
  key: string;
  value: string;
  span: Span;
}

export type DefinitionScope = 'instrument' | 'division' | 'provision';

export interface Definition {
  /** Lower-cased, whitespace folded. */
  term: string;
  /** As written. */
  display: string;
  /** The quoted term. */
  span: Span;
  /** The definition's text (the unit that holds it, or the sentence for an inline form). */
  bodySpan: Span;
  /** The unit that holds it. */
  address: string;
  scope: DefinitionScope;
  /** The provision or division address the definition applies to (scope provision/division). */
  scopeAddress?: string;
  form: 'means' | 'includes' | 'short-form' | 'import';
  /** For imports: where the meaning comes from. */
  importFrom?: { instrument: InstrumentTarget; address?: string };
  /** For `X as defined in …` without quotes: the words before, longest first; the index picks the one the source defines. */
  candidates?: string[];
}

/** A blanket import: all terms of another instrument. */
export interface BlanketImport {
  span: Span;
  address: string;
  instrument: InstrumentTarget;
}

/** What a reference names as its instrument. */
export type InstrumentTarget =
  | { kind: 'self' }
  | { kind: 'id'; id: string }
  | { kind: 'unknown'; name: string };

export interface ReferenceTarget {
  /** Unit address (`3(1)(a)`, `part II`) or `''` for the whole instrument. */
  address: string;
  /** Where this target's own number or label stands in the text. */
  span: Span;
  /** A range (`sections 3 to 5`): the last unit of the range. */
  to?: { address: string; span: Span };
}

export interface Reference {
  span: Span;
  text: string;
  instrument: InstrumentTarget;
  targets: ReferenceTarget[];
  /** The unit whose text holds the reference. */
  from: string;
  /** In a bill: the reference stands inside text quoted for insertion into `instrument`. */
  quoted?: boolean;
}

export interface Suppression {
  span: Span;
  codes: string[];
  /** `next-line` silences the following line; `file` the whole file. */
  scope: 'next-line' | 'file';
  /** For next-line: the line (0-based) it silences. */
  line?: number;
  reason?: string;
}

export interface Problem {
  code: string;
  span: Span;
  message: string;
  /** Overrides the code's default severity (used for an unknown front-matter key). */
  severity?: Severity;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface BlockQuote {
  span: Span;
  /** The quoted text with the `>` markers removed, and the offsets of each of its lines in the file. */
  text: string;
  lineStarts: Array<{ inner: number; outer: number }>;
}
