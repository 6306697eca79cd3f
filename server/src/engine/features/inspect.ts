// `lawmark inspect`: the model of one file as the engine sees it, as plain JSON.
import type { WorkspaceIndex } from '../index/workspace';
import type { Span, Unit } from '../model/types';
import type { Range } from '../text/lines';
import { defaultConfig, type Config } from '../../config';
import { legalFacts } from '../legal/facts';
import { taxonomyFor } from '../legal/taxonomy';
import { describePenalty } from '../parse/penalty';

export interface InspectUnit {
  address: string;
  kind: string;
  label: string;
  heading?: string;
  range: Range;
  children: InspectUnit[];
  annotations?: Record<string, string>;
}

export function inspectDocument(
  index: WorkspaceIndex,
  uri: string,
  relativePath: (uri: string) => string,
  config: Config = defaultConfig(),
): Record<string, unknown> | undefined {
  const doc = index.document(uri);
  if (!doc) return undefined;
  const range = (s: Span) => doc.lines.range(s);
  const unit = (u: Unit): InspectUnit => ({
    address: u.address,
    kind: u.kind,
    label: u.label,
    ...(u.heading !== undefined ? { heading: u.heading } : {}),
    range: range(u.span),
    children: u.children.map(unit),
    ...(u.annotations.length ? { annotations: Object.fromEntries(u.annotations.map((a) => [a.key, a.value])) } : {}),
  });
  const fm = doc.frontMatter;
  const out: Record<string, unknown> = {
    file: relativePath(uri),
    id: fm?.id ?? null,
    title: fm?.title ?? null,
    kind: fm?.kind ?? null,
    frontMatter: fm ?? null,
    longTitle: doc.longTitle?.text ?? null,
    divisions: doc.divisions.map((d) => ({ address: d.address, heading: d.heading, range: range(d.span), provisions: d.provisions, parent: d.parent ?? null })),
    provisions: doc.provisions.map(unit),
    definitions: doc.definitions.map((d) => ({
      term: index.termOf(doc, d),
      address: d.address,
      scope: d.scope,
      ...(d.scopeAddress ? { scopeAddress: d.scopeAddress } : {}),
      form: d.form,
      range: range(d.span),
      ...(d.importFrom
        ? { importFrom: { instrument: index.instrumentId(d.importFrom.instrument, doc) ?? (d.importFrom.instrument.kind === 'unknown' ? d.importFrom.instrument.name : null), address: d.importFrom.address ?? null } }
        : {}),
    })),
    blanketImports: doc.blanketImports.map((b) => ({ address: b.address, instrument: index.instrumentId(b.instrument, doc) ?? null, range: range(b.span) })),
    references: doc.references.flatMap((r) =>
      r.targets.map((t) => {
        const id = index.instrumentId(r.instrument, doc);
        const res = index.resolve(doc, r.instrument, t.address);
        return {
          text: r.text,
          range: range(r.span),
          from: r.from,
          target:
            r.instrument.kind === 'unknown' || !id || !index.byId(id) || res.status === 'missing'
              ? null
              : { instrument: id, address: t.address, ...(t.to ? { to: t.to.address } : {}) },
          ...(r.instrument.kind === 'unknown' ? { unknownInstrument: r.instrument.name } : {}),
          ...(res.status === 'missing' ? { missing: { instrument: id, address: t.address } } : {}),
          ...(r.quoted ? { quoted: true } : {}),
        };
      }),
    ),
    suppressions: doc.suppressions.map((s) => ({ codes: s.codes, scope: s.scope, range: range(s.span), reason: s.reason ?? null })),
  };
  const facts = legalFacts(doc, taxonomyFor(config));
  Object.assign(out, {
    offences: facts.offences.map((o) => ({
      address: o.address,
      categories: o.categories,
      aggravated: o.aggravated,
      base: o.base ?? null,
      penalty: {
        death: o.penalty.death,
        life: o.penalty.life,
        imprisonment: o.penalty.imprisonment ? { minMonths: o.penalty.imprisonment.minMonths, maxMonths: o.penalty.imprisonment.maxMonths, kind: o.penalty.imprisonment.kind } : null,
        fine: o.penalty.fine ? { min: o.penalty.fine.min, max: o.penalty.fine.max } : null,
        fineAlone: o.penalty.fineAlone,
      },
      description: describePenalty(o.penalty),
      range: range(o.penalty.span),
    })),
    ageThresholds: facts.ages.map((a) => ({ term: a.term, address: a.address, sex: a.sex, under: a.under, range: range(a.span) })),
    nonPunishment: facts.nonPunishment.map((c) => ({ address: c.address, scope: c.scope, range: range(c.span) })),
    remedies: facts.remedies.map((r) => ({ address: r.address, conditionedOn: 'conviction', range: range(r.conditionSpan) })),
    overridingClauses: facts.overriding.map((o) => ({ address: o.address, range: range(o.span) })),
    victimDefinedRegardlessOfConviction: facts.victimRegardless ? facts.victimRegardless.address : null,
    traffickingDefinition: facts.traffickingDefinition ? { address: facts.traffickingDefinition.address, quoted: facts.traffickingDefinition.quoted } : null,
  });
  return out;
}
