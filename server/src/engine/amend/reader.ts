// The instruction reader: a bill's amending sections → operations (dialect §6), in the
// Commonwealth styles drafters use:
//
//   target chains      In section 3 of the said Act, in sub-section (2), …
//                      In the Fishing Crews Protection Act, 1998, hereinafter referred to as the said Act, in section 3,—
//   lettered lists     (a) … ; and (b) …   (units of the amending section, each read with the chain before it)
//   words              for the words "A" the words "B" shall be substituted (word, figure(s), expression, brackets, …;
//                      wherever occurring / wherever they occur / at the second place)
//                      the words "A" shall be omitted; after|before the words "A" the words "B" shall be inserted;
//                      at the end, the words "B" shall be added; for the full stop at the end a colon shall be substituted
//   units              for section 6 the following shall be substituted, namely:— (block quote)
//                      after section 4 the following new section shall be inserted, namely:— (block quote)
//                      section 13 shall be omitted; clause (b) shall be omitted
//                      at the end, the following shall be added, namely:— (block quote)
//                      section 6 shall be renumbered as sub-section (1) thereof
//   UK / Australian    for "A" substitute "B"; omit "A"; after "A" insert "B"; omit "A", substitute "B"; for section 6 substitute—
//
// What it cannot read is reported (`amendment-unrecognised`) and skipped, never guessed. The
// reader works on a masked copy of the bill: comments and block quotes blanked, inline quotes
// turned into `⟦···⟧`, so offsets are the bill's own.
import type { BlockQuote, Span, Unit } from '../model/types';
import type { LinkedDocument } from '../index/link';
import type { WorkspaceIndex } from '../index/workspace';
import type { Finding } from '../checks/types';
import { scanReferences, type NameMatcher, type ScanState } from '../parse/references';
import { walkUnits } from '../parse/structure';
import { citeShort, instrumentName } from '../features/cite';
import { blank, findQuotes, maskQuotes, type InlineQuote } from './quotes';
import { needsNewText, type NewText, type Occurrence, type Operation, type Place, type QuotedText } from './types';

export interface BillReading {
  bill: LinkedDocument;
  /** Every operation read, in the bill's order. */
  operations: Operation[];
  /** amendment-unrecognised and bill-target-unknown findings, on the bill. */
  findings: Finding[];
  /** The ids of `amends` that are in the corpus. */
  targets: string[];
}

/** Reads every amending section of a bill. Never throws. */
export function readBill(index: WorkspaceIndex, uri: string): BillReading | undefined {
  const bill = index.document(uri);
  if (!bill || bill.frontMatter?.kind !== 'bill') return undefined;
  const findings: Finding[] = [];
  const amends = bill.frontMatter.amends;
  const targets: string[] = [];
  for (const id of amends) {
    if (index.byId(id)) {
      if (!targets.includes(id)) targets.push(id);
      continue;
    }
    findings.push({
      code: 'bill-target-unknown',
      uri,
      span: amendsSpan(bill.text, id),
      message: `This bill amends \`${id}\`, which is not in the corpus: its instructions to that instrument cannot be applied or checked. Add the instrument to the workspace, or correct the id.`,
      related: [],
      data: { id },
    });
  }
  const reader = new Reader(index, bill, amends, targets, findings);
  try {
    reader.read();
  } catch (e) {
    // A defect in the reader must not take the analysis down: what was read stands.
    findings.push({
      code: 'amendment-unrecognised',
      uri,
      span: bill.longTitle?.span ?? { start: 0, end: 0 },
      message: `Lawmark could not finish reading this bill's instructions (${e instanceof Error ? e.message : String(e)}); the instructions read so far are applied.`,
      related: [],
    });
  }
  return { bill, operations: reader.operations, findings, targets };
}

/** The id on the front matter's `amends` line (or in its list below), else the key. */
function amendsSpan(text: string, id: string): Span {
  const head = text.slice(0, Math.min(text.length, 8000));
  const key = /^amends[ \t]*:/m.exec(head);
  if (!key) return { start: 0, end: 3 };
  const close = head.indexOf('\n---', key.index);
  const zone = head.slice(key.index, close < 0 ? head.length : close);
  const at = zone.indexOf(id);
  if (at >= 0) return { start: key.index + at, end: key.index + at + id.length };
  const lineEnd = head.indexOf('\n', key.index);
  return { start: key.index, end: lineEnd < 0 ? head.length : lineEnd };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const SHALL = String.raw`(?:shall\s+(?:hereby\s+)?be|(?:is|are)(?:\s+hereby)?|be)`;
const KIND = String.raw`(?:existing\s+)?(?:words?|figures?|expressions?|brackets?|letters?|commas?|signs?|symbols?|full[\s-]stops?|semi-?colons?|colons?|dash(?:es)?|hyphens?|punctuation(?:\s+marks?)?|abbreviations?|numerals?|entry|entries|phrases?|digits?)`;
const WORD_KIND = new RegExp(String.raw`(?:the\s+)?${KIND}(?:(?:\s*,\s*|\s+and\s+)${KIND})*`, 'iy');
const WHEREVER = new RegExp(
  String.raw`,?\s*(?:(?:wherever|where\s+ever|whenever)\s+(?:(?:they|it|the\s+same|such\s+words?)\s+)?(?:occurring|occurs?|appearing|appears?)\b|(?:at|in)\s+(?:both|all|each|every)\s+(?:the\s+)?places?(?:\s+where\s+(?:they|it)\s+(?:occurs?|appears?)\b)?)(?:\s+in\s+(?:that|the\s+said|this|the)\s+(?:section|sub-?section|clause|sub-?clause|paragraph|proviso|Explanation|provision|Act|Ordinance|Code))?\s*,?`,
  'iy',
);
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6 };
const RANGE_START = /(?:the\s+)?(?:words?|portion|passage|expression|text)\s+(?:beginning|starting|commencing)\s+with\b/iy;
const RANGE_END = /,?\s*and\s+(?:ending|concluding)\s+with\b/iy;
const AT_END = /,?\s*(?:occurring\s+|appearing\s+)?at\s+the\s+end(?:\s+thereof)?\b,?/iy;
const NTH_PLACE = new RegExp(
  String.raw`,?\s*(?:(?:at|in)\s+the\s+(first|second|third|fourth|fifth|sixth|last)\s+place(?:\s+where\s+(?:they|it)\s+(?:occurs?|appears?))?|(?:occurring|appearing)\s+for\s+the\s+(first|second|third|fourth|fifth|sixth|last)\s+time)\s*,?`,
  'iy',
);
const FOLLOWING = String.raw`the\s+following(?:\s+new)?(?:\s+(?:sections?|sub-?sections?|clauses?|sub-?clauses?|paragraphs?|sub-?paragraphs?|provisos?|Explanations?|items?|articles?|rules?|sub-?rules?|regulations?|definitions?|entry|entries|parts?|chapters?|schedules?|text|words|provision|heading))*`;
const NAMELY = /,?\s*(?:namely|as\s+follows|viz\.?)?\s*[:：]?\s*[—–-]*/iy;
const SAID = /(?:the\s+)?(?:said|principal)\s+(?:Act|Ordinance|Code|Order|Regulations?|Rules)\b|the\s+Act\b/iy;
const HEREINAFTER = /\s*,?\s*\(?\s*(?:hereinafter|herein\s*after)\s+(?:referred\s+to\s+as|called)\s+(?:the\s+)?(?:said|principal)\s+(?:Act|Ordinance|Code|Order|Regulations?|Rules)\s*\)?/iy;
const PAREN = /\s*\((?:Act|Ordinance|Order|Regulation|No\.|[IVXLCDM]+\b)[^()\n]{0,80}\)/iy;
const CHAIN_SEP = /\s*(?:,\s*[—–-]*|[—–]+|:\s*[—–-]*)?/y;
const OP_SEP = /\s*(?:[;,]\s*)?(?:and\s+|or\s+)?(?:thereafter\s*,?\s*|also\s+|further\s+|then\s+)?/iy;
const AS_SO = /,?\s*(?:as\s+so\s+|so\s+)(?:re-?numbered|re-?lettered|inserted|substituted|amended)\b,?/iy;
const DEEMED = /\s*,?\s*and\s+shall\s+be\s+deemed\s+(?:always\s+)?to\s+have\s+been\s+so\s+\w+(?:\s+with\s+effect\s+from\s+[^.;⟦]{0,80})?/iy;
const TAIL = /^[\s.;,:—–-]*(?:(?:and|or)[\s.;,]*)?$/i;
const AMENDING_HEADING = /^(?:amendments?|substitution|substitutions|insertion|insertions|omission|omissions|addition|additions|repeal|renumbering|re-numbering|deletion)\b/i;
const INSTRUCTION_WORDS = /\b(?:shall\s+be\s+(?:substituted|omitted|inserted|added|renumbered|re-?lettered|deleted|repealed)|(?:is|are)\s+(?:hereby\s+)?(?:omitted|repealed|renumbered|substituted|inserted))\b|\bthe\s+(?:said|principal)\s+(?:Act|Ordinance|Code)\b/i;
const IMPERATIVE = /^\s*(?:\([a-z0-9]+\)\s*)?(?:omit|insert|substitute|repeal)\b/im;

// ---------------------------------------------------------------------------------------------

interface Chain {
  target?: string;
  /** Where the instrument was named (for messages when no unit is named). */
  targetSpan?: Span;
  path: Array<{ address: string; span: Span }>;
  part?: 'heading';
}

function cloneChain(c: Chain): Chain {
  return { target: c.target, targetSpan: c.targetSpan, path: [...c.path], part: c.part };
}

class Fail extends Error {
  constructor(
    readonly reason: string,
    readonly span?: Span,
  ) {
    super(reason);
  }
}

/** A cursor over the masked text of one instruction. */
class Cursor {
  constructor(
    readonly m: string,
    public pos: number,
    readonly end: number,
  ) {}
  ws(): number {
    while (this.pos < this.end && /\s/.test(this.m[this.pos]!)) this.pos++;
    return this.pos;
  }
  eat(re: RegExp, skip = true): RegExpExecArray | null {
    if (skip) this.ws();
    const r = re.sticky ? re : new RegExp(re.source, re.flags + 'y');
    r.lastIndex = this.pos;
    const x = r.exec(this.m);
    if (!x || x.index !== this.pos || x.index + x[0].length > this.end) return null;
    this.pos += x[0].length;
    return x;
  }
  peek(re: RegExp): boolean {
    const save = this.pos;
    const ok = this.eat(re) !== null;
    this.pos = save;
    return ok;
  }
  atEnd(): boolean {
    return this.ws() >= this.end;
  }
}

function re(source: string): RegExp {
  return new RegExp(source, 'iy');
}
const RX = {
  for: re(String.raw`for\b`),
  afterBefore: re(String.raw`(after|before)\b`),
  atEnd: re(String.raw`at\s+the\s+end(?:\s+thereof)?`),
  ofTheAct: re(String.raw`of\s+(?:the\s+said|the\s+principal|this|the)\s+(?:Act|Ordinance|Code|Order)\b`),
  atEndOf: re(String.raw`at\s+the\s+end\s+of\b`),
  omit: re(String.raw`(?:omit|delete)\b`),
  repeal: re(String.raw`repeal\b`),
  substitute: re(String.raw`substitute\b`),
  insert: re(String.raw`(?:insert|add)\b`),
  read: re(String.raw`read\b`),
  thereShallBeSubstituted: re(String.raw`there\s+shall\s+be\s+substituted\b`),
  thereShallBeInserted: re(String.raw`there\s+shall\s+be\s+(?:inserted|added)\b`),
  shallBeSubstituted: re(String.raw`,?\s*${SHALL}\s+substituted\b`),
  shallBeReplaced: re(String.raw`,?\s*${SHALL}\s+replaced\s+(?:by|with)\b`),
  shallBeSubstitutedFor: re(String.raw`,?\s*${SHALL}\s+substituted\s+for\b`),
  shallBeInserted: re(String.raw`,?\s*${SHALL}\s+(?:inserted|added)\b`),
  shallBeOmitted: re(String.raw`,?\s*${SHALL}\s+(?:omitted|deleted|repealed)\b`),
  shallBeRenumbered: re(String.raw`,?\s*${SHALL}\s+(?:re-?numbered|re-?lettered|re-?designated)\s+as\b`),
  following: re(FOLLOWING),
  comma: re(String.raw`,`),
  and: re(String.raw`,?\s*(?:and\s+)?`),
  thereof: re(String.raw`(?:thereof|of\s+that\s+(?:section|sub-?section|clause)|of\s+the\s+said\s+(?:section|sub-?section|clause))\b`),
  fullStop: re(
    String.raw`(?:at\s+the\s+end\s*,?\s*)?for\s+the\s+(full\s+stop|semi-?colon|colon|comma)(?:\s+at\s+the\s+end(?:\s+thereof)?)?\s*,?\s*(?:there\s+shall\s+be\s+substituted\s+)?(?:a|an|the)\s+(colon|semi-?colon|full\s+stop|comma)(?:\s*,?\s*${SHALL}\s+substituted)?`,
  ),
  in: re(String.raw`in\b`),
  theSection: re(String.raw`(?:the|that|this)\s+(?:said\s+|existing\s+)?(section|sub-?section|clause|sub-?clause|paragraph|article|rule|provision)\b(?!\s*\(|\s+\d)`),
  heading: re(String.raw`(?:the\s+)?(?:marginal\s+)?heading(?:\s+(?:of|to)\b)?`),
  proviso: re(String.raw`(?:the\s+)?(?:(first|second|third|fourth|fifth|sixth|last)\s+)?proviso\b`),
  explanation: re(String.raw`(?:the\s+)?Explanation(?:\s+(\d+|[IVX]+)\b)?`),
  toOf: re(String.raw`(?:to|of|in)\b`),
};

const PUNCT: Record<string, string> = { 'full stop': '.', fullstop: '.', colon: ':', semicolon: ';', 'semi-colon': ';', comma: ',' };
function punct(name: string): string {
  return PUNCT[name.toLowerCase().replace(/\s+/g, ' ')] ?? PUNCT[name.toLowerCase().replace(/[\s-]+/g, '')] ?? '.';
}

class Reader {
  readonly operations: Operation[] = [];
  private readonly m: string;
  private readonly quotes = new Map<number, InlineQuote>();
  private readonly names: NameMatcher;
  private nextId = 0;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly bill: LinkedDocument,
    private readonly amends: string[],
    private readonly targets: string[],
    private readonly findings: Finding[],
  ) {
    this.names = index.names();
    const chars = bill.prose.split('');
    for (const q of bill.blockQuotes) blank(chars, q.span);
    // Inline quotes, found per provision so that one stray quote mark cannot shift the rest.
    for (const p of bill.provisions) {
      const text = chars.join('');
      for (const q of findQuotes(text, p.span.start, p.span.end)) {
        this.quotes.set(q.start, q);
      }
      maskQuotes(chars, [...this.quotes.values()].filter((q) => q.start >= p.span.start && q.end <= p.span.end));
    }
    this.m = chars.join('');
    // The quotes' words come from the bill's text, not the masked copy.
    for (const q of this.quotes.values()) q.text = bill.text.slice(q.start + 1, q.end - 1);
  }

  read(): void {
    for (const p of this.bill.provisions) {
      if (!this.isAmending(p)) continue;
      const said = this.bill.saidByProvision.get(p.address);
      const saidId = said?.kind === 'id' ? said.id : undefined;
      if (saidId && !this.targets.includes(saidId) && this.amends.includes(saidId)) continue; // bill-target-unknown says it
      const before = this.operations.length;
      this.readUnit(p, p, { target: saidId, path: [] });
      this.assignQuotes(p, before);
    }
  }

  private isAmending(p: Unit): boolean {
    if (AMENDING_HEADING.test(p.heading ?? '')) return true;
    const body = this.m.slice(this.bodyStart(p), p.span.end);
    if (INSTRUCTION_WORDS.test(body) || IMPERATIVE.test(body)) return true;
    return this.bill.blockQuotes.some((q) => q.span.start >= p.span.start && q.span.start < p.span.end);
  }

  private bodyStart(u: Unit): number {
    if (u.kind === 'provision') {
      const nl = this.bill.text.indexOf('\n', u.span.start);
      return nl < 0 || nl > u.ownSpan.end ? u.ownSpan.end : nl + 1;
    }
    return u.labelSpan.end;
  }

  private readUnit(section: Unit, u: Unit, chain: Chain): void {
    if (u.kind === 'explanation' || u.kind === 'proviso') return; // the bill's own prose
    const start = this.bodyStart(u);
    const end = u.ownSpan.end;
    const sentences = splitSentences(this.m, start, end);
    if (u.kind === 'provision') {
      // Gazette style: the instruction on the heading's line, after `.—`.
      const line = this.m.slice(u.labelSpan.end, Math.min(start, end));
      const dash = /\.?\s*[—–]+\s*(?=\S)/.exec(line);
      const tail = dash ? line.slice(dash.index + dash[0].length) : '';
      if (dash && (INSTRUCTION_WORDS.test(tail) || IMPERATIVE.test(tail))) {
        const from = u.labelSpan.end + dash.index + dash[0].length;
        sentences.unshift(...splitSentences(this.m, from, trimEnd(this.m, Math.min(start, end))));
      }
    }
    let childChain: Chain | undefined;
    let prev: Chain = chain;
    sentences.forEach((s, i) => {
      const cur = new Cursor(this.m, s.start, s.end);
      const c = cloneChain(i === 0 ? chain : { ...prev, path: prev.path.slice(0, 1) });
      const spanStart = i === 0 && u.kind !== 'provision' ? u.labelSpan.start : s.start;
      const span = { start: spanStart, end: trimEnd(this.m, s.end) };
      try {
        this.chain(cur, c);
        if (/^[\s—–:;,.-]*$/.test(this.m.slice(cur.pos, s.end))) {
          if (u.children.length && i === sentences.length - 1) {
            childChain = c;
            return;
          }
          throw new Fail('it names where to amend but not what to do');
        }
        const ops = this.operations_(cur, c, span, section, u);
        if (!TAIL.test(this.m.slice(cur.pos, s.end))) throw new Fail(`it goes on where Lawmark expects it to end ("${ellipsis(this.bill.text.slice(cur.ws(), s.end))}")`);
        for (const op of ops) this.operations.push(op);
        prev = c;
      } catch (e) {
        if (!(e instanceof Fail)) throw e;
        this.unrecognised(span, e.reason, section);
      }
    });
    for (const child of u.children) this.readUnit(section, child, childChain ?? chain);
  }

  private unrecognised(span: Span, reason: string, section: Unit): void {
    const text = this.bill.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    this.findings.push({
      code: 'amendment-unrecognised',
      uri: this.bill.uri,
      span,
      message: `Lawmark cannot read this instruction of section ${section.address} ("${ellipsis(text, 90)}"): ${reason}. The bill is applied without it.`,
      related: [],
    });
  }

  // --- chains -----------------------------------------------------------------------------

  /** `In the X Act, 2018 (Act … of 2018), hereinafter referred to as the said Act, in section 3, in sub-section (2),` */
  private chain(cur: Cursor, c: Chain): void {
    for (;;) {
      const save = cur.pos;
      if (!cur.eat(RX.in)) return;
      cur.ws();
      const at = cur.pos;
      const named = this.names.match(cur.m, cur.pos);
      if (named && named.end <= cur.end) {
        cur.pos = named.end;
        this.setTarget(c, named.id, { start: at, end: named.end });
        cur.eat(PAREN);
        cur.eat(HEREINAFTER);
      } else if (cur.eat(SAID)) {
        if (!c.target) throw new Fail('"the said Act" names no instrument here (the bill amends several and this section\'s heading names none of them)');
        c.targetSpan = { start: at, end: cur.pos };
        cur.eat(PAREN);
      } else if (cur.eat(RX.heading)) {
        c.part = 'heading';
        if (!cur.peek(/[\s,]*(?:[—–:]|for\b|after\b|before\b|the\b|at\b)/iy)) {
          const places = this.designator(cur, c, {});
          if (places && places.length === 1) c.path.push({ address: places[0]!.address, span: places[0]!.span });
        }
      } else {
        const places = this.designator(cur, c, {});
        if (!places) {
          cur.pos = save;
          return;
        }
        if (places.length !== 1) throw new Fail('the target chain names several units at once');
        const p = places[0]!;
        if (p.target !== c.target) this.setTarget(c, p.target, p.span);
        c.path = p.chain.map((x) => ({ ...x }));
      }
      cur.eat(CHAIN_SEP, false);
    }
  }

  private setTarget(c: Chain, id: string, span: Span): void {
    if (!this.amends.includes(id)) {
      const doc = this.index.byId(id);
      throw new Fail(`it amends ${instrumentName(doc?.frontMatter, id)}, which is not among the instruments this bill amends (\`amends\` in the front matter)`);
    }
    if (c.target !== id) c.path = [];
    c.target = id;
    c.targetSpan = span;
    c.part = undefined;
  }

  private scope(c: Chain, fallback: Span): Place {
    const target = this.requireTarget(c);
    const last = c.path[c.path.length - 1];
    return { target, address: last?.address ?? '', span: last?.span ?? c.targetSpan ?? fallback, chain: [...c.path], ...(c.part ? { part: c.part } : {}) };
  }

  private requireTarget(c: Chain): string {
    if (!c.target) {
      throw new Fail(this.amends.length > 1 ? 'it does not say which of the instruments in `amends` it amends (name it, or name it in the section\'s heading)' : 'the bill names no instrument in `amends`');
    }
    return c.target;
  }

  /**
   * A unit named in an instruction: `section 3 of the said Act`, `sub-section (2)`, `clause (b) of
   * sub-section (1) of section 4`, `sub-sections (2) and (3)`, `the proviso to sub-section (2)`,
   * `the second proviso`, `the Explanation`, `Explanation 1`, `the section` (the chain's unit).
   */
  private designator(cur: Cursor, c: Chain, state: ScanState): Place[] | undefined {
    const at = cur.ws();
    let x: RegExpExecArray | null;
    if ((x = cur.eat(RX.proviso))) {
      const nth = x[1] ? (x[1].toLowerCase() === 'last' ? 'last' : ORDINALS[x[1].toLowerCase()]!) : 1;
      const owner = this.ownerAfter(cur, c, state);
      const label = nth === 1 ? 'proviso' : nth === 'last' ? 'proviso' : `proviso ${nth}`;
      return [this.sub(owner, label, { start: at, end: cur.pos })];
    }
    if ((x = cur.eat(RX.explanation))) {
      const label = x[1] ? `Explanation ${x[1]}` : 'Explanation';
      const owner = this.ownerAfter(cur, c, state);
      return [this.sub(owner, label, { start: at, end: cur.pos })];
    }
    if ((x = cur.eat(RX.theSection))) {
      const target = this.requireTarget(c);
      const word = x[1]!.toLowerCase().replace('-', '');
      const depth = word === 'section' || word === 'article' || word === 'rule' || word === 'provision' ? 0 : -1;
      const path = depth === 0 ? c.path.filter((p) => !p.address.includes('(') && !p.address.includes(' ')).slice(-1) : c.path.slice(-1);
      const last = path[path.length - 1];
      if (!last) throw new Fail(`"${x[0]}" names no unit here`);
      const chain = c.path.slice(0, c.path.indexOf(last) + 1);
      return [{ target, address: last.address, span: { start: at, end: cur.pos }, chain }];
    }
    const target = c.target;
    const unitPath = pathOf(c.path[c.path.length - 1]?.address ?? '');
    const ctx = { unitPath, self: { kind: 'self' as const }, said: target ? { kind: 'id' as const, id: target } : undefined, names: this.names };
    const probe = scanReferences(cur.m, at, cur.end, ctx, { ...state })[0];
    if (!probe || probe.span.start !== at) return undefined;
    const ref = scanReferences(cur.m, at, probe.span.end, ctx, state)[0] ?? probe;
    cur.pos = ref.span.end;
    cur.eat(AS_SO);
    let id: string;
    if (ref.instrument.kind === 'self') id = this.requireTarget(c);
    else if (ref.instrument.kind === 'id') {
      id = ref.instrument.id;
      if (!this.amends.includes(id)) {
        const doc = this.index.byId(id);
        throw new Fail(`it amends ${instrumentName(doc?.frontMatter, id)}, which is not among the instruments this bill amends (\`amends\` in the front matter)`);
      }
    } else throw new Fail(`"${ref.text}" names an instrument that is not in the corpus`);
    const places: Place[] = [];
    const single = ref.targets.length === 1 && !ref.targets[0]!.to;
    for (const t of ref.targets) {
      const addresses = t.to ? this.range(id, t.address, t.to.address) : [t.address];
      for (const address of addresses) {
        if (address.startsWith('(') || address === '') throw new Fail(`"${ref.text}" does not say which section it belongs to`);
        const span = single ? ref.span : t.to && address === t.to.address ? t.to.span : t.span;
        places.push({ target: id, address, span, chain: this.chainTo(c, id, address, span) });
      }
    }
    return places;
  }

  /** The chain links that lead to an address: the current chain's links that are its ancestors, then it. */
  private chainTo(c: Chain, id: string, address: string, span: Span): Place['chain'] {
    const links = id === c.target ? c.path.filter((p) => address.startsWith(p.address) && p.address !== address) : [];
    return [...links, { address, span }];
  }

  private range(id: string, from: string, to: string): string[] {
    const doc = this.index.byId(id);
    if (!doc) return [from, to];
    const a = doc.units.get(from);
    const b = doc.units.get(to);
    if (!a || !b) return [from, to];
    const siblings = from.includes('(') ? parentOf(doc.provisions, a)?.children ?? [] : doc.provisions;
    const i = siblings.indexOf(a);
    const j = siblings.indexOf(b);
    if (i < 0 || j < i) return [from, to];
    return siblings.slice(i, j + 1).map((u) => u.address);
  }

  /** After `proviso` / `Explanation`: `to sub-section (2)` names its owner; else the chain's unit. */
  private ownerAfter(cur: Cursor, c: Chain, state: ScanState): Place {
    const save = cur.pos;
    if (cur.eat(RX.toOf)) {
      const places = this.designator(cur, c, state);
      if (places && places.length === 1) return places[0]!;
      cur.pos = save;
    }
    const target = this.requireTarget(c);
    const last = c.path[c.path.length - 1];
    if (!last) throw new Fail('it names a proviso or Explanation without saying of which unit');
    return { target, address: last.address, span: last.span, chain: [...c.path] };
  }

  private sub(owner: Place, label: string, span: Span): Place {
    const address = `${owner.address.replace(/ (?:proviso|Explanation).*$/, '')} ${label}`;
    return { target: owner.target, address, span, chain: [...owner.chain, { address, span }] };
  }

  // --- operations -------------------------------------------------------------------------

  private operations_(cur: Cursor, base: Chain, span: Span, section: Unit, unit: Unit): Operation[] {
    const ops: Operation[] = [];
    let c = base;
    for (;;) {
      const opStart = cur.ws();
      const read = this.operation(cur, c);
      if (!read) {
        if (ops.length === 0) throw new Fail('it is none of the forms of amendment Lawmark reads (substitute, omit, insert, add, renumber)');
        cur.pos = opStart;
        break;
      }
      cur.eat(DEEMED);
      const list = Array.isArray(read) ? read : [read];
      for (const r of list) ops.push({ ...r, id: this.nextId++, span, section: section.address, billUnit: unit.address } as Operation);
      // Another operation in the same sentence: `…; and (b)`, `… and thereafter the following …`,
      // `…, and in sub-section (2), …` (a fresh chain from the sentence's own).
      const save = cur.pos;
      cur.eat(OP_SEP, true);
      const next = cloneChain(base);
      // What follows hangs from the unit the operation named (`section 9 shall be renumbered as
      // sub-section (1) thereof and after sub-section (1) as so renumbered, …`).
      const last = list[list.length - 1]!;
      const place = 'unit' in last ? last.unit : last.scope;
      if (place.target === next.target && place.chain.length >= next.path.length) next.path = place.chain.map((l) => ({ ...l }));
      this.chain(cur, next);
      const probe = cur.pos;
      const again = this.peekOperation(cur, next);
      cur.pos = again ? probe : save;
      if (!again) break;
      c = next;
    }
    // One operation: the whole sentence is its span; several: each its own words.
    return ops;
  }

  private peekOperation(cur: Cursor, c: Chain): boolean {
    const save = cur.pos;
    try {
      return !!this.operation(cur, cloneChain(c));
    } catch {
      return false;
    } finally {
      cur.pos = save;
    }
  }

  private quote(cur: Cursor): QuotedText | undefined {
    const at = cur.ws();
    const q = this.quotes.get(at);
    if (!q || q.end > cur.end) return undefined;
    cur.pos = q.end;
    return { text: q.text, span: q.span };
  }

  /** `the words "A"`, `"A"`, `the figure and brackets "(2)"`. */
  private words(cur: Cursor): QuotedText | undefined {
    const save = cur.pos;
    // `the words beginning with the words "A" and ending with the word "B"` (a passage by its ends)
    if (cur.eat(RANGE_START)) {
      cur.eat(WORD_KIND);
      const from = this.quote(cur);
      if (from && cur.eat(RANGE_END)) {
        cur.eat(WORD_KIND);
        const to = this.quote(cur);
        if (to) return { text: from.text, span: { start: from.span.start, end: to.span.end }, until: { text: to.text, span: to.span } };
      }
      cur.pos = save;
    }
    cur.eat(WORD_KIND);
    const q = this.quote(cur);
    if (!q) cur.pos = save;
    return q;
  }

  private occurrence(cur: Cursor): Occurrence | undefined {
    if (cur.eat(WHEREVER)) return { all: true };
    // `the word "and" at the end shall be omitted`: the last (the end is checked when applied).
    if (!cur.peek(/,?\s*at\s+the\s+end\s*,?\s*(?:the\s+(?:following|words?)|a\s|an\s|there\s|add|insert)/iy) && cur.eat(AT_END)) return { last: true, atEnd: true };
    const x = cur.eat(NTH_PLACE);
    if (x) {
      const w = (x[1] ?? x[2] ?? '').toLowerCase();
      return w === 'last' ? { last: true } : { nth: ORDINALS[w] ?? 1 };
    }
    return undefined;
  }

  private newTextInline(cur: Cursor): NewText | undefined {
    cur.eat(NAMELY);
    const q = this.quote(cur);
    return q ? { text: q.text, span: q.span, block: false } : undefined;
  }

  private one(places: Place[] | undefined, what: string): Place {
    if (!places) throw new Fail(`it does not say which unit ${what}`);
    if (places.length !== 1) throw new Fail(`it ${what} several units with one text`);
    return places[0]!;
  }

  /** One operation at the cursor, or undefined when none starts here. Throws Fail when one starts but goes wrong. */
  private operation(cur: Cursor, c: Chain): OpDraft | OpDraft[] | undefined {
    const start = cur.ws();
    const fallback = { start, end: start };
    let x: RegExpExecArray | null;

    // for the full stop at the end a colon shall be substituted
    if ((x = cur.eat(RX.fullStop))) {
      const from = punct(x[1]!);
      return { kind: 'substitute-end', scope: this.scope(c, fallback), from, to: punct(x[2]!), fromName: x[1]!.toLowerCase() };
    }

    // for …
    if (cur.eat(RX.for)) {
      const words = this.words(cur);
      if (words) {
        let occurrence = this.occurrence(cur);
        cur.eat(RX.comma);
        let by: QuotedText | undefined;
        if (cur.eat(RX.thereShallBeSubstituted) || cur.eat(RX.substitute) || cur.eat(RX.read)) {
          by = this.words(cur);
          occurrence ??= this.occurrence(cur);
        } else {
          by = this.words(cur);
          occurrence ??= this.occurrence(cur);
          if (by && !cur.eat(RX.shallBeSubstituted)) throw new Fail('it gives the new words but does not say "shall be substituted"');
        }
        if (!by) throw new Fail(`it does not quote the words to put in place of "${ellipsis(words.text)}"`);
        return { kind: 'substitute-words', scope: this.scope(c, words.span), words, by, ...(occurrence ? { occurrence } : {}) };
      }
      const unit = this.one(this.designator(cur, c, {}), 'it substitutes');
      cur.eat(RX.comma);
      if (cur.eat(RX.thereShallBeSubstituted)) cur.eat(RX.following);
      else if (cur.eat(RX.substitute)) {
        /* UK: for section 6 substitute— */
      } else {
        cur.eat(RX.following);
        if (!cur.eat(RX.shallBeSubstituted)) throw new Fail(`it names ${unit.address} but does not say "the following shall be substituted"`);
      }
      return { kind: 'substitute-unit', unit, text: this.newTextInline(cur) };
    }

    // after|before …
    if ((x = cur.eat(RX.afterBefore))) {
      const position = x[1]!.toLowerCase() as 'after' | 'before';
      const words = this.words(cur);
      if (words) {
        let occurrence = this.occurrence(cur);
        cur.eat(RX.comma);
        let text: QuotedText | undefined;
        if (cur.eat(RX.thereShallBeInserted) || cur.eat(RX.insert)) {
          text = this.words(cur);
        } else {
          text = this.words(cur);
          occurrence ??= this.occurrence(cur);
          if (text && !cur.eat(RX.shallBeInserted)) throw new Fail('it gives the new words but does not say "shall be inserted"');
        }
        if (!text) throw new Fail(`it does not quote the words to insert ${position} "${ellipsis(words.text)}"`);
        return { kind: 'insert-words', scope: this.scope(c, words.span), position, words, text, ...(occurrence ? { occurrence } : {}) };
      }
      const unit = this.one(this.designator(cur, c, {}), `it inserts ${position}`);
      cur.eat(RX.comma);
      if (cur.eat(RX.thereShallBeInserted)) cur.eat(RX.following);
      else if (cur.eat(RX.insert)) {
        /* UK: after section 4 insert— */
      } else {
        cur.eat(RX.following);
        if (!cur.eat(RX.shallBeInserted)) throw new Fail(`it names ${unit.address} but does not say "the following shall be inserted"`);
      }
      return { kind: 'insert-unit', position, unit, text: this.newTextInline(cur) };
    }

    // at the end [of …], …
    if (cur.peek(RX.atEnd)) {
      let scope: Place | undefined;
      const save = cur.pos;
      if (cur.eat(RX.atEndOf)) {
        if (cur.eat(RX.ofTheAct) || cur.eat(re(String.raw`(?:the\s+said|the\s+principal|this|the)\s+(?:Act|Ordinance|Code|Order)\b`))) {
          scope = { ...this.scope(c, fallback), address: '', chain: [] };
        } else {
          const places = this.designator(cur, c, {});
          if (places) scope = this.one(places, 'it adds to the end of');
        }
      }
      if (!scope) {
        cur.pos = save;
        cur.eat(RX.atEnd);
        scope = this.scope(c, fallback);
      }
      cur.eat(RX.comma);
      // for the full stop at the end …
      if ((x = cur.eat(RX.fullStop))) return { kind: 'substitute-end', scope, from: punct(x[1]!), to: punct(x[2]!), fromName: x[1]!.toLowerCase() };
      if (cur.eat(RX.thereShallBeInserted) || cur.eat(RX.insert)) {
        const text = this.words(cur);
        if (text) return { kind: 'add-words', scope, text };
        cur.eat(RX.following);
        return { kind: 'add-unit', scope, text: this.newTextInline(cur) };
      }
      const text = this.words(cur);
      if (text) {
        if (!cur.eat(RX.shallBeInserted)) throw new Fail('it gives words to add at the end but does not say "shall be added"');
        return { kind: 'add-words', scope, text };
      }
      cur.eat(RX.following);
      if (!cur.eat(RX.shallBeInserted)) throw new Fail('it does not say "the following shall be added"');
      return { kind: 'add-unit', scope, text: this.newTextInline(cur) };
    }

    // omit "A" [, substitute "B"]; omit section 13
    if (cur.eat(RX.omit)) {
      const words = this.words(cur);
      if (words) {
        let occurrence = this.occurrence(cur);
        const save = cur.pos;
        cur.eat(RX.and);
        if (cur.eat(RX.substitute) || cur.eat(RX.insert)) {
          const by = this.words(cur);
          if (!by) throw new Fail('it does not quote the words to substitute');
          occurrence ??= this.occurrence(cur);
          return { kind: 'substitute-words', scope: this.scope(c, words.span), words, by, ...(occurrence ? { occurrence } : {}) };
        }
        cur.pos = save;
        return { kind: 'omit-words', scope: this.scope(c, words.span), words, ...(occurrence ? { occurrence } : {}) };
      }
      return this.omitOrRepeal(cur, c);
    }
    if (cur.eat(RX.repeal)) return this.omitOrRepeal(cur, c);

    // substitute "B" for "A"
    if (cur.eat(RX.substitute)) {
      const by = this.words(cur);
      if (!by || !cur.eat(RX.for)) throw new Fail('it does not say what to substitute for what');
      const words = this.words(cur);
      if (!words) throw new Fail('it does not quote the words to be replaced');
      const occurrence = this.occurrence(cur);
      return { kind: 'substitute-words', scope: this.scope(c, words.span), words, by, ...(occurrence ? { occurrence } : {}) };
    }

    // insert "B" after "A"
    if (cur.peek(RX.insert)) {
      const save = cur.pos;
      cur.eat(RX.insert);
      const text = this.words(cur);
      const y = text ? cur.eat(RX.afterBefore) : null;
      if (text && y) {
        const words = this.words(cur);
        if (!words) throw new Fail('it does not quote the words to insert beside');
        const occurrence = this.occurrence(cur);
        return { kind: 'insert-words', scope: this.scope(c, words.span), position: y[1]!.toLowerCase() as 'after' | 'before', words, text, ...(occurrence ? { occurrence } : {}) };
      }
      cur.pos = save;
    }

    // the following … shall be inserted after section 4 / substituted for section 6 / added at the end
    if (cur.eat(RX.following)) {
      if ((x = cur.eat(re(String.raw`,?\s*${SHALL}\s+(?:inserted|added)\s+(after|before)\b`)))) {
        const unit = this.one(this.designator(cur, c, {}), 'it inserts beside');
        return { kind: 'insert-unit', position: x[1]!.toLowerCase() as 'after' | 'before', unit, text: this.newTextInline(cur) };
      }
      if (cur.eat(RX.shallBeSubstitutedFor)) {
        const unit = this.one(this.designator(cur, c, {}), 'it substitutes');
        return { kind: 'substitute-unit', unit, text: this.newTextInline(cur) };
      }
      if (cur.eat(re(String.raw`,?\s*${SHALL}\s+(?:inserted|added)\s+at\s+the\s+end(?:\s+thereof)?`))) {
        let scope = this.scope(c, fallback);
        if (cur.eat(re(String.raw`of\b`))) scope = this.one(this.designator(cur, c, {}), 'it adds to the end of');
        return { kind: 'add-unit', scope, text: this.newTextInline(cur) };
      }
      // `… and thereafter the following proviso shall be added`: at the end of the unit in hand.
      if (cur.eat(re(String.raw`,?\s*${SHALL}\s+added\b`))) {
        return { kind: 'add-unit', scope: this.scope(c, fallback), text: this.newTextInline(cur) };
      }
      throw new Fail('it says "the following" but not where it goes');
    }

    // the words "A" shall be omitted / shall be substituted for the words "B" / shall be inserted after …
    const words = this.words(cur);
    if (words) {
      let occurrence = this.occurrence(cur);
      if (cur.eat(RX.shallBeOmitted)) {
        occurrence ??= this.occurrence(cur);
        return { kind: 'omit-words', scope: this.scope(c, words.span), words, ...(occurrence ? { occurrence } : {}) };
      }
      if (cur.eat(RX.shallBeSubstitutedFor)) {
        const old = this.words(cur);
        if (!old) throw new Fail('it does not quote the words to be replaced');
        occurrence ??= this.occurrence(cur);
        return { kind: 'substitute-words', scope: this.scope(c, old.span), words: old, by: words, ...(occurrence ? { occurrence } : {}) };
      }
      if (cur.eat(RX.shallBeReplaced)) {
        const by = this.words(cur);
        if (!by) throw new Fail('it does not quote the new words');
        occurrence ??= this.occurrence(cur);
        return { kind: 'substitute-words', scope: this.scope(c, words.span), words, by, ...(occurrence ? { occurrence } : {}) };
      }
      if ((x = cur.eat(re(String.raw`,?\s*${SHALL}\s+(?:inserted|added)\s+(after|before)\b`)))) {
        const anchor = this.words(cur);
        if (!anchor) throw new Fail('it does not quote the words to insert beside');
        occurrence ??= this.occurrence(cur);
        return { kind: 'insert-words', scope: this.scope(c, anchor.span), position: x[1]!.toLowerCase() as 'after' | 'before', words: anchor, text: words, ...(occurrence ? { occurrence } : {}) };
      }
      if (cur.eat(re(String.raw`,?\s*${SHALL}\s+(?:inserted|added)\s+at\s+the\s+end\b`))) {
        return { kind: 'add-words', scope: this.scope(c, words.span), text: words };
      }
      throw new Fail(`it quotes "${ellipsis(words.text)}" but does not say what to do with it`);
    }

    // section 13 shall be omitted; sub-section (3) shall be renumbered as sub-section (4)
    const save = cur.pos;
    const places = this.designator(cur, c, {});
    if (places) {
      if (cur.eat(RX.shallBeOmitted)) return places.map((unit) => ({ kind: 'omit-unit', unit }) as OpDraft);
      if (cur.eat(RX.shallBeRenumbered)) {
        const unit = this.one(places, 'it renumbers');
        const state: ScanState = { lastAddress: unit.address, lastAddressInstrument: { kind: 'id', id: unit.target } };
        const toAt = cur.ws();
        const scopeChain: Chain = { target: unit.target, path: unit.chain.map((l) => ({ ...l })), part: undefined };
        const to = this.one(this.designator(cur, scopeChain, state), 'it renumbers as');
        let address = to.address;
        if (cur.eat(RX.thereof)) {
          // `sub-section (1) thereof`: of the unit renumbered.
          const label = /\([^)]*\)$/.exec(to.address)?.[0] ?? '';
          address = unit.address + label;
        } else if (/^\(/.test(to.address)) {
          address = unit.address + to.address;
        }
        return { kind: 'renumber', unit, to: address, toSpan: { start: toAt, end: cur.pos } };
      }
      if (cur.eat(re(String.raw`,?\s*${SHALL}\s+substituted\s+by\s+the\s+following`))) {
        return { kind: 'substitute-unit', unit: this.one(places, 'it substitutes'), text: this.newTextInline(cur) };
      }
      cur.pos = save;
      const what = places.map((p) => citeShort(this.index.byId(p.target)?.frontMatter, p.address)).join(', ');
      throw new Fail(`it names ${what} but not in a form of amendment Lawmark reads (omitted, substituted, inserted, added, renumbered)`);
    }
    return undefined;
  }

  /** After `omit` / `repeal`: the units, and UK/Australian `…, substitute—`. */
  private omitOrRepeal(cur: Cursor, c: Chain): OpDraft | OpDraft[] {
    const places = this.designator(cur, c, {});
    if (!places) throw new Fail('it does not say what to omit');
    const save = cur.pos;
    cur.eat(RX.and);
    if (cur.eat(RX.substitute)) {
      return { kind: 'substitute-unit', unit: this.one(places, 'it substitutes'), text: this.newTextInline(cur) };
    }
    cur.pos = save;
    return places.map((unit) => ({ kind: 'omit-unit', unit }) as OpDraft);
  }

  /** Gives each operation that takes new text the next block quote after it, in the section. */
  private assignQuotes(section: Unit, from: number): void {
    const quotes: BlockQuote[] = this.bill.blockQuotes.filter((q) => q.span.start >= section.span.start && q.span.start < section.span.end);
    const used = new Set<BlockQuote>();
    const ops = this.operations.slice(from);
    ops.forEach((op, i) => {
      if (!needsNewText(op)) return;
      const o = op as Extract<Operation, { text?: NewText }>;
      if (o.text) return; // inline
      const next = ops.slice(i + 1).find((n) => needsNewText(n) && n.span.start > op.span.start);
      const limit = next ? next.span.start : section.span.end;
      const q = quotes.find((b) => !used.has(b) && b.span.start >= op.span.start && b.span.start <= limit);
      if (q) {
        used.add(q);
        o.text = { text: q.text, span: q.span, block: true };
      }
    });
    // An operation without its text is unreadable: drop it and say so.
    for (const op of ops) {
      if (!needsNewText(op) || (op as { text?: NewText }).text) continue;
      this.operations.splice(this.operations.indexOf(op), 1);
      this.unrecognised(op.span, 'it says "the following" but no block quote (`> …`) follows it with the new text', section);
    }
    for (const q of quotes) {
      if (used.has(q)) continue;
      // A quote that follows an instruction already reported as unreadable is covered by that report.
      const covered = this.findings.some((f) => f.code === 'amendment-unrecognised' && f.span.start >= section.span.start && f.span.start < q.span.start);
      if (covered) continue;
      this.findings.push({
        code: 'amendment-unrecognised',
        uri: this.bill.uri,
        span: q.span,
        message: `This quoted text in section ${section.address} belongs to no instruction that Lawmark reads (an instruction ending "the following shall be substituted / inserted / added, namely:—" should come before it); it is not applied.`,
        related: [],
      });
    }
  }
}

type OpDraft = DistributiveOmit<Operation, 'id' | 'span' | 'section' | 'billUnit'>;
type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;

function pathOf(address: string): string[] {
  const a = address.replace(/ (?:proviso|Explanation).*$/, '');
  return a.match(/^[^(]+|\([^)]*\)/g) ?? [];
}

function parentOf(units: Unit[], child: Unit): Unit | undefined {
  for (const u of walkUnits(units)) if (u.children.includes(child)) return u;
  return undefined;
}

/** Splits text[start, end) into sentences at a full stop followed by a capital (not after `No.`, `s.`, `Rs.`). */
function splitSentences(m: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let from = start;
  const rx = /\.(?=\s+[A-Z(])/g;
  rx.lastIndex = start;
  let x: RegExpExecArray | null;
  while ((x = rx.exec(m)) && x.index < end) {
    const before = m.slice(Math.max(start, x.index - 6), x.index);
    if (/(?:^|[\s(])(?:No|Nos|s|ss|Rs|Art|art|Sec|sec|cl|para|viz|i\.e|e\.g|Cr|P|Ord)$/.test(before)) continue;
    if (m.slice(from, x.index).trim()) out.push({ start: from, end: x.index + 1 });
    from = x.index + 1;
  }
  if (m.slice(from, end).trim()) out.push({ start: from, end });
  return out.map((s) => ({ start: skipWs(m, s.start, s.end), end: s.end }));
}

function skipWs(m: string, i: number, end: number): number {
  while (i < end && /\s/.test(m[i]!)) i++;
  return i;
}

function trimEnd(m: string, end: number): number {
  while (end > 0 && /\s/.test(m[end - 1]!)) end--;
  return end;
}

export function ellipsis(s: string, n = 60): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}
