// Definitions (dialect §3): quoted terms with a defining verb, inline short forms,
// single-term imports and blanket imports, each with its scope.
import type { Definition, DefinitionScope, Division, Span, Unit } from '../model/types';
import { walkUnits } from './structure';

/** A definition before linking: an import names its source instrument in raw text. */
export interface RawDefinition extends Omit<Definition, 'importFrom'> {
  /** For imports: where the text naming the source starts (the reference scanner reads it). */
  importAt?: number;
}

export interface RawBlanketImport {
  span: Span;
  address: string;
  importAt: number;
}

const Q_OPEN = '"“‘';
const Q_CLOSE = '"”’';
const EMPH = '(?:\\*\\*|__|\\*|_)?';
const VERB =
  '(means|shall\\s+mean|mean|includes|include|shall\\s+include|has\\s+the\\s+same\\s+meaning|have\\s+the\\s+same\\s+meaning|shall\\s+have\\s+the\\s+same\\s+meaning|has\\s+the\\s+meaning|shall\\s+have\\s+the\\s+meaning|is\\s+defined|refers\\s+to)';
const DEFINITION = new RegExp(
  `${EMPH}[${Q_OPEN}]${EMPH}([^${Q_CLOSE}\\n*_]{1,80}?)${EMPH}[${Q_CLOSE}]${EMPH}` +
    `(?:\\s*(?:and|or|,)\\s*${EMPH}[${Q_OPEN}]${EMPH}([^${Q_CLOSE}\\n*_]{1,80}?)${EMPH}[${Q_CLOSE}]${EMPH})?` +
    // A qualifier between the term and the verb: `"contracting party" to a marriage means`,
    // `"worker", in relation to a factory, means`.
    `\\s*(?:,[^,.;\\n]{0,60},\\s*|\\s+(?:to|of|in\\s+relation\\s+to|with\\s+reference\\s+to|in\\s+respect\\s+of|used\\s+with\\s+reference\\s+to)\\s+[^,.;:\\n"“”]{1,50}?\\s+)?${VERB}\\b`,
  'g',
);
const SHORT_FORM = new RegExp(
  `\\((?:hereinafter|hereafter|herein|in\\s+this\\s+\\w+)?\\s*(?:collectively\\s+)?(?:referred\\s+to\\s+as|called|known\\s+as)\\s+${EMPH}[${Q_OPEN}]${EMPH}(?:the\\s+)?([^${Q_CLOSE}\\n*_]{1,60}?)${EMPH}[${Q_CLOSE}]${EMPH}\\s*\\)`,
  'gi',
);
const AS_DEFINED = /((?:[A-Za-z][\w-]*\s+){0,3}[A-Za-z][\w-]*)\s+as\s+defined\s+(?:in|under|by)\s+/g;
const BLANKET =
  /words\s+and\s+expressions\s+used\s+(?:herein\s+|in\s+this\s+\w+\s+)?(?:and|but)\s+not\s+defined\s+(?:herein|in\s+this\s+\w+)?\s*(?:shall\s+)?(?:have|bear)\s+the\s+(?:same\s+)?meanings?\s+(?:respectively\s+)?(?:as\s+are\s+)?(?:assigned|given)\s+to\s+them\s+(?:in|by|under)\s+/gi;

const DEFINITION_HEADING = /\b(definitions?|interpretation|use\s+of\s+terms|meaning\s+of\s+(?:words|terms|expressions))\b/i;
const SCOPE_INSTRUMENT = /\b(?:in|for\s+the\s+purposes?\s+of|under)\s+this\s+(act|ordinance|code|rules|regulations|convention|protocol|constitution|order|law|instrument|statute)\b/i;
const SCOPE_PROVISION = /\b(?:in|for\s+the\s+purposes?\s+of)\s+this\s+(section|article|rule|regulation)\b/i;
const SCOPE_DIVISION = /\b(?:in|for\s+the\s+purposes?\s+of)\s+this\s+(part|chapter|division|schedule)\b/i;

export interface DefinitionsResult {
  definitions: RawDefinition[];
  blanket: RawBlanketImport[];
}

/** Finds definitions in the provisions. `prose` is the text with comments and code blanked. */
export function readDefinitions(prose: string, provisions: Unit[], divisions: Division[]): DefinitionsResult {
  const definitions: RawDefinition[] = [];
  const blanket: RawBlanketImport[] = [];
  for (const provision of provisions) {
    const chain: Unit[] = [];
    const visit = (unit: Unit, ancestors: Unit[]) => {
      const own = unit.ownSpan;
      const start = unit.kind === 'provision' ? headingLineEnd(prose, unit) : own.start;
      readInUnit(prose, start, own.end, unit, [...ancestors, unit], provision, divisions, definitions, blanket);
      for (const c of unit.children) visit(c, [...ancestors, unit]);
    };
    visit(provision, chain);
  }
  return { definitions, blanket };
}

function headingLineEnd(prose: string, provision: Unit): number {
  const nl = prose.indexOf('\n', provision.span.start);
  return nl < 0 || nl > provision.ownSpan.end ? provision.ownSpan.end : nl + 1;
}

function readInUnit(
  prose: string,
  start: number,
  end: number,
  unit: Unit,
  chain: Unit[],
  provision: Unit,
  divisions: Division[],
  out: RawDefinition[],
  blanket: RawBlanketImport[],
): void {
  if (end <= start) return;
  const text = prose.slice(start, end);
  // Most units define nothing: skip the patterns when none of their key words is present.
  if (!/mean|includ|defined|referred|called|known as|expressions/i.test(text)) return;
  const scopeOf = (at: number): { scope: DefinitionScope; scopeAddress?: string } =>
    scopeFor(prose, at, chain, provision, divisions);

  DEFINITION.lastIndex = 0;
  for (let m = DEFINITION.exec(text); m; m = DEFINITION.exec(text)) {
    const verb = m[3]!.replace(/\s+/g, ' ').toLowerCase();
    const form: Definition['form'] = /same meaning|meaning|is defined/.test(verb) ? 'import' : /include/.test(verb) ? 'includes' : 'means';
    const terms = [m[1]!, m[2]].filter((t): t is string => !!t && t.trim() !== '');
    for (const raw of terms) {
      const rel = m[0].indexOf(raw, raw === m[1] ? 0 : m[0].indexOf(m[1]!) + m[1]!.length);
      const termStart = start + m.index + rel;
      const display = raw.trim();
      const lead = raw.length - raw.trimStart().length;
      const sc = scopeOf(termStart);
      out.push({
        term: normaliseTerm(display),
        display,
        span: { start: termStart + lead, end: termStart + lead + display.length },
        bodySpan: { start: unit.span.start, end: unit.span.end },
        address: unit.address,
        scope: sc.scope,
        scopeAddress: sc.scopeAddress,
        form,
        importAt: form === 'import' ? start + m.index + m[0].length : undefined,
      });
    }
  }
  SHORT_FORM.lastIndex = 0;
  for (let m = SHORT_FORM.exec(text); m; m = SHORT_FORM.exec(text)) {
    const display = m[1]!.trim();
    const termStart = start + m.index + m[0].indexOf(m[1]!);
    const sentence = sentenceAround(prose, start + m.index, start, end);
    out.push({
      term: normaliseTerm(display),
      display,
      span: { start: termStart, end: termStart + display.length },
      bodySpan: sentence,
      address: unit.address,
      scope: 'instrument',
      form: 'short-form',
    });
  }
  AS_DEFINED.lastIndex = 0;
  for (let m = AS_DEFINED.exec(text); m; m = AS_DEFINED.exec(text)) {
    const words = m[1]!.split(/\s+/);
    const candidates: string[] = [];
    for (let k = 0; k < words.length; k++) {
      const t = words.slice(k).join(' ');
      if (/^(the|a|an|and|or|of|as|is|in|any|such)$/i.test(words[k]!)) continue;
      candidates.push(normaliseTerm(t));
    }
    if (candidates.length === 0) continue;
    const last = words[words.length - 1]!;
    const termStart = start + m.index + m[1]!.length - last.length;
    const sc = scopeOf(termStart);
    out.push({
      term: candidates[candidates.length - 1]!,
      display: last,
      span: { start: termStart, end: termStart + last.length },
      bodySpan: { start: unit.span.start, end: unit.span.end },
      address: unit.address,
      scope: sc.scope,
      scopeAddress: sc.scopeAddress,
      form: 'import',
      importAt: start + m.index + m[0].length,
      candidates,
    });
  }
  BLANKET.lastIndex = 0;
  for (let m = BLANKET.exec(text); m; m = BLANKET.exec(text)) {
    blanket.push({ span: { start: start + m.index, end: start + m.index + m[0].length }, address: unit.address, importAt: start + m.index + m[0].length });
  }
}

function scopeFor(
  prose: string,
  at: number,
  chain: Unit[],
  provision: Unit,
  divisions: Division[],
): { scope: DefinitionScope; scopeAddress?: string } {
  // The nearest words first: the definition's own unit before the term, then its ancestors' own text.
  for (let k = chain.length - 1; k >= 0; k--) {
    const u = chain[k]!;
    const from = u.kind === 'provision' ? headingLineEnd(prose, u) : u.ownSpan.start;
    const to = k === chain.length - 1 ? Math.max(from, at) : u.ownSpan.end;
    const words = prose.slice(from, to);
    const found = lastScopePhrase(words);
    if (found === 'instrument') return { scope: 'instrument' };
    if (found === 'provision') return { scope: 'provision', scopeAddress: provision.address };
    if (found) {
      const d = divisionOf(provision, divisions, found);
      if (d) return { scope: 'division', scopeAddress: d };
      return { scope: 'instrument' };
    }
  }
  if (provision.heading && DEFINITION_HEADING.test(provision.heading)) return { scope: 'instrument' };
  return { scope: 'provision', scopeAddress: provision.address };
}

function lastScopePhrase(words: string): 'instrument' | 'provision' | string | undefined {
  let best: { at: number; kind: string } | undefined;
  for (const [re, kind] of [
    [SCOPE_INSTRUMENT, 'instrument'],
    [SCOPE_PROVISION, 'provision'],
    [SCOPE_DIVISION, 'division'],
  ] as const) {
    const g = new RegExp(re.source, 'gi');
    for (let m = g.exec(words); m; m = g.exec(words)) {
      if (!best || m.index > best.at) best = { at: m.index, kind: kind === 'division' ? m[1]!.toLowerCase() : kind };
    }
  }
  return best?.kind;
}

function divisionOf(provision: Unit, divisions: Division[], word: string): string | undefined {
  // The innermost division holding the provision whose address starts with the word.
  let best: Division | undefined;
  for (const d of divisions) {
    if (d.provisions.includes(provision.address) && d.address.startsWith(word)) {
      if (!best || d.level > best.level) best = d;
    }
  }
  return best?.address ?? provision.division;
}

function sentenceAround(prose: string, at: number, min: number, max: number): Span {
  let s = at;
  while (s > min && !/[.;:]\s/.test(prose.slice(s - 2, s))) s--;
  let e = at;
  while (e < max && !/[.;]/.test(prose[e]!)) e++;
  return { start: s, end: Math.min(max, e + 1) };
}

/** Lower-case, whitespace folded, emphasis and a leading article removed. */
export function normaliseTerm(t: string): string {
  return t
    .replace(/[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Every unit of the instrument by address. */
export function unitsByAddress(provisions: Unit[]): Map<string, Unit> {
  const m = new Map<string, Unit>();
  for (const u of walkUnits(provisions)) if (!m.has(u.address)) m.set(u.address, u);
  return m;
}
