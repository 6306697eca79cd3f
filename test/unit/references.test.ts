// Cross-references (dialect §4): a table of sentences, each with its context and the exact
// references expected (text, instrument, target addresses, and optionally each target's own text).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { InstrumentTarget } from '../../server/src/engine/model/types';
import {
  createNameMatcher,
  scanReferences,
  type NameMatcher,
  type RefContext,
  type ScanState,
  type ScannedReference,
} from '../../server/src/engine/parse/references';

const INSTRUMENTS = [
  { id: 'pk/ppc-1860', names: ['Pakistan Penal Code', 'PPC', 'Act XLV of 1860', 'Penal Code'] },
  { id: 'pk/cnsa-1997', names: ['Control of Narcotic Substances Act, 1997', 'CNSA'] },
  { id: 'int/untoc-2000', names: ['United Nations Convention against Transnational Organized Crime', 'UNTOC'] },
  { id: 'pk/ptpa-2018', names: ['Prevention of Trafficking in Persons Act, 2018', 'PTPA', 'Act XXXIV of 2018'] },
  { id: 'pk/psma-2018', names: ['Prevention of Smuggling of Migrants Act 2018', 'PSMA'] },
  { id: 'zz/fpa-1998', names: ['Fishing Crews Protection Act, 1998', 'FCPA', 'Act No. 12 of 1998'] },
];
const names = createNameMatcher(INSTRUMENTS);

/** Instrument shorthand: 'self', 'id:<id>', 'unknown:<name>'. */
function inst(t: InstrumentTarget): string {
  return t.kind === 'self' ? 'self' : t.kind === 'id' ? `id:${t.id}` : `unknown:${t.name}`;
}

/** [reference text, instrument, addresses ('a..b' for a range), the targets' own texts (optional)] */
type Expected = [string, string, string[], string[]?];

interface Case {
  input: string;
  expect: Expected[];
  /** Default ['3']. */
  unitPath?: string[];
  said?: InstrumentTarget;
  self?: InstrumentTarget;
  state?: ScanState;
}

const PPC = 'id:pk/ppc-1860';
const CNSA = 'id:pk/cnsa-1997';
const UNTOC = 'id:int/untoc-2000';
const PTPA = 'id:pk/ptpa-2018';
const PTPA_T: InstrumentTarget = { kind: 'id', id: 'pk/ptpa-2018' };
const PPC_T: InstrumentTarget = { kind: 'id', id: 'pk/ppc-1860' };

const CASES: Case[] = [
  // ---- single references, pinpoints
  { input: 'section 3', expect: [['section 3', 'self', ['3'], ['3']]] },
  { input: 'Section 6 applies to every offence.', expect: [['Section 6', 'self', ['6']]] },
  { input: 'as provided in SECTION 4A of this Act', expect: [['SECTION 4A of this Act', 'self', ['4A'], ['4A']]] },
  { input: 'under section 22AA, the Court may', expect: [['section 22AA', 'self', ['22AA']]] },
  { input: 'an offence under section 4(b)', expect: [['section 4(b)', 'self', ['4(b)'], ['4(b)']]] },
  { input: 'see section 2(1)(g).', expect: [['section 2(1)(g)', 'self', ['2(1)(g)']]] },
  { input: 'section 26(b)(iii)(dd)(A) applies', expect: [['section 26(b)(iii)(dd)(A)', 'self', ['26(b)(iii)(dd)(A)'], ['26(b)(iii)(dd)(A)']]] },
  { input: 'section 3 (1) (a) shall apply', expect: [['section 3 (1) (a)', 'self', ['3(1)(a)'], ['3 (1) (a)']]] },
  { input: 'section 12(2A)', expect: [['section 12(2A)', 'self', ['12(2A)']]] },
  { input: 'section 364-A of the Pakistan Penal Code', expect: [['section 364-A of the Pakistan Penal Code', PPC, ['364A'], ['364-A']]] },
  { input: 'section 365-B, PPC', expect: [['section 365-B, PPC', PPC, ['365B']]] },

  // ---- lists, continuations, ranges
  { input: 'sections 3 and 4', expect: [['sections 3 and 4', 'self', ['3', '4'], ['3', '4']]] },
  { input: 'sections 3, 4 and 6 of this Act', expect: [['sections 3, 4 and 6 of this Act', 'self', ['3', '4', '6']]] },
  { input: 'sections 3, 4, and 6', expect: [['sections 3, 4, and 6', 'self', ['3', '4', '6']]] },
  { input: 'section 3 or 4', expect: [['section 3 or 4', 'self', ['3', '4']]] },
  { input: 'sections 3 and/or 4', expect: [['sections 3 and/or 4', 'self', ['3', '4']]] },
  { input: 'section 3 or section 4.', expect: [['section 3 or section 4', 'self', ['3', '4'], ['3', '4']]] },
  { input: 'sections 3 to 5', expect: [['sections 3 to 5', 'self', ['3..5'], ['3..5']]] },
  { input: 'sections 3–5 apply', expect: [['sections 3–5', 'self', ['3..5']]] },
  { input: 'sections 3-5 apply', expect: [['sections 3-5', 'self', ['3..5']]] },
  { input: 'sections 3 to 5 and 7', expect: [['sections 3 to 5 and 7', 'self', ['3..5', '7']]] },
  { input: 'section 26(1), (2) and (3)', expect: [['section 26(1), (2) and (3)', 'self', ['26(1)', '26(2)', '26(3)'], ['26(1)', '(2)', '(3)']]] },
  {
    input: 'sections 32(a), (b) and (f)(ii), 33 and chapter 4 of the Act',
    said: PTPA_T,
    expect: [['sections 32(a), (b) and (f)(ii), 33 and chapter 4 of the Act', PTPA, ['32(a)', '32(b)', '32(f)(ii)', '33', 'chapter 4'], ['32(a)', '(b)', '(f)(ii)', '33', '4']]],
  },
  {
    input: 'sections 32(a), (b) and (f)(ii), 33 and chapter 4 of the Act',
    expect: [['sections 32(a), (b) and (f)(ii), 33 and chapter 4 of the Act', 'unknown:the Act', ['32(a)', '32(b)', '32(f)(ii)', '33', 'chapter 4']]],
  },
  { input: 'section 3(1)(a) and (b)', expect: [['section 3(1)(a) and (b)', 'self', ['3(1)(a)', '3(1)(b)']]] },
  { input: 'section 26(b)(iii), (iv) and (c)', expect: [['section 26(b)(iii), (iv) and (c)', 'self', ['26(b)(iii)', '26(b)(iv)', '26(c)']]] },
  { input: 'section 32(h), (i) and (j)', expect: [['section 32(h), (i) and (j)', 'self', ['32(h)', '32(i)', '32(j)']]] },
  { input: 'section 5(a)(i), (ii) or (iii)', expect: [['section 5(a)(i), (ii) or (iii)', 'self', ['5(a)(i)', '5(a)(ii)', '5(a)(iii)']]] },
  { input: 'section 26(b)(iii)(dd), (ee)', expect: [['section 26(b)(iii)(dd), (ee)', 'self', ['26(b)(iii)(dd)', '26(b)(iii)(ee)']]] },
  { input: 'section 4(1) to (3)', expect: [['section 4(1) to (3)', 'self', ['4(1)..4(3)'], ['4(1)..(3)']]] },
  { input: 'sections 3 and 4 of the PPC', expect: [['sections 3 and 4 of the PPC', PPC, ['3', '4']]] },
  { input: 'section 3 and clause (a) of section 4', expect: [['section 3 and clause (a) of section 4', 'self', ['3', '4(a)']]] },
  { input: 's.3 and ss. 4-6', expect: [['s.3 and ss. 4-6', 'self', ['3', '4..6']]] },
  { input: 'Excerpt: article 2, clauses (a) to (c);', expect: [['article 2, clauses (a) to (c)', 'self', ['2', '2(a)..2(c)']]] },
  { input: 's.2, clause (a), (b) and (c) of the PPC', expect: [['s.2, clause (a), (b) and (c) of the PPC', PPC, ['2', '2(a)', '2(b)', '2(c)']]] },
  { input: 'section 5, section 6 and clause (c)', unitPath: ['3', '(1)'], expect: [['section 5, section 6 and clause (c)', 'self', ['5', '6', '3(1)(c)']]] },

  // ---- relative units
  { input: 'sub-section (2)', expect: [['sub-section (2)', 'self', ['3(2)'], ['(2)']]] },
  { input: 'under sub-section (2)', unitPath: ['3', '(1)', '(a)'], expect: [['sub-section (2)', 'self', ['3(2)']]] },
  { input: 'the subsection (2) above', unitPath: ['7', '(1)'], expect: [['subsection (2)', 'self', ['7(2)']]] },
  { input: 'Sub-Section (4)', unitPath: ['7'], expect: [['Sub-Section (4)', 'self', ['7(4)']]] },
  { input: 'sub section (3)', unitPath: ['7'], expect: [['sub section (3)', 'self', ['7(3)']]] },
  { input: 'sub-section(2)', unitPath: ['7'], expect: [['sub-section(2)', 'self', ['7(2)']]] },
  { input: 'sub-sections (1) and (2) of section 5', unitPath: ['9'], expect: [['sub-sections (1) and (2) of section 5', 'self', ['5(1)', '5(2)'], ['(1)', '(2)']]] },
  { input: 'sub-section (2) of section 3', unitPath: ['9'], expect: [['sub-section (2) of section 3', 'self', ['3(2)']]] },
  { input: 'clause (a)', unitPath: ['3', '(1)'], expect: [['clause (a)', 'self', ['3(1)(a)']]] },
  { input: 'clause (a)', unitPath: ['3', '(1)', '(b)'], expect: [['clause (a)', 'self', ['3(1)(a)']]] },
  { input: 'clause (a)', unitPath: ['3'], expect: [['clause (a)', 'self', ['3(a)']]] },
  { input: 'Clause (c)', unitPath: ['3', '(b)'], expect: [['Clause (c)', 'self', ['3(c)']]] },
  { input: 'clauses (a) and (b)', unitPath: ['3', '(2)'], expect: [['clauses (a) and (b)', 'self', ['3(2)(a)', '3(2)(b)']]] },
  { input: 'sub-clause (ii)', unitPath: ['3', '(1)', '(a)'], expect: [['sub-clause (ii)', 'self', ['3(1)(a)(ii)']]] },
  { input: 'sub-clause (ii)', unitPath: ['3', '(1)', '(a)', '(i)'], expect: [['sub-clause (ii)', 'self', ['3(1)(a)(ii)']]] },
  { input: 'sub-clauses (iii) and (iv)', unitPath: ['3', '(b)', '(i)'], expect: [['sub-clauses (iii) and (iv)', 'self', ['3(b)(iii)', '3(b)(iv)']]] },
  { input: 'clause (b) of sub-section (1) of section 4', unitPath: ['9'], expect: [['clause (b) of sub-section (1) of section 4', 'self', ['4(1)(b)'], ['(b)']]] },
  { input: 'clauses (a) to (c) of sub-section (1)', unitPath: ['3', '(2)'], expect: [['clauses (a) to (c) of sub-section (1)', 'self', ['3(1)(a)..3(1)(c)'], ['(a)..(c)']]] },
  { input: 'clause (a) of section 4', expect: [['clause (a) of section 4', 'self', ['4(a)']]] },
  { input: 'clause (b) of section 4(1)', expect: [['clause (b) of section 4(1)', 'self', ['4(1)(b)']]] },
  { input: 'sub-section (1) of section 3 of the PPC', unitPath: ['9'], expect: [['sub-section (1) of section 3 of the PPC', PPC, ['3(1)']]] },
  { input: 'sub-section (2) of this section', unitPath: ['3', '(1)'], expect: [['sub-section (2) of this section', 'self', ['3(2)']]] },
  { input: 'clause (a) of this sub-section', unitPath: ['3', '(2)', '(b)'], expect: [['clause (a) of this sub-section', 'self', ['3(2)(a)']]] },
  { input: 'sub-section (2)', unitPath: [], expect: [['sub-section (2)', 'self', ['(2)']]] },

  // ---- other unit words
  { input: 'paragraph (a) of Article 3', expect: [['paragraph (a) of Article 3', 'self', ['3(a)']]] },
  { input: 'paragraph 2 of article 5 of the UNTOC', expect: [['paragraph 2 of article 5 of the UNTOC', UNTOC, ['5(2)']]] },
  { input: 'paragraphs 1 and 2 of article 6', expect: [['paragraphs 1 and 2 of article 6', 'self', ['6(1)', '6(2)']]] },
  { input: 'sub-paragraph (ii) of paragraph (a) of Article 3', expect: [['sub-paragraph (ii) of paragraph (a) of Article 3', 'self', ['3(a)(ii)']]] },
  { input: 'item (b) of paragraph 2', unitPath: ['4'], expect: [['item (b) of paragraph 2', 'self', ['4(2)(b)']]] },
  { input: 'Article 11', expect: [['Article 11', 'self', ['11']]] },
  { input: 'ARTICLES 5 AND 6 of the UNTOC', expect: [['ARTICLES 5 AND 6 of the UNTOC', UNTOC, ['5', '6']]] },
  { input: 'Art. 3 of UNTOC', expect: [['Art. 3 of UNTOC', UNTOC, ['3']]] },
  { input: 'Arts. 3 and 5', expect: [['Arts. 3 and 5', 'self', ['3', '5']]] },
  { input: 'article 2(c) of the United Nations Convention against Transnational Organized Crime.', expect: [['article 2(c) of the United Nations Convention against Transnational Organized Crime', UNTOC, ['2(c)']]] },
  { input: 'rule 5', expect: [['rule 5', 'self', ['5']]] },
  { input: 'Rules 5 and 6', expect: [['Rules 5 and 6', 'self', ['5', '6']]] },
  { input: 'sub-rule (3)', unitPath: ['5'], expect: [['sub-rule (3)', 'self', ['5(3)']]] },
  { input: 'sub-rules (1) and (2) of rule 4', unitPath: ['5'], expect: [['sub-rules (1) and (2) of rule 4', 'self', ['4(1)', '4(2)']]] },
  { input: 'regulation 4(2)', expect: [['regulation 4(2)', 'self', ['4(2)']]] },
  { input: 'Regulations 7 to 9', expect: [['Regulations 7 to 9', 'self', ['7..9']]] },
  { input: 'Part II', expect: [['Part II', 'self', ['part II'], ['II']]] },
  { input: 'Parts II and III of the PPC', expect: [['Parts II and III of the PPC', PPC, ['part II', 'part III']]] },
  { input: 'chapter XVI-A of the PPC', expect: [['chapter XVI-A of the PPC', PPC, ['chapter XVI-A']]] },
  { input: 'CHAPTER V', expect: [['CHAPTER V', 'self', ['chapter V']]] },
  { input: 'Chapters 4 to 6', expect: [['Chapters 4 to 6', 'self', ['chapter 4..chapter 6']]] },
  { input: 'Schedule 1', expect: [['Schedule 1', 'self', ['schedule 1']]] },
  { input: 'schedules 1 and 2', expect: [['schedules 1 and 2', 'self', ['schedule 1', 'schedule 2']]] },
  { input: 'section 3 of Part II', expect: [['section 3 of Part II', 'self', ['3']]] },
  { input: 'paragraph 3 of Schedule 1', unitPath: ['7'], expect: [['paragraph 3 of Schedule 1', 'self', ['(3)']]] },
  { input: 'in Part II of the Act', said: PTPA_T, expect: [['Part II of the Act', PTPA, ['part II']]] },

  // ---- abbreviations
  { input: 'punishable under s. 302 of the PPC', expect: [['s. 302 of the PPC', PPC, ['302']]] },
  { input: 'ss. 3 and 4', expect: [['ss. 3 and 4', 'self', ['3', '4']]] },
  { input: 'sec. 5(1)', expect: [['sec. 5(1)', 'self', ['5(1)']]] },
  { input: 'an FIR u/s 302 PPC was lodged', expect: [['u/s 302 PPC', PPC, ['302']]] },
  { input: 'under Section-9(c) of CNSA', expect: [['Section-9(c) of CNSA', CNSA, ['9(c)'], ['9(c)']]] },

  // ---- this …
  { input: 'this section', unitPath: ['3', '(1)'], expect: [['this section', 'self', ['3'], ['this section']]] },
  { input: 'For the purposes of this Section,', unitPath: ['12'], expect: [['this Section', 'self', ['12']]] },
  { input: 'In this Act, unless the context', expect: [['this Act', 'self', [''], ['this Act']]] },
  { input: 'under this Ordinance', expect: [['this Ordinance', 'self', ['']]] },
  { input: 'the offences under this Code', expect: [['this Code', 'self', ['']]] },
  { input: 'Parties to this Convention', expect: [['this Convention', 'self', ['']]] },
  { input: 'this Protocol and this Constitution', expect: [['this Protocol', 'self', ['']], ['this Constitution', 'self', ['']]] },
  { input: 'made under these Rules', expect: [['these Rules', 'self', ['']]] },
  { input: 'THIS ACT shall come into force', expect: [['THIS ACT', 'self', ['']]] },
  { input: 'this Act', self: PTPA_T, expect: [['this Act', PTPA, ['']]] },
  { input: 'this sub-section', unitPath: ['3', '(1)', '(a)'], expect: [['this sub-section', 'self', ['3(1)']]] },
  { input: 'this clause', unitPath: ['3', '(1)', '(a)'], expect: [['this clause', 'self', ['3(1)(a)']]] },
  { input: 'section 3 of this Act', expect: [['section 3 of this Act', 'self', ['3']]] },
  { input: 'section 3 of this Act', self: PPC_T, expect: [['section 3 of this Act', PPC, ['3']]] },

  // ---- other instruments
  { input: 'section 9 of the Control of Narcotic Substances Act, 1997 applies', expect: [['section 9 of the Control of Narcotic Substances Act, 1997', CNSA, ['9']]] },
  { input: 'section 9 of the Control of Narcotic Substances Act applies', expect: [['section 9 of the Control of Narcotic Substances Act', CNSA, ['9']]] },
  { input: 'section 9 of the Control of Narcotic Substances Act 1997.', expect: [['section 9 of the Control of Narcotic Substances Act 1997', CNSA, ['9']]] },
  { input: 'section 9 of Control of Narcotic Substances Act, 1997', expect: [['section 9 of Control of Narcotic Substances Act, 1997', CNSA, ['9']]] },
  { input: 'section 6 of the Prevention of Smuggling of Migrants Act, 2018', expect: [['section 6 of the Prevention of Smuggling of Migrants Act, 2018', 'id:pk/psma-2018', ['6']]] },
  { input: 'section 9 of the CNSA', expect: [['section 9 of the CNSA', CNSA, ['9']]] },
  { input: 'section 9 of CNSA;', expect: [['section 9 of CNSA', CNSA, ['9']]] },
  { input: 'section 302 of Act XLV of 1860', expect: [['section 302 of Act XLV of 1860', PPC, ['302']]] },
  { input: 'section 3 of the pakistan penal code', expect: [['section 3 of the pakistan penal code', PPC, ['3']]] },
  { input: 'section 3 of the Pakistan\nPenal Code', expect: [['section 3 of the Pakistan\nPenal Code', PPC, ['3']]] },
  { input: 'section 3 of\nthe Penal Code', expect: [['section 3 of\nthe Penal Code', PPC, ['3']]] },
  { input: 'section 369A of the Pakistan Penal Code (Act XLV of 1860)', expect: [['section 369A of the Pakistan Penal Code (Act XLV of 1860)', PPC, ['369A']]] },
  { input: 'section 4 of the Prevention of Trafficking in Persons Act, 2018', expect: [['section 4 of the Prevention of Trafficking in Persons Act, 2018', PTPA, ['4']]] },
  { input: 'section 3 of Act No. 12 of 1998', expect: [['section 3 of Act No. 12 of 1998', 'id:zz/fpa-1998', ['3']]] },
  { input: 'section 3 of the Merchant Shipping Ordinance, 1961.', expect: [['section 3 of the Merchant Shipping Ordinance, 1961', 'unknown:Merchant Shipping Ordinance, 1961', ['3']]] },
  { input: 'section 5 of the Code of Criminal Procedure, 1898', expect: [['section 5 of the Code of Criminal Procedure, 1898', 'unknown:Code of Criminal Procedure, 1898', ['5']]] },
  { input: 'under section 545 of the Code', expect: [['section 545 of the Code', 'unknown:Code', ['545']]] },
  { input: 'section 3 of Act VI of 2006', expect: [['section 3 of Act VI of 2006', 'unknown:Act VI of 2006', ['3']]] },
  { input: 'section 10 of Ordinance No. 5 of 2002', expect: [['section 10 of Ordinance No. 5 of 2002', 'unknown:Ordinance No. 5 of 2002', ['10']]] },
  { input: 'section 14 of the Foreigners Act 1946 and section 4', expect: [['section 14 of the Foreigners Act 1946', 'unknown:Foreigners Act 1946', ['14']], ['section 4', 'self', ['4']]] },
  {
    input: 'section 7 of the Prevention and Control of Human Trafficking Ordinance, 2002',
    expect: [['section 7 of the Prevention and Control of Human Trafficking Ordinance, 2002', 'unknown:Prevention and Control of Human Trafficking Ordinance, 2002', ['7']]],
  },
  { input: 'article 3 of the Convention on the Rights of the Child', expect: [['article 3 of the Convention on the Rights of the Child', 'unknown:Convention on the Rights of the Child', ['3']]] },
  { input: 'section 2 of the Emigration Ordinance and the Passport Act', expect: [['section 2 of the Emigration Ordinance', 'unknown:Emigration Ordinance', ['2']]] },
  {
    input: 'under section 3 of this Act or section 369A of the Pakistan Penal Code',
    expect: [['section 3 of this Act', 'self', ['3']], ['section 369A of the Pakistan Penal Code', PPC, ['369A']]],
  },

  // ---- the said Act, that Act, thereof
  { input: 'section 13 of the said Act shall be omitted', said: PTPA_T, expect: [['section 13 of the said Act', PTPA, ['13']]] },
  { input: 'section 13 of the said Act', expect: [['section 13 of the said Act', 'unknown:the said Act', ['13']]] },
  { input: 'section 13 of the principal Act', said: PTPA_T, expect: [['section 13 of the principal Act', PTPA, ['13']]] },
  { input: 'section 2 of the said Ordinance', said: PTPA_T, expect: [['section 2 of the said Ordinance', PTPA, ['2']]] },
  { input: 'section 13 of the Act', said: PTPA_T, expect: [['section 13 of the Act', PTPA, ['13']]] },
  {
    input: 'section 9 of the CNSA and section 10 of that Act',
    expect: [['section 9 of the CNSA', CNSA, ['9']], ['section 10 of that Act', CNSA, ['10']]],
  },
  {
    input: 'section 9 of the CNSA, section 3 and section 10 of the same Act',
    expect: [['section 9 of the CNSA', CNSA, ['9']], ['section 3 and section 10 of the same Act', CNSA, ['3', '10']]],
  },
  { input: 'section 10 of that Act', expect: [['section 10 of that Act', 'unknown:that Act', ['10']]] },
  { input: 'section 10 of that Act', state: { lastInstrument: PPC_T }, expect: [['section 10 of that Act', PPC, ['10']]] },
  {
    input: 'section 4 of the PPC and sub-section (2) thereof',
    expect: [['section 4 of the PPC', PPC, ['4']], ['sub-section (2) thereof', PPC, ['4(2)'], ['(2)']]],
  },
  { input: 'section 4 and sub-section (2) thereof', unitPath: ['9'], expect: [['section 4 and sub-section (2) thereof', 'self', ['4', '4(2)']]] },
  { input: 'clause (a) of sub-section (2) thereof', state: { lastAddress: '4', lastAddressInstrument: PPC_T }, expect: [['clause (a) of sub-section (2) thereof', PPC, ['4(2)(a)']]] },
  { input: 'clause (b) thereof', state: { lastAddress: '4(1)', lastAddressInstrument: PPC_T }, expect: [['clause (b) thereof', PPC, ['4(1)(b)']]] },
  { input: 'section 5 thereof', state: { lastInstrument: CNSA_T(), lastAddress: '9' }, expect: [['section 5 thereof', CNSA, ['5']]] },
  { input: 'sub-section (2) thereof', expect: [['sub-section (2) thereof', 'unknown:thereof', ['(2)']]] },
  { input: 'sub-section (3), thereof', state: { lastAddress: '7', lastAddressInstrument: { kind: 'self' } }, expect: [['sub-section (3), thereof', 'self', ['7(3)']]] },

  // ---- positions, punctuation, line breaks, Urdu
  { input: 'Under section 3.', expect: [['section 3', 'self', ['3']]] },
  { input: '(see section 3)', expect: [['section 3', 'self', ['3']]] },
  { input: 'section 3; and section 4', expect: [['section 3', 'self', ['3']], ['section 4', 'self', ['4']]] },
  { input: 'section\n3', expect: [['section\n3', 'self', ['3']]] },
  { input: 'sections 3 and\n4', expect: [['sections 3 and\n4', 'self', ['3', '4']]] },
  { input: 'section\r\n3 applies', expect: [['section\r\n3', 'self', ['3']]] },
  { input: 'دفعہ section 3 کے تحت', expect: [['section 3', 'self', ['3']]] },
  { input: 'تعزیرات پاکستان section 302 of the PPC میں', expect: [['section 302 of the PPC', PPC, ['302']]] },
  { input: '"victim" means a person against whom an offence under section 3 is committed', expect: [['section 3', 'self', ['3']]] },
  { input: 'for the words "section 3" the words "section 4" shall be substituted', expect: [['section 3', 'self', ['3']], ['section 4', 'self', ['4']]] },
  { input: '**section 3**', expect: [['section 3', 'self', ['3']]] },
  { input: 'Amendment of section 3, Act XXXIV of 2018', expect: [['section 3, Act XXXIV of 2018', PTPA, ['3']]] },
  { input: 'Amendment of section 3, Act No. 12 of 1998', expect: [['section 3, Act No. 12 of 1998', 'id:zz/fpa-1998', ['3']]] },
  { input: 'Insertion of new section 3A', expect: [['section 3A', 'self', ['3A']]] },
  {
    input: 'In the Fishing Crews Protection Act, 1998, hereinafter referred to as the said Act, in section 3, in sub-section (1),—',
    unitPath: ['2'],
    expect: [['section 3', 'self', ['3']], ['sub-section (1)', 'self', ['2(1)']]],
  },
  {
    input: '(a) an offence under section 3, or\n(b) an offence under section 4',
    expect: [['section 3', 'self', ['3']], ['section 4', 'self', ['4']]],
  },

  // ---- near-misses: no reference, or a shorter one
  { input: 'the section', expect: [] },
  { input: 'this section', unitPath: [], expect: [] },
  { input: 'in the year 1997 the Act', expect: [] },
  { input: 'a fine of 500,000 rupees', expect: [] },
  { input: 'section 3 of the offence', expect: [['section 3', 'self', ['3']]] },
  { input: 'section 3 of the Indian territory', expect: [['section 3', 'self', ['3']]] },
  { input: 'section 3 and 5 years', expect: [['section 3', 'self', ['3']]] },
  { input: 'sections 3, 500 rupees', expect: [['sections 3', 'self', ['3']]] },
  { input: 'a cross-section 3 of society', expect: [] },
  { input: 'in part by the victim', expect: [] },
  { input: 'any part of the property', expect: [] },
  { input: 'the rule of law', expect: [] },
  { input: 'an article of clothing', expect: [] },
  { input: 'this act of violence', expect: [] },
  { input: 'this Part applies', expect: [] },
  { input: 'the 3rd section 3rd', expect: [] },
  { input: 'section 3.5', expect: [] },
  { input: 'Rs. 500 and Mrs. 4', expect: [] },
  { input: 'sections of society', expect: [] },
  { input: 'schedule a hearing', expect: [] },
  { input: 'section (3)', expect: [] },
  { input: 'subsection(s) 2', expect: [] },
  { input: '## Article 3. Use of terms', expect: [] },
  { input: 'section 3 of Pakistan and India', expect: [['section 3', 'self', ['3']]] },
  { input: 'sections 3 and the Code', expect: [['sections 3', 'self', ['3']]] },
  { input: 'section 3 of the Act', expect: [['section 3 of the Act', 'unknown:the Act', ['3']]] },
  { input: 'section 3 of the Acts', expect: [['section 3', 'self', ['3']]] },
  { input: 'in these rules', expect: [['these rules', 'self', ['']]] },
  { input: 'the Government’s section', expect: [] },
  { input: 'sub-section', expect: [] },
  { input: 'paragraphs', expect: [] },
];

function CNSA_T(): InstrumentTarget {
  return { kind: 'id', id: 'pk/cnsa-1997' };
}

function ctxFor(c: Case): RefContext {
  return { unitPath: c.unitPath ?? ['3'], self: c.self ?? { kind: 'self' }, said: c.said, names };
}

function targetTexts(input: string, r: ScannedReference): string[] {
  return r.targets.map((t) => input.slice(t.span.start, t.span.end) + (t.to ? '..' + input.slice(t.to.span.start, t.to.span.end) : ''));
}

function addresses(r: ScannedReference): string[] {
  return r.targets.map((t) => t.address + (t.to ? '..' + t.to.address : ''));
}

describe('references: scanReferences (table)', () => {
  it('has at least 100 cases and 15 near-misses', () => {
    assert.ok(CASES.length >= 100, `${CASES.length} cases`);
  });

  for (const c of CASES) {
    const title = `${JSON.stringify(c.input)}${c.unitPath ? ` in ${c.unitPath.join('')}` : ''}${c.said ? ' (said)' : ''}${c.state ? ' (state)' : ''}`;
    it(title, () => {
      const state: ScanState = c.state ? { ...c.state } : {};
      const refs = scanReferences(c.input, 0, c.input.length, ctxFor(c), state);
      const got = refs.map((r) => [r.text, inst(r.instrument), addresses(r)]);
      assert.deepEqual(got, c.expect.map((e) => [e[0], e[1], e[2]]));
      let from = 0;
      refs.forEach((r, i) => {
        const e = c.expect[i]!;
        // The exact span: the expected text at its first occurrence after the previous reference.
        const at = c.input.indexOf(e[0], from);
        assert.deepEqual(r.span, { start: at, end: at + e[0].length });
        assert.equal(r.text, c.input.slice(r.span.start, r.span.end));
        from = r.span.end;
        if (e[3]) assert.deepEqual(targetTexts(c.input, r), e[3]);
        for (const t of r.targets) {
          assert.ok(t.span.start >= r.span.start && t.span.end <= r.span.end, 'target within the reference');
          if (t.to) assert.ok(t.to.span.start >= t.span.end && t.to.span.end <= r.span.end, 'range end within the reference');
        }
      });
    });
  }
});

describe('references: offsets and state', () => {
  it('reads only text[start, end) and reports offsets into the whole text', () => {
    const text = 'section 1 … under section 3(1) of the PPC; section 9';
    const start = text.indexOf('under');
    const end = text.indexOf(';');
    const refs = scanReferences(text, start, end, ctxFor({ input: '', expect: [] }));
    assert.equal(refs.length, 1);
    assert.equal(refs[0]!.text, 'section 3(1) of the PPC');
    assert.equal(refs[0]!.span.start, text.indexOf('section 3'));
    assert.deepEqual(refs[0]!.targets[0]!.span, { start: text.indexOf('3(1)'), end: text.indexOf('3(1)') + 4 });
  });

  it('stops at end even inside a reference', () => {
    const text = 'section 3 of the Pakistan Penal Code';
    const refs = scanReferences(text, 0, text.indexOf(' Penal'), ctxFor({ input: '', expect: [] }));
    assert.deepEqual(refs.map((r) => [r.text, inst(r.instrument)]), [['section 3', 'self']]);
  });

  it('uses UTF-16 offsets around Urdu text', () => {
    const text = 'دفعہ section 3 کے تحت';
    const [r] = scanReferences(text, 0, text.length, ctxFor({ input: '', expect: [] }));
    assert.deepEqual(r!.span, { start: 5, end: 14 });
    assert.deepEqual(r!.targets[0]!.span, { start: 13, end: 14 });
  });

  it('carries thereof and that Act from one call to the next', () => {
    const state: ScanState = {};
    const ctx = ctxFor({ input: '', expect: [] });
    const a = 'An offence under section 4 of the PPC.';
    const b = 'The penalty in sub-section (2) thereof';
    const c = 'and section 7 of that Act';
    scanReferences(a, 0, a.length, ctx, state);
    assert.deepEqual(state.lastInstrument, PPC_T);
    assert.equal(state.lastAddress, '4');
    const [rb] = scanReferences(b, 0, b.length, ctx, state);
    assert.deepEqual([rb!.text, inst(rb!.instrument), addresses(rb!)], ['sub-section (2) thereof', PPC, ['4(2)']]);
    const between = 'see section 3.';
    scanReferences(between, 0, between.length, ctx, state);
    const [rc] = scanReferences(c, 0, c.length, ctx, state);
    assert.deepEqual([inst(rc!.instrument), addresses(rc!)], [PPC, ['7']]);
  });

  it('survives a matcher that throws and odd arguments', () => {
    const bad: NameMatcher = {
      match() {
        throw new Error('boom');
      },
    };
    const text = 'section 3 of the Foo Act and sub-section (2) thereof';
    const refs = scanReferences(text, 0, text.length, { unitPath: ['3'], self: { kind: 'self' }, names: bad });
    assert.deepEqual(refs.map((r) => [r.text, inst(r.instrument)]), [['section 3 of the Foo Act', 'unknown:Foo Act'], ['sub-section (2) thereof', 'unknown:Foo Act']]);
    assert.deepEqual(scanReferences(text, 10, 5, ctxFor({ input: '', expect: [] })), []);
    assert.deepEqual(scanReferences(text, -5, 1e9, ctxFor({ input: '', expect: [] })).length, 2);
    assert.deepEqual(scanReferences('', 0, 0, ctxFor({ input: '', expect: [] })), []);
  });
});

describe('references: createNameMatcher', () => {
  const m = names;
  const cases: Array<[string, number, string | undefined, string?]> = [
    ['the Pakistan Penal Code applies', 0, 'pk/ppc-1860', 'the Pakistan Penal Code'],
    ['Pakistan Penal Code', 0, 'pk/ppc-1860', 'Pakistan Penal Code'],
    ['THE PENAL CODE', 0, 'pk/ppc-1860', 'THE PENAL CODE'],
    ['the  Control of\nNarcotic Substances Act, 1997.', 0, 'pk/cnsa-1997', 'the  Control of\nNarcotic Substances Act, 1997'],
    ['Control of Narcotic Substances Act 1997', 0, 'pk/cnsa-1997', 'Control of Narcotic Substances Act 1997'],
    ['Control of Narcotic Substances Act; and', 0, 'pk/cnsa-1997', 'Control of Narcotic Substances Act'],
    ['Prevention of Smuggling of Migrants Act, 2018', 0, 'pk/psma-2018', 'Prevention of Smuggling of Migrants Act, 2018'],
    ['Act XXXIV of 2018', 0, 'pk/ptpa-2018', 'Act XXXIV of 2018'],
    ['Act XXXIV of 2019', 0, undefined],
    ['PPCA', 0, undefined],
    ['xPPC', 1, undefined],
    [' PPC', 1, 'pk/ppc-1860', 'PPC'],
    ['under the UNTOC,', 6, 'int/untoc-2000', 'the UNTOC'],
    ['the', 0, undefined],
    ['', 0, undefined],
  ];
  for (const [text, pos, id, matched] of cases) {
    it(`${JSON.stringify(text)} at ${pos}`, () => {
      const r = m.match(text, pos);
      assert.equal(r?.id, id);
      if (matched !== undefined) assert.equal(text.slice(pos, r!.end), matched);
    });
  }
  it('prefers the longest name', () => {
    const mm = createNameMatcher([
      { id: 'a', names: ['Penal Code'] },
      { id: 'b', names: ['Penal Code (Amendment) Act'] },
    ]);
    assert.equal(mm.match('the Penal Code (Amendment) Act, 2016', 0)?.id, 'b');
    assert.equal(mm.match('the Penal Code (Amendment) Bill', 0)?.id, 'a');
  });
  it('copes with junk input', () => {
    const mm = createNameMatcher([{ id: 'x', names: ['', '   ', 'The'] }, null as never, { id: 'y', names: [null as never] }]);
    assert.equal(mm.match('The Act', 0), undefined);
    assert.equal(mm.match('abc', -1), undefined);
    assert.equal(mm.match('abc', Number.NaN), undefined);
  });
});

describe('references: properties', () => {
  const words = [
    'section', 'sections', 'Section', 'sub-section', 'subsections', 'clause', 'clauses', 'sub-clause', 'paragraph', 'sub-paragraph',
    'item', 'article', 'Art.', 'rule', 'sub-rule', 'regulation', 'chapter', 'Part', 'schedule', 's.', 'ss.', 'sec.', 'u/s',
    'this', 'these', 'Act', 'Ordinance', 'Code', 'Rules', 'Convention', 'of', 'the', 'said', 'principal', 'that', 'same',
    'thereof', 'and', 'or', 'and/or', 'to', ',', ';', '.', '–', '-', '(', ')', '(1)', '(2A)', '(a)', '(b)', '(i)', '(iv)', '(dd)',
    '(A)', '3', '4A', '22AA', '364-A', '1997', '500,000', 'II', 'XVI-A', 'Pakistan', 'Penal', 'PPC', 'CNSA', 'UNTOC',
    'Control', 'Narcotic', 'Substances', 'Act, 1997', 'No.', 'XLV', '1860', 'دفعہ', 'کے', '\n', '\r\n', '#', '>', '"', '’',
  ];
  const sentence = fc
    .array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 4 })), { maxLength: 40 })
    .chain((ws) => fc.array(fc.constantFrom(' ', '', '  ', '\n', ', '), { minLength: ws.length, maxLength: ws.length }).map((seps) => ws.map((w, i) => w + seps[i]).join('')));
  const unitPath = fc.oneof(
    fc.constant<string[]>([]),
    fc.constantFrom<string[]>(['3'], ['3', '(1)'], ['3', '(1)', '(a)'], ['3', '(b)', '(i)'], ['4', 'Explanation'], ['x', '(', '']),
  );

  it('never throws; every span lies within [start, end) and every target within its reference', () => {
    fc.assert(
      fc.property(sentence, fc.nat(), fc.nat(), unitPath, fc.boolean(), (text, a, b, path, withSaid) => {
        const n = text.length + 1;
        const start = a % n;
        const end = start + (b % (n - start + 1));
        const state: ScanState = {};
        const refs = scanReferences(text, start, end, { unitPath: path, self: { kind: 'self' }, said: withSaid ? PTPA_T : undefined, names }, state);
        let prevEnd = start;
        for (const r of refs) {
          assert.ok(r.span.start >= prevEnd && r.span.end <= end && r.span.start < r.span.end, 'reference span in range, in order');
          assert.equal(r.text, text.slice(r.span.start, r.span.end));
          assert.ok(r.targets.length > 0);
          for (const t of r.targets) {
            assert.equal(typeof t.address, 'string');
            assert.ok(t.span.start >= r.span.start && t.span.end <= r.span.end && t.span.start <= t.span.end);
            if (t.to) assert.ok(t.to.span.start >= r.span.start && t.to.span.end <= r.span.end);
          }
          prevEnd = r.span.end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'grapheme' }), fc.string({ maxLength: 200 }), (s1, s2) => {
        const text = s1 + ' section 3(1) of ' + s2;
        const refs = scanReferences(text, 0, text.length, { unitPath: ['3'], self: { kind: 'self' }, names });
        for (const r of refs) assert.ok(r.span.start >= 0 && r.span.end <= text.length);
        names.match(text, s1.length);
      }),
      { numRuns: 500 },
    );
  });
});
