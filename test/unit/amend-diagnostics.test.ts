// The diagnostics of a bill (checks.md "Bills"): for each code, a bill that triggers it (where
// it stands, what it says, what it relates) and a near miss that must not.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, workspace } from '../helpers/engine';
import { applyBill } from '../../server/src/engine/amend/apply';
import type { Finding } from '../../server/src/engine/checks/types';
import type { WorkspaceIndex } from '../../server/src/engine/index/workspace';

const ACT = fs.readFileSync(path.join(FIXTURES, 'amend', 'fcpa-1998.law.md'), 'utf8');

/** Another instrument of the corpus that cites the Act. */
const RULES = `---
id: zz/fcpa-rules-2000
title: Fishing Crews Protection Rules, 2000
kind: rules
jurisdiction: ZZ
year: 2000
---

# Fishing Crews Protection Rules, 2000

## Rule 1. Complaints
A complaint under section 6 of the Fishing Crews Protection Act, 1998 shall be in writing.

## Rule 2. Inspections
A port officer acting under section 7(3) of the Fishing Crews Protection Act, 1998 shall give a receipt.
`;

function bill(body: string, amends = 'zz/fcpa-1998'): string {
  return `---
id: zz/fcpa-amendment-bill-2024
title: Fishing Crews Protection (Amendment) Bill, 2024
kind: bill
jurisdiction: ZZ
year: 2024
amends: [${amends}]
---

# Fishing Crews Protection (Amendment) Bill, 2024

## 1. Short title
This Act may be called the Fishing Crews Protection (Amendment) Act, 2024.

${/^## /m.test(body) ? body : `## 2. Amendment of Act No. 12 of 1998\n${body}`}
`;
}

interface Run {
  index: WorkspaceIndex;
  findings: Finding[];
  text: string;
  after: string;
}

function run(body: string, amends?: string): Run {
  const text = bill(body, amends);
  const index = workspace({ 'fcpa.law.md': ACT, 'rules.law.md': RULES, 'bill.law.md': text });
  const app = applyBill(index, 'bill.law.md')!;
  return { index, findings: app.findings, text, after: app.targets[0]?.after ?? '' };
}

/** `line:col code` of each finding (1-based), and what its span covers. */
function at(r: Run, code?: string): Array<{ where: string; covers: string; message: string; related: Finding['related'] }> {
  const lines = r.index.parsed('bill.law.md')!.lines;
  return r.findings
    .filter((f) => !code || f.code === code)
    .map((f) => {
      const p = lines.position(f.span.start);
      return { where: `${p.line + 1}:${p.character + 1} ${f.code}`, covers: r.text.slice(f.span.start, f.span.end), message: f.message, related: f.related };
    });
}

const FIRST = 16; // the line of the first instruction in bill(): after the heading of section 2

describe('bill diagnostics', () => {
  describe('bill-target-unknown', () => {
    it('an id in amends that is not in the corpus: on that id in the amends line', () => {
      const r = run('In section 8 of the said Act, the word "ten" shall be omitted.', 'zz/fcpa-1998, zz/no-such-act');
      const list = at(r, 'bill-target-unknown');
      assert.equal(list.length, 1);
      assert.equal(list[0]!.where, '7:24 bill-target-unknown');
      assert.equal(list[0]!.covers, 'zz/no-such-act');
      assert.match(list[0]!.message, /`zz\/no-such-act`, which is not in the corpus/);
    });
    it('near miss: every id of amends is in the corpus', () => {
      const r = run('In section 8 of the said Act, for the words "ten thousand" the words "fifty thousand" shall be substituted.');
      assert.deepEqual(at(r), []);
    });
    it('an amends list written as YAML block: still on the id', () => {
      const text = bill('In section 8 of the said Act, the word "ten" shall be omitted.').replace('amends: [zz/fcpa-1998]', 'amends:\n  - zz/fcpa-1998\n  - zz/gone');
      const index = workspace({ 'fcpa.law.md': ACT, 'bill.law.md': text });
      const f = applyBill(index, 'bill.law.md')!.findings.filter((x) => x.code === 'bill-target-unknown');
      assert.equal(f.length, 1);
      assert.equal(text.slice(f[0]!.span.start, f[0]!.span.end), 'zz/gone');
    });
  });

  describe('amendment-target-missing', () => {
    it('a section the target does not have: on the reference in the chain, naming the target', () => {
      const r = run('In section 21 of the said Act, for the words "prescribed manner" the words "manner prescribed" shall be substituted.');
      const [f, ...rest] = at(r);
      assert.deepEqual(rest, []);
      assert.equal(f!.where, `${FIRST}:4 amendment-target-missing`);
      assert.equal(f!.covers, 'section 21 of the said Act');
      assert.match(f!.message, /^Section 21 of the Fishing Crews Protection Act, 1998 does not exist \(it has sections 1 to 9\); this instruction \(section 2 of the bill\) is not applied\.$/);
      assert.equal(r.after, ACT, 'nothing applied');
    });
    it('a clause the section does not have: on the clause, listing the labels it has', () => {
      const r = run('In section 2 of the said Act, clause (k) shall be omitted.');
      const [f] = at(r, 'amendment-target-missing');
      assert.equal(f!.covers, 'clause (k)');
      assert.match(f!.message, /Section 2\(k\) of the Fishing Crews Protection Act, 1998 does not exist \(FCPA s\.2 has \(a\), \(b\), \(c\), \(d\), \(e\), \(f\), \(g\), \(h\)\)/);
    });
    it('a chain whose first link is missing is reported at that link', () => {
      const r = run('In section 12 of the said Act, in sub-section (2), the word "may" shall be omitted.');
      const [f] = at(r, 'amendment-target-missing');
      assert.equal(f!.covers, 'section 12 of the said Act');
    });
    it('near miss: the unit exists (section 7, sub-section (3))', () => {
      const r = run('In section 7 of the said Act, in sub-section (3), the word "any" shall be omitted.');
      assert.deepEqual(at(r), []);
    });
    it('near miss: a new section inserted by the bill is then amended by name', () => {
      const r = run('## 2. Insertion of section 9A\nAfter section 9 of the said Act, the following new section shall be inserted, namely:—\n\n> ### 9A. Rules\n> The Government may make rules.\n\n## 3. Amendment of section 9\nSection 9 of the said Act shall be renumbered as sub-section (1) thereof.');
      assert.deepEqual(at(r), []);
    });
  });

  describe('amendment-text-not-found', () => {
    it('words not in the unit: on the quoted words, naming the unit and the words', () => {
      const r = run('In section 8 of the said Act, for the words "five million rupees" the words "ten million rupees" shall be substituted.');
      const [f, ...rest] = at(r);
      assert.deepEqual(rest, []);
      assert.equal(f!.where, `${FIRST}:45 amendment-text-not-found`);
      assert.equal(f!.covers, '"five million rupees"');
      assert.equal(f!.message, 'The words "five million rupees" are not in section 8 of the Fishing Crews Protection Act, 1998; this instruction (section 2 of the bill) is not applied.');
    });
    it('words that are elsewhere in the Act but not in the unit named', () => {
      const r = run('In section 8 of the said Act, the words "seven years" shall be omitted.');
      assert.equal(at(r, 'amendment-text-not-found').length, 1);
    });
    it('words written with other capitals: not found, and the message shows what the unit has', () => {
      const r = run('In section 9 of the said Act, for the words "the government" the words "the Minister" shall be substituted.');
      const [f] = at(r, 'amendment-text-not-found');
      assert.match(f!.message, /\(it has "The Government", with other capitals\)/);
    });
    it('whole words only: "age" is not found inside "wages" or "stage"', () => {
      const r = run('In section 5 of the said Act, after the word "age" the word "limit" shall be inserted.');
      assert.equal(at(r, 'amendment-text-not-found').length, 1);
    });
    it('words before which to insert: the anchor is what is searched', () => {
      const r = run('In section 4 of the said Act, before the words "compels a seaman" the word "knowingly" shall be inserted.');
      assert.equal(at(r, 'amendment-text-not-found')[0]!.covers, '"compels a seaman"');
    });
    it('near miss: the words are in the unit, across a line break in the bill', () => {
      const r = run('In section 8 of the said Act, for the words "ten\nthousand rupees" the words "fifty thousand rupees" shall be substituted.');
      assert.deepEqual(at(r), []);
      assert.match(r.after, /may extend to fifty thousand rupees\./);
    });
  });

  describe('amendment-ambiguous', () => {
    it('words that occur twice in the unit without "wherever occurring": on the words, with where they occur', () => {
      const r = run('In section 5 of the said Act, for the word "wages" the word "pay" shall be substituted.');
      const [f, ...rest] = at(r);
      assert.deepEqual(rest, []);
      assert.equal(f!.where, `${FIRST}:44 amendment-ambiguous`);
      assert.equal(f!.covers, '"wages"');
      assert.match(f!.message, /^The words "wages" occur 4 times in section 5 of the Fishing Crews Protection Act, 1998 \(in FCPA s\.5\(1\), FCPA s\.5\(2\) and FCPA s\.5\(2\) proviso\)/);
      assert.equal(r.after, ACT, 'not applied: the reader does not guess which');
    });
    it('near miss: "wherever occurring" says all of them', () => {
      const r = run('In section 5 of the said Act, for the word "wages", wherever occurring, the word "pay" shall be substituted.');
      assert.deepEqual(at(r), []);
      assert.equal((r.after.match(/\bpay\b/g) ?? []).length, 5); // "shall pay" + the four
    });
    it('near miss: naming the sub-section where the words occur once', () => {
      const r = run('In section 5 of the said Act, in sub-section (2), for the words "the wages of" the words "the pay of" shall be substituted.');
      assert.deepEqual(at(r), []);
    });
    it('near miss: "at the second place where they occur" picks one', () => {
      const r = run('In section 5 of the said Act, in sub-section (1), the words "the wages" at the second place where they occur shall be omitted.');
      assert.deepEqual(at(r), []);
      assert.match(r.after, /in money, and shall be paid monthly/);
    });
  });

  describe('amendment-unrecognised', () => {
    it('a policy wish, not an instruction: on the sentence, and the bill is applied without it', () => {
      const r = run('## 2. Amendment of section 7\nSection 7 of the said Act shall be brought into conformity with international standards.\n\n## 3. Amendment of section 8\nIn section 8 of the said Act, for the words "ten thousand" the words "fifty thousand" shall be substituted.');
      const [f, ...rest] = at(r);
      assert.deepEqual(rest, []);
      assert.equal(f!.where, `${FIRST}:1 amendment-unrecognised`);
      assert.equal(f!.covers, 'Section 7 of the said Act shall be brought into conformity with international standards.');
      assert.match(f!.message, /applied without it/);
      assert.match(r.after, /fifty thousand rupees/, 'the rest of the bill is applied');
    });
    it('"the following" with no block quote after it', () => {
      const r = run('After section 9 of the said Act, the following new section shall be inserted, namely:—');
      assert.match(at(r, 'amendment-unrecognised')[0]!.message, /no block quote/);
    });
    it('a block quote that no instruction introduces', () => {
      const r = run('In section 8 of the said Act, the word "ten" shall be omitted.\n\n> ### 10. Stray\n> Text.');
      const f = at(r, 'amendment-unrecognised');
      assert.equal(f.length, 1);
      assert.match(f[0]!.covers, /^> ### 10\. Stray/);
    });
    it('an instruction that names words but no operation', () => {
      const r = run('In section 8 of the said Act, the words "ten thousand rupees" are important.');
      assert.equal(at(r, 'amendment-unrecognised').length, 1);
    });
    it('an instrument not among those the bill amends', () => {
      const r = run('In section 1 of the Fishing Crews Protection Rules, 2000, the word "writing" shall be omitted.');
      assert.match(at(r, 'amendment-unrecognised')[0]!.message, /not among the instruments this bill amends/);
    });
    it('near miss: the same section written as an instruction is applied', () => {
      const r = run('In section 7 of the said Act, sub-section (2) shall be omitted.');
      assert.deepEqual(at(r), []);
    });
    it('near miss: sections that are not amending sections (short title, commencement) are not read as instructions', () => {
      const r = run('## 2. Commencement\nThis Act shall come into force on such date as the Government may, by notification, appoint.');
      assert.deepEqual(at(r), []);
    });
  });

  describe('amendment-conflict', () => {
    it('two instructions substitute the same words differently: on the later one, the earlier as related; neither applied', () => {
      const r = run('In section 8 of the said Act,—\n(a) for the words "ten thousand rupees" the words "fifty thousand rupees" shall be substituted; and\n(b) for the words "ten thousand rupees" the words "one lakh rupees" shall be substituted.');
      const [f, ...rest] = at(r);
      assert.deepEqual(rest, []);
      assert.equal(f!.where, `${FIRST + 2}:1 amendment-conflict`);
      assert.match(f!.covers, /^\(b\) for the words/);
      assert.match(f!.message, /both change the words "ten thousand rupees" of FCPA s\.8: "ten thousand rupees" → "fifty thousand rupees", and "ten thousand rupees" → "one lakh rupees"/);
      assert.equal(f!.related.length, 1);
      assert.equal(r.text.slice(f!.related[0]!.span.start, f!.related[0]!.span.end).slice(0, 3), '(a)');
      assert.equal(r.after, ACT);
    });
    it('one instruction omits a unit that another amends', () => {
      const r = run('## 2. Amendment of section 7\nIn section 7 of the said Act, in sub-section (3), for the word "seize" the word "detain" shall be substituted.\n\n## 3. Omission of section 7\nSection 7 of the said Act shall be omitted.');
      const f = at(r, 'amendment-conflict');
      assert.equal(f.length, 1);
      assert.match(f[0]!.message, /FCPA s\.7/);
    });
    it('a unit substituted twice', () => {
      const r = run('## 2. Substitution of section 9\nFor section 9 of the said Act, the following shall be substituted, namely:—\n\n> ### 9. Port officers\n> The Government shall appoint port officers.\n\n## 3. Substitution of section 9\nFor section 9 of the said Act, the following shall be substituted, namely:—\n\n> ### 9. Officers\n> The Minister shall appoint officers.');
      assert.equal(at(r, 'amendment-conflict').length, 1);
    });
    it('words inserted after words another instruction substitutes', () => {
      const r = run('In section 8 of the said Act,—\n(a) for the words "ten thousand" the words "fifty thousand" shall be substituted; and\n(b) after the words "ten thousand" the words "or more" shall be inserted.');
      assert.equal(at(r, 'amendment-conflict').length, 1);
    });
    it('near miss: two instructions change different words of the same unit', () => {
      const r = run('In section 8 of the said Act,—\n(a) for the words "ten thousand" the words "fifty thousand" shall be substituted; and\n(b) for the word "obstructs" the words "obstructs or hinders" shall be substituted.');
      assert.deepEqual(at(r), []);
      assert.match(r.after, /Whoever obstructs or hinders a port officer shall be punished with fine which may extend to fifty thousand rupees\./);
    });
    it('near miss: two new clauses inserted after the same clause go in the order of the bill', () => {
      const r = run('In section 2 of the said Act,—\n(a) after clause (h) the following clause shall be inserted, namely:—\n\n> (i) "vessel" includes a boat;\n\n(b) after clause (h) the following clause shall be inserted, namely:—\n\n> (j) "voyage" means a trip at sea.');
      assert.deepEqual(at(r), []);
      assert.match(r.after, /eighteen years\.\n\(i\) "vessel" includes a boat;\n\(j\) "voyage" means a trip at sea\.\n/);
    });
  });

  describe('amendment-breaks-reference', () => {
    it('omitting a section other provisions cite: on the instruction, each citing provision related', () => {
      const r = run('Section 6 of the said Act shall be omitted.');
      const [f, ...rest] = at(r);
      assert.deepEqual(rest, []);
      assert.equal(f!.where, `${FIRST}:1 amendment-breaks-reference`);
      assert.match(f!.message, /omits FCPA s\.6, which a provision of the corpus cites \(Fishing Crews Protection Rules, 2000 r\.1\)/);
      assert.deepEqual(
        f!.related.map((x) => `${x.uri} ${x.message}`),
        ['rules.law.md Fishing Crews Protection Rules, 2000 r.1 cites FCPA s.6 ("section 6 of the Fishing Crews Protection Act, 1998")'],
      );
    });
    it('omitting a section cited within the Act and from elsewhere: every citing provision', () => {
      const r = run('Section 9 of the said Act shall be omitted.');
      const f = at(r, 'amendment-breaks-reference')[0]!;
      assert.deepEqual(f.related.map((x) => `${x.uri} ${x.message.replace(/ \(".*$/, '')}`), ['fcpa.law.md FCPA s.2(e) cites FCPA s.9']);
    });
    it('omitting a section whose sub-section is cited (a pinpoint)', () => {
      const r = run('Section 7 of the said Act shall be omitted.');
      const f = at(r, 'amendment-breaks-reference')[0]!;
      assert.match(f.message, /citing FCPA s\.7\(3\)/);
      assert.equal(f.related[0]!.uri, 'rules.law.md');
    });
    it('substituting a section with text that lacks the cited sub-section', () => {
      const r = run('For section 7 of the said Act, the following shall be substituted, namely:—\n\n> ### 7. Inspection\n> (1) A port officer may board and inspect any fishing vessel.\n> (2) A port officer may examine any person on board.');
      const f = at(r, 'amendment-breaks-reference');
      assert.equal(f.length, 1);
      assert.match(f[0]!.message, /substitutes FCPA s\.7 with text that has no FCPA s\.7\(3\)/);
    });
    it('near miss: omitting a section nobody cites', () => {
      assert.deepEqual(at(run('Section 8 of the said Act shall be omitted.')), []);
    });
    it('near miss: substituting a section and keeping the cited sub-section', () => {
      const r = run('For section 7 of the said Act, the following shall be substituted, namely:—\n\n> ### 7. Inspection\n> (1) A port officer may board any fishing vessel.\n> (2) A port officer may examine any person.\n> (3) A port officer may seize any document or catch.');
      assert.deepEqual(at(r), []);
    });
    it('near miss: a citation inside the omitted section itself goes with it', () => {
      // s.6 cites s.3 and s.4; omitting s.6 does not break those (they are s.6's own words).
      const r = run('Section 6 of the said Act shall be omitted.');
      assert.ok(at(r, 'amendment-breaks-reference')[0]!.related.every((x) => x.uri !== 'fcpa.law.md'));
    });
  });
});
