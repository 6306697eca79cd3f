// The four example bills of corpus/bills/ (corpus/README.md says what each is meant to show),
// applied to the corpus. What they report is asserted as far as the checks allow, and driven by
// the checks as they land: a finding of the corpus that a bill's instruction removes must come
// back in the bill as resolved-by-bill; a finding of the bill's scenario that the corpus does not
// have must be reported in the bill, on the instruction that caused it.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ROOT, workspaceFromFolder } from '../helpers/engine';
import { analyse, findingKey } from '../../server/src/engine/analysis';
import { applyBill, consolidateBill, scenarioFor } from '../../server/src/engine/amend/index';
import { runChecks } from '../../server/src/engine/checks/run';
import { STRUCTURE_CHECKS } from '../../server/src/engine/checks/structure';
import { CODES } from '../../server/src/engine/checks/codes';
import type { Diagnostic } from '../../server/src/engine/checks/types';
import type { WorkspaceIndex } from '../../server/src/engine/index/workspace';
import { defaultConfig } from '../../server/src/config';
import { deepestUnitAt } from '../../server/src/engine/parse/document';

const config = defaultConfig();
const index = workspaceFromFolder(path.join(ROOT, 'corpus'));
const BILLS = index.uris().filter((u) => index.parsed(u)!.frontMatter?.kind === 'bill');
const REPAIR = 'bills/ptpa-amendment-bill.law.md';
const PROBLEM = 'bills/child-protection-problem-bill.law.md';
const ERRONEOUS = 'bills/erroneous-bill.law.md';
const TWO = 'bills/two-acts-bill.law.md';
const PTPA = 'pk/ptpa-2018.law.md';
const BILL_CODES = new Set(Object.entries(CODES).filter(([, v]) => v.group === 'bill').map(([k]) => k));
const STRUCTURAL = ['frontmatter-invalid', 'duplicate-provision', 'numbering-sequence', 'broken-reference'];

let all: Diagnostic[];
let base: Diagnostic[];

function line(ix: WorkspaceIndex, d: { uri: string; span: { start: number } }): number {
  return ix.parsed(d.uri)!.lines.position(d.span.start).line + 1;
}

function addressAt(ix: WorkspaceIndex, d: { uri: string; span: { start: number } }): string {
  return deepestUnitAt(ix.parsed(d.uri)!.provisions, d.span.start)?.address ?? '';
}

/** The line of the instruction in a bill that amends a unit of the PTPA (by the bill's section number). */
function sectionLine(uri: string, section: string): number {
  const doc = index.parsed(uri)!;
  const p = doc.units.get(section)!;
  // The first line after the heading: where the instruction starts.
  return doc.lines.position(p.span.start).line + 2;
}

describe('the corpus bills (corpus/bills/)', function () {
  this.timeout(120000);
  before(() => {
    all = analyse(index, config);
    base = runChecks(index, config);
  });

  it('are the four of corpus/README.md', () => {
    assert.deepEqual(BILLS, [PROBLEM, ERRONEOUS, REPAIR, TWO]);
  });

  describe('consolidation', () => {
    for (const uri of [PROBLEM, ERRONEOUS, REPAIR, TWO]) {
      it(`${path.basename(uri)}: each target as amended reads back with no structural finding`, () => {
        const targets = consolidateBill(index, uri);
        assert.ok(targets.length >= 1);
        const fork = index.fork();
        for (const t of targets) fork.set(t.uri, t.after);
        const found = runChecks(fork, config, { checks: STRUCTURE_CHECKS }).filter((d) => targets.some((t) => t.uri === d.uri) && STRUCTURAL.includes(d.code));
        assert.deepEqual(found.map((d) => `${d.uri}:${line(fork, d)} ${d.code}: ${d.message}`), []);
        for (const t of targets) assert.equal(index.text(t.uri), t.before, 'the corpus file is unchanged');
      });
    }

    it('re-applying nothing (a bill with no instructions) gives every instrument of the corpus back byte for byte', () => {
      const ids = index.uris().map((u) => index.parsed(u)!.frontMatter).filter((fm) => fm && fm.kind !== 'bill').map((fm) => fm!.id);
      assert.ok(ids.length >= 10);
      const fork = index.fork();
      fork.set('bills/empty.law.md', `---\nid: zz/empty-bill\ntitle: Empty Bill\nkind: bill\njurisdiction: PK\nyear: 2025\namends: [${ids.join(', ')}]\n---\n\n# Empty Bill\n\n## 1. Short title\nThis Act may be called the Empty Act, 2025.\n`);
      const targets = consolidateBill(fork, 'bills/empty.law.md');
      assert.equal(targets.length, ids.length);
      for (const t of targets) assert.ok(t.after === t.before && t.before === index.text(t.uri), t.target);
    });

    it('the repairing, problem and two-Act bills apply every instruction, with no diagnostic of their own', () => {
      for (const uri of [REPAIR, PROBLEM, TWO]) {
        const app = applyBill(index, uri)!;
        assert.deepEqual(app.findings.map((f) => `${f.code}: ${f.message}`), [], uri);
        assert.equal(app.applied.length, app.reading.operations.length, uri);
        assert.ok(app.targets.every((t) => t.after !== t.before), `${uri}: every target changes`);
        assert.deepEqual(all.filter((d) => d.uri === uri && BILL_CODES.has(d.code) && d.code !== 'resolved-by-bill').map((d) => d.code), [], uri);
      }
    });

    it('the two-Act bill amends each of its Acts, by the Act its sections name (two rely on the heading alone)', () => {
      const [cmra, ptpa] = consolidateBill(index, TWO);
      assert.equal(cmra!.target, 'pk/cmra-1929');
      assert.equal(ptpa!.target, 'pk/ptpa-2018');
      assert.match(cmra!.after, /\(a\) "child" means a person, male or female, who is under eighteen years of age;/);
      assert.match(cmra!.after, /shall be punishable with rigorous imprisonment which may extend to three years and shall not be less than two years, and shall also be liable to fine\./);
      assert.match(ptpa!.after, /the prosecution shall not be required to prove the use of force, fraud or coercion/);
      assert.match(ptpa!.after, /for compelled labour, commercial sex acts or forced marriage through/);
    });
  });

  describe('the erroneous bill', () => {
    it('reports each instruction error at its instruction, and nothing else of the bills\' codes', () => {
      const mine = all.filter((d) => d.uri === ERRONEOUS && (BILL_CODES.has(d.code) || d.code === 'broken-reference'));
      assert.deepEqual(
        mine.map((d) => `${line(index, d)} ${d.severity} ${d.code}`),
        [
          '25 error amendment-target-missing', // s.2: section 21 does not exist
          '30 error amendment-text-not-found', // s.3: "five million rupees" is not in s.4
          '35 warning amendment-ambiguous', // s.4: "one million rupees" twice in s.3
          '39 error amendment-target-missing', // s.5: clause (e) of s.4
          '44 information amendment-unrecognised', // s.6: a policy wish
          '51 error amendment-conflict', // s.7: (a) and (b) substitute the same words
        ],
      );
      const text = index.text(ERRONEOUS)!;
      assert.deepEqual(
        mine.map((d) => text.slice(d.span.start, d.span.end).slice(0, 30)),
        ['section 21', '"five million rupees"', '"one million rupees"', 'clause (e)', 'Section 7 of the said Act shal', '(b) for the words "a Magistrat'],
      );
      assert.match(mine[5]!.message, /"a Magistrate of the First Class" → "a Court of Session", and "a Magistrate of the First Class" → "a Special Court"/);
      assert.equal(text.slice(mine[5]!.related[0]!.span.start, mine[5]!.related[0]!.span.start + 3), '(a)');
    });

    it('each "ERROR code" comment of the bill is matched by that code in the section it stands in', () => {
      const doc = index.parsed(ERRONEOUS)!;
      const text = doc.text;
      for (const c of doc.blocks.comments) {
        const m = /ERROR ([a-z-]+):/.exec(text.slice(c.start, c.end));
        if (!m) continue;
        const section = deepestUnitAt(doc.provisions, c.start)!;
        const hit = all.find((d) => d.uri === ERRONEOUS && d.code === m[1] && d.span.start >= section.span.start && d.span.start <= section.span.end);
        assert.ok(hit, `${m[1]} in section ${section.address}`);
      }
    });

    it('applies nothing, so tells nothing else: its target as amended is the PTPA as it stands', () => {
      const [t] = consolidateBill(index, ERRONEOUS);
      assert.equal(t!.after, t!.before);
      assert.deepEqual(all.filter((d) => d.uri === ERRONEOUS && (d.code === 'resolved-by-bill' || /^(?:Introduced|Changed) by this bill/.test(d.message))), []);
    });
  });

  describe('the repairing bill (resolves what the paper finds in the PTPA)', () => {
    it('every finding of the corpus on a PTPA provision that the bill substitutes comes back in the bill as resolved-by-bill, at that instruction', () => {
      const app = applyBill(index, REPAIR)!;
      const t = app.targets.find((x) => x.id === 'pk/ptpa-2018')!;
      const replaced = t.applied.filter((a) => a.op.kind === 'substitute-unit');
      assert.deepEqual(replaced.map((a) => (a.op as { unit: { address: string } }).unit.address), ['6', '13']);
      const scen = scenarioFor(index, REPAIR)!;
      const scenKeys = new Set(runChecks(scen.index, config).map((d) => findingKey(scen.index, d)));
      let count = 0;
      for (const f of base.filter((d) => d.uri === PTPA)) {
        const a = replaced.find((x) => f.span.start >= x.orig.start && f.span.start < x.orig.end);
        if (!a) continue;
        if (scenKeys.has(findingKey(index, f))) continue; // a finding the new text still has stays in the corpus
        count++;
        const hit = all.find((d) => d.uri === REPAIR && d.code === 'resolved-by-bill' && (d.data as { code: string }).code === f.code && d.related[0]!.uri === PTPA && d.related[0]!.span.start === f.span.start);
        assert.ok(hit, `resolved-by-bill for ${f.code} on PTPA s.${addressAt(index, f)}`);
        assert.equal(hit!.span.start, a.op.span.start, 'on the instruction that substitutes it');
        assert.match(hit!.message, new RegExp(`^Resolves ${f.code} on PTPA s\\.`));
      }
      assert.ok(count >= 2, `the checks find at least the paper's findings on s.6 and s.13 (found ${count})`);
    });

    it('what corpus/README.md says it resolves: each such finding of the corpus comes back resolved-by-bill, on its instruction', () => {
      // [code, PTPA unit where the corpus has the finding, the bill's section that resolves it ('' = its title)]
      const expected: Array<[string, string, string]> = [
        ['undefined-term', '4 Explanation', '2'], // "structured group" defined by new s.2(fa)
        ['fine-in-lieu', '3(1)', '3'],
        ['fine-in-lieu', '3(2)', '3'],
        ['non-punishment-gap', '6', '4'],
        ['conviction-contingent-remedy', '13', '5'],
        ['missing-overriding-clause', '', ''], // new s.16A: an instrument-wide finding, told on the bill's title
      ];
      let asserted = 0;
      for (const [code, address, section] of expected) {
        const f = base.find((d) => d.uri === PTPA && d.code === code && addressAt(index, d) === address && (code !== 'undefined-term' || /structured group/.test(d.message)));
        if (!f) continue; // the check has not landed (or reads the PTPA otherwise): nothing to resolve yet
        asserted++;
        const hit = all.find((d) => d.uri === REPAIR && d.code === 'resolved-by-bill' && (d.data as { code: string }).code === code && d.related[0]!.span.start === f.span.start);
        assert.ok(hit, `${code} on PTPA ${address || '(the instrument)'} is resolved by the bill`);
        const doc = index.parsed(REPAIR)!;
        const want = section ? doc.units.get(section)!.span : (doc.longTitle?.span ?? { start: 0, end: 0 });
        assert.ok(hit!.span.start >= want.start && hit!.span.start <= want.end, `${code}: told at ${section ? `section ${section}` : 'the title'}, not line ${line(index, hit!)}`);
      }
      assert.ok(asserted >= 4, `the checks that exist find the paper's findings on the PTPA (${asserted} asserted)`);
    });

    it('introduces no finding, and leaves the PTPA file with its own findings as they stand', () => {
      assert.deepEqual(all.filter((d) => d.uri === REPAIR && /^Introduced by this bill/.test(d.message)).map((d) => d.message), []);
      assert.deepEqual(
        all.filter((d) => d.uri === PTPA).map((d) => `${d.code} ${d.span.start}`),
        base.filter((d) => d.uri === PTPA).map((d) => `${d.code} ${d.span.start}`),
      );
    });
  });

  describe('the problem bill (introduces findings)', () => {
    it('every finding of its scenario on the provisions it amends or inserts, that the corpus does not have, is told in the bill at the instruction', () => {
      const scen = scenarioFor(index, PROBLEM)!;
      const scenDiags = runChecks(scen.index, config);
      const baseKeys = new Set(base.map((d) => findingKey(index, d)));
      const lines = { '2(a)': sectionLine(PROBLEM, '2'), '3A': sectionLine(PROBLEM, '3') };
      let count = 0;
      for (const f of scenDiags.filter((d) => d.uri === PTPA)) {
        const address = addressAt(scen.index, f);
        if (!(address in lines)) continue;
        if (baseKeys.has(findingKey(scen.index, f))) continue;
        count++;
        const hit = all.find((d) => d.uri === PROBLEM && d.code === f.code && d.message.endsWith(f.message));
        assert.ok(hit, `${f.code} on PTPA s.${address} is told in the bill`);
        assert.equal(line(index, hit!), lines[address as keyof typeof lines], `${f.code}: on the instruction`);
        assert.ok(hit!.related.length >= 1, 'the amended provision is related');
        assert.equal(all.filter((d) => d.uri === PTPA && d.code === f.code && d.message === f.message).length, 0, 'not in the PTPA file');
      }
      assert.ok(count >= 1, `the checks find something new with the bill (${count})`);
    });

    it('what corpus/README.md says it introduces: child-age-inconsistency on s.2(a), penalty-conflict and fine-in-lieu on new s.3A', () => {
      const scen = scenarioFor(index, PROBLEM)!;
      const scenDiags = runChecks(scen.index, config);
      const expected: Array<[string, string, string]> = [
        ['child-age-inconsistency', '2(a)', '2'],
        ['penalty-conflict', '3A', '3'],
        ['fine-in-lieu', '3A', '3'],
      ];
      let asserted = 0;
      for (const [code, address, section] of expected) {
        if (!scenDiags.some((d) => d.uri === PTPA && d.code === code && addressAt(scen.index, d) === address)) continue; // not (yet) found by the check
        asserted++;
        const hit = all.find((d) => d.uri === PROBLEM && d.code === code && new RegExp(`^Introduced by this bill \\(PTPA s\\.${address.replace(/[()]/g, '\\$&')} as amended\\)`).test(d.message));
        assert.ok(hit, `${code} on PTPA s.${address} introduced`);
        assert.equal(line(index, hit!), sectionLine(PROBLEM, section));
      }
      assert.ok(asserted >= 1, `${asserted} asserted`);
    });

    it('is its own scenario: it is not told what the repairing bill resolves, and the repairing bill is not told what it introduces', () => {
      assert.deepEqual(all.filter((d) => d.uri === PROBLEM && d.code === 'resolved-by-bill' && /fine-in-lieu on PTPA s\.3\(1\)/.test(d.message)), []);
      assert.deepEqual(all.filter((d) => d.uri === REPAIR && /s\.3A/.test(d.message) && /^Introduced/.test(d.message)), []);
    });
  });

  describe('the two-Act bill', () => {
    it('resolves what it was written to resolve in the 1929 Act, on the instruction that does it', () => {
      const expected: Array<[string, string, string]> = [
        ['child-age-sex-disparity', '2(a)', '2'],
        ['child-age-inconsistency', '2(a)', '2'],
        ['penalty-conflict', '4', '3'],
      ];
      let asserted = 0;
      for (const [code, address, section] of expected) {
        const f = base.find((d) => d.uri === 'pk/cmra-1929.law.md' && d.code === code && addressAt(index, d) === address);
        if (!f) continue;
        asserted++;
        const hit = all.find((d) => d.uri === TWO && d.code === 'resolved-by-bill' && (d.data as { code: string }).code === code && d.related[0]!.span.start === f.span.start);
        assert.ok(hit, `${code} on CMRA s.${address}`);
        assert.equal(line(index, hit!), sectionLine(TWO, section));
      }
      assert.ok(asserted >= 1, `${asserted} asserted`);
    });
  });

  it('the corpus files keep their own findings as they stand without any bill', () => {
    const corpus = (list: Diagnostic[]) => list.filter((d) => !BILLS.includes(d.uri)).map((d) => `${d.uri} ${d.code} ${d.span.start} ${d.message}`);
    assert.deepEqual(corpus(all), corpus(base));
  });
});
