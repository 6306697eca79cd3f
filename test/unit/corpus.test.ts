// The bundled corpus: it reads cleanly, every cross-reference resolves, each instrument
// holds the facts of the law (so a wrong figure fails here, not in a reader's hands), and
// the checks report on it what the seed paper finds.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ROOT, workspaceFromFolder, check, inspect, shortLine } from '../helpers/engine';

const index = workspaceFromFolder(path.join(ROOT, 'corpus'));
const model = (file: string) => inspect(index, file);
const offence = (m: any, address: string, nth = 0) => {
  const list = m.offences.filter((o: any) => o.address === address);
  assert.ok(list[nth], `no offence at ${address} in ${m.id}: ${JSON.stringify(m.offences.map((o: any) => o.address))}`);
  return list[nth];
};
const months = (years: number) => years * 12;

describe('corpus: structure', () => {
  const findings = check(index);
  const structural = new Set(['frontmatter-invalid', 'duplicate-id', 'duplicate-provision', 'broken-reference', 'numbering-sequence', 'unknown-instrument']);

  it('every file reads with no structural finding', () => {
    const bad = findings.filter((d) => structural.has(d.code) && !d.uri.startsWith('bills/'));
    assert.deepEqual(bad.map((d) => `${shortLine(index, d)}: ${d.message}`), []);
  });

  it('every cross-reference in the instruments resolves to a unit (or to an excerpt instrument)', () => {
    const unresolved: string[] = [];
    let count = 0;
    for (const doc of index.documents()) {
      if (doc.frontMatter?.kind === 'bill') continue; // bills resolve in their what-if scenario
      for (const r of doc.references) {
        for (const t of r.targets) {
          count++;
          const res = index.resolve(doc, r.instrument, t.address);
          if (!['ok', 'excerpt', 'instrument'].includes(res.status)) unresolved.push(`${doc.uri}: "${r.text}" → ${res.status}`);
        }
      }
    }
    assert.deepEqual(unresolved, []);
    assert.ok(count > 60, `only ${count} references`);
  });

  it('has the fixed ids', () => {
    const ids = [...index.ids().keys()].sort();
    for (const id of ['pk/ptpa-2018', 'pk/psma-2018', 'pk/ppc-1860', 'pk/cmra-1929', 'pk-sd/scmra-2013', 'pk/cnsa-1997', 'pk/eo-1979', 'pk/fa-1946', 'pk-is/ictcpa-2018', 'pk/constitution-1973', 'int/untoc-2000', 'int/palermo-2000']) {
      assert.ok(ids.includes(id), id);
    }
  });
});

describe('corpus: the facts of each instrument, through inspect', () => {
  it('PTPA 2018: 16 sections; child under 18; victim regardless of conviction; s.6 only "under this Act"; penalties of ss.3-4; compensation on conviction; no overriding clause', () => {
    const m = model('pk/ptpa-2018.law.md');
    assert.equal(m.frontMatter.short, 'PTPA');
    assert.deepEqual(m.provisions.map((p: any) => p.address), ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16']);
    assert.deepEqual(m.ageThresholds.map((a: any) => [a.term, a.address, a.sex, a.under]), [['child', '2(a)', 'any', 18]]);
    assert.equal(m.victimDefinedRegardlessOfConviction, '2(g)');
    assert.deepEqual(m.nonPunishment.map((c: any) => [c.address, c.scope]), [['6', 'this-act']]);
    const s31 = offence(m, '3(1)');
    assert.deepEqual(s31.penalty, { death: false, life: false, imprisonment: { minMonths: null, maxMonths: months(7), kind: 'unspecified' }, fine: { min: null, max: 1_000_000 }, fineAlone: true });
    assert.ok(s31.categories.includes('trafficking'));
    const s32 = offence(m, '3(2)');
    assert.equal(s32.aggravated, true);
    assert.equal(s32.base, '3(1)');
    assert.deepEqual([s32.penalty.imprisonment.minMonths, s32.penalty.imprisonment.maxMonths, s32.penalty.fine.max, s32.penalty.fineAlone], [months(2), months(10), 1_000_000, true]);
    const s4 = offence(m, '4');
    assert.equal(s4.aggravated, true);
    assert.deepEqual([s4.penalty.imprisonment.minMonths, s4.penalty.imprisonment.maxMonths, s4.penalty.fine.max, s4.penalty.fineAlone], [months(3), months(14), 2_000_000, false]);
    assert.deepEqual(m.remedies.map((r: any) => r.address), ['13']);
    assert.deepEqual(m.overridingClauses, []);
    assert.ok(!m.definitions.some((d: any) => d.term === 'structured group'));
    const ppc = m.references.find((r: any) => /369A/.test(r.text));
    assert.deepEqual(ppc.target, { instrument: 'pk/ppc-1860', address: '369A' });
  });

  it('Pakistan Penal Code: minor by sex (14/16) in s.361; the penalties of ss.363-374; 369A omitted', () => {
    const m = model('pk/ppc-1860.law.md');
    assert.equal(m.kind, 'code');
    assert.deepEqual(m.ageThresholds.map((a: any) => [a.term, a.sex, a.under]), [['minor', 'male', 14], ['minor', 'female', 16]]);
    const max = (a: string) => offence(m, a).penalty.imprisonment?.maxMonths ?? null;
    assert.equal(max('363'), months(7));
    assert.deepEqual([offence(m, '364A').penalty.death, offence(m, '364A').penalty.life, offence(m, '364A').penalty.imprisonment.minMonths, max('364A'), offence(m, '364A').penalty.fine], [true, true, months(7), months(14), null]);
    assert.deepEqual([offence(m, '365B').penalty.life, offence(m, '365B').penalty.fineAlone], [true, false]);
    for (const a of ['366A', '366B', '367']) assert.equal(max(a), months(10), a);
    assert.deepEqual([offence(m, '367A').penalty.death, max('367A')], [true, months(25)]);
    assert.equal(max('369'), months(7));
    assert.equal(max('370'), months(7));
    assert.deepEqual([offence(m, '371').penalty.life, max('371')], [true, months(10)]);
    assert.equal(max('371A'), months(25));
    assert.equal(max('371B'), months(25));
    assert.deepEqual([max('374(1)'), offence(m, '374(1)').penalty.fineAlone], [12, true]);
    // Only s.374 allows a fine alone.
    assert.deepEqual(m.offences.filter((o: any) => o.penalty.fineAlone).map((o: any) => o.address), ['374(1)']);
    assert.ok(!m.offences.some((o: any) => o.address === '369A'), '369A is omitted');
    assert.equal(m.provisions.find((p: any) => p.address === '369A').heading.includes('Omitted'), true);
  });

  it('Child Marriage Restraint Act 1929: child male under 18, female under 16; minor under 18; one month or Rs 1,000 or both', () => {
    const m = model('pk/cmra-1929.law.md');
    assert.deepEqual(m.ageThresholds.map((a: any) => [a.term, a.address, a.sex, a.under]), [['child', '2(a)', 'male', 18], ['child', '2(a)', 'female', 16], ['minor', '2(d)', 'any', 18]]);
    for (const a of ['4', '5', '6(1)']) {
      const p = offence(m, a).penalty;
      assert.deepEqual([p.imprisonment.maxMonths, p.imprisonment.kind, p.fine.max, p.fineAlone], [1, 'simple', 1000, true], a);
    }
  });

  it('Sindh Child Marriages Restraint Act 2013: child under 18 for both sexes; 2 to 3 years rigorous and fine', () => {
    const m = model('pk-sd/scmra-2013.law.md');
    assert.equal(m.frontMatter.jurisdiction, 'PK-SD');
    assert.deepEqual(m.ageThresholds.map((a: any) => [a.term, a.sex, a.under]), [['child', 'any', 18]]);
    for (const a of ['3', '4', '5(1)']) {
      const p = offence(m, a).penalty;
      assert.deepEqual([p.imprisonment.minMonths, p.imprisonment.maxMonths, p.imprisonment.kind, p.fineAlone], [24, 36, 'rigorous', false], a);
    }
  });

  it('Control of Narcotic Substances Act 1997: s.9(c) death, a drug offence', () => {
    const m = model('pk/cnsa-1997.law.md');
    const o = offence(m, '9(c)');
    assert.equal(o.penalty.death, true);
    assert.deepEqual(o.categories, ['drug-offence']);
  });

  it('Emigration Ordinance 1979: s.17(1) five years or fine or both; s.17(2) seven years for a later offence; s.18 fourteen years', () => {
    const m = model('pk/eo-1979.law.md');
    assert.deepEqual([offence(m, '17(1)').penalty.imprisonment.maxMonths, offence(m, '17(1)').penalty.fineAlone], [months(5), true]);
    assert.equal(offence(m, '17(2)', 0).penalty.imprisonment.maxMonths, months(5));
    assert.equal(offence(m, '17(2)', 1).penalty.imprisonment.maxMonths, months(7));
    assert.equal(offence(m, '17(2)', 1).aggravated, true);
    assert.equal(offence(m, '18').penalty.imprisonment.maxMonths, months(14));
    assert.ok(m.offences.every((o: any) => o.categories.includes('emigration-document')));
  });

  it('Foreigners Act 1946: foreigner defined; s.14 an immigration-status offence (its figures are unverified)', () => {
    const m = model('pk/fa-1946.law.md');
    assert.deepEqual(m.definitions.map((d: any) => d.term), ['foreigner']);
    const o = offence(m, '14');
    assert.ok(o.categories.includes('immigration-status'));
    assert.equal(o.penalty.imprisonment.maxMonths, null, 'no unverified figure is stated');
  });

  it('Prevention of Smuggling of Migrants Act 2018: s.6 aggravated, 5 to 14 years and fine up to Rs 2 million', () => {
    const m = model('pk/psma-2018.law.md');
    const o = offence(m, '6');
    assert.equal(o.aggravated, true);
    assert.deepEqual([o.penalty.imprisonment.minMonths, o.penalty.imprisonment.maxMonths, o.penalty.fine.max, o.penalty.fineAlone], [months(5), months(14), 2_000_000, false]);
  });

  it('ICT Child Protection Act 2018: an overriding clause in s.31; identity disclosure fined up to Rs 50,000', () => {
    const m = model('pk-is/ictcpa-2018.law.md');
    assert.deepEqual(m.overridingClauses.map((o: any) => o.address), ['31']);
    const o = offence(m, '28(2)');
    assert.deepEqual([o.penalty.fine.max, o.penalty.imprisonment], [50_000, null]);
    assert.deepEqual(m.ageThresholds, [], 'the age of a child is unverified and not stated');
  });

  it('Constitution: articles 3, 11, 25, 25A, 35, 37; the age in Art. 11(3) is no definition of child', () => {
    const m = model('pk/constitution-1973.law.md');
    assert.deepEqual(m.provisions.map((p: any) => p.address), ['3', '11', '25', '25A', '35', '37']);
    assert.deepEqual(m.ageThresholds, []);
    assert.deepEqual(m.offences, []);
  });

  it('Khyber Pakhtunkhwa, Balochistan and Punjab Acts and the CrPC: excerpts that state no unverified figure', () => {
    for (const [file, jurisdiction] of [['pk-kp/kpcpwa-2010.law.md', 'PK-KP'], ['pk-ba/bcpa-2016.law.md', 'PK-BA'], ['pk-pb/pmra-2015.law.md', 'PK-PB'], ['pk/crpc-1898.law.md', 'PK']] as const) {
      const m = model(file);
      assert.equal(m.frontMatter.excerpt, true, file);
      assert.equal(m.frontMatter.jurisdiction, jurisdiction, file);
      // The age of a child in these Acts is UNVERIFIED in the sources: none is stated.
      assert.deepEqual(m.ageThresholds, [], file);
      assert.deepEqual(m.offences, [], file);
    }
    assert.ok(index.text('pk-kp/kpcpwa-2010.law.md')!.includes('UNVERIFIED'));
  });

  it('UNTOC article 2: organized criminal group, serious crime, structured group', () => {
    const m = model('int/untoc-2000.law.md');
    assert.equal(m.frontMatter.role, 'reference');
    assert.deepEqual(m.definitions.map((d: any) => [d.term, d.address, d.scope]), [
      ['organized criminal group', '2(a)', 'instrument'],
      ['serious crime', '2(b)', 'instrument'],
      ['structured group', '2(c)', 'instrument'],
    ]);
  });

  it('Palermo Protocol article 3: trafficking in persons defined in (a); a child is under 18 in (d)', () => {
    const m = model('int/palermo-2000.law.md');
    assert.equal(m.frontMatter.role, 'reference');
    assert.deepEqual(m.ageThresholds.map((a: any) => [a.term, a.address, a.under]), [['child', '3(d)', 18]]);
    assert.deepEqual(m.traffickingDefinition, { address: '3(a)', quoted: true });
  });
});

describe('corpus: the checks report what the paper finds', () => {
  const findings = check(index);
  const find = (code: string, file: string, words: RegExp) =>
    findings.filter((d) => d.code === code && d.uri === file && words.test(d.message));
  const line = (d: { uri: string; span: { start: number } }) => index.parsed(d.uri)!.lines.position(d.span.start).line;
  const lineOf = (file: string, text: string) => index.text(file)!.split('\n').findIndex((l) => l.includes(text));

  it('"structured group" is undefined in the Explanation to PTPA s.4, related to UNTOC art.2(c)', () => {
    const [d] = find('undefined-term', 'pk/ptpa-2018.law.md', /structured group/);
    assert.ok(d, 'no undefined-term for "structured group"');
    assert.equal(line(d), lineOf('pk/ptpa-2018.law.md', 'Explanation.— In this section, "organized criminal group"'));
    assert.match(d.message, /UNTOC art\.2\(c\)/);
    assert.equal(d.related[0]!.uri, 'int/untoc-2000.law.md');
  });

  it('PTPA s.6 covers only offences under the Act while other laws punish what victims are made to do, the death penalty named', () => {
    const [d] = find('non-punishment-gap', 'pk/ptpa-2018.law.md', /s\.6/);
    assert.ok(d);
    assert.match(d.message, /death under section 9\(c\) of the Control of Narcotic Substances Act, 1997/);
    const related = new Set(d.related.map((r) => r.uri));
    for (const f of ['pk/cnsa-1997.law.md', 'pk/eo-1979.law.md', 'pk/fa-1946.law.md']) assert.ok(related.has(f), f);
  });

  it('the CMRA 1929 ages differ by sex and from the Palermo Protocol\'s 18', () => {
    assert.equal(find('child-age-sex-disparity', 'pk/cmra-1929.law.md', /under 18 for a male, under 16 for a female/).length, 1);
    const [d] = find('child-age-inconsistency', 'pk/cmra-1929.law.md', /under 16 for a female/);
    assert.ok(d);
    assert.match(d.message, /Palermo Protocol art\.3\(d\) is under 18/);
    assert.ok(d.related.some((r) => r.uri === 'int/palermo-2000.law.md'));
    // The Sindh Act's one age of 18 matches and is not flagged.
    assert.equal(findings.filter((x) => x.uri === 'pk-sd/scmra-2013.law.md' && x.code.startsWith('child-age')).length, 0);
  });

  it('PTPA s.3 conflicts with the Penal Code on slavery, prostitution and compulsory labour', () => {
    const [d] = find('penalty-conflict', 'pk/ptpa-2018.law.md', /PTPA s\.3\(1\): up to 7 years, or fine up to Rs 1,000,000, or both/);
    assert.ok(d);
    const peers = d.related.map((r) => r.message);
    for (const s of ['PPC s.370', 'PPC s.371A', 'PPC s.371B', 'PPC s.374(1)']) assert.ok(peers.some((p) => p.startsWith(s)), `${s} in ${peers.join(' | ')}`);
    assert.ok(peers.some((p) => /PPC s\.371A: up to 25 years, and fine/.test(p)));
    // And each Penal Code section carries its side of the conflict.
    assert.equal(find('penalty-conflict', 'pk/ppc-1860.law.md', /PPC s\.371A: up to 25 years/).length, 1);
  });

  it('a fine in lieu of imprisonment in PTPA s.3', () => {
    assert.ok(find('fine-in-lieu', 'pk/ptpa-2018.law.md', /PTPA s\.3\(1\)/).length === 1);
    assert.ok(find('fine-in-lieu', 'pk/ptpa-2018.law.md', /PTPA s\.3\(2\)/).length === 1);
  });

  it('compensation tied to conviction in PTPA s.13 against the s.2 definition of victim', () => {
    const [d] = find('conviction-contingent-remedy', 'pk/ptpa-2018.law.md', /s\.13/);
    assert.ok(d);
    assert.match(d.message, /s\.2\(g\)/);
  });

  it('no overriding clause in the PTPA', () => {
    assert.equal(find('missing-overriding-clause', 'pk/ptpa-2018.law.md', /PPC/).length, 1);
  });

  it('the PTPA\'s trafficking omits the removal of organs and other forms', () => {
    const [d] = find('definition-coverage-gap', 'pk/ptpa-2018.law.md', /removal of organs/);
    assert.ok(d);
    for (const w of ['Palermo Protocol art.3(a)', 'forced marriage', 'begging', 'domestic servitude', 'pornography']) assert.ok(d.message.includes(w), w);
  });

  it('reports no error on the instruments themselves', () => {
    assert.deepEqual(findings.filter((d) => d.severity === 'error' && !d.uri.startsWith('bills/')).map((d) => d.message), []);
  });
});
