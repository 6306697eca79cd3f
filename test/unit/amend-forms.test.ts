// Every form of amending instruction (dialect §6), each in at least three drafting variations
// as Commonwealth drafters write them, applied to a fictional Act
// (test/fixtures/amend/fcpa-1998.law.md): each case asserts the consolidated text of the unit
// it amends, and that the bill reads and applies without a diagnostic.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, workspace } from '../helpers/engine';
import { applyBill } from '../../server/src/engine/amend/apply';
import { parseDocument } from '../../server/src/engine/parse/document';

const ACT = fs.readFileSync(path.join(FIXTURES, 'amend', 'fcpa-1998.law.md'), 'utf8');

/** A bill amending the fixture Act, with `body` as its amending section(s). */
export function billText(body: string, amends = ['zz/fcpa-1998']): string {
  return [
    '---',
    'id: zz/fcpa-amendment-bill-2024',
    'title: Fishing Crews Protection (Amendment) Bill, 2024',
    'kind: bill',
    'jurisdiction: ZZ',
    'year: 2024',
    `amends: [${amends.join(', ')}]`,
    '---',
    '',
    '# Fishing Crews Protection (Amendment) Bill, 2024',
    '',
    '## 1. Short title',
    'This Act may be called the Fishing Crews Protection (Amendment) Act, 2024.',
    '',
    /^## /m.test(body) ? body : `## 2. Amendment of Act No. 12 of 1998\n${body}`,
    '',
  ].join('\n');
}

function consolidate(body: string) {
  const index = workspace({ 'fcpa.law.md': ACT, 'bill.law.md': billText(body) });
  const app = applyBill(index, 'bill.law.md')!;
  const t = app.targets[0]!;
  return { after: t.after, findings: app.findings, app };
}

/** The text of a unit of the consolidated Act (undefined when it has no such unit). */
function unitText(after: string, address: string): string | undefined {
  const doc = parseDocument('after.law.md', after);
  const u = doc.units.get(address);
  return u ? after.slice(u.span.start, u.span.end) : undefined;
}

interface Case {
  name: string;
  body: string;
  /** address → the unit's consolidated text (null: the unit must not exist). */
  expect: Record<string, string | null>;
}

const S31 = '(1) A master who withholds the passport or identity card of a crew member shall be punished with imprisonment which may extend to three years, or with fine which may extend to five hundred thousand rupees, or with both.';
const S31_SEVEN = S31.replace('three years', 'seven years');

const FORMS: Record<string, Case[]> = {
  'target chains': [
    {
      name: 'In section 3 of the said Act, in sub-section (1), … (the said Act from the only Act amended)',
      body: 'In section 3 of the said Act, in sub-section (1), for the words "three years" the words "seven years" shall be substituted.',
      expect: { '3(1)': S31_SEVEN },
    },
    {
      name: 'In the <title>, hereinafter referred to as the said Act, in section 3, in sub-section (1),— (Pakistani/Indian opening)',
      body: 'In the Fishing Crews Protection Act, 1998, hereinafter referred to as the said Act, in section 3, in sub-section (1), for the words "three years" the words "seven years" shall be substituted.',
      expect: { '3(1)': S31_SEVEN },
    },
    {
      name: 'In the <title> (Act No. …), in sub-section (1) of section 3, … (reference with "of")',
      body: 'In the Fishing Crews Protection Act, 1998 (Act No. 12 of 1998), in sub-section (1) of section 3, for the words "three years" the words "seven years" shall be substituted.',
      expect: { '3(1)': S31_SEVEN },
    },
    {
      name: 'In section 3(1) of the FCPA, … (pinpoint, short title)',
      body: 'In section 3(1) of the FCPA, for "three years" substitute "seven years".',
      expect: { '3(1)': S31_SEVEN },
    },
    {
      name: 'In Part II of the said Act, for the words … wherever they occur (words of a Part)',
      body: 'In Part II of the said Act, for the words "port officer" wherever they occur, the words "fisheries inspector" shall be substituted.',
      expect: { '6': '### 6. Complaints\nA crew member may complain to the fisheries inspector of any offence under section 3 or section 4.', '2(e)': '(e) "port officer" means an officer appointed under section 9;' },
    },
    {
      name: 'In the said Act, in section 7, in sub-section (2), … (chain link by link)',
      body: 'In the said Act, in section 7, in sub-section (2), the words " and the owner" shall be omitted.',
      expect: { '7(2)': '(2) A port officer may examine the master.' },
    },
  ],
  'lettered lists of operations': [
    {
      name: '(a) … ; and (b) … under a chain ending ",—"',
      body: 'In the Fishing Crews Protection Act, 1998, hereinafter referred to as the said Act, in section 3, in sub-section (1),—\n(a) for the words "three years" the words "seven years" shall be substituted; and\n(b) the words ", or with fine which may extend to five hundred thousand rupees, or with both" shall be omitted.',
      expect: { '3(1)': '(1) A master who withholds the passport or identity card of a crew member shall be punished with imprisonment which may extend to seven years.' },
    },
    {
      name: '(a) in sub-section (1), … ; (b) in sub-section (2), … (each item with its own link)',
      body: 'In section 3 of the said Act,—\n(a) in sub-section (1), for the words "three years" the words "seven years" shall be substituted;\n(b) in sub-section (2), for the words "five years" the words "ten years" shall be substituted; and\n(c) the Explanation shall be omitted.',
      expect: {
        '3(1)': S31_SEVEN,
        '3(2)': '(2) Where the crew member is a young person, the master shall be punished with imprisonment for a term which may extend to ten years and shall not be less than one year.',
        '3(2) Explanation': null,
      },
    },
    {
      name: 'items (i), (ii) under a lettered item (two levels)',
      body: 'In section 7 of the said Act,—\n(a) in sub-section (1),—\n(i) for the words "any fishing vessel" the words "any vessel" shall be substituted; and\n(ii) the words " at any time" shall be omitted; and\n(b) sub-section (3) shall be omitted.',
      expect: { '7(1)': '(1) A port officer may board any vessel.', '7(3)': '(3) [Omitted]' },
    },
    {
      name: 'two operations in one sentence joined by "and"',
      body: 'In section 7 of the said Act, in sub-section (1), for the words "board" the words "enter and search" shall be substituted and the words " at any time" shall be omitted.',
      expect: { '7(1)': '(1) A port officer may enter and search any fishing vessel.' },
    },
  ],
  'for the words … the words … shall be substituted': [
    {
      name: 'the words, straight quotes',
      body: 'In section 8 of the said Act, for the words "ten thousand rupees" the words "one hundred thousand rupees" shall be substituted.',
      expect: { '8': '### 8. Penalty for obstruction\nWhoever obstructs a port officer shall be punished with fine which may extend to one hundred thousand rupees.' },
    },
    {
      name: 'the word, curly quotes',
      body: 'In section 2 of the said Act, in clause (h), for the word “eighteen” the word “sixteen” shall be substituted.',
      expect: { '2(h)': '(h) "young person" means a person who has not attained the age of sixteen years.' },
    },
    {
      name: 'the figure, for "9" the figure "10"',
      body: 'In section 2 of the said Act, in clause (e), for the figure "9" the figure "10" shall be substituted.',
      expect: { '2(e)': '(e) "port officer" means an officer appointed under section 10;' },
    },
    {
      name: 'the expression, with a comma before the new words',
      body: 'In section 4 of the said Act, for the expression "rigorous imprisonment", the expression "imprisonment of either description" shall be substituted.',
      expect: { '4': '### 4. Forced labour at sea\nWhoever compels a crew member to work by the threat of abandonment at sea shall be punished with imprisonment of either description for a term which may extend to seven years and with fine.' },
    },
    {
      name: 'wherever they occur',
      body: 'In section 5 of the said Act, in sub-section (1), for the words "the wages" wherever they occur, the words "the wages due" shall be substituted.',
      expect: { '5(1)': '(1) The owner shall pay the wages due of every crew member in money, and the wages due shall be paid monthly.' },
    },
    {
      name: 'wherever occurring, with commas',
      body: 'In section 5 of the said Act, for the word "wages", wherever occurring, the word "remuneration" shall be substituted.',
      expect: {
        '5(1)': '(1) The owner shall pay the remuneration of every crew member in money, and the remuneration shall be paid monthly.',
        '5(2)': '(2) No deduction shall be made from the remuneration of a crew member except as prescribed:\nProvided that a deduction for food shall not exceed one tenth of the remuneration.',
      },
    },
    {
      name: 'there shall be substituted (older form)',
      body: 'In section 8 of the said Act, for the words "ten thousand" there shall be substituted the words "fifty thousand".',
      expect: { '8': '### 8. Penalty for obstruction\nWhoever obstructs a port officer shall be punished with fine which may extend to fifty thousand rupees.' },
    },
    {
      name: 'UK: for "A" substitute "B"',
      body: 'In section 8, for "ten thousand rupees" substitute "twenty thousand rupees".',
      expect: { '8': '### 8. Penalty for obstruction\nWhoever obstructs a port officer shall be punished with fine which may extend to twenty thousand rupees.' },
    },
    {
      name: 'Australian: omit "A", substitute "B"',
      body: 'In section 9 of the said Act, omit "may appoint", substitute "shall appoint".',
      expect: { '9': '### 9. Appointment of port officers\nThe Government shall appoint port officers.' },
    },
    {
      name: 'the brackets and figure, at the second place where it occurs',
      body: 'In section 5 of the said Act, in sub-section (1), for the words "the wages" at the second place where they occur, the words "they" shall be substituted.',
      expect: { '5(1)': '(1) The owner shall pay the wages of every crew member in money, and they shall be paid monthly.' },
    },
    {
      name: 'the figures, with "the words "B" shall be substituted for the words "A""',
      body: 'In section 8 of the said Act, the words "twenty thousand rupees" shall be substituted for the words "ten thousand rupees".',
      expect: { '8': '### 8. Penalty for obstruction\nWhoever obstructs a port officer shall be punished with fine which may extend to twenty thousand rupees.' },
    },
  ],
  'the words … shall be omitted': [
    {
      name: 'the words, a leading comma in the quote',
      body: 'In section 3 of the said Act, in sub-section (1), the words ", or with fine which may extend to five hundred thousand rupees, or with both" shall be omitted.',
      expect: { '3(1)': '(1) A master who withholds the passport or identity card of a crew member shall be punished with imprisonment which may extend to three years.' },
    },
    {
      name: 'the word, the space before it goes too',
      body: 'In section 4 of the said Act, the word "rigorous" shall be omitted.',
      expect: { '4': '### 4. Forced labour at sea\nWhoever compels a crew member to work by the threat of abandonment at sea shall be punished with imprisonment for a term which may extend to seven years and with fine.' },
    },
    {
      name: 'wherever occurring, shall be omitted',
      body: 'In section 5 of the said Act, in sub-section (1), the word "the", wherever occurring, shall be omitted.',
      expect: { '5(1)': '(1) The owner shall pay wages of every crew member in money, and wages shall be paid monthly.' },
    },
    {
      name: 'UK: omit "A"',
      body: 'In section 7(1), omit "at any time".',
      expect: { '7(1)': '(1) A port officer may board any fishing vessel.' },
    },
    {
      name: 'the word "and" at the end shall be omitted',
      body: 'In section 2 of the said Act, in clause (g), the word "and" at the end shall be omitted.',
      expect: { '2(g)': '(g) "wages" means all remuneration payable to a crew member;' },
    },
    {
      name: 'shall be deleted',
      body: 'In section 2 of the said Act, in clause (b), the words "for profit" shall be deleted.',
      expect: { '2(b)': '(b) "fishing vessel" means a vessel used for fishing;' },
    },
  ],
  'after / before the words … shall be inserted': [
    {
      name: 'after the words … the words … shall be inserted',
      body: 'In section 3 of the said Act, in sub-section (1), after the words "identity card" the words "or seaman\'s book" shall be inserted.',
      expect: { '3(1)': S31.replace('identity card', "identity card or seaman's book") },
    },
    {
      name: 'after the word …, the words … shall be inserted (comma)',
      body: 'In section 6 of the said Act, after the word "complain", the words "in writing" shall be inserted.',
      expect: { '6': '### 6. Complaints\nA crew member may complain in writing to the port officer of any offence under section 3 or section 4.' },
    },
    {
      name: 'before the words … the word … shall be inserted',
      body: 'In section 4 of the said Act, before the words "compels a crew member" the word "knowingly" shall be inserted.',
      expect: { '4': '### 4. Forced labour at sea\nWhoever knowingly compels a crew member to work by the threat of abandonment at sea shall be punished with rigorous imprisonment for a term which may extend to seven years and with fine.' },
    },
    {
      name: 'after …, there shall be inserted …',
      body: 'In section 9 of the said Act, after the word "appoint", there shall be inserted the words "by notification".',
      expect: { '9': '### 9. Appointment of port officers\nThe Government may appoint by notification port officers.' },
    },
    {
      name: 'UK: after "A" insert "B", punctuation kept tight',
      body: 'In section 2(c), after "fishing vessel" insert ", or his deputy".',
      expect: { '2(c)': '(c) "master" means the person in command of a fishing vessel, or his deputy;' },
    },
    {
      name: 'UK: insert "B" before "A"',
      body: 'In section 7(3), insert "and detain" before "any document".',
      expect: { '7(3)': '(3) A port officer may seize and detain any document.' },
    },
  ],
  'for section N the following shall be substituted': [
    {
      name: 'For section 6 of the said Act, the following shall be substituted, namely:— (level of the heading made the Act\'s)',
      body: 'For section 6 of the said Act, the following shall be substituted, namely:—\n\n> ## 6. Complaints and reports\n> (1) A crew member may complain to the port officer of any offence under this Act.\n> (2) The port officer shall report every complaint to the Government.',
      expect: { '6': '### 6. Complaints and reports\n(1) A crew member may complain to the port officer of any offence under this Act.\n(2) The port officer shall report every complaint to the Government.', '6(2)': '(2) The port officer shall report every complaint to the Government.' },
    },
    {
      name: 'for section 9 the following section shall be substituted:— (heading and text on one line, Indian style)',
      body: 'In the said Act, for section 9 the following section shall be substituted:—\n\n> 9. Port officers.—The Government shall appoint port officers by notification in the official Gazette.',
      expect: { '9': '### 9. Port officers\nThe Government shall appoint port officers by notification in the official Gazette.' },
    },
    {
      name: 'UK: for section 8 substitute—',
      body: 'For section 8 substitute—\n\n> ### 8. Obstruction\n> Whoever obstructs a port officer shall be punished with imprisonment which may extend to six months.',
      expect: { '8': '### 8. Obstruction\nWhoever obstructs a port officer shall be punished with imprisonment which may extend to six months.' },
    },
    {
      name: 'the following shall be substituted for section 9 (new text without number keeps the heading)',
      body: 'The following shall be substituted for section 9 of the said Act, namely:—\n\n> The Government shall appoint port officers.',
      expect: { '9': '### 9. Appointment of port officers\nThe Government shall appoint port officers.' },
    },
  ],
  'for clause / sub-section (x) the following shall be substituted': [
    {
      name: 'for clause (h) the following shall be substituted',
      body: 'In section 2 of the said Act, for clause (h) the following shall be substituted, namely:—\n\n> (h) "young person" means a person under eighteen years of age.',
      expect: { '2(h)': '(h) "young person" means a person under eighteen years of age.' },
    },
    {
      name: 'for sub-section (2) the following sub-section shall be substituted',
      body: 'In section 7 of the said Act, for sub-section (2) the following sub-section shall be substituted, namely:—\n\n> (2) A port officer may examine any person on board.',
      expect: { '7(2)': '(2) A port officer may examine any person on board.', '7(1)': '(1) A port officer may board any fishing vessel at any time.' },
    },
    {
      name: 'the new clause without its label keeps the old label',
      body: 'In section 2, for clause (b) substitute—\n\n> "fishing vessel" means any vessel used for fishing;',
      expect: { '2(b)': '(b) "fishing vessel" means any vessel used for fishing;' },
    },
  ],
  'after section N the following new section shall be inserted': [
    {
      name: 'After section 3 of the said Act, the following new section shall be inserted, namely:—',
      body: 'After section 3 of the said Act, the following new section shall be inserted, namely:—\n\n> ### 3A. Crew members not liable\n> A crew member shall not be liable for any offence committed as a direct consequence of an offence under section 3 or section 4.',
      expect: { '3A': '### 3A. Crew members not liable\nA crew member shall not be liable for any offence committed as a direct consequence of an offence under section 3 or section 4.', '3': '### 3. Withholding of identity documents\n' + '(1) A master who withholds the passport or identity card of a crew member shall be punished with imprisonment which may extend to three years, or with fine which may extend to five hundred thousand rupees, or with both.\n(2) Where the crew member is a young person, the master shall be punished with imprisonment for a term which may extend to five years and shall not be less than one year.\nExplanation.— A document is withheld if it is kept without the written consent of the crew member.' },
    },
    {
      name: 'in the said Act, after section 9, the following sections shall be inserted (two new sections, heading level normalised)',
      body: 'In the said Act, after section 9, the following sections shall be inserted, namely:—\n\n> #### 10. Rules\n> The Government may make rules.\n>\n> #### 11. Repeal\n> The Fishing Ordinance, 1960 is hereby repealed.',
      expect: { '10': '### 10. Rules\nThe Government may make rules.', '11': '### 11. Repeal\nThe Fishing Ordinance, 1960 is hereby repealed.' },
    },
    {
      name: 'UK: after section 4 insert—',
      body: 'After section 4 insert—\n\n> ### 4A. Abandonment at sea\n> Whoever abandons a crew member at sea shall be punished with imprisonment for life.',
      expect: { '4A': '### 4A. Abandonment at sea\nWhoever abandons a crew member at sea shall be punished with imprisonment for life.' },
    },
    {
      name: 'before section 1: the following new section shall be inserted before section 5',
      body: 'The following new section shall be inserted before section 5 of the said Act, namely:—\n\n> ### 4B. Food and water\n> The master shall provide food and water to every crew member.',
      expect: { '4B': '### 4B. Food and water\nThe master shall provide food and water to every crew member.' },
    },
  ],
  'after clause (x) the following new clause shall be inserted': [
    {
      name: 'after clause (h) the following new clause shall be inserted, on its own line',
      body: 'In section 2 of the said Act, after clause (h) the following new clause shall be inserted, namely:—\n\n> (i) "vessel" includes a boat of any kind.',
      expect: { '2(i)': '(i) "vessel" includes a boat of any kind.', '2(h)': '(h) "young person" means a person who has not attained the age of eighteen years.' },
    },
    {
      name: 'after clause (b), the following clause shall be inserted (an inserted label (ba))',
      body: 'In section 2, after clause (b), the following clause shall be inserted, namely:—\n\n> (ba) "fishing" includes the catching of any aquatic animal;',
      expect: { '2(ba)': '(ba) "fishing" includes the catching of any aquatic animal;', '2(c)': '(c) "master" means the person in command of a fishing vessel;' },
    },
    {
      name: 'UK: after sub-section (2) insert— (a new sub-section)',
      body: 'In section 7, after subsection (2) insert—\n\n> (2A) A port officer may inspect the catch.',
      expect: { '7(2A)': '(2A) A port officer may inspect the catch.', '7(3)': '(3) A port officer may seize any document.' },
    },
    {
      name: 'before clause (a) the following clause shall be inserted',
      body: 'In section 2 of the said Act, before clause (a) the following clause shall be inserted, namely:—\n\n> (aa) "catch" means fish taken on board;',
      expect: { '2(aa)': '(aa) "catch" means fish taken on board;', '2(a)': '(a) "crew member" means a person employed on board a fishing vessel;' },
    },
  ],
  'section N shall be omitted': [
    {
      name: 'section 8 of the said Act shall be omitted (the section stays as a stub, as consolidations print it)',
      body: 'Section 8 of the said Act shall be omitted.',
      expect: { '8': '### 8. [Omitted]' },
    },
    {
      name: 'In the said Act, section 7 is repealed',
      body: 'In the said Act, section 7 is repealed.',
      expect: { '7': '### 7. [Omitted]', '7(1)': null },
    },
    {
      name: 'UK: Omit section 8.',
      body: 'Omit section 8.',
      expect: { '8': '### 8. [Omitted]', '9': '### 9. Appointment of port officers\nThe Government may appoint port officers.' },
    },
    {
      name: 'sections 7 and 8 shall be omitted (a list)',
      body: 'In the said Act, sections 7 and 8 shall be omitted.',
      expect: { '7': '### 7. [Omitted]', '8': '### 8. [Omitted]' },
    },
  ],
  'clause (x) shall be omitted': [
    {
      name: 'In section 2 of the said Act, clause (b) shall be omitted',
      body: 'In section 2 of the said Act, clause (b) shall be omitted.',
      expect: { '2(b)': '(b) [Omitted]' },
    },
    {
      name: 'sub-section (3) of section 7 shall be omitted',
      body: 'In the said Act, sub-section (3) of section 7 shall be omitted.',
      expect: { '7(3)': '(3) [Omitted]', '7(2)': '(2) A port officer may examine the master and the owner.' },
    },
    {
      name: 'the proviso shall be omitted (a proviso goes entirely)',
      body: 'In section 5 of the said Act, in sub-section (2), the proviso shall be omitted.',
      expect: { '5(2)': '(2) No deduction shall be made from the wages of a crew member except as prescribed:', '5(2) proviso': null },
    },
    {
      name: 'UK: omit the Explanation to section 3',
      body: 'Omit the Explanation to section 3.',
      expect: { '3(2) Explanation': null, '3(2)': '(2) Where the crew member is a young person, the master shall be punished with imprisonment for a term which may extend to five years and shall not be less than one year.' },
    },
  ],
  'at the end, the following shall be added': [
    {
      name: 'a proviso at the end of sub-section (1), after "for the full stop at the end a colon shall be substituted and thereafter"',
      body: 'In section 7 of the said Act, in sub-section (1), for the full stop at the end a colon shall be substituted and thereafter the following proviso shall be added, namely:—\n\n> Provided that a port officer shall not board a vessel at sea.',
      expect: { '7(1)': '(1) A port officer may board any fishing vessel at any time:\nProvided that a port officer shall not board a vessel at sea.', '7(1) proviso': 'Provided that a port officer shall not board a vessel at sea.' },
    },
    {
      name: 'an Explanation at the end of section 4',
      body: 'In section 4 of the said Act, at the end, the following Explanation shall be added, namely:—\n\n> Explanation.— A threat may be express or implied.',
      expect: { '4 Explanation': 'Explanation.— A threat may be express or implied.' },
    },
    {
      name: 'a new sub-section at the end of section 7',
      body: 'At the end of section 7 of the said Act, the following new sub-section shall be added, namely:—\n\n> (4) A port officer may require the production of the log book.',
      expect: { '7(4)': '(4) A port officer may require the production of the log book.', '7(3)': '(3) A port officer may seize any document.' },
    },
    {
      name: 'UK: at the end of section 9 insert— (a sentence of text)',
      body: 'In section 9, at the end insert "Every appointment shall be notified in the official Gazette."',
      expect: { '9': '### 9. Appointment of port officers\nThe Government may appoint port officers. Every appointment shall be notified in the official Gazette.' },
    },
    {
      name: 'at the end, the words … shall be added',
      body: 'In section 2 of the said Act, in clause (f), at the end, the words "or regulations" shall be added.',
      expect: { '2(f)': '(f) "prescribed" means prescribed by rules made under this Act; or regulations' },
    },
  ],
  'shall be renumbered': [
    {
      name: 'section 9 shall be renumbered as sub-section (1) thereof, and a new sub-section added after it',
      body: 'Section 9 of the said Act shall be renumbered as sub-section (1) thereof and after sub-section (1) as so renumbered, the following new sub-section shall be added, namely:—\n\n> (2) The Government may remove a port officer.',
      expect: { '9(1)': '(1) The Government may appoint port officers.', '9(2)': '(2) The Government may remove a port officer.' },
    },
    {
      name: 'the existing provision shall be renumbered as sub-section (1) of that section',
      body: 'In section 4 of the said Act, the existing provision shall be renumbered as sub-section (1) of that section, and after sub-section (1) as so renumbered, the following new sub-section shall be added, namely:—\n\n> (2) The offence under sub-section (1) shall be cognizable.',
      expect: { '4(1)': '(1) Whoever compels a crew member to work by the threat of abandonment at sea shall be punished with rigorous imprisonment for a term which may extend to seven years and with fine.', '4(2)': '(2) The offence under sub-section (1) shall be cognizable.' },
    },
    {
      name: 'sub-section (3) shall be renumbered as sub-section (4)',
      body: 'In section 7 of the said Act, sub-section (3) shall be renumbered as sub-section (4).',
      expect: { '7(4)': '(4) A port officer may seize any document.', '7(3)': null },
    },
    {
      name: 'clause (h) shall be re-lettered as clause (i), and before clause (i) as so re-lettered a new clause (h) inserted',
      body: 'In section 2 of the said Act, clause (h) shall be re-lettered as clause (i), and before clause (i) as so re-lettered, the following clause shall be inserted, namely:—\n\n> (h) "vessel" includes a boat of any kind;',
      expect: { '2(i)': '(i) "young person" means a person who has not attained the age of eighteen years.', '2(h)': '(h) "vessel" includes a boat of any kind;' },
    },
  ],
  'the instruction on the heading\'s line (Gazette style: heading.—text)': [
    {
      name: '## 2. Amendment of section 8, Act No. 12 of 1998.—In the said Act, in section 8, …',
      body: '## 2. Amendment of section 8, Act No. 12 of 1998.—In the said Act, in section 8, for the words "ten thousand" the words "fifty thousand" shall be substituted.',
      expect: { '8': '### 8. Penalty for obstruction\nWhoever obstructs a port officer shall be punished with fine which may extend to fifty thousand rupees.' },
    },
    {
      name: '## 2. Omission of section 8.—Section 8 of the said Act shall be omitted.',
      body: '## 2. Omission of section 8.—Section 8 of the said Act shall be omitted.',
      expect: { '8': '### 8. [Omitted]' },
    },
    {
      name: '## 2. Insertion of new section 9A.—After section 9 … namely:— then the block quote',
      body: '## 2. Insertion of new section 9A.—After section 9 of the said Act, the following new section shall be inserted, namely:—\n\n> ### 9A. Rules\n> The Government may make rules.',
      expect: { '9A': '### 9A. Rules\nThe Government may make rules.' },
    },
    {
      name: 'a heading with a dash that is not an instruction is only a heading',
      body: '## 2. Amendment of section 9 — appointment\nIn section 9 of the said Act, for the word "may" the word "shall" shall be substituted.',
      expect: { '9': '### 9. Appointment of port officers\nThe Government shall appoint port officers.' },
    },
  ],
  'a passage by its ends (beginning with … and ending with …)': [
    {
      name: 'for the words beginning with "A" and ending with "B", the words "C" shall be substituted',
      body: 'In section 3 of the said Act, in sub-section (1), for the words beginning with "imprisonment which" and ending with "or with both", the words "imprisonment which may extend to seven years and with fine" shall be substituted.',
      expect: { '3(1)': '(1) A master who withholds the passport or identity card of a crew member shall be punished with imprisonment which may extend to seven years and with fine.' },
    },
    {
      name: 'the portion beginning with the words … and ending with the word … shall be omitted',
      body: 'In section 3 of the said Act, in sub-section (1), the portion beginning with the words ", or with fine" and ending with the word "both" shall be omitted.',
      expect: { '3(1)': '(1) A master who withholds the passport or identity card of a crew member shall be punished with imprisonment which may extend to three years.' },
    },
    {
      name: 'UK: omit the words from "A" … — written as "the words starting with … and ending with …"',
      body: 'In section 5(1), omit the words starting with ", and" and ending with "monthly".',
      expect: { '5(1)': '(1) The owner shall pay the wages of every crew member in money.' },
    },
  ],
  'in the heading': [
    {
      name: 'in the marginal heading of section 4',
      body: 'In section 4 of the said Act, in the marginal heading, for the word "sea" the word "sea or in port" shall be substituted.',
      expect: { '4': '### 4. Forced labour at sea or in port\nWhoever compels a crew member to work by the threat of abandonment at sea shall be punished with rigorous imprisonment for a term which may extend to seven years and with fine.' },
    },
    {
      name: 'in the heading of section 8',
      body: 'In the said Act, in the heading of section 8, for the word "obstruction" the words "obstructing officers" shall be substituted.',
      expect: { '8': '### 8. Penalty for obstructing officers\nWhoever obstructs a port officer shall be punished with fine which may extend to ten thousand rupees.' },
    },
    {
      name: 'UK: in the heading to section 9',
      body: 'In section 9, in the heading, for "Appointment" substitute "Appointment and removal".',
      expect: { '9': '### 9. Appointment and removal of port officers\nThe Government may appoint port officers.' },
    },
  ],
};

describe('amendment instructions: every form, in several drafting styles (dialect §6)', () => {
  for (const [form, cases] of Object.entries(FORMS)) {
    describe(form, () => {
      it(`has at least three drafting variations`, () => assert.ok(cases.length >= 3, `${form}: ${cases.length}`));
      for (const c of cases) {
        it(c.name, () => {
          const { after, findings } = consolidate(c.body);
          assert.deepEqual(
            findings.map((f) => `${f.code}: ${f.message}`),
            [],
            'the instruction reads and applies without a diagnostic',
          );
          for (const [address, text] of Object.entries(c.expect)) {
            assert.equal(unitText(after, address) ?? null, text, `${address} as amended`);
          }
          // The consolidated Act reads back as well-formed Lawmark.
          const problems = parseDocument('after.law.md', after).problems;
          assert.deepEqual(problems, []);
        });
      }
    });
  }
});

describe('applying a bill', () => {
  it('never changes the original text, and re-applying nothing gives it back byte for byte', () => {
    const index = workspace({ 'fcpa.law.md': ACT, 'bill.law.md': billText('## 2. Commencement\nThis Act shall come into force at once.') });
    const app = applyBill(index, 'bill.law.md')!;
    assert.equal(app.targets.length, 1);
    assert.equal(app.targets[0]!.after, ACT);
    assert.equal(index.text('fcpa.law.md'), ACT);
    assert.deepEqual(app.findings, []);
  });

  it('keeps CRLF line endings, in the text it inserts too', () => {
    const crlf = ACT.replace(/\n/g, '\r\n');
    const body = 'In section 2 of the said Act, after clause (h) the following new clause shall be inserted, namely:—\n\n> (i) "vessel" includes a boat of any kind.';
    const index = workspace({ 'fcpa.law.md': crlf, 'bill.law.md': billText(body).replace(/\n/g, '\r\n') });
    const app = applyBill(index, 'bill.law.md')!;
    const after = app.targets[0]!.after;
    assert.ok(after.includes('eighteen years.\r\n(i) "vessel" includes a boat of any kind.\r\n'), after.slice(1200, 1500));
    assert.ok(!/[^\r]\n/.test(after), 'no bare LF');
    assert.equal(index.text('fcpa.law.md'), crlf);
  });

  it('applies the instructions of a bill in order: the later one sees the unit the earlier renumbered', () => {
    const { after } = consolidate('## 2. Amendment of section 9\nSection 9 of the said Act shall be renumbered as sub-section (1) thereof.\n\n## 3. Amendment of section 9\nIn section 9 of the said Act, in sub-section (1), for the word "may" the word "shall" shall be substituted.');
    assert.equal(unitText(after, '9(1)'), '(1) The Government shall appoint port officers.');
  });

  it('reads an amending section whose instructions are several sentences', () => {
    const { after, findings } = consolidate('In section 8 of the said Act, for the words "ten thousand" the words "fifty thousand" shall be substituted. In section 9 of the said Act, for the word "may" the word "shall" shall be substituted.');
    assert.deepEqual(findings, []);
    assert.match(unitText(after, '8')!, /fifty thousand rupees/);
    assert.match(unitText(after, '9')!, /shall appoint/);
  });
});
