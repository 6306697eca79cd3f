// What a bill is told (checks.md): each bill is its own what-if. Findings that exist only with the
// bill are reported in the bill, on the instruction that caused them, with the amended provision
// as related; findings the bill removes are reported in it as resolved-by-bill; findings that
// exist either way stay in the corpus files. Driven by a test-only check (any provision that says
// "sixteen years") and by the structural checks, on a small fictional corpus.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, workspace } from '../helpers/engine';
import { analyse, findingKey } from '../../server/src/engine/analysis';
import { consolidateBill, scenarioFor } from '../../server/src/engine/amend/index';
import { runChecks } from '../../server/src/engine/checks/run';
import { STRUCTURE_CHECKS } from '../../server/src/engine/checks/structure';
import type { Check, Diagnostic, Finding } from '../../server/src/engine/checks/types';
import type { WorkspaceIndex } from '../../server/src/engine/index/workspace';
import { defaultConfig } from '../../server/src/config';
import { walkUnits } from '../../server/src/engine/parse/structure';
import { citeShort } from '../../server/src/engine/features/cite';

const DIR = path.join(FIXTURES, 'bills', 'whatif');
const ACT = fs.readFileSync(path.join(DIR, 'cwa-2001.law.md'), 'utf8');
const RULES = fs.readFileSync(path.join(DIR, 'cwa-rules-2002.law.md'), 'utf8');

/** Test-only: flags every unit whose own text says "sixteen years" (as a child-age finding). */
const sixteen: Check = ({ index }) => {
  const out: Finding[] = [];
  for (const doc of index.documents()) {
    if (doc.frontMatter?.kind === 'bill') continue;
    for (const u of walkUnits(doc.provisions)) {
      if (!/sixteen years/.test(doc.prose.slice(u.ownSpan.start, u.ownSpan.end))) continue;
      out.push({ code: 'child-age-inconsistency', uri: doc.uri, span: u.labelSpan, message: `${citeShort(doc.frontMatter, u.address)} says sixteen years.`, related: [] });
    }
  }
  return out;
};

/** Test-only: the age a definition of child sets, with its figure in the message (for a finding that changes). */
const childAge: Check = ({ index }) => {
  const out: Finding[] = [];
  for (const doc of index.documents()) {
    if (doc.frontMatter?.kind === 'bill') continue;
    for (const d of doc.definitions) {
      if (d.term !== 'child') continue;
      const m = /under (\w+) years/.exec(doc.prose.slice(d.bodySpan.start, d.bodySpan.end));
      if (m && m[1] !== 'eighteen') out.push({ code: 'child-age-inconsistency', uri: doc.uri, span: d.span, message: `"child" is a person under ${m[1]} years in ${citeShort(doc.frontMatter, d.address)}, not under 18.`, related: [] });
    }
  }
  return out;
};

function bill(id: string, body: string): string {
  return `---
id: zz/${id}
title: Child Workers (Amendment) Bill, 2024 (${id})
kind: bill
jurisdiction: ZZ
year: 2024
amends: [zz/cwa-2001]
---

# Child Workers (Amendment) Bill, 2024

## 1. Short title
This Act may be called the Child Workers (Amendment) Act, 2024.

${body}
`;
}

const LINE_OF_BODY = 15; // the first line of `body` in bill()

function corpus(bills: Record<string, string>): WorkspaceIndex {
  return workspace({ 'cwa.law.md': ACT, 'rules.law.md': RULES, ...Object.fromEntries(Object.entries(bills).map(([k, v]) => [`${k}.law.md`, v])) });
}

function lines(index: WorkspaceIndex, list: Diagnostic[], uri?: string): string[] {
  return list
    .filter((d) => !uri || d.uri === uri)
    .map((d) => `${d.uri}:${index.parsed(d.uri)!.lines.position(d.span.start).line + 1} ${d.severity} ${d.code}`);
}

const config = defaultConfig();

describe('what a bill is told (analyse)', () => {
  describe('with a test-only check', () => {
    it('a finding that exists only with the bill: in the bill, on the instruction, with the amended provision related; not in the Act', () => {
      const index = corpus({ lower: bill('lower', '## 2. Amendment of section 2\nIn section 2 of the said Act, in clause (a), for the word "eighteen" the word "sixteen" shall be substituted.') });
      const all = analyse(index, config, { checks: [sixteen] });
      assert.deepEqual(lines(index, all), ['cwa.law.md:26 warning child-age-inconsistency', `lower.law.md:${LINE_OF_BODY + 1} warning child-age-inconsistency`]);
      const mine = all.find((d) => d.uri === 'lower.law.md')!;
      assert.match(mine.message, /^Introduced by this bill \(CWA s\.2\(a\) as amended\): CWA s\.2\(a\) says sixteen years\.$/);
      assert.ok(mine.related.some((r) => r.uri === 'cwa.law.md' && /CWA s\.2\(a\), which this instruction amends/.test(r.message)), JSON.stringify(mine.related));
      // The Act keeps only its own finding (s.4), as it stands.
      assert.deepEqual(lines(index, all, 'cwa.law.md'), ['cwa.law.md:26 warning child-age-inconsistency']);
    });

    it('a finding that the bill removes: resolved-by-bill in the bill, naming the code; the Act keeps it', () => {
      const index = corpus({ raise: bill('raise', '## 2. Amendment of section 4\nIn section 4 of the said Act, for the word "sixteen" the word "eighteen" shall be substituted.') });
      const all = analyse(index, config, { checks: [sixteen] });
      const mine = all.filter((d) => d.uri === 'raise.law.md');
      assert.deepEqual(lines(index, mine), [`raise.law.md:${LINE_OF_BODY + 1} information resolved-by-bill`]);
      assert.equal(mine[0]!.message, 'Resolves child-age-inconsistency on CWA s.4: CWA s.4 says sixteen years.');
      assert.deepEqual((mine[0]!.data as { code: string }).code, 'child-age-inconsistency');
      assert.equal(mine[0]!.related[0]!.uri, 'cwa.law.md');
      assert.deepEqual(lines(index, all, 'cwa.law.md'), ['cwa.law.md:26 warning child-age-inconsistency']);
    });

    it('a finding that exists with and without the bill stays in the corpus file only', () => {
      const index = corpus({ other: bill('other', '## 2. Amendment of section 3\nIn section 3 of the said Act, in sub-section (2), for the words "one year" the words "two years" shall be substituted.') });
      const all = analyse(index, config, { checks: [sixteen] });
      assert.deepEqual(lines(index, all), ['cwa.law.md:26 warning child-age-inconsistency']);
    });

    it('the key survives the amendment: a new section before the finding moves it, and nothing is reported', () => {
      const index = corpus({
        insert: bill('insert', '## 2. Insertion of section 3A\nAfter section 3 of the said Act, the following new section shall be inserted, namely:—\n\n> ## 3A. Hours of work\n> (1) No child shall work for more than six hours a day.\n> (2) No child shall work at night.\n> (3) Every child shall have a weekly day of rest.'),
      });
      const all = analyse(index, config, { checks: [sixteen] });
      assert.deepEqual(lines(index, all), ['cwa.law.md:26 warning child-age-inconsistency']);
    });

    it('two bills amending the same Act are two scenarios: each is told only what it does', () => {
      const index = corpus({
        lower: bill('lower', '## 2. Amendment of section 2\nIn section 2 of the said Act, in clause (a), for the word "eighteen" the word "sixteen" shall be substituted.'),
        raise: bill('raise', '## 2. Amendment of section 4\nIn section 4 of the said Act, for the word "sixteen" the word "eighteen" shall be substituted.'),
      });
      const all = analyse(index, config, { checks: [sixteen] });
      assert.deepEqual(lines(index, all, 'lower.law.md'), [`lower.law.md:${LINE_OF_BODY + 1} warning child-age-inconsistency`]);
      assert.deepEqual(lines(index, all, 'raise.law.md'), [`raise.law.md:${LINE_OF_BODY + 1} information resolved-by-bill`]);
      assert.deepEqual(lines(index, all, 'cwa.law.md'), ['cwa.law.md:26 warning child-age-inconsistency']);
    });

    it('a finding whose figures the bill changes is reported in the bill as changed, with both forms; nothing is "resolved"', () => {
      const act = ACT.replace('under eighteen years', 'under fifteen years');
      const index = workspace({ 'cwa.law.md': act, 'rules.law.md': RULES, 'b.law.md': bill('b', '## 2. Amendment of section 2\nIn section 2 of the said Act, in clause (a), for the word "fifteen" the word "sixteen" shall be substituted.') });
      const all = analyse(index, config, { checks: [childAge] });
      const mine = all.filter((d) => d.uri === 'b.law.md');
      assert.deepEqual(lines(index, mine), [`b.law.md:${LINE_OF_BODY + 1} warning child-age-inconsistency`]);
      assert.match(mine[0]!.message, /^Changed by this bill \(CWA s\.2\(a\) as amended\): "child" is a person under sixteen years in CWA s\.2\(a\), not under 18\. Before the bill: "child" is a person under fifteen years/);
    });

    it('the bill\'s own suppression silences what it is told, and is not unused', () => {
      const body = '## 2. Amendment of section 2\n<!-- lawmark-disable-next-line child-age-inconsistency -- the lower age is deliberate -->\nIn section 2 of the said Act, in clause (a), for the word "eighteen" the word "sixteen" shall be substituted.';
      const index = corpus({ lower: bill('lower', body) });
      const all = analyse(index, config, { checks: [sixteen] });
      assert.deepEqual(lines(index, all, 'lower.law.md'), []);
      const unused = bill('lower', body.replace('child-age-inconsistency', 'duplicate-definition'));
      const index2 = corpus({ lower: unused });
      assert.deepEqual(lines(index2, analyse(index2, config, { checks: [sixteen] }), 'lower.law.md'), [`lower.law.md:${LINE_OF_BODY + 1} hint unused-suppression`, `lower.law.md:${LINE_OF_BODY + 2} warning child-age-inconsistency`]);
    });

    it('the configured severity applies to what the bill is told, and "off" silences it', () => {
      const index = corpus({ raise: bill('raise', '## 2. Amendment of section 4\nIn section 4 of the said Act, for the word "sixteen" the word "eighteen" shall be substituted.') });
      const loud = analyse(index, { ...config, severity: { 'resolved-by-bill': 'warning' } }, { checks: [sixteen] });
      assert.deepEqual(lines(index, loud, 'raise.law.md'), [`raise.law.md:${LINE_OF_BODY + 1} warning resolved-by-bill`]);
      const off = analyse(index, { ...config, severity: { 'resolved-by-bill': 'off' } }, { checks: [sixteen] });
      assert.deepEqual(lines(index, off, 'raise.law.md'), []);
    });

    it('without bills, analyse is runChecks; and it never changes the index', () => {
      const plain = workspace({ 'cwa.law.md': ACT, 'rules.law.md': RULES });
      assert.deepEqual(analyse(plain, config, { checks: [sixteen] }), runChecks(plain, config, { checks: [sixteen] }));
      const index = corpus({ lower: bill('lower', '## 2. Amendment of section 2\nIn section 2 of the said Act, in clause (a), for the word "eighteen" the word "sixteen" shall be substituted.') });
      analyse(index, config, { checks: [sixteen] });
      assert.equal(index.text('cwa.law.md'), ACT);
      assert.match(index.document('cwa.law.md')!.text, /under eighteen years/);
    });
  });

  describe('with the structural checks', () => {
    const run = (bills: Record<string, string>) => {
      const index = corpus(bills);
      return { index, all: analyse(index, config, { checks: STRUCTURE_CHECKS }) };
    };

    it('a definition inserted twice over: duplicate-definition in the bill, on the instruction', () => {
      const { index, all } = run({ dup: bill('dup', '## 2. Amendment of section 2\nIn section 2 of the said Act, after clause (b) the following new clause shall be inserted, namely:—\n\n> (c) "child" means a person under sixteen years of age.') });
      assert.deepEqual(lines(index, all), [`dup.law.md:${LINE_OF_BODY + 1} warning duplicate-definition`]);
      const d = all[0]!;
      assert.match(d.message, /^Introduced by this bill \(CWA s\.2\(c\) as amended\): "child" is defined twice in the same scope/);
      // Related: the new clause in the bill, and the first definition in the Act.
      assert.ok(d.related.some((r) => r.uri === 'dup.law.md' && /as this bill would insert it/.test(r.message)), JSON.stringify(d.related));
      assert.ok(d.related.some((r) => r.uri === 'cwa.law.md' && /first defined here/.test(r.message)), JSON.stringify(d.related));
    });

    it('a definition inserted and never used: unused-definition (a hint) in the bill', () => {
      const { index, all } = run({ unused: bill('unused', '## 2. Amendment of section 2\nIn section 2 of the said Act, after clause (b) the following new clause shall be inserted, namely:—\n\n> (c) "factory" means premises where goods are made.\n\n## 3. Amendment of section 4\nIn section 4 of the said Act, the words "light work" shall be omitted.') });
      assert.ok(lines(index, all).includes(`unused.law.md:${LINE_OF_BODY + 1} hint unused-definition`) === false);
      // "factory" is used in s.3 and s.5, so nothing; but a term nobody uses is reported:
      const r2 = run({ unused: bill('unused', '## 2. Amendment of section 2\nIn section 2 of the said Act, after clause (b) the following new clause shall be inserted, namely:—\n\n> (c) "apprentice" means a child learning a trade.') });
      assert.deepEqual(lines(r2.index, r2.all), [`unused.law.md:${LINE_OF_BODY + 1} hint unused-definition`]);
      void all;
    });

    it('the bill\'s references resolve in its scenario: a section it inserts exists there; one that exists nowhere is broken-reference in the bill', () => {
      const good = run({ ins: bill('ins', '## 2. Insertion of new section 4A, Child Workers Act, 2001\nAfter section 4 of the said Act, the following new section shall be inserted, namely:—\n\n> ## 4A. Registers\n> Every employer shall keep a register.') });
      assert.deepEqual(lines(good.index, good.all), []);
      const bad = run({ ins: bill('ins', '## 2. Insertion of new section 4A, Child Workers Act, 2001\nAfter section 4 of the said Act, the following new section shall be inserted, namely:—\n\n> ## 4A. Registers\n> Every employer shall keep a register.\n\n## 3. Commencement\nSection 2 shall come into force with section 9 of the Child Workers Act, 2001.') });
      const broken = bad.all.filter((d) => d.code === 'broken-reference');
      assert.deepEqual(lines(bad.index, broken), [`ins.law.md:${LINE_OF_BODY + 7} error broken-reference`]);
      assert.match(broken[0]!.message, /cites section 9 of the Child Workers Act, 2001, which does not exist even as this bill would leave it \(it has 1, 2, 3, 4, 4A, 5\)/);
    });

    it('an instruction naming a unit that does not exist is amendment-target-missing, not also broken-reference', () => {
      const { index, all } = run({ miss: bill('miss', '## 2. Amendment of section 9, Child Workers Act, 2001\nIn section 9 of the said Act, the word "child" shall be omitted.') });
      assert.deepEqual(lines(index, all), [`miss.law.md:${LINE_OF_BODY + 1} error amendment-target-missing`]);
    });

    it('omitting a cited unit: amendment-breaks-reference on the instruction, not also broken-reference in the bill', () => {
      const { index, all } = run({ omit: bill('omit', '## 2. Amendment of section 3\nIn section 3 of the said Act, sub-section (1) shall be omitted.') });
      const mine = lines(index, all, 'omit.law.md');
      assert.deepEqual(mine, [`omit.law.md:${LINE_OF_BODY + 1} warning amendment-breaks-reference`]);
      const d = all.find((x) => x.code === 'amendment-breaks-reference')!;
      assert.deepEqual(d.related.map((r) => r.uri).sort(), ['cwa.law.md', 'rules.law.md'], 'CWA s.3(2) and Rules r.2 cite s.3(1)');
      assert.deepEqual(lines(index, all, 'cwa.law.md'), []);
      assert.deepEqual(lines(index, all, 'rules.law.md'), []);
    });

    it('a consolidated Act with a numbering gap: numbering-sequence introduced, on the instruction', () => {
      const { index, all } = run({ gap: bill('gap', '## 2. Amendment of section 3\nIn section 3 of the said Act, sub-section (2) shall be renumbered as sub-section (3).') });
      assert.deepEqual(lines(index, all), [`gap.law.md:${LINE_OF_BODY + 1} information numbering-sequence`]);
    });
  });

  describe('the example bill of the brief (test/fixtures/bills/example, a copy)', () => {
    const dir = path.join(FIXTURES, 'bills', 'example');
    const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
    const index = workspace({ 'fisheries-act.law.md': read('fisheries-act.law.md'), 'fisheries-bill.law.md': read('fisheries-bill.law.md') });

    it('consolidates: s.3(1) up to seven years with no fine alone, and new s.3A after s.3', () => {
      const after = consolidateBill(index, 'fisheries-bill.law.md')[0]!.after;
      assert.match(after, /\n\(1\) A master who withholds the passport or identity card of a crew member shall be punished with imprisonment which may extend to seven years\.\n/);
      assert.match(after, /Explanation\.— A document is withheld if it is kept without the written consent of the crew member\.\n\n### 3A\. Crew members not liable\nA crew member shall not be liable/);
    });

    it('every finding its scenario adds on s.3 is told in the bill, on the lettered instruction that caused it (aggravation-inversion, as the bill\'s comment expects)', () => {
      const all = analyse(index, config);
      const mine = all.filter((d) => d.uri === 'fisheries-bill.law.md');
      const inversion = mine.find((d) => d.code === 'aggravation-inversion');
      assert.ok(inversion, 'the bill is told of the aggravation inversion it introduces');
      assert.match(inversion.message, /^Introduced by this bill .*FCPA s\.3\(2\) has a lower maximum \(5 years against 7 years\)/);
      assert.equal(index.parsed('fisheries-bill.law.md')!.lines.position(inversion.span.start).line + 1, 24, 'on instruction (a), which raised s.3(1) to seven years');
      assert.deepEqual(mine.filter((d) => d.code.startsWith('amendment-') || d.code === 'bill-target-unknown'), []);
      const scen = scenarioFor(index, 'fisheries-bill.law.md')!;
      const baseKeys = new Set(runChecks(index, config).map((d) => findingKey(index, d)));
      for (const f of runChecks(scen.index, config).filter((d) => d.uri === 'fisheries-act.law.md')) {
        if (baseKeys.has(findingKey(scen.index, f))) continue;
        const hit = mine.find((d) => d.code === f.code && d.message.endsWith(f.message));
        assert.ok(hit, `${f.code} is told in the bill`);
        const line = index.parsed('fisheries-bill.law.md')!.lines.position(hit!.span.start).line + 1;
        assert.ok(line >= 16 && line <= 26, `${f.code} on an instruction of section 2 or 3, not line ${line}`);
      }
      // The Act keeps its own findings.
      assert.deepEqual(all.filter((d) => d.uri === 'fisheries-act.law.md').map((d) => d.code), runChecks(index, config).filter((d) => d.uri === 'fisheries-act.law.md').map((d) => d.code));
    });
  });
});
