// What the legal checks read in one instrument: its offences (penalty in normal form,
// conduct categories, base and aggravated forms), the ages of child and minor it sets,
// its non-punishment clauses, victim remedies, overriding clauses and the definition of
// trafficking. A pure function of the linked document and the taxonomy, cached per both.
import type { Reference, Span, Unit } from '../model/types';
import type { LinkedDocument } from '../index/link';
import { readPenalties, type Penalty } from '../parse/penalty';
import { readAgeThresholds } from '../parse/ages';
import { walkUnits } from '../parse/structure';
import { termKey } from '../text/terms';
import { categoriesIn, type Taxonomy } from './taxonomy';

export interface Offence {
  /** The unit where the penalty is written: `3(1)`, `4`, `9(c)`. */
  address: string;
  provision: string;
  penalty: Penalty;
  categories: string[];
  aggravated: boolean;
  /** The base offence an aggravated form aggravates (an address in the same instrument). */
  base?: string;
  /** A base offence in another instrument that the aggravated form names ("the offence under section 360C of the Penal Code"). */
  baseElsewhere?: { instrument: string; address: string };
  /** The unit that holds the offence. */
  unitSpan: Span;
}

export interface AgeDefinition {
  term: string;
  address: string;
  sex: 'any' | 'male' | 'female';
  under: number;
  /** The age phrase. */
  span: Span;
  /** The defined term. */
  termSpan: Span;
}

export interface NonPunishmentClause {
  address: string;
  span: Span;
  /** `this-act`: only offences under its own instrument; `any-law`: under any law; `listed`: named laws. */
  scope: 'this-act' | 'any-law' | 'listed';
  /** Where the scope words ("under this Act") stand, for a quick fix that widens them. */
  scopeSpan?: Span;
}

export interface RemedyClause {
  address: string;
  span: Span;
  /** The words that make it depend on a conviction. */
  conditionSpan: Span;
}

export interface LegalFacts {
  offences: Offence[];
  ages: AgeDefinition[];
  nonPunishment: NonPunishmentClause[];
  remedies: RemedyClause[];
  overriding: Array<{ address: string; span: Span }>;
  /** A definition of "victim" that holds whether or not anyone is convicted. */
  victimRegardless?: { address: string; span: Span };
  /** The text that defines trafficking (a quoted definition, else the offence's description), by spans. */
  traffickingDefinition?: { address: string; spans: Span[]; quoted: boolean };
}

const cache = new WeakMap<LinkedDocument, WeakMap<Taxonomy, LegalFacts>>();

export function legalFacts(doc: LinkedDocument, taxonomy: Taxonomy): LegalFacts {
  let byTax = cache.get(doc);
  if (!byTax) cache.set(doc, (byTax = new WeakMap()));
  const hit = byTax.get(taxonomy);
  if (hit) return hit;
  const facts = read(doc, taxonomy);
  byTax.set(taxonomy, facts);
  return facts;
}

/** checks.md: definitions of child or minor (a "young person" or "youth" is another class). */
const AGE_TERMS = new Set(['child', 'minor']);

function read(doc: LinkedDocument, taxonomy: Taxonomy): LegalFacts {
  const facts: LegalFacts = { offences: [], ages: [], nonPunishment: [], remedies: [], overriding: [] };
  const fm = doc.frontMatter;
  if (!fm || fm.kind === 'bill') return facts;
  const prose = doc.prose;
  // References by the provision that holds them (each offence looks only at its own).
  const refsOf = new Map<string, Reference[]>();
  for (const r of doc.references) {
    const p = r.from.replace(/[ (].*$/, '');
    const list = refsOf.get(p);
    if (list) list.push(r);
    else refsOf.set(p, [r]);
  }
  for (const provision of doc.provisions) {
    const bodyStart = headingLineEnd(prose, provision);
    readOffences(doc, provision, bodyStart, taxonomy, facts, refsOf.get(provision.address) ?? []);
    for (const unit of walkUnits([provision])) {
      const own = unit.kind === 'provision' ? { start: bodyStart, end: unit.ownSpan.end } : unit.ownSpan;
      if (own.end <= own.start) continue;
      readClauses(prose, unit, own, facts);
    }
    readRemedies(prose, provision, bodyStart, facts);
  }
  // Ages of child and minor, from their definitions.
  for (let i = 0; i < doc.definitions.length; i++) {
    const d = doc.definitions[i]!;
    if (!AGE_TERMS.has(termKey(d.term.replace(/^the\s+/, '')))) continue;
    if (d.form === 'import' || d.form === 'short-form') continue;
    const next = doc.definitions.slice(i + 1).find((o) => o.span.start > d.span.start && o.span.start < d.bodySpan.end);
    // The definition runs to the next definition or the end of its unit (sub-clauses included:
    // "(b) "minor" means— (i) in relation to a male … (ii) in relation to a female …").
    const end = Math.min(d.bodySpan.end, next ? next.span.start : d.bodySpan.end);
    for (const a of readAgeThresholds(prose, d.span.end, end)) {
      facts.ages.push({ term: termKey(d.term), address: d.address, sex: a.sex, under: a.under, span: a.span, termSpan: d.span });
    }
  }
  // The victim defined regardless of conviction.
  const victim = doc.definitions.find((d) => termKey(d.term) === 'victim' && d.form !== 'import');
  if (victim) {
    const body = prose.slice(victim.span.end, victim.bodySpan.end);
    if (/\b(?:regardless\s+of\s+whether|whether\s+or\s+not|irrespective\s+of\s+whether|even\s+if|even\s+though|notwithstanding\s+that)\b[^.;]{0,160}\b(?:convicted|prosecuted|identified|apprehended|charged|arrested)\b/i.test(body)) {
      facts.victimRegardless = { address: victim.address, span: victim.span };
    }
  }
  facts.traffickingDefinition = traffickingDefinition(doc, facts, taxonomy);
  return facts;
}

function headingLineEnd(prose: string, provision: Unit): number {
  const nl = prose.indexOf('\n', provision.span.start);
  return nl < 0 || nl > provision.ownSpan.end ? provision.ownSpan.end : nl + 1;
}

function deepest(units: Unit[], offset: number): Unit | undefined {
  for (const u of units) {
    if (offset >= u.span.start && offset < Math.max(u.span.end, u.span.start + 1)) return deepest(u.children, offset) ?? u;
  }
  return undefined;
}

// An aggravated form: a condition ("if", "where", "when") that points back at an offence
// ("the offence", "an offence under section 3", "the person trafficked under subsection (1)")
// and names a circumstance (a child or woman victim, death or injury, an organised group, a
// public servant, repetition); or the words aggravated / second or subsequent offence.
const AGGRAVATION_WORDS = /\baggravat(?:ed|ing)\b|\bsecond\s+or\s+subsequent\b|\bsubsequent\s+(?:offence|conviction)\b/i;
const CONDITION = /\b(?:if|where|when|in\s+case)\b[^.;]{0,240}/gi;
const POINTS_BACK = /\b(?:offence|crime)\b|\bunder\s+(?:sub-?\s?section|section|clause|paragraph|article)\b|\breferred\s+to\s+in\b|\bsuch\s+(?:act|person|offender)\b/i;
const CIRCUMSTANCE =
  /\b(?:child|children|minor|young\s+person|woman|women|girl|death|dies|grievous|serious\s+(?:injury|harm|bodily)|organi[sz]ed|syndicate|large\s+scale|public\s+servant|official|repeat(?:ed)?|subsequent|committed\s+against|committed\s+in\s+(?:any\s+of\s+)?the\s+following|circumstances?|victim\s+is|involves|results?\s+in|disabilit|pregnan)/i;

/**
 * `followsOffence`: an offence of the same provision stands before this one, so a condition
 * with a circumstance ("(2) Where the crew member is a young person, …") grades that offence
 * even without pointing back at it in words.
 */
function isAggravated(text: string, heading: string, followsOffence: boolean): boolean {
  if (AGGRAVATION_WORDS.test(text) || /\baggravat|\bqualified\b/i.test(heading)) return true;
  CONDITION.lastIndex = 0;
  for (let m = CONDITION.exec(text); m; m = CONDITION.exec(text)) {
    if ((followsOffence || POINTS_BACK.test(m[0])) && CIRCUMSTANCE.test(m[0])) return true;
  }
  return false;
}

function readOffences(doc: LinkedDocument, provision: Unit, bodyStart: number, taxonomy: Taxonomy, facts: LegalFacts, refs: Reference[]): void {
  const prose = doc.prose;
  const penalties = readPenalties(prose, bodyStart, provision.span.end).filter(
    (p) => p.death || p.life || p.imprisonment !== null || p.fine !== null,
  );
  if (penalties.length === 0) return;
  const heading = provision.heading ?? '';
  // Explanations elaborate the whole provision's terms ("compelled labour includes … slavery").
  const explanations = [...walkUnits([provision])].filter((u) => u.kind === 'explanation').map((u) => prose.slice(u.span.start, u.span.end)).join(' ');
  const annotated = [...walkUnits([provision])].flatMap((u) => u.annotations.filter((a) => a.key === 'category').flatMap((a) => a.value.split(/[\s|]+/)));
  const mine: Offence[] = [];
  for (const penalty of penalties) {
    const unit = deepest([provision], penalty.span.start) ?? provision;
    // An offence is the unit that holds the penalty; a penalty in a clause of a list that
    // grades it (CNSA s.9(c)) is the clause's.
    const holder = unit.kind === 'explanation' || unit.kind === 'proviso' ? provision : unit;
    const unitText = prose.slice(holder.span.start, holder.span.end);
    const cited = citedProvisionsText(doc, provision, holder, refs);
    const categories = new Set([...categoriesIn(`${heading}\n${unitText}\n${explanations}\n${cited}`, taxonomy), ...annotated.filter((c) => taxonomy.byName.has(c))]);
    // The words that lead to this penalty: from the previous penalty of the same unit (a
    // later limb: "and, for a second or subsequent offence, …"), else from the unit's start.
    const prev = mine.filter((m) => m.address === holder.address).pop();
    const from = prev ? prev.penalty.span.end : holder === provision ? bodyStart : holder.span.start;
    const ownText = prose.slice(from, prev ? penalty.span.end : penalty.span.start);
    const aggravated = isAggravated(ownText, heading, mine.some((m) => !m.aggravated));
    mine.push({ address: holder.address, provision: provision.address, penalty, categories: [...categories].sort(), aggravated, unitSpan: holder.span });
  }
  facts.offences.push(...mine);
  // Link each aggravated form to its base: the offence it cites, else the last plain one before it.
  for (const o of mine) {
    if (!o.aggravated) continue;
    const unit = doc.units.get(o.address);
    const own = refs.filter((r) => unit && r.span.start >= unit.span.start && r.span.end <= unit.span.end && r.instrument.kind === 'self');
    let base: Offence | undefined;
    for (const r of own) {
      for (const t of r.targets) {
        base = facts.offences.find((x) => !x.aggravated && (x.address === t.address || x.provision === t.address));
        if (base) break;
      }
      if (base) break;
    }
    if (!base) {
      const other = refs.find((r) => unit && r.span.start >= unit.span.start && r.span.end <= unit.span.end && r.instrument.kind === 'id' && r.targets.length);
      if (other && other.instrument.kind === 'id') {
        o.baseElsewhere = { instrument: other.instrument.id, address: other.targets[0]!.address };
        continue;
      }
    }
    if (!base) base = mine.slice(0, mine.indexOf(o)).reverse().find((x) => !x.aggravated);
    if (base) {
      o.base = base.address;
      // An aggravated form is its base's conduct; its own words name circumstances
      // ("confiscation of any travel document"), not another offence.
      o.categories = [...base.categories];
    }
  }
}

/** The text of the provisions of the same instrument that an offence cites ("contravenes section 6"). */
function citedProvisionsText(doc: LinkedDocument, provision: Unit, holder: Unit, refs: Reference[]): string {
  const parts: string[] = [];
  for (const r of refs) {
    if (r.instrument.kind !== 'self') continue;
    if (holder !== provision && !(r.span.start >= holder.span.start && r.span.end <= holder.span.end) && !(r.span.start < (provision.children[0]?.span.start ?? provision.span.end))) continue;
    for (const t of r.targets) {
      const p = doc.units.get(t.address.replace(/\(.*$/, ''));
      if (p && p !== provision) parts.push(`${p.heading ?? ''} ${doc.prose.slice(p.span.start, p.span.end)}`);
    }
  }
  return parts.join('\n');
}

const NP_SUBJECT = String.raw`(?:victims?|trafficked\s+persons?|persons?\s+(?:who\s+(?:is|are|has\s+been|have\s+been)\s+)?trafficked|survivors?|persons?\s+smuggled|smuggled\s+migrants?|migrants?)`;
const NP_VERB = String.raw`(?:liable|responsible|prosecuted|punished|punishable|penali[sz]ed|detained|charged|convicted|sanctioned|arrested)`;
const NON_PUNISHMENT = new RegExp(
  String.raw`\b${NP_SUBJECT}\b[^.;]{0,160}?\b(?:shall|is|are|will|may)\s+not\s+(?:be\s+)?(?:held\s+)?(?:criminally\s+)?(?:be\s+)?${NP_VERB}\b` +
    String.raw`|\bno\s+${NP_SUBJECT}\s+shall\s+be\s+(?:held\s+)?(?:criminally\s+)?${NP_VERB}\b` +
    String.raw`|\b${NP_SUBJECT}\b[^.;]{0,80}?\bimmun(?:e|ity)\s+from\s+(?:criminal\s+)?(?:liability|prosecution|punishment)`,
  'i',
);
const OVERRIDING =
  /\bnotwithstanding\s+anything(?:\s+to\s+the\s+contrary)?(?:\s+contained)?\s+in\s+any\s+other\s+(?:law|enactment|statute)|\bshall\s+have\s+effect\s+notwithstanding\b[^.;]{0,120}\b(?:any\s+other\s+law|other\s+law|any\s+law)|\boverriding\s+effect\b|\bshall\s+(?:override|prevail\s+over)\s+(?:any|all|every)\s+other\s+(?:law|enactment)|\bnotwithstanding\s+any\s+other\s+(?:law|enactment)/i;
const REMEDY = /\b(?:compensation|restitution|reparations?|damages|relief|rehabilitation\s+allowance)\b/i;
const CONVICTION = /\bconvict(?:s|ed|ing|ion)?\b|\bfound\s+guilty\b|\bguilty\s+of\b|\bsentenc(?:es|ed|ing)\b/i;

function readClauses(prose: string, unit: Unit, own: Span, facts: LegalFacts): void {
  const text = prose.slice(own.start, own.end);
  const np = NON_PUNISHMENT.exec(text);
  if (np) {
    const tail = text.slice(np.index, sentenceEndIn(text, np.index + np[0].length));
    const scope = npScope(tail);
    const m = /\bunder\s+this\s+(?:act|ordinance|law|code|proclamation|decree)\b/i.exec(tail);
    facts.nonPunishment.push({
      address: unit.address,
      span: { start: own.start + np.index, end: own.start + np.index + tail.length },
      scope,
      scopeSpan: m ? { start: own.start + np.index + m.index, end: own.start + np.index + m.index + m[0].length } : undefined,
    });
  }
  const ov = OVERRIDING.exec(text);
  if (ov) facts.overriding.push({ address: unit.address, span: { start: own.start + ov.index, end: own.start + ov.index + ov[0].length } });
}

/**
 * Remedies for a victim conditioned on a conviction. A remedy provision is one whose heading
 * or text names compensation, restitution, reparation, damages or relief and speaks of a
 * victim; each of its sentences that makes the remedy wait for a conviction is one finding.
 */
function readRemedies(prose: string, provision: Unit, bodyStart: number, facts: LegalFacts): void {
  const all = `${provision.heading ?? ''}\n${prose.slice(bodyStart, provision.span.end)}`;
  if (!REMEDY.test(all) || !/\bvictims?\b/i.test(all)) return;
  for (const unit of walkUnits([provision])) {
    const own = unit.kind === 'provision' ? { start: bodyStart, end: unit.ownSpan.end } : unit.ownSpan;
    const text = prose.slice(own.start, own.end);
    for (const sentence of sentences(text)) {
      const c = CONVICTION.exec(sentence.text);
      if (!c) continue;
      // A condition of the remedy: the sentence orders or awards something, or names the remedy.
      if (!REMEDY.test(sentence.text) && !/\b(?:order|award|direct|pay|paid|return|restor)/i.test(sentence.text)) continue;
      // "whether or not the offender is convicted" removes the condition.
      if (/\b(?:whether\s+or\s+not|regardless\s+of|irrespective\s+of|even\s+(?:if|though)|without\s+(?:a\s+)?(?:prior\s+)?conviction|in\s+the\s+absence\s+of\s+(?:a\s+)?conviction|not\s+(?:be\s+)?(?:contingent|conditional|dependent)\s+(?:up)?on)\b/i.test(sentence.text)) continue;
      const at = own.start + sentence.start;
      facts.remedies.push({ address: unit.address, span: { start: at, end: at + sentence.text.length }, conditionSpan: { start: at + c.index, end: at + c.index + c[0].length } });
    }
  }
}

function npScope(tail: string): NonPunishmentClause['scope'] {
  if (/\bany\s+other\s+(?:law|enactment)|\bother\s+laws?\b|\bany\s+law\b|\bany\s+enactment\b|\bwhatsoever\b|\bunder\s+any\b|\bany\s+(?:offence|crime|unlawful\s+act|act)\s+(?:committed\s+)?(?:as\s+a\s+(?:direct\s+)?(?:consequence|result)|that\s+is\s+a\s+(?:direct\s+)?(?:consequence|result))/i.test(tail)) return 'any-law';
  if (/\bunder\s+this\s+(?:act|ordinance|law|code|proclamation|decree)\b|\bof\s+this\s+(?:act|ordinance|law)\b|\bagainst\s+this\s+(?:act|ordinance|law)\b/i.test(tail)) return 'this-act';
  if (/\bunder\s+the\s+[A-Z]|\bsection\s+\d/i.test(tail)) return 'listed';
  return 'any-law';
}

function sentenceEndIn(text: string, from: number): number {
  const re = /[.;](?=\s|$)|\n\s*\n/g;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + (m[0] === '.' || m[0] === ';' ? 1 : 0) : text.length;
}

function sentences(text: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let start = 0;
  const re = /[.;](?=\s|$)|\n(?=\s*\()/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ start, text: text.slice(start, m.index + 1) });
    start = m.index + 1;
  }
  if (start < text.length) out.push({ start, text: text.slice(start) });
  return out;
}

const TRAFFICKING_TERMS = new Set(['trafficking', 'trafficking in person', 'trafficking in human being', 'human trafficking', 'trafficking of person', 'trafficking in persons', 'exploitation', 'trafficked']);

function traffickingDefinition(doc: LinkedDocument, facts: LegalFacts, taxonomy: Taxonomy): LegalFacts['traffickingDefinition'] {
  const quoted = doc.definitions.filter((d) => d.form !== 'import' && d.form !== 'short-form' && TRAFFICKING_TERMS.has(termKey(d.term)));
  if (quoted.length) {
    return { address: quoted[0]!.address, spans: quoted.map((d) => ({ start: d.span.start, end: d.bodySpan.end })), quoted: true };
  }
  const base = facts.offences.filter((o) => !o.aggravated && o.categories.includes('trafficking'));
  if (!base.length) return undefined;
  // The description of the offence: its whole provision (the conduct may be in one
  // sub-section and the penalty in another), reported at the first unit that describes it.
  const spans: Span[] = [];
  let address = base[0]!.address;
  let first: Span | undefined;
  const seen = new Set<string>();
  for (const o of base) {
    const provision = doc.units.get(o.provision);
    if (!provision || seen.has(provision.address)) continue;
    seen.add(provision.address);
    const describing = [...walkUnits(provision.children)].find((u) => categoriesIn(doc.prose.slice(u.ownSpan.start, u.ownSpan.end), taxonomy).includes('trafficking'));
    // Else the start of the provision's text: its first sub-section, or the provision itself.
    const at = describing ?? provision.children.find((u) => u.kind === 'subsection' || u.kind === 'clause') ?? provision;
    if (!first) {
      first = { start: at.ownSpan.start, end: at.ownSpan.end };
      address = at.address;
    }
    spans.push({ start: provision.span.start, end: provision.span.end });
  }
  return { address, spans: [first!, ...spans], quoted: false };
}
