// Hover: on a cross-reference, the cited unit itself (instrument, address, heading, text);
// on a defined term, its definition and where it applies; on an offence's penalty, its
// normal form beside the penalties of the offences it conflicts with.
import type { Span, Unit } from '../model/types';
import type { LinkedDocument } from '../index/link';
import type { WorkspaceIndex } from '../index/workspace';
import { describePenalty, readPenalties, type Penalty } from '../parse/penalty';
import { citeShort, instrumentName } from './cite';
import {
  definitionText,
  describeScope,
  escapeMarkdownLine,
  onRangeEnd,
  provisionAt,
  referenceAt,
  renderUnitText,
  termAt,
  unitTitle,
  within,
  type Loc,
} from './common';

export interface HoverResult {
  markdown: string;
  span: Span;
}

export interface HoverOptions {
  /** Findings of `penalty-conflict` on this document: where they stand and the provisions they name. */
  conflicts?: Array<{ span: Span; related: Loc[] }>;
  /** The hover is in a bill and the index is its scenario: the files it changes, and its title. */
  amended?: { changed: Set<string>; by: string };
}

export function hover(index: WorkspaceIndex, uri: string, offset: number, options: HoverOptions = {}): HoverResult | undefined {
  const doc = index.document(uri);
  if (!doc) return undefined;
  const ref = referenceAt(doc, offset);
  if (ref) {
    const h = referenceHover(index, doc, ref.ref.instrument, onRangeEnd(ref.target, offset) ? ref.target.to!.address : ref.target.address, ref.ref.span, ref.ref.text);
    const target = index.resolve(doc, ref.ref.instrument, ref.target.address).doc;
    if (options.amended && target && options.amended.changed.has(target.uri)) h.markdown = `*As the ${escapeMarkdownLine(options.amended.by)} would leave it:*\n\n${h.markdown}`;
    return h;
  }
  const term = termAt(index, doc, offset);
  if (term) {
    const md = termHover(index, doc, term.key, term.resolved, term.isDefinition);
    if (md) return { markdown: md, span: term.span };
  }
  return penaltyHover(index, doc, offset, options);
}

function instrumentLine(doc: LinkedDocument): string {
  const fm = doc.frontMatter;
  if (!fm) return '*(a file without front matter)*';
  const bits = [`**${escapeMarkdownLine(fm.title)}**`];
  const extra: string[] = [];
  if (fm.short && fm.short !== fm.title) extra.push(fm.short);
  extra.push(fm.kind, fm.jurisdiction);
  if (fm.status !== 'in-force') extra.push(fm.status);
  if (fm.excerpt) extra.push('excerpt');
  return `${bits.join('')} (${extra.map(escapeMarkdownLine).join(', ')})`;
}

/** The cited unit rendered: instrument, address and heading, then its text. */
export function referenceHover(index: WorkspaceIndex, from: LinkedDocument, instrument: Parameters<WorkspaceIndex['resolve']>[1], address: string, span: Span, text: string): HoverResult {
  const r = index.resolve(from, instrument, address);
  const lines: string[] = [];
  if (r.status === 'unknown') {
    const name = instrument.kind === 'unknown' ? instrument.name : (r.id ?? 'the instrument');
    lines.push(`**${escapeMarkdownLine(name)}** is not in the corpus, so "${escapeMarkdownLine(text)}" cannot be shown. Add the instrument (an excerpt will do) to follow it.`);
    return { markdown: lines.join('\n\n'), span };
  }
  const target = r.doc!;
  lines.push(instrumentLine(target));
  if (r.status === 'instrument') {
    const fm = target.frontMatter;
    const n = target.provisions.length;
    if (target.longTitle && fm && target.longTitle.text !== fm.title) lines.push(escapeMarkdownLine(target.longTitle.text));
    lines.push(`${n} provision${n === 1 ? '' : 's'}${target.divisions.length ? ` in ${target.divisions.length} division${target.divisions.length === 1 ? '' : 's'}` : ''}${fm?.year ? `; ${fm.year}` : ''}.`);
    return { markdown: lines.join('\n\n'), span };
  }
  if (r.status === 'missing') {
    lines.push(`${escapeMarkdownLine(unitTitle(target, address))} does not exist in ${escapeMarkdownLine(instrumentName(target.frontMatter))}.`);
    return { markdown: lines.join('\n\n'), span };
  }
  if (r.status === 'excerpt') {
    lines.push(`${escapeMarkdownLine(unitTitle(target, address))} is not reproduced in this excerpt of ${escapeMarkdownLine(instrumentName(target.frontMatter))}.`);
    return { markdown: lines.join('\n\n'), span };
  }
  const unit = r.unit;
  if (!unit) {
    // A division.
    const div = target.divisions.find((d) => d.address.toLowerCase() === address.toLowerCase());
    if (div) {
      lines.push(`### ${escapeMarkdownLine(div.address.replace(/^(\w)/, (c) => c.toUpperCase()))}${div.heading && div.heading.toLowerCase() !== div.address ? ` — ${escapeMarkdownLine(div.heading)}` : ''}`);
      const provs = div.provisions.map((a) => target.units.get(a)).filter((u): u is Unit => !!u);
      lines.push(provs.map((p) => `- ${escapeMarkdownLine(citeShort(target.frontMatter, p.address))} ${escapeMarkdownLine(p.heading ?? '')}`).join('\n') || '*(no provisions)*');
    }
    return { markdown: lines.join('\n\n'), span };
  }
  const provision = target.units.get(address.replace(/\(.*$/, '').replace(/\s.*$/, ''));
  const heading = provision?.heading ? ` — ${escapeMarkdownLine(provision.heading)}` : '';
  lines.push(`### ${escapeMarkdownLine(unitTitle(target, address))}${heading}`);
  const body = renderUnitText(target, unit);
  lines.push(body || '*(no text)*');
  const cited = index.citations(r.id!, unit.address).filter((c) => !(c.uri === target.uri && within(unit.span, c.reference.span.start)));
  if (cited.length) lines.push(`*Cited by ${cited.length} reference${cited.length === 1 ? '' : 's'} in the corpus.*`);
  return { markdown: lines.join('\n\n'), span };
}

function termHover(index: WorkspaceIndex, doc: LinkedDocument, key: string, resolved: { doc: LinkedDocument; def: import('../model/types').Definition } | undefined, isDefinition: boolean): string | undefined {
  if (!resolved) return undefined;
  const { doc: defDoc, def } = resolved;
  const lines: string[] = [];
  const where = citeShort(defDoc.frontMatter, def.address);
  lines.push(`**"${escapeMarkdownLine(def.display)}"** — defined in ${escapeMarkdownLine(where)}${defDoc !== doc ? ` and used here by import` : ''}`);
  if (def.form === 'import') {
    const src = def.importFrom ? index.instrumentId(def.importFrom.instrument, defDoc) : undefined;
    lines.push(`Has the meaning it has in ${escapeMarkdownLine(src ? instrumentName(index.byId(src)?.frontMatter, src) : 'another instrument')}, which does not define it in the corpus.`);
  }
  const text = definitionText(defDoc, def);
  if (text) lines.push(text.split('\n\n').map((l) => `> ${l}`).join('\n>\n'));
  lines.push(`**Applies to:** ${escapeMarkdownLine(describeScope(defDoc, def))}.`);
  if (isDefinition && defDoc === doc) {
    const uses = index.termUses(doc, def).length;
    lines.push(`*Used ${uses} time${uses === 1 ? '' : 's'} in its scope.*`);
  }
  void key;
  return lines.join('\n\n');
}

function penaltyHover(index: WorkspaceIndex, doc: LinkedDocument, offset: number, options: HoverOptions): HoverResult | undefined {
  const provision = provisionAt(doc, offset);
  if (!provision) return undefined;
  const text = doc.prose || doc.text;
  const penalties = readPenalties(text, provision.span.start, provision.span.end);
  const p = penalties.find((x) => within(x.span, offset));
  if (!p) return undefined;
  const lines: string[] = [];
  const here = citeShort(doc.frontMatter, provision.address);
  lines.push(`**Penalty** — ${escapeMarkdownLine(here)}${provision.heading ? ` (${escapeMarkdownLine(provision.heading)})` : ''}`);
  lines.push(escapeMarkdownLine(describePenalty(p)));
  lines.push(facts(p));
  const peers: Array<{ name: string; penalty: string }> = [];
  const seen = new Set<string>();
  for (const c of options.conflicts ?? []) {
    if (!within(provision.span, c.span.start)) continue;
    for (const rel of c.related) {
      const other = index.document(rel.uri);
      if (!other) continue;
      const op = provisionAt(other, rel.span.start);
      if (!op) continue;
      const key = `${rel.uri}\u0000${op.address}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const ps = readPenalties(other.prose || other.text, op.span.start, op.span.end);
      const inside = ps.find((x) => within(x.span, rel.span.start)) ?? ps[0];
      peers.push({ name: `${citeShort(other.frontMatter, op.address)}${op.heading ? ` (${op.heading})` : ''}`, penalty: inside ? describePenalty(inside) : 'no penalty read' });
    }
  }
  if (peers.length) {
    const cell = (s: string) => escapeMarkdownLine(s).replace(/\|/g, '\\|');
    lines.push(['**Conflicts with**', '', '| provision | penalty |', '|---|---|', `| ${cell(here)} (this) | ${cell(describePenalty(p))} |`, ...peers.map((x) => `| ${cell(x.name)} | ${cell(x.penalty)} |`)].join('\n'));
  }
  return { markdown: lines.join('\n\n'), span: p.span };
}

function facts(p: Penalty): string {
  const months = (m: number | null) => (m === null ? '—' : m % 12 === 0 ? `${m / 12} years` : `${m} months`);
  const rupees = (n: number | null) => (n === null ? '—' : `Rs ${n.toLocaleString('en-US')}`);
  const rows = [
    `| death | ${p.death ? 'yes' : 'no'} |`,
    `| imprisonment for life | ${p.life ? 'yes' : 'no'} |`,
    `| imprisonment | ${p.imprisonment ? `${months(p.imprisonment.minMonths)} to ${months(p.imprisonment.maxMonths)}${p.imprisonment.kind !== 'unspecified' ? ` (${p.imprisonment.kind})` : ''}` : 'none'} |`,
    `| fine | ${p.fine ? `${rupees(p.fine.min)} to ${rupees(p.fine.max)}` : 'none'} |`,
    `| fine alone allowed | ${p.fineAlone ? 'yes' : 'no'} |`,
  ];
  return ['| | |', '|---|---|', ...rows].join('\n');
}
