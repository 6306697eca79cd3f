// The legal checks of checks.md: "The four the mission names" and "Others the seed paper
// names". Each is a pure function of the index and the configuration.
import type { Check, Finding, Related } from './types';
import type { LinkedDocument } from '../index/link';
import type { WorkspaceIndex } from '../index/workspace';
import type { Span } from '../model/types';
import type { Config } from '../../config';
import { legalFacts, type AgeDefinition, type LegalFacts, type Offence } from '../legal/facts';
import { taxonomyFor, phrasePattern, type Taxonomy } from '../legal/taxonomy';
import { describePenalty, penaltyDifferences, comparePenaltySeverity } from '../parse/penalty';
import { formatMonths } from '../parse/figures';
import { findQualifyingAges } from '../parse/ages';
import { citeShort, citeLong, instrumentName } from '../features/cite';
import { findTermUses, termKey, termSet, wordsIn } from '../text/terms';

interface Instrument {
  doc: LinkedDocument;
  facts: LegalFacts;
}

/** The instruments the legal checks read: in force, not bills; reference instruments are yardsticks. */
function instruments(index: WorkspaceIndex, taxonomy: Taxonomy): Instrument[] {
  const out: Instrument[] = [];
  for (const doc of index.documents()) {
    const fm = doc.frontMatter;
    if (!fm || fm.kind === 'bill' || fm.status === 'repealed') continue;
    if (index.uriOf(fm.id) !== doc.uri) continue; // a duplicate id is duplicate-id's finding
    out.push({ doc, facts: legalFacts(doc, taxonomy) });
  }
  return out;
}

/** Whether two jurisdictions' laws apply in one place: equal, or one within the other (`PK-SD` is within `PK`). */
export function overlaps(a: string, b: string): boolean {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x === y || x.startsWith(`${y}-`) || y.startsWith(`${x}-`);
}

const isReference = (i: Instrument) => i.doc.frontMatter?.role === 'reference';

function label(doc: LinkedDocument, address: string): string {
  return citeShort(doc.frontMatter, address);
}

function categoryWords(c: string[]): string {
  return c.map((x) => x.replace(/-/g, ' ')).join(', ');
}

// ---------------------------------------------------------------------------------------
// penalty-conflict

interface Peer {
  inst: Instrument;
  offence: Offence;
  shared: string[];
  diffs: string[];
}

type Conflicts = Map<Offence, { inst: Instrument; peers: Peer[] }>;
/** penalty-conflict and missing-overriding-clause both read the conflicts: computed once per index state and configuration. */
const conflictCache = new WeakMap<WorkspaceIndex, { generation: number; config: Config; conflicts: Conflicts }>();

/** For each offence, the offences of other instruments of the same conduct whose penalties differ. */
export function penaltyConflicts(index: WorkspaceIndex, config: Config): Conflicts {
  const hit = conflictCache.get(index);
  if (hit && hit.generation === index.generation && hit.config === config) return hit.conflicts;
  const conflicts = computeConflicts(index, config);
  conflictCache.set(index, { generation: index.generation, config, conflicts });
  return conflicts;
}

function computeConflicts(index: WorkspaceIndex, config: Config): Conflicts {
  const taxonomy = taxonomyFor(config);
  const all = instruments(index, taxonomy).filter((i) => !isReference(i));
  const out = new Map<Offence, { inst: Instrument; peers: Peer[] }>();
  for (const a of all) {
    for (const oa of a.facts.offences) {
      if (oa.categories.length === 0) continue;
      const peers: Peer[] = [];
      for (const b of all) {
        if (b === a || !overlaps(a.doc.frontMatter!.jurisdiction, b.doc.frontMatter!.jurisdiction)) continue;
        for (const ob of b.facts.offences) {
          // Base with base, aggravated with aggravated.
          if (ob.aggravated !== oa.aggravated) continue;
          const shared = oa.categories.filter((c) => ob.categories.includes(c));
          if (shared.length === 0) continue;
          const diffs = penaltyDifferences(oa.penalty, ob.penalty);
          if (diffs.length) peers.push({ inst: b, offence: ob, shared, diffs });
        }
      }
      if (peers.length) out.set(oa, { inst: a, peers });
    }
  }
  return out;
}

export const penaltyConflict: Check = ({ index, config }) => {
  const out: Finding[] = [];
  for (const [o, { inst, peers }] of penaltyConflicts(index, config)) {
    const doc = inst.doc;
    const shared = [...new Set(peers.flatMap((p) => p.shared))];
    const list = peers.map((p) => `${label(p.inst.doc, p.offence.address)}: ${describePenalty(p.offence.penalty)}`).join('; ');
    out.push({
      code: 'penalty-conflict',
      uri: doc.uri,
      span: o.penalty.span,
      message: `Different penalties for the same conduct (${categoryWords(shared)}) in other laws: ${label(doc, o.address)}: ${describePenalty(o.penalty)}; ${list}.`,
      related: peers.map((p) => ({
        uri: p.inst.doc.uri,
        span: p.offence.penalty.span,
        message: `${label(p.inst.doc, p.offence.address)}: ${describePenalty(p.offence.penalty)} (${p.diffs.join('; ')})`,
      })),
      data: { offence: o.address, peers: peers.map((p) => ({ instrument: p.inst.doc.frontMatter!.id, address: p.offence.address })) },
    });
  }
  return out;
};

// ---------------------------------------------------------------------------------------
// fine-in-lieu, aggravation-inversion

export const fineInLieu: Check = ({ index, config }) => {
  const taxonomy = taxonomyFor(config);
  const out: Finding[] = [];
  for (const inst of instruments(index, taxonomy)) {
    if (isReference(inst)) continue;
    for (const o of inst.facts.offences) {
      const grave = o.categories.filter((c) => taxonomy.byName.get(c)?.grave || (c === 'kidnapping' && /\bchild|minor|under\s+the\s+age/i.test(inst.doc.prose.slice(o.unitSpan.start, o.unitSpan.end))));
      if (!grave.length || !o.penalty.fineAlone) continue;
      out.push({
        code: 'fine-in-lieu',
        uri: inst.doc.uri,
        span: o.penalty.span,
        message: `${label(inst.doc, o.address)} (${categoryWords(grave)}) may be punished with a fine alone: ${describePenalty(o.penalty)}. A grave offence should carry imprisonment.`,
        related: [],
      });
    }
  }
  return out;
};

export const aggravationInversion: Check = ({ index, config }) => {
  const taxonomy = taxonomyFor(config);
  const out: Finding[] = [];
  for (const inst of instruments(index, taxonomy)) {
    for (const o of inst.facts.offences) {
      if (!o.aggravated) continue;
      // Its base: in the same instrument, or the offence of another instrument it names.
      let baseInst = inst;
      let base = o.base ? inst.facts.offences.find((b) => b.address === o.base && !b.aggravated) : undefined;
      if (!base && o.baseElsewhere) {
        const doc = index.byId(o.baseElsewhere.instrument);
        if (doc) {
          baseInst = { doc, facts: legalFacts(doc, taxonomy) };
          base = baseInst.facts.offences.find((b) => !b.aggravated && (b.address === o.baseElsewhere!.address || b.provision === o.baseElsewhere!.address));
        }
      }
      if (!base) continue;
      const problems: string[] = [];
      const max = (p: Offence) => (p.penalty.death || p.penalty.life ? Infinity : p.penalty.imprisonment?.maxMonths ?? null);
      // The least sentence a court may pass: nothing custodial with a fine alone; the term's
      // minimum where a term is open; life (or death) where nothing less is.
      const min = (p: Offence) => (p.penalty.fineAlone ? 0 : p.penalty.imprisonment ? p.penalty.imprisonment.minMonths ?? 0 : p.penalty.life || p.penalty.death ? Infinity : 0);
      const term = (m: number | null) => (m === null ? 'none' : m === Infinity ? 'life' : m === 0 ? 'none (a fine alone)' : formatMonths(m));
      const ma = max(o);
      const mb = max(base);
      if (ma !== null && mb !== null && ma < mb) problems.push(`a lower maximum (${term(ma)} against ${term(mb)})`);
      if (min(o) < min(base)) problems.push(`a lower minimum (${term(min(o))} against ${term(min(base))})`);
      if (!problems.length) continue;
      out.push({
        code: 'aggravation-inversion',
        uri: inst.doc.uri,
        span: o.penalty.span,
        message: `The aggravated form in ${label(inst.doc, o.address)} has ${problems.join(' and ')} than its base offence: ${label(inst.doc, o.address)}: ${describePenalty(o.penalty)}; ${label(baseInst.doc, base.address)}: ${describePenalty(base.penalty)}.`,
        related: [{ uri: baseInst.doc.uri, span: base.penalty.span, message: `base offence ${label(baseInst.doc, base.address)}: ${describePenalty(base.penalty)}` }],
      });
    }
  }
  return out;
};

// ---------------------------------------------------------------------------------------
// non-punishment-gap, non-punishment-missing

function statusOffences(all: Instrument[], taxonomy: Taxonomy, of: Instrument): Array<{ inst: Instrument; offence: Offence; categories: string[] }> {
  const out: Array<{ inst: Instrument; offence: Offence; categories: string[] }> = [];
  for (const b of all) {
    if (b === of || isReference(b) || !overlaps(of.doc.frontMatter!.jurisdiction, b.doc.frontMatter!.jurisdiction)) continue;
    for (const o of b.facts.offences) {
      const cats = o.categories.filter((c) => taxonomy.byName.get(c)?.status);
      if (cats.length) out.push({ inst: b, offence: o, categories: cats });
    }
  }
  out.sort((x, y) => comparePenaltySeverity(y.offence.penalty, x.offence.penalty));
  return out;
}

const createsTrafficking = (i: Instrument) => i.facts.offences.some((o) => o.categories.includes('trafficking'));

export const nonPunishment: Check = ({ index, config }) => {
  const taxonomy = taxonomyFor(config);
  const all = instruments(index, taxonomy);
  const out: Finding[] = [];
  for (const inst of all) {
    if (isReference(inst) || !createsTrafficking(inst)) continue;
    const doc = inst.doc;
    const jur = doc.frontMatter!.jurisdiction;
    const uncovered = statusOffences(all, taxonomy, inst);
    const clauses = inst.facts.nonPunishment;
    if (clauses.length === 0) {
      const elsewhere = all.some((o) => o !== inst && !isReference(o) && overlaps(jur, o.doc.frontMatter!.jurisdiction) && o.facts.nonPunishment.some((c) => c.scope === 'any-law'));
      if (elsewhere) continue;
      const first = inst.facts.offences.find((o) => o.categories.includes('trafficking'))!;
      out.push({
        code: 'non-punishment-missing',
        uri: doc.uri,
        span: titleSpan(doc),
        message: `${instrumentName(doc.frontMatter)} creates the offence of trafficking (${label(doc, first.address)}) but has no clause that victims shall not be punished${uncovered.length ? `, while ${uncovered.length} offence${uncovered.length > 1 ? 's' : ''} a victim may be compelled to commit (${categoryWords([...new Set(uncovered.flatMap((u) => u.categories))])}) stand in other laws, the worst ${worst(uncovered)}` : ''}; no other law of ${jur} protects them either.`,
        related: uncovered.map((u) => relatedOffence(u.inst, u.offence)),
      });
      continue;
    }
    if (clauses.some((c) => c.scope === 'any-law')) continue;
    if (!uncovered.length) continue;
    for (const c of clauses.filter((x) => x.scope === 'this-act')) {
      out.push({
        code: 'non-punishment-gap',
        uri: doc.uri,
        span: c.span,
        message: `The non-punishment clause in ${label(doc, c.address)} covers only offences under this ${wordOf(doc)}, while victims can be punished for ${uncovered.length} offence${uncovered.length > 1 ? 's' : ''} under other laws (${categoryWords([...new Set(uncovered.flatMap((u) => u.categories))])}), the worst ${worst(uncovered)}.`,
        related: uncovered.map((u) => relatedOffence(u.inst, u.offence)),
        data: c.scopeSpan ? { replace: c.scopeSpan, with: `under this ${wordOf(doc)} or any other law` } : undefined,
      });
    }
  }
  return out;
};

function wordOf(doc: LinkedDocument): string {
  switch (doc.frontMatter?.kind) {
    case 'ordinance':
      return 'Ordinance';
    case 'code':
      return 'Code';
    case 'rules':
      return 'Rules';
    default:
      return 'Act';
  }
}

function worst(list: Array<{ inst: Instrument; offence: Offence }>): string {
  const w = list[0]!;
  return `${describePenalty(w.offence.penalty)} under ${citeLong(w.inst.doc.frontMatter, w.offence.address)}`;
}

function relatedOffence(inst: Instrument, o: Offence): Related {
  return { uri: inst.doc.uri, span: o.penalty.span, message: `${label(inst.doc, o.address)} (${categoryWords(o.categories)}): ${describePenalty(o.penalty)}` };
}

function titleSpan(doc: LinkedDocument): Span {
  return doc.longTitle?.span ?? doc.frontMatterSpan ?? { start: 0, end: 0 };
}

// ---------------------------------------------------------------------------------------
// child-age-inconsistency, child-age-sex-disparity

export const childAges: Check = ({ index, config }) => {
  const taxonomy = taxonomyFor(config);
  const all = instruments(index, taxonomy);
  const out: Finding[] = [];
  // Reference ages: the configured one, else a reference instrument's, else the jurisdiction's majority.
  const refDefs = all.filter(isReference).flatMap((i) => i.facts.ages.filter((a) => a.term === 'child' && a.sex === 'any').map((a) => ({ inst: i, age: a })));
  for (const inst of all) {
    const doc = inst.doc;
    // One definition may set several ages (by sex): group them by the defined term.
    const byDef = new Map<string, AgeDefinition[]>();
    for (const a of inst.facts.ages) {
      const key = `${a.termSpan.start}`;
      byDef.set(key, [...(byDef.get(key) ?? []), a]);
    }
    for (const ages of byDef.values()) {
      const first = ages[0]!;
      const bySex = new Map(ages.map((a) => [a.sex, a.under]));
      const male = bySex.get('male');
      const female = bySex.get('female');
      if (male !== undefined && female !== undefined && male !== female) {
        out.push({
          code: 'child-age-sex-disparity',
          uri: doc.uri,
          span: first.termSpan,
          message: `The definition of "${first.term}" in ${label(doc, first.address)} sets different ages by sex: under ${male} for a male, under ${female} for a female.`,
          related: ages.map((a) => ({ uri: doc.uri, span: a.span, message: `${a.sex}: under ${a.under}` })),
        });
      }
      if (isReference(inst)) continue;
      const ref = referenceAge(config, refDefs, all, doc.frontMatter!.jurisdiction);
      if (!ref) continue;
      const differing = ages.filter((a) => a.under !== ref.age);
      if (!differing.length) continue;
      out.push({
        code: 'child-age-inconsistency',
        uri: doc.uri,
        span: first.termSpan,
        message: `The definition of "${first.term}" in ${label(doc, first.address)} sets ${differing.map((a) => `under ${a.under}${a.sex === 'any' ? '' : ` for a ${a.sex}`}`).join(' and ')}, while ${ref.source} is under ${ref.age}.`,
        related: ref.related,
        data: { reference: ref.age },
      });
    }
  }
  return out;
};

function referenceAge(
  config: Config,
  refDefs: Array<{ inst: Instrument; age: AgeDefinition }>,
  all: Instrument[],
  jurisdiction: string,
): { age: number; source: string; related: Related[] } | undefined {
  if (config.childAge !== undefined) return { age: config.childAge, source: 'the configured reference age (childAge)', related: [] };
  const r = refDefs[0];
  if (r) {
    const same = refDefs.filter((x) => x.age.under === r.age.under);
    return {
      age: r.age.under,
      source: `the reference age in ${label(r.inst.doc, r.age.address)}`,
      related: same.map((x) => ({ uri: x.inst.doc.uri, span: x.age.span, message: `${label(x.inst.doc, x.age.address)}: a child is under ${x.age.under}` })),
    };
  }
  // The age most definitions of the jurisdiction use.
  const counts = new Map<number, Array<{ inst: Instrument; age: AgeDefinition }>>();
  for (const i of all) {
    if (!overlaps(i.doc.frontMatter!.jurisdiction, jurisdiction)) continue;
    for (const a of i.facts.ages) if (a.sex === 'any') counts.set(a.under, [...(counts.get(a.under) ?? []), { inst: i, age: a }]);
  }
  const best = [...counts].sort((x, y) => y[1].length - x[1].length || y[0] - x[0])[0];
  if (!best || best[1].length < 2) return undefined;
  return {
    age: best[0],
    source: `the age most definitions of ${jurisdiction} use`,
    related: best[1].map((x) => ({ uri: x.inst.doc.uri, span: x.age.span, message: `${label(x.inst.doc, x.age.address)}: under ${x.age.under}` })),
  };
}

// ---------------------------------------------------------------------------------------
// conviction-contingent-remedy, missing-overriding-clause

export const convictionContingentRemedy: Check = ({ index, config }) => {
  const out: Finding[] = [];
  for (const inst of instruments(index, taxonomyFor(config))) {
    const v = inst.facts.victimRegardless;
    if (!v || isReference(inst)) continue;
    for (const r of inst.facts.remedies) {
      out.push({
        code: 'conviction-contingent-remedy',
        uri: inst.doc.uri,
        span: r.conditionSpan,
        message: `${label(inst.doc, r.address)} makes the victim's compensation depend on a conviction, while ${label(inst.doc, v.address)} defines a victim regardless of whether the perpetrator is identified, prosecuted or convicted.`,
        related: [{ uri: inst.doc.uri, span: v.span, message: `the definition of "victim" in ${label(inst.doc, v.address)}` }],
      });
    }
  }
  return out;
};

export const missingOverridingClause: Check = ({ index, config }) => {
  const out: Finding[] = [];
  const conflicts = penaltyConflicts(index, config);
  const byInstrument = new Map<LinkedDocument, Array<{ o: Offence; peers: Peer[] }>>();
  for (const [o, { inst, peers }] of conflicts) {
    const withCode = peers.filter((p) => p.inst.doc.frontMatter?.kind === 'code');
    if (!withCode.length || inst.doc.frontMatter?.kind === 'code') continue;
    byInstrument.set(inst.doc, [...(byInstrument.get(inst.doc) ?? []), { o, peers: withCode }]);
  }
  for (const [doc, list] of byInstrument) {
    const facts = legalFacts(doc, taxonomyFor(config));
    if (facts.overriding.length) continue;
    const codes = [...new Set(list.flatMap((l) => l.peers.map((p) => instrumentName(p.inst.doc.frontMatter))))];
    out.push({
      code: 'missing-overriding-clause',
      uri: doc.uri,
      span: titleSpan(doc),
      message: `${instrumentName(doc.frontMatter)} punishes the same conduct as the ${codes.join(' and ')} with different penalties (${list.map((l) => label(doc, l.o.address)).join(', ')}) but has no clause giving it effect notwithstanding any other law, so which law applies is left open.`,
      related: list.flatMap((l) => l.peers.map((p) => ({ uri: p.inst.doc.uri, span: p.offence.penalty.span, message: `${label(p.inst.doc, p.offence.address)}: ${describePenalty(p.offence.penalty)}` }))),
    });
  }
  return out;
};

// ---------------------------------------------------------------------------------------
// definition-coverage-gap

/** Forms of exploitation, each with the words that name it. */
const FORMS: Array<{ name: string; phrases: string[] }> = [
  { name: 'sexual exploitation', phrases: ['sexual exploitation', 'sexually exploit*', 'prostitution', 'commercial sex*', 'sex act*', 'sexual services'] },
  { name: 'forced labour or services', phrases: ['forced labour', 'forced labor', 'compelled labour', 'compelled labor', 'compulsory labour', 'compulsory labor', 'forced services', 'forced or compulsory labour', 'forced work', 'labour or services'] },
  { name: 'slavery or practices similar to slavery', phrases: ['slavery', 'slave', 'slaves', 'practices similar to slavery', 'enslave*'] },
  { name: 'servitude', phrases: ['servitude'] },
  { name: 'removal of organs', phrases: ['removal of organs', 'removal of an organ', 'organ removal', 'organ harvesting', 'human organ*', 'removal of human organs', 'organs'] },
];
export const DEFAULT_EXTRA_FORMS: Record<string, string[]> = {
  'domestic servitude': ['domestic servitude', 'domestic work', 'domestic labour', 'domestic labor'],
  'forced marriage': ['forced marriage', 'forced marriages', 'marriage', 'marry'],
  begging: ['begging', 'beggary', 'mendicancy', 'to beg'],
  pornography: ['pornograph*'],
  'use of children in drug trafficking': ['drug trafficking', 'narcotic*', 'drug*', 'illicit trafficking'],
};

const present = (text: string, phrases: string[]) => phrases.some((p) => phrasePattern(p).test(text));

export const definitionCoverageGap: Check = ({ index, config }) => {
  const taxonomy = taxonomyFor(config);
  const all = instruments(index, taxonomy);
  const out: Finding[] = [];
  const refs = all.filter(isReference).filter((i) => i.facts.traffickingDefinition);
  const refForms = new Map<string, Instrument>();
  for (const r of refs) {
    const text = r.facts.traffickingDefinition!.spans.map((s) => r.doc.prose.slice(s.start, s.end)).join(' ');
    for (const f of FORMS) if (present(text, f.phrases) && !refForms.has(f.name)) refForms.set(f.name, r);
  }
  const extra: Record<string, string[]> = { ...DEFAULT_EXTRA_FORMS, ...config.exploitationForms };
  for (const inst of all) {
    if (isReference(inst)) continue;
    const def = inst.facts.traffickingDefinition;
    if (!def) continue;
    const text = def.spans.map((s) => inst.doc.prose.slice(s.start, s.end)).join(' ');
    const missingRef = FORMS.filter((f) => refForms.has(f.name) && !present(text, f.phrases));
    const missingExtra = Object.entries(extra).filter(([, phrases]) => !present(text, phrases)).map(([name]) => name);
    if (!missingRef.length && !missingExtra.length) continue;
    const parts: string[] = [];
    if (missingRef.length) {
      const byRef = new Map<Instrument, string[]>();
      for (const f of missingRef) byRef.set(refForms.get(f.name)!, [...(byRef.get(refForms.get(f.name)!) ?? []), f.name]);
      for (const [r, names] of byRef) parts.push(`${names.join(', ')} (listed in ${label(r.doc, r.facts.traffickingDefinition!.address)})`);
    }
    if (missingExtra.length) parts.push(`${missingExtra.join(', ')} (forms the configuration adds)`);
    out.push({
      code: 'definition-coverage-gap',
      uri: inst.doc.uri,
      span: def.spans[0]!,
      message: `The ${def.quoted ? 'definition' : 'description of the offence'} of trafficking in ${label(inst.doc, def.address)} omits ${parts.join('; and ')}.`,
      related: [...new Set([...refForms.values()])].map((r) => ({ uri: r.doc.uri, span: r.facts.traffickingDefinition!.spans[0]!, message: `${label(r.doc, r.facts.traffickingDefinition!.address)} lists the forms of exploitation` })),
      data: { missing: [...missingRef.map((f) => f.name), ...missingExtra] },
    });
  }
  return out;
};

// ---------------------------------------------------------------------------------------
// undefined-term

export const undefinedTerm: Check = ({ index, config }) => {
  const taxonomy = taxonomyFor(config);
  const all = instruments(index, taxonomy);
  const out: Finding[] = [];
  // Every term defined somewhere: where, by whom.
  const definedIn = new Map<string, Array<{ inst: Instrument; address: string; span: Span }>>();
  for (const i of all) {
    for (const d of i.doc.definitions) {
      if (d.form === 'import' || d.form === 'short-form' || d.scope !== 'instrument') continue;
      const key = termKey(d.term.replace(/^the\s+/, ''));
      if (!key) continue;
      definedIn.set(key, [...(definedIn.get(key) ?? []), { inst: i, address: d.address, span: d.span }]);
    }
  }
  const glossary = new Map(Object.entries(config.glossary).map(([t, where]) => [termKey(t), where]));
  for (const inst of all) {
    const doc = inst.doc;
    if (isReference(inst) || doc.frontMatter!.excerpt) continue;
    const jur = doc.frontMatter!.jurisdiction;
    // Terms that bear on this instrument: defined by a reference instrument or a law of a
    // jurisdiction that contains this one (a federal term binds a provincial Act), or in the glossary.
    const candidates = new Map<string, Array<{ inst: Instrument; address: string; span: Span }>>();
    for (const [key, where] of definedIn) {
      const relevant = where.filter((w) => w.inst !== inst && (isReference(w.inst) || overlaps(w.inst.doc.frontMatter!.jurisdiction, jur) && jur.toUpperCase().startsWith(w.inst.doc.frontMatter!.jurisdiction.toUpperCase())));
      if (relevant.length) candidates.set(key, relevant);
    }
    for (const key of glossary.keys()) if (!candidates.has(key)) candidates.set(key, []);
    if (!candidates.size) continue;
    const set = termSet(candidates.keys());
    const ws = index.words(doc.uri);
    // Where to look: definitions and offence provisions.
    const regions: Array<{ address: string; span: Span }> = [];
    for (const d of doc.definitions) regions.push({ address: d.address, span: { start: d.span.start, end: d.bodySpan.end } });
    const named = new Map<string, string>();
    for (const o of inst.facts.offences) {
      const p = doc.units.get(o.provision);
      if (!p) continue;
      // Its text, not its heading: a heading (marginal note) is no operative part of the law.
      const nl = doc.prose.indexOf('\n', p.span.start);
      regions.push({ address: p.address, span: { start: nl < 0 ? p.span.end : Math.min(nl + 1, p.span.end), end: p.span.end } });
      // An offence provision defines the offence its heading names ("3. Trafficking in persons").
      named.set(p.address, (p.heading ?? '').toLowerCase());
    }
    const seen = new Set<string>();
    const qualified = findQualifyingAges(doc.prose);
    for (const region of regions) {
      const provision = region.address.replace(/[ (].*$/, '');
      const inRegion = wordsIn(ws, region.span.start, region.span.end);
      for (const use of findTermUses(inRegion, set)) {
        const dedupe = `${provision}\u0000${use.key}`;
        if (seen.has(dedupe)) continue;
        const heading = named.get(provision);
        // The provision that creates the offence its heading names ("3. Trafficking in persons") defines it.
        if (heading && termKey(heading.replace(/^(?:the\s+)?(?:offence|crime)\s+of\s+|^(?:punishment|penalty)\s+for\s+/i, '')) === use.key) continue;
        // Defined or imported in scope here?
        if (index.definitionOf(doc, use.key, use.span.start)) continue;
        if (doc.definitions.some((d) => termKey(d.term) === use.key && d.span.start === use.span.start)) continue;
        // Qualified on the spot by an age ("a child under the age of ten years").
        if (qualified.some((q) => q.span.start >= use.span.end && q.span.start - use.span.end <= 3)) continue;
        // A longer term of this instrument's own covers it ("organized criminal group" holds "group").
        if (doc.definitions.some((d) => d.span.start <= use.span.start && d.span.end >= use.span.end)) continue;
        seen.add(dedupe);
        const where = candidates.get(use.key) ?? [];
        const text = doc.text.slice(use.span.start, use.span.end);
        out.push({
          code: 'undefined-term',
          uri: doc.uri,
          span: use.span,
          message: `"${text}" is used in ${label(doc, region.address)} but defined nowhere in ${instrumentName(doc.frontMatter)}; ${where.length ? `it is defined in ${where.map((w) => label(w.inst.doc, w.address)).join(' and ')}` : `the glossary places it in ${glossary.get(use.key)}`}. Define it, or import it ("has the same meaning as in …").`,
          related: where.map((w) => ({ uri: w.inst.doc.uri, span: w.span, message: `"${use.key}" is defined in ${label(w.inst.doc, w.address)}` })),
          data: { term: text, definedIn: where.map((w) => ({ instrument: w.inst.doc.frontMatter!.id, title: w.inst.doc.frontMatter!.title, address: w.address })) },
        });
      }
    }
  }
  return out;
};

export const LEGAL_CHECKS: Check[] = [
  penaltyConflict,
  undefinedTerm,
  nonPunishment,
  childAges,
  fineInLieu,
  aggravationInversion,
  convictionContingentRemedy,
  missingOverridingClause,
  definitionCoverageGap,
];
