import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  comparePenaltySeverity,
  describePenalty,
  penaltyDifferences,
  readPenalties,
  type Penalty,
} from '../../server/src/engine/parse/penalty';

type Norm = Omit<Penalty, 'span'>;
type Kind = 'rigorous' | 'simple' | 'either' | 'unspecified';

const Y = 12; // months in a year

function pen(o: Partial<Norm>): Norm {
  return { death: false, life: false, imprisonment: null, fine: null, fineAlone: false, ...o };
}
function imp(minMonths: number | null, maxMonths: number | null, kind: Kind = 'unspecified'): Norm['imprisonment'] {
  return { minMonths, maxMonths, kind };
}
function fine(min: number | null = null, max: number | null = null): Norm['fine'] {
  return { min, max };
}
function norm(p: Penalty): Norm {
  const { span: _span, ...rest } = p;
  return rest;
}
function read(text: string): Norm[] {
  return readPenalties(text).map(norm);
}
function spanText(text: string, p: Penalty): string {
  return text.slice(p.span.start, p.span.end);
}

interface Case {
  name: string;
  text: string;
  expect: Norm[];
}

// -----------------------------------------------------------------------------------------------
// Real and realistic penalty sentences → normal forms.

const CASES: Case[] = [
  // --- Pakistan Penal Code (current text; OCR artefacts such as "twentyfive" and "1[" kept) ---
  {
    name: 'PPC 363 kidnapping: up to 7 years AND fine',
    text: 'Whoever kidnaps any person from Pakistan or from lawful guardianship, shall be punished with imprisonment of either description for a term which may extend to seven years, and shall also be liable to fine.',
    expect: [pen({ imprisonment: imp(null, 7 * Y, 'either'), fine: fine() })],
  },
  {
    name: 'PPC 364A: death OR life OR RI 7-14 years, no fine; the age of fourteen is not a term',
    text: 'Whoever kidnaps or abducts any person under the age of fourteen in order that such person may be murdered or subjected to grievous hurt, or slavery, or to the lust of any person shall be punished with death or with imprisonment for life or with rigorous imprisonment for a term which may extend to fourteen years and shall not be less than seven years.',
    expect: [pen({ death: true, life: true, imprisonment: imp(7 * Y, 14 * Y, 'rigorous') })],
  },
  {
    name: 'PPC 365A: death or life, forfeiture is not a fine',
    text: 'Whoever kidnaps or abducts any person for the purpose of extorting from the person kidnapped any property shall be punished with death or imprisonment for life and shall also be liable to forfeiture of property.',
    expect: [pen({ death: true, life: true })],
  },
  {
    name: 'PPC 365B: life AND fine; "punishable as aforesaid" is not a second penalty',
    text: 'Whoever kidnaps or abducts any woman with intent that she may be compelled to marry any person against her will shall be punished with imprisonment for life, and shall also be liable to fine; and whoever by means of criminal intimidation induces any woman to go from any place with intent that she may be forced or seduced to illicit intercourse with another person shall also be punishable as aforesaid.',
    expect: [pen({ life: true, fine: fine() })],
  },
  {
    name: 'PPC 366A: "shall be punishable" up to 10 years AND fine; "under the age of eighteen years" is not a term',
    text: 'Whoever, by any means whatsoever, induces any minor girl under the age of eighteen years to go from any place with intent that such girl may be forced or seduced to illicit intercourse with another person shall be punishable with imprisonment which may extend to ten years and shall also be liable to fine.',
    expect: [pen({ imprisonment: imp(null, 10 * Y), fine: fine() })],
  },
  {
    name: 'PPC 366B: "twentyone years" (OCR) is an age; the penalty is up to 10 years AND fine',
    text: 'Whoever imports into Pakistan from any country outside Pakistan any girl under the age of twentyone years with intent that she may be forced or seduced to illicit intercourse with another person, shall be punishable with imprisonment which may extend to ten years and shall also be liable to fine.',
    expect: [pen({ imprisonment: imp(null, 10 * Y), fine: fine() })],
  },
  {
    name: 'PPC 367: up to 10 years (either) AND fine',
    text: 'Whoever kidnaps or abducts any person in order that such person may be subjected to grievous hurt, or slavery, shall be punished with imprisonment of either description for a term which may extend to ten years, and shall also be liable to fine.',
    expect: [pen({ imprisonment: imp(null, 10 * Y, 'either'), fine: fine() })],
  },
  {
    name: 'PPC 367A: death OR RI up to 25 years ("twentyfive"), AND fine',
    text: 'Whoever kidnaps or abducts any person in order that such person may be subjected to the unnatural lust of any person shall be punished with death or rigorous\nimprisonment for a term which may extend to twentyfive years, and shall also be liable to fine.',
    expect: [pen({ death: true, imprisonment: imp(null, 25 * Y, 'rigorous'), fine: fine() })],
  },
  {
    name: 'PPC 369: child under ten years (an age), up to 7 years AND fine',
    text: 'Whoever kidnaps or abducts any child under the age of ten years with the intention of taking dishonestly any moveable property from the person of such child, shall be punished with imprisonment of either description for a term which may extend to seven years, and shall also be liable to fine.',
    expect: [pen({ imprisonment: imp(null, 7 * Y, 'either'), fine: fine() })],
  },
  {
    name: 'PPC 370: up to 7 years AND fine',
    text: 'Whoever imports, exports, removes, buys, sells or disposes of any person as a slave, shall be punished with imprisonment of either description for a term which may extend to seven years, and shall also be liable to fine.',
    expect: [pen({ imprisonment: imp(null, 7 * Y, 'either'), fine: fine() })],
  },
  {
    name: 'PPC 371: life OR up to 10 years ("not exceeding"), AND fine; amendment mark "1[…]"',
    text: 'Whoever habitually imports, exports, removes, buys, sells, traffics or deals in slaves, shall be punished with 1[imprisonment for life], or with imprisonment of\neither description for a term not exceeding ten years, and shall also be liable to fine.',
    expect: [pen({ life: true, imprisonment: imp(null, 10 * Y, 'either'), fine: fine() })],
  },
  {
    name: 'PPC 371A: up to 25 years AND fine',
    text: 'Whoever sells, lets to hire, or otherwise disposes of any person with intent that such person shall at any time be employed or used for the purpose of prostitution, shall be punished with imprisonment which may extend to twenty-five years, and shall also be liable to fine.',
    expect: [pen({ imprisonment: imp(null, 25 * Y), fine: fine() })],
  },
  {
    name: 'PPC 371B: up to 25 years AND fine',
    text: 'Whoever buys, hires or otherwise obtains possession of any person with intent that such person shall at any time be employed or used for the purpose of prostitution, shall be punished with imprisonment which may extend to twentyfive years, and shall also be liable\nto fine.',
    expect: [pen({ imprisonment: imp(null, 25 * Y), fine: fine() })],
  },
  {
    name: 'PPC 374(1): up to 1 year, OR fine, OR both (fine alone)',
    text: 'Whoever unlawfully compels any person to labour against the will of that person, shall be punished with imprisonment of either description for a term\nwhich may extend to one year, or with fine, or with both.',
    expect: [pen({ imprisonment: imp(null, 1 * Y, 'either'), fine: fine(), fineAlone: true })],
  },
  {
    name: 'PPC 374(2): up to 1 year, no fine',
    text: 'Whoever compels a prisoner of war or a protected person to serve in the armed forces of Pakistan shall be punished with imprisonment of either description for a term which may extend to one year.',
    expect: [pen({ imprisonment: imp(null, 1 * Y, 'either') })],
  },
  {
    name: 'PPC 369A (2016): 5-7 years OR fine Rs 500,000-700,000 OR both, semicolons between the limbs',
    text: 'Whoever involves himself in human trafficking shall be punished with imprisonment for a term which shall not be less than five years and may extend up to seven years; or with fine which shall not be less than five hundred thousand rupees and may extend up to seven hundred thousand rupees; or with both.',
    expect: [pen({ imprisonment: imp(5 * Y, 7 * Y), fine: fine(500000, 700000), fineAlone: true })],
  },
  {
    name: 'PPC 292C (2016): fine range with a comma inside it',
    text: 'Whoever commits an offence of child pornography shall be punished with imprisonment of either description for a term which shall not be less than two years and may extend up to seven years, or with fine which shall not be less than two hundred thousand rupees, and may extend up to seven hundred thousand rupees, or with both.',
    expect: [pen({ imprisonment: imp(2 * Y, 7 * Y, 'either'), fine: fine(200000, 700000), fineAlone: true })],
  },
  {
    name: 'PPC 377B (2016): "and liable to fine … or with both" — "or with both" makes a fine alone possible',
    text: 'Whoever commits the offence of sexual abuse shall be punished with imprisonment of either description for a term which may extend to seven years and liable to fine which shall not be less than five hundred thousand rupees or with both:',
    expect: [pen({ imprisonment: imp(null, 7 * Y, 'either'), fine: fine(500000, null), fineAlone: true })],
  },
  {
    name: 'PPC 357: fine amount inside an amendment mark "2[three thousand rupees]"',
    text: 'shall be punished with imprisonment of either description for a term which may extend to one year, or with\nfine which may extend to 2[three thousand rupees], or with both.',
    expect: [pen({ imprisonment: imp(null, 1 * Y, 'either'), fine: fine(null, 3000), fineAlone: true })],
  },
  {
    name: 'PPC 358: simple imprisonment of one month, or fine of six hundred rupees, or both',
    text: 'Whoever assaults any person on grave and sudden provocation, shall be punished with\nsimple imprisonment for a term which may extend to one month or with fine which may extend to six hundred rupees, or with both.',
    expect: [pen({ imprisonment: imp(null, 1, 'simple'), fine: fine(null, 600), fineAlone: true })],
  },
  {
    name: 'PPC 241: "fine to an amount which may extend to ten times the value" has no figure',
    text: 'shall be punished with imprisonment of either description for a term which may extend to two years, or with fine to an amount which may extend to ten times the value of the coin counterfeited, or with both.',
    expect: [pen({ imprisonment: imp(null, 2 * Y, 'either'), fine: fine(), fineAlone: true })],
  },
  {
    name: 'PPC 235: two penalties in one section ("; and if the coin … is Pakistan coin, shall be punished …")',
    text: 'Whoever is in possession of any instrument for counterfeiting coin, shall be punished with imprisonment of either description for a term which may extend to three years, and shall also be liable to fine ;\nand if the coin to be counterfeited is 1[Pakistan coin], shall be punished with imprisonment of\neither description for a term which may extend to ten years, and shall also be liable to fine.',
    expect: [pen({ imprisonment: imp(null, 3 * Y, 'either'), fine: fine() }), pen({ imprisonment: imp(null, 10 * Y, 'either'), fine: fine() })],
  },
  {
    name: 'PPC 115 (abetment): "an offence punishable with death or imprisonment for life" names a class, not a penalty',
    text: 'Whoever abets the commission of an offence punishable with death or imprisonment for life, shall, if that offence be not committed in consequence of the abetment, be punished with imprisonment of either description for a term which may extend to seven years, and shall also be liable to fine.',
    expect: [pen({ imprisonment: imp(null, 7 * Y, 'either'), fine: fine() })],
  },

  // --- Prevention of Trafficking in Persons Act 2018 ---
  {
    name: 'PTPA 3(1): up to 7 years OR fine up to Rs 1 million OR both',
    text: 'Any person who recruits, harbours, transports, provides or obtains another person; or attempts to do so, for compelled labour or commercial sex acts through the use of force, fraud or coercion, commits an offence of trafficking in persons and shall be punished with imprisonment which may extend to seven years or with fine which may extend to one million rupees or with both.',
    expect: [pen({ imprisonment: imp(null, 7 * Y), fine: fine(null, 1000000), fineAlone: true })],
  },
  {
    name: 'PTPA 3(2): 2-10 years OR fine up to Rs 1 million OR both',
    text: 'If the offence of trafficking in persons under sub-section (1) is committed against a child or woman, the person who commits the offence shall be punished with imprisonment which may extend to ten years and which shall not be less than two years or with fine which may extend to one million rupees or with both.',
    expect: [pen({ imprisonment: imp(2 * Y, 10 * Y), fine: fine(null, 1000000), fineAlone: true })],
  },
  {
    name: 'PTPA 4: 3-14 years AND fine up to Rs 2 million ("death of the victim" is a circumstance)',
    text: 'Where an offence under section 3 involves serious injury, life-threatening illness or death of the victim or another person; activity of an organized criminal group; confiscation or destruction of any travel document of the victim; or repetition of the offence by the same offender, the offender shall be punished with imprisonment which may extend to fourteen years and which shall not be less than three years and fine which may extend to two million rupees.',
    expect: [pen({ imprisonment: imp(3 * Y, 14 * Y), fine: fine(null, 2000000) })],
  },

  // --- Child Marriage Restraint Act 1929 ---
  {
    name: 'CMRA 1929 s.4: simple imprisonment up to 1 month OR fine up to Rs 1,000 OR both',
    text: 'Whoever, being a male above eighteen years of age, contracts a child marriage shall be punishable with simple imprisonment which may extend to one month, or with fine which may extend to one thousand rupees, or with both.',
    expect: [pen({ imprisonment: imp(null, 1, 'simple'), fine: fine(null, 1000), fineAlone: true })],
  },
  {
    name: 'CMRA 1929 s.5: the same, followed by "unless he proves"',
    text: 'Whoever performs, conducts or directs any child marriage shall be punishable with simple imprisonment which may extend to one month, or with fine which may extend to one thousand rupees, or with both, unless he proves that he had reason to believe that the marriage was not a child marriage.',
    expect: [pen({ imprisonment: imp(null, 1, 'simple'), fine: fine(null, 1000), fineAlone: true })],
  },
  {
    name: 'CMRA 1929 s.6: one penalty; the proviso "no woman shall be punishable with imprisonment" is not one',
    text: 'Where a minor contracts a child marriage, any person having charge of the minor who does any act to promote the marriage shall be punishable with simple imprisonment which may extend to one month, or with fine which may extend to one thousand rupees, or with both:\n\nProvided that no woman shall be punishable with imprisonment.',
    expect: [pen({ imprisonment: imp(null, 1, 'simple'), fine: fine(null, 1000), fineAlone: true })],
  },
  {
    name: 'CMRA 1929 s.12(5): up to 3 months OR Rs 1,000 OR both',
    text: 'Whoever knowing that an injunction has been issued against him under sub section (1) of this section disobeys such injunction shall be punished with imprisonment of either description for a term which may extend to three months, or with fine which may extend to one thousand rupees, or with both:\n\nProvided that no woman shall be punishable with imprisonment.',
    expect: [pen({ imprisonment: imp(null, 3, 'either'), fine: fine(null, 1000), fineAlone: true })],
  },

  // --- Sindh Child Marriages Restraint Act 2013 ---
  {
    name: 'Sindh CMRA 2013 s.3: RI 2-3 years AND fine',
    text: 'Whoever, being a male above eighteen years of age, contracts a child marriage shall be punishable with rigorous imprisonment which may extend to three years but shall not be less than two years and shall be liable to fine.',
    expect: [pen({ imprisonment: imp(2 * Y, 3 * Y, 'rigorous'), fine: fine() })],
  },
  {
    name: 'Punjab 2015 style: up to 6 months AND fine up to Rs 50,000',
    text: 'shall be punishable with simple imprisonment which may extend to six months and with fine which may extend to fifty thousand rupees.',
    expect: [pen({ imprisonment: imp(null, 6, 'simple'), fine: fine(null, 50000) })],
  },

  // --- Emigration Ordinance 1979 s.17 ---
  {
    name: 'Emigration Ordinance 17(1): up to 5 years OR fine OR both',
    text: 'Whoever emigrates or attempts to emigrate otherwise than in accordance with the provisions of this Ordinance and the rules shall be punishable with imprisonment for a term which may extend to five years, or with fine, or with both.',
    expect: [pen({ imprisonment: imp(null, 5 * Y), fine: fine(), fineAlone: true })],
  },
  {
    name: 'Emigration Ordinance 17(2): a first offence and a second or subsequent offence, two penalties',
    text: 'Whoever causes or assists in the emigration of any person otherwise than in accordance with this Ordinance shall be punishable, in the case of a first offence, with imprisonment for a term which may extend to five years, or with fine, or with both, and in the case of a second or subsequent offence, with imprisonment for a term which may extend to seven years, or with fine, or with both.',
    expect: [
      pen({ imprisonment: imp(null, 5 * Y), fine: fine(), fineAlone: true }),
      pen({ imprisonment: imp(null, 7 * Y), fine: fine(), fineAlone: true }),
    ],
  },

  // --- Prevention of Smuggling of Migrants Act 2018 ---
  {
    name: 'PSMA basic offence: 3-5 years AND fine up to Rs 1 million',
    text: 'Any person who commits the offence of smuggling of migrants shall be punished with imprisonment for a term which may extend to five years but which shall not be less than three years and with fine which may extend to one million rupees.',
    expect: [pen({ imprisonment: imp(3 * Y, 5 * Y), fine: fine(null, 1000000) })],
  },
  {
    name: 'PSMA s.6 aggravated: 5-14 years AND fine "up to two million rupees"',
    text: 'the offender shall be punished with imprisonment for a term which may extend to fourteen years but which shall not be less than five years and with fine up to two million rupees.',
    expect: [pen({ imprisonment: imp(5 * Y, 14 * Y), fine: fine(null, 2000000) })],
  },

  {
    name: 'Foreigners Act 1946 s.14 style: "fine which may not be less than … but may extend to …"',
    text: 'shall be punished with imprisonment for a term which may extend to eight years and shall also be liable to fine which may not be less than ten thousand rupees but may extend to one hundred thousand rupees.',
    expect: [pen({ imprisonment: imp(null, 8 * Y), fine: fine(10000, 100000) })],
  },
  {
    name: 'Commonwealth style: "guilty of an offence and shall be liable on conviction to a fine … or to imprisonment … or to both"',
    text: 'Any person who contravenes this section shall be guilty of an offence and shall be liable on conviction to a fine not exceeding two hundred thousand shillings or to imprisonment for a term not exceeding five years or to both.',
    expect: [pen({ imprisonment: imp(null, 5 * Y), fine: fine(null, 200000), fineAlone: true })],
  },
  {
    name: '"a sentence of imprisonment of not less than seven years and not more than fifteen years"',
    text: 'commits an offence and shall be liable to a sentence of imprisonment of not less than seven years and not more than fifteen years.',
    expect: [pen({ imprisonment: imp(7 * Y, 15 * Y) })],
  },

  // --- Punishments listed in clauses after a lead-in ---
  {
    name: 'CNSA s.9: "shall be punished, according to the quantity …,—" then clauses; only (c) names a punishment',
    text: 'Whoever contravenes any provision of section 6, section 7 or section 8 shall be punished, according to the quantity of the narcotic drug, psychotropic substance or controlled substance involved,—\n(a) where the quantity is within the lowest limit set by this clause, as this clause provides;\n(b) where the quantity exceeds the limit of clause (a) and is within the limit set by this clause, as this clause provides; and\n(c) where the quantity exceeds the limit specified in clause (b), with death, or with such other punishment as this clause provides.',
    expect: [pen({ death: true })],
  },
  {
    name: 'CNSA 1997 style table: three clauses, three penalties',
    text: 'shall be punishable with—\n(a) imprisonment for a term which may extend to two years, or with fine, or with both, where the quantity is ten grammes or less;\n(b) imprisonment which may extend to seven years and shall also be liable to fine, where the quantity exceeds ten grammes;\n(c) death, or imprisonment for life, or imprisonment for a term which may extend to fourteen years and shall also be liable to fine which shall not be less than one million rupees, if the quantity exceeds the limit in clause (b).',
    expect: [
      pen({ imprisonment: imp(null, 2 * Y), fine: fine(), fineAlone: true }),
      pen({ imprisonment: imp(null, 7 * Y), fine: fine() }),
      pen({ death: true, life: true, imprisonment: imp(null, 14 * Y), fine: fine(1000000, null) }),
    ],
  },
  {
    name: 'a colon after the punishment words, then the next sub-section: not a list',
    text: '(1) Whoever does so shall be punished with imprisonment which may extend to three years, or with fine, or with both:\n(2) Whoever abets it shall be punished with imprisonment which may extend to one year.',
    expect: [pen({ imprisonment: imp(null, 3 * Y), fine: fine(), fineAlone: true }), pen({ imprisonment: imp(null, 1 * Y) })],
  },
  {
    name: 'ICT Child Protection Act 2018 s.28(2): "shall be punishable by the Court with fine …"',
    text: '(2) Any person who contravenes the provisions of sub-section (1) shall be punishable by the Court with fine which may extend to fifty thousand rupees.',
    expect: [pen({ fine: fine(null, 50000), fineAlone: true })],
  },

  // --- CNSA and provincial child protection (figures from the facts sheet, wording in PPC style) ---
  {
    name: 'CNSA 2022 style: life OR not less than 20 years, AND fine not less than Rs 1 million',
    text: 'shall be punishable with imprisonment for life or imprisonment for a term which shall not be less than twenty years and with fine which shall not be less than one million rupees.',
    expect: [pen({ life: true, imprisonment: imp(20 * Y, null), fine: fine(1000000, null) })],
  },
  {
    name: 'CNSA 2022 style: death OR life, AND fine Rs 1.5 million to Rs 2 million (figures)',
    text: 'shall be punished with death or imprisonment for life and with fine which shall not be less than Rs. 1.5 million and may extend to Rs. 2 million.',
    expect: [pen({ death: true, life: true, fine: fine(1500000, 2000000) })],
  },
  {
    name: 'Amount in words with "and": "one million and five hundred thousand rupees"',
    text: 'shall be punished with imprisonment for life and with fine which may extend to one million and five hundred thousand rupees.',
    expect: [pen({ life: true, fine: fine(null, 1500000) })],
  },
  {
    name: 'KP 2010 style: life OR not less than 14 years (no maximum)',
    text: 'Whoever commits the offence of child trafficking shall be punished with imprisonment for life or imprisonment which shall not be less than fourteen years.',
    expect: [pen({ life: true, imprisonment: imp(14 * Y, null) })],
  },
  {
    name: 'ICT Child Protection Act s.28(2) style: fine only (fine alone, imprisonment null)',
    text: 'Whoever discloses the identity of a child victim shall be punished with fine which may extend to fifty thousand rupees.',
    expect: [pen({ fine: fine(null, 50000), fineAlone: true })],
  },
  {
    name: '"with fine only"',
    text: 'Any registrar who fails to report the marriage shall be punished with fine only.',
    expect: [pen({ fine: fine(), fineAlone: true })],
  },

  // --- India ---
  {
    name: 'India IPC 370(2): RI 7-10 years, "but which may extend", AND fine',
    text: 'Whoever commits the offence of trafficking shall be punished with rigorous imprisonment for a term which shall not be less than seven years, but which may extend to ten years, and shall also be liable to fine.',
    expect: [pen({ imprisonment: imp(7 * Y, 10 * Y, 'rigorous'), fine: fine() })],
  },
  {
    name: 'India IPC 370(4): not less than 10 years "but which may extend to imprisonment for life"',
    text: 'Where the offence involves the trafficking of more than one minor, it shall be punishable with rigorous imprisonment for a term which shall not be less than fourteen years, but which may extend to imprisonment for life, and shall also be liable to fine.',
    expect: [pen({ life: true, imprisonment: imp(14 * Y, null, 'rigorous'), fine: fine() })],
  },
  {
    name: 'India IPC 370(6): life "which shall mean imprisonment for the remainder of that person\'s natural life"',
    text: "If a person is convicted of the offence of trafficking of minor on more than one occasion, then such person shall be punished with imprisonment for life, which shall mean imprisonment for the remainder of that person's natural life, and shall also be liable to fine.",
    expect: [pen({ life: true, fine: fine() })],
  },
  {
    name: 'India: fine in lakh ("one lakh rupees")',
    text: 'shall be punishable with imprisonment for a term which may extend to three years and with fine which may extend to one lakh rupees.',
    expect: [pen({ imprisonment: imp(null, 3 * Y), fine: fine(null, 100000) })],
  },
  {
    name: 'India: fine in crore, and Indian digit grouping "Rs. 5,00,000/-"',
    text: 'shall be punished with rigorous imprisonment for a term which shall not be less than ten years but which may extend to twenty years and shall also be liable to fine which shall not be less than Rs. 5,00,000/- and may extend to one crore rupees.',
    expect: [pen({ imprisonment: imp(10 * Y, 20 * Y, 'rigorous'), fine: fine(500000, 10000000) })],
  },

  // --- Bangladesh ---
  {
    name: 'Bangladesh PSHTA 2012 s.6 style: life OR RI 5-12 years, AND fine not less than taka fifty thousand',
    text: 'shall be punished with imprisonment for life or rigorous imprisonment for a term not exceeding twelve years but not less than five years, and also with a fine of not less than taka fifty thousand.',
    expect: [pen({ life: true, imprisonment: imp(5 * Y, 12 * Y, 'rigorous'), fine: fine(50000, null) })],
  },
  {
    name: 'Bangladesh PSHTA 2012 s.7 style: death OR life OR RI not less than 7 years, AND fine not less than taka five lakh',
    text: 'shall be punished with death or imprisonment for life or rigorous imprisonment for a term not less than seven years and also with a fine not less than taka five lakh.',
    expect: [pen({ death: true, life: true, imprisonment: imp(7 * Y, null, 'rigorous'), fine: fine(500000, null) })],
  },

  // --- Nigeria ---
  {
    name: 'Nigeria TIPPEA 2015 style: "minimum of 2 years and a fine of not less than N250,000.00"',
    text: 'Any person who recruits a child for the purpose of forced labour commits an offence and is liable on conviction to imprisonment for a minimum of 2 years and a fine of not less than N250,000.00.',
    expect: [pen({ imprisonment: imp(2 * Y, null), fine: fine(250000, null) })],
  },
  {
    name: 'Nigeria: "for a term of not less than 5 years and a fine of not less than N1,000,000.00"',
    text: 'commits an offence and is liable on conviction to imprisonment for a term of not less than 5 years and a fine of not less than N1,000,000.00.',
    expect: [pen({ imprisonment: imp(5 * Y, null), fine: fine(1000000, null) })],
  },

  // --- Kenya ---
  {
    name: 'Kenya Counter-Trafficking Act 2010 s.3(5): two penalties ("upon subsequent conviction")',
    text: 'A person who contravenes the provisions of this section commits an offence and is liable to imprisonment for a term of not less than thirty years or to a fine of not less than thirty million shillings or to both and upon subsequent conviction, to imprisonment for life.',
    expect: [
      pen({ imprisonment: imp(30 * Y, null), fine: fine(30000000, null), fineAlone: true }),
      pen({ life: true }),
    ],
  },
  {
    name: 'Kenya style: "a term of imprisonment not exceeding ten years"',
    text: 'commits an offence and shall be liable, on conviction, to a term of imprisonment not exceeding ten years.',
    expect: [pen({ imprisonment: imp(null, 10 * Y) })],
  },

  // --- United Kingdom ---
  {
    name: 'UK: "liable on conviction on indictment to imprisonment for a term not exceeding 14 years or a fine, or both"',
    text: 'A person guilty of an offence under this section is liable on conviction on indictment to imprisonment for a term not exceeding 14 years or a fine, or both.',
    expect: [pen({ imprisonment: imp(null, 14 * Y), fine: fine(), fineAlone: true })],
  },
  {
    name: 'UK Modern Slavery Act 2015 s.5: two limbs (a) on indictment, (b) on summary conviction',
    text: 'A person guilty of an offence under section 1 or 2 is liable—\n(a) on conviction on indictment, to imprisonment for life;\n(b) on summary conviction, to imprisonment for a term not exceeding 12 months or a fine or both.',
    expect: [pen({ life: true }), pen({ imprisonment: imp(null, 12), fine: fine(), fineAlone: true })],
  },
  {
    name: 'UK: fine "not exceeding level 5 on the standard scale" has no figure',
    text: 'A person guilty of an offence under this section is liable on summary conviction to imprisonment for a term not exceeding 6 months or a fine not exceeding level 5 on the standard scale, or both.',
    expect: [pen({ imprisonment: imp(null, 6), fine: fine(), fineAlone: true })],
  },

  // --- Uganda ---
  {
    name: 'Uganda PTIP Act 2009 s.3: "liable to imprisonment for fifteen years" (the term is the maximum)',
    text: 'A person who commits the offence of trafficking in persons commits an offence and is liable to imprisonment for fifteen years.',
    expect: [pen({ imprisonment: imp(null, 15 * Y) })],
  },
  {
    name: 'Uganda PTIP Act 2009 s.5: "liable to suffer death"',
    text: 'A person who commits aggravated trafficking commits an offence and is liable to suffer death.',
    expect: [pen({ death: true })],
  },
  {
    name: 'Uganda: currency points are read as the amount written (not converted)',
    text: 'commits an offence and is liable on conviction to a fine not exceeding one hundred and twenty currency points or imprisonment not exceeding five years or both.',
    expect: [pen({ imprisonment: imp(null, 5 * Y), fine: fine(null, 120), fineAlone: true })],
  },

  // --- Sri Lanka ---
  {
    name: 'Sri Lanka Penal Code 360C: 2-20 years (either) "and may also be punished with fine"',
    text: 'Whoever commits the offence of trafficking shall on conviction be punished with imprisonment of either description for a term not less than two years and not exceeding twenty years and may also be punished with fine.',
    expect: [pen({ imprisonment: imp(2 * Y, 20 * Y, 'either'), fine: fine() })],
  },

  // --- Figures, months, days and shapes of bounds ---
  {
    name: 'days: fifteen days = 0.5 months; fine in lakh',
    text: 'shall be punished with simple imprisonment for a term which may extend to fifteen days, or with fine which may extend to ten lakh rupees.',
    expect: [pen({ imprisonment: imp(null, 0.5, 'simple'), fine: fine(null, 1000000), fineAlone: true })],
  },
  {
    name: 'compound term: two years and six months',
    text: 'shall be punished with imprisonment for a term which may extend to two years and six months, or with fine, or with both.',
    expect: [pen({ imprisonment: imp(null, 30), fine: fine(), fineAlone: true })],
  },
  {
    name: 'figures: "7 years", "Rs. 1,000,000"',
    text: 'shall be punished with imprisonment for a term of 7 years or with fine of Rs. 1,000,000 or with both.',
    expect: [pen({ imprisonment: imp(null, 7 * Y), fine: fine(null, 1000000), fineAlone: true })],
  },
  {
    name: 'figures: fine first, "Rs.500,000/-", then imprisonment',
    text: 'shall be liable to a fine of Rs.500,000/- or to imprisonment for two years and six months, or to both.',
    expect: [pen({ imprisonment: imp(null, 30), fine: fine(null, 500000), fineAlone: true })],
  },
  {
    name: 'fine range "of not less than Rs. 500,000 and not more than Rs. 700,000" with a term range',
    text: 'shall be punished with imprisonment for a term of not less than five years and not more than seven years, or with fine of not less than Rs. 500,000 and not more than Rs. 700,000, or with both.',
    expect: [pen({ imprisonment: imp(5 * Y, 7 * Y), fine: fine(500000, 700000), fineAlone: true })],
  },
  {
    name: '"for a term of not less than three and not more than fourteen years" (the unit comes last)',
    text: 'shall be punished with imprisonment for a term of not less than three and not more than fourteen years.',
    expect: [pen({ imprisonment: imp(3 * Y, 14 * Y) })],
  },
  {
    name: '"between three and seven years" and "and fine"',
    text: 'shall be liable to imprisonment for a term of between three and seven years and fine.',
    expect: [pen({ imprisonment: imp(3 * Y, 7 * Y), fine: fine() })],
  },
  {
    name: '"upto" and "with hard labour"',
    text: 'shall be punished with imprisonment with hard labour upto five years and with fine upto Rs. 50,000.',
    expect: [pen({ imprisonment: imp(null, 5 * Y, 'rigorous'), fine: fine(null, 50000) })],
  },
  {
    name: '"imprisonment for life or for a term which may extend to ten years"',
    text: 'shall be punished with imprisonment for life or for a term which may extend to ten years, and shall also be liable to fine.',
    expect: [pen({ life: true, imprisonment: imp(null, 10 * Y), fine: fine() })],
  },
  {
    name: '"seven (7) years" and "one million rupees (Rs. 1,000,000)"',
    text: 'shall be punished with imprisonment which may extend to seven (7) years or with fine which may extend to one million rupees (Rs. 1,000,000) or with both.',
    expect: [pen({ imprisonment: imp(null, 7 * Y), fine: fine(null, 1000000), fineAlone: true })],
  },
  {
    name: '"fine and/or imprisonment" allows a fine alone',
    text: 'is liable to a fine not exceeding Rs. 200,000 and/or imprisonment not exceeding two years.',
    expect: [pen({ imprisonment: imp(null, 2 * Y), fine: fine(null, 200000), fineAlone: true })],
  },
  {
    name: 'the age in a condition before the verb is not a term',
    text: 'Whoever, where the victim is under the age of fourteen years, commits the offence shall be punished with imprisonment for a term which may extend to ten years.',
    expect: [pen({ imprisonment: imp(null, 10 * Y) })],
  },
  {
    name: 'a stand-alone "shall also be liable to fine" is a fine in addition, not a fine alone',
    text: '(2) The offender shall also be liable to fine.',
    expect: [pen({ fine: fine(), fineAlone: false })],
  },
  {
    name: 'Markdown: a sentence across block-quote lines in a bill',
    text: '> (1) Whoever withholds a passport shall be punished with imprisonment which may extend\n> to seven years, or with fine, or with both.',
    expect: [pen({ imprisonment: imp(null, 7 * Y), fine: fine(), fineAlone: true })],
  },

  // --- Fictional ZZ Fishing Crews Protection Act (brief examples) ---
  {
    name: 'FCPA 3(1): up to 3 years OR fine up to Rs 500,000 OR both',
    text: '(1) A master who withholds the passport or identity card of a crew member shall be punished with imprisonment which may extend to three years, or with fine which may extend to five hundred thousand rupees, or with both.',
    expect: [pen({ imprisonment: imp(null, 3 * Y), fine: fine(null, 500000), fineAlone: true })],
  },
  {
    name: 'FCPA 3(2): "which may extend to five years and shall not be less than one year"',
    text: '(2) Where the crew member is a young person, the master shall be punished with imprisonment for a term which may extend to five years and shall not be less than one year.',
    expect: [pen({ imprisonment: imp(1 * Y, 5 * Y) })],
  },
  {
    name: 'FCPA 4: rigorous up to 7 years "and with fine, as provided in section 3 of …"',
    text: 'Whoever compels a crew member to work by the threat of abandonment at sea shall be punished with rigorous imprisonment for a term which may extend to seven years and with fine, as provided in section 3 of the Merchant Shipping Ordinance, 1961.',
    expect: [pen({ imprisonment: imp(null, 7 * Y, 'rigorous'), fine: fine() })],
  },
];

// Sentences that hold no penalty, or words that must not be misread as one.
const NO_PENALTY: Array<{ name: string; text: string }> = [
  { name: 'PTPA 6 non-punishment: "shall not be criminally liable"', text: 'A victim shall not be criminally liable for an offence under this Act but may become a witness in the case.' },
  { name: 'FCPA 3A non-punishment: "shall not be liable for any offence"', text: 'A crew member shall not be liable for any offence under this Act or any other law committed as a direct consequence of an offence under section 3 or section 4.' },
  { name: 'proviso "no woman shall be punishable with imprisonment"', text: 'Provided that no woman shall be punishable with imprisonment.' },
  { name: '"shall in no case be liable to imprisonment"', text: 'A child victim shall in no case be liable to imprisonment for an offence under section 13.' },
  { name: 'a victim "shall not be detained, prosecuted or punished with imprisonment"', text: 'A victim of trafficking shall not be detained, prosecuted or punished with imprisonment or fine for illegal entry into Pakistan.' },
  { name: 'compensation is not a penalty: "shall be liable to pay compensation"', text: 'The offender shall be liable to pay compensation to the victim for the loss suffered.' },
  { name: 'PTPA 13 compensation on conviction', text: 'Where an offender is convicted of an offence under this Act, the Court may direct payment of compensation to the victim under section 545 of the Code.' },
  { name: '"death of the victim" in a list of circumstances', text: 'serious injury, life-threatening illness or death of the victim or another person;' },
  { name: '"death threats" after "to" is not death', text: 'Whoever subjects a witness to death threats shall be dealt with under section 506 of the Penal Code.' },
  { name: 'a listed clause with "death of" is not death', text: 'shall be liable—\n(a) where the offence results in the death of the victim, as provided in section 4.' },
  { name: '"if death is caused" in a condition', text: 'Where, in the course of the offence, death is caused, the Court shall record its reasons in writing.' },
  { name: 'an age is not a term', text: 'Whoever kidnaps any child under the age of ten years or a person under the age of fourteen years is said to kidnap that person.' },
  { name: 'PTPA 5: "shall be punished in accordance with Chapter V of the Penal Code"', text: 'Any person who participates as an accomplice, aids, or abets an offence under section 3 or section 4 shall be punished in accordance with Chapter V of the Penal Code.' },
  { name: 'PPC 368: "punished in the same manner as if he had kidnapped"', text: 'Whoever wrongfully conceals or confines such person, shall be punished in the same manner as if he had kidnapped or abducted such person with the same intention.' },
  { name: 'PTPA 9/10: "an offence punishable under this Act", "any punishment provided"', text: 'An offence under this Act shall be cognizable and non-bailable under the Code. Notwithstanding anything contained in the Code, a Magistrate of the First Class shall try an offence punishable under this Act and may impose any punishment provided under the Act.' },
  { name: '"an offence punishable with death" as the subject of a sentence', text: 'Whoever commits an offence punishable with death shall be tried by a Court of Session.' },
  { name: '"an offence which is punishable with imprisonment for life"', text: 'Any offence which is punishable with imprisonment for life shall be tried by the High Court.' },
  { name: '"where the offence is punishable with …" is a condition', text: 'Where the offence is punishable with imprisonment for a term exceeding seven years, the investigation shall be made by an officer not below the rank of Inspector.' },
  { name: '"liable to be deported"', text: 'A foreigner who enters Pakistan without a visa shall be liable to be deported.' },
  { name: '"the punishment provided for that offence" has no figures', text: 'Whoever attempts to commit an offence under this Act shall be punished with the punishment provided for that offence.' },
  { name: 'a fine day and a verb "fined" without a trigger', text: 'On a fine day the crew was fined by the harbour master for loitering.' },
];

describe('penalty: readPenalties on real and realistic sentences', () => {
  it('has at least 50 penalty sentences and 10 non-penalty sentences', () => {
    assert.ok(CASES.length >= 50, `only ${CASES.length} cases`);
    assert.ok(NO_PENALTY.length >= 10);
  });
  for (const c of CASES) {
    it(c.name, () => {
      assert.deepEqual(read(c.text), c.expect);
    });
  }
});

describe('penalty: sentences without a penalty', () => {
  for (const c of NO_PENALTY) {
    it(c.name, () => {
      assert.deepEqual(read(c.text), []);
    });
  }
});

describe('penalty: spans', () => {
  it('runs from "shall be punished" to the end of the punishment words (PTPA 3(1))', () => {
    const text = 'Any person who recruits another person commits an offence of trafficking in persons and shall be punished with imprisonment which may extend to seven years or with fine which may extend to one million rupees or with both.';
    const [p] = readPenalties(text);
    assert.equal(spanText(text, p), 'shall be punished with imprisonment which may extend to seven years or with fine which may extend to one million rupees or with both');
  });

  it('starts at the verb group when words stand inside it ("shall on conviction be punished")', () => {
    const text = 'Whoever commits the offence shall on conviction be punished with imprisonment of either description for a term not less than two years and not exceeding twenty years and may also be punished with fine.';
    const [p] = readPenalties(text);
    assert.equal(spanText(text, p), 'shall on conviction be punished with imprisonment of either description for a term not less than two years and not exceeding twenty years and may also be punished with fine');
  });

  it('ends after "and shall also be liable to fine" (PPC 363) and excludes the full stop', () => {
    const text = 'Whoever kidnaps any person, shall be punished with imprisonment of either description for a term which may extend to seven years, and shall also be liable to fine.';
    const [p] = readPenalties(text);
    assert.ok(spanText(text, p).endsWith('and shall also be liable to fine'));
    assert.equal(text[p.span.end], '.');
  });

  it('a later limb starts at its own words (Emigration Ordinance 17(2))', () => {
    const text = 'shall be punishable, in the case of a first offence, with imprisonment for a term which may extend to five years, or with fine, or with both, and in the case of a second or subsequent offence, with imprisonment for a term which may extend to seven years, or with fine, or with both.';
    const ps = readPenalties(text);
    assert.equal(ps.length, 2);
    assert.equal(spanText(text, ps[0]), 'shall be punishable, in the case of a first offence, with imprisonment for a term which may extend to five years, or with fine, or with both');
    assert.equal(spanText(text, ps[1]), 'in the case of a second or subsequent offence, with imprisonment for a term which may extend to seven years, or with fine, or with both');
  });

  it('a list after a dash: the first clause from the verb, later clauses from their labels (UK MSA s.5)', () => {
    const text = 'is liable—\n(a) on conviction on indictment, to imprisonment for life;\n(b) on summary conviction, to imprisonment for a term not exceeding 12 months or a fine or both.';
    const ps = readPenalties(text);
    assert.equal(spanText(text, ps[0]), 'is liable—\n(a) on conviction on indictment, to imprisonment for life');
    assert.equal(spanText(text, ps[1]), '(b) on summary conviction, to imprisonment for a term not exceeding 12 months or a fine or both');
  });

  it('a listed clause that names a punishment after its condition (CNSA s.9(c))', () => {
    const text = 'shall be punished, according to the quantity involved,—\n(a) where the quantity is small, as this clause provides; and\n(c) where the quantity exceeds the limit specified in clause (b), with death, or with such other punishment as this clause provides.';
    const ps = readPenalties(text);
    assert.equal(ps.length, 1);
    assert.equal(spanText(text, ps[0]), '(c) where the quantity exceeds the limit specified in clause (b), with death');
  });

  it('offsets are into the whole text, and only text[start, end) is read', () => {
    const a = 'Section 1. Whoever does A shall be punished with imprisonment which may extend to one year. ';
    const b = 'Section 2. Whoever does B shall be punished with imprisonment which may extend to two years. ';
    const c = 'Section 3. Whoever does C shall be punished with death.';
    const text = a + b + c;
    const ps = readPenalties(text, a.length, a.length + b.length);
    assert.equal(ps.length, 1);
    assert.equal(ps[0].imprisonment?.maxMonths, 24);
    assert.equal(spanText(text, ps[0]), 'shall be punished with imprisonment which may extend to two years');
    assert.ok(ps[0].span.start > a.length && ps[0].span.end < a.length + b.length);
    // The whole text: three penalties, in order.
    const all = readPenalties(text);
    assert.deepEqual(all.map((p) => [p.death, p.imprisonment?.maxMonths ?? null]), [[false, 12], [false, 24], [true, null]]);
  });

  it('a penalty phrase stops at the end of the range', () => {
    const text = 'shall be punished with imprisonment which may extend to seven years or with fine which may extend to one million rupees.';
    const cut = text.indexOf(' or with fine');
    const ps = readPenalties(text, 0, cut);
    assert.equal(ps.length, 1);
    assert.equal(ps[0].fine, null);
    assert.equal(ps[0].span.end, cut);
  });
});

// -----------------------------------------------------------------------------------------------
// describePenalty, penaltyDifferences, comparePenaltySeverity.

function one(text: string): Penalty {
  const ps = readPenalties(text);
  assert.equal(ps.length, 1, `expected one penalty in: ${text}`);
  return ps[0];
}

const PTPA_3_1 = 'shall be punished with imprisonment which may extend to seven years or with fine which may extend to one million rupees or with both.';
const PTPA_3_2 = 'shall be punished with imprisonment which may extend to ten years and which shall not be less than two years or with fine which may extend to one million rupees or with both.';
const PTPA_4 = 'shall be punished with imprisonment which may extend to fourteen years and which shall not be less than three years and fine which may extend to two million rupees.';
const PPC_363 = 'shall be punished with imprisonment of either description for a term which may extend to seven years, and shall also be liable to fine.';
const PPC_364A = 'shall be punished with death or with imprisonment for life or with rigorous imprisonment for a term which may extend to fourteen years and shall not be less than seven years.';
const PPC_367A = 'shall be punished with death or rigorous imprisonment for a term which may extend to twentyfive years, and shall also be liable to fine.';
const PPC_374 = 'shall be punished with imprisonment of either description for a term which may extend to one year, or with fine, or with both.';
const PSMA_6 = 'shall be punished with imprisonment for a term which may extend to fourteen years but which shall not be less than five years and with fine up to two million rupees.';
const FINE_ONLY = 'shall be punished with fine which may extend to fifty thousand rupees.';
const PPC_365B = 'shall be punished with imprisonment for life, and shall also be liable to fine.';

describe('penalty: describePenalty', () => {
  const cases: Array<[string, string]> = [
    [PTPA_3_1, 'up to 7 years, or fine up to Rs 1,000,000, or both'],
    [PTPA_3_2, '2 to 10 years, or fine up to Rs 1,000,000, or both'],
    [PTPA_4, '3 to 14 years, and fine up to Rs 2,000,000'],
    [PPC_363, 'up to 7 years, and fine'],
    [PPC_364A, 'death or imprisonment for life or 7 to 14 years (rigorous)'],
    [PPC_367A, 'death or up to 25 years (rigorous), and fine'],
    [PPC_374, 'up to 1 year, or fine, or both'],
    [FINE_ONLY, 'fine up to Rs 50,000'],
    [PPC_365B, 'imprisonment for life, and fine'],
    ['shall be punishable with simple imprisonment which may extend to one month, or with fine which may extend to one thousand rupees, or with both.', 'up to 1 month (simple), or fine up to Rs 1,000, or both'],
    ['shall be punished with imprisonment for a term which shall not be less than five years and may extend up to seven years; or with fine which shall not be less than five hundred thousand rupees and may extend up to seven hundred thousand rupees; or with both.', '5 to 7 years, or fine of Rs 500,000 to Rs 700,000, or both'],
    ['shall be punished with imprisonment for a term which may extend to one year and six months.', 'up to 1 year 6 months'],
    ['shall be punished with simple imprisonment for a term which may extend to fifteen days.', 'up to 15 days (simple)'],
    ['shall be punishable with imprisonment for life or imprisonment for a term which shall not be less than twenty years and with fine which shall not be less than one million rupees.', 'imprisonment for life or at least 20 years, and fine of at least Rs 1,000,000'],
  ];
  for (const [text, want] of cases) {
    it(want, () => assert.equal(describePenalty(one(text)), want));
  }

  it('the brief\'s own example: death or life or 7 to 14 years (rigorous), and fine', () => {
    const p: Penalty = { death: true, life: true, imprisonment: { minMonths: 84, maxMonths: 168, kind: 'rigorous' }, fine: { min: null, max: null }, fineAlone: false, span: { start: 0, end: 0 } };
    assert.equal(describePenalty(p), 'death or imprisonment for life or 7 to 14 years (rigorous), and fine');
  });

  it('an empty penalty object does not throw', () => {
    const p: Penalty = { death: false, life: false, imprisonment: null, fine: null, fineAlone: false, span: { start: 0, end: 0 } };
    assert.equal(describePenalty(p), 'no punishment stated');
  });
});

describe('penalty: penaltyDifferences', () => {
  it('is empty for equal penalties (PPC 363 and PPC 370)', () => {
    const ppc370 = 'shall be punished with imprisonment of either description for a term which may extend to seven years, and shall also be liable to fine.';
    assert.deepEqual(penaltyDifferences(one(PPC_363), one(ppc370)), []);
  });
  it('ignores the span and the kind of imprisonment', () => {
    const a = one(PPC_363);
    const b = one('shall be punished with rigorous imprisonment which may extend to seven years and shall also be liable to fine.');
    assert.deepEqual(penaltyDifferences(a, b), []);
  });
  it('PTPA 3(1) vs PPC 370: the fine alone', () => {
    assert.deepEqual(penaltyDifferences(one(PTPA_3_1), one(PPC_363)), ['fine alone: allowed vs not allowed']);
  });
  it('PTPA 4 vs PSMA 6: the minimum term', () => {
    assert.deepEqual(penaltyDifferences(one(PTPA_4), one(PSMA_6)), ['minimum term: 3 years vs 5 years']);
  });
  it('PPC 364A vs PPC 363: death, life, maximum, minimum', () => {
    assert.deepEqual(penaltyDifferences(one(PPC_364A), one(PPC_363)), [
      'death: yes vs no',
      'imprisonment for life: yes vs no',
      'maximum term: 14 years vs 7 years',
      'minimum term: 7 years vs none',
    ]);
  });
  it('PTPA 3(2) vs PTPA 4: maximum, minimum, fine alone', () => {
    assert.deepEqual(penaltyDifferences(one(PTPA_3_2), one(PTPA_4)), [
      'maximum term: 10 years vs 14 years',
      'minimum term: 2 years vs 3 years',
      'fine alone: allowed vs not allowed',
    ]);
  });
  it('fine-only vs imprisonment: maximum term "none"', () => {
    assert.deepEqual(penaltyDifferences(one(FINE_ONLY), one(PPC_374)), ['maximum term: none vs 1 year']);
  });
});

describe('penalty: comparePenaltySeverity', () => {
  const sign = (a: string, b: string): number => Math.sign(comparePenaltySeverity(one(a), one(b)));
  it('death is more severe than life', () => assert.equal(sign(PPC_367A, PPC_365B), 1));
  it('life is more severe than any term', () => assert.equal(sign(PPC_365B, PTPA_4), 1));
  it('a longer maximum is more severe', () => assert.equal(sign(PTPA_4, PPC_363), 1));
  it('with the same maximum, a longer minimum is more severe', () => assert.equal(sign(PSMA_6, PTPA_4), 1));
  it('with the same terms, no fine alone is more severe', () => assert.equal(sign(PPC_363, PTPA_3_1), 1));
  it('equal penalties compare 0', () => assert.equal(comparePenaltySeverity(one(PPC_363), one(PPC_363)), 0));
  it('antisymmetric', () => assert.equal(sign(PTPA_3_1, PPC_364A), -sign(PPC_364A, PTPA_3_1)));
  it('sorts a list from the most to the least severe', () => {
    const list = [PPC_374, PPC_364A, FINE_ONLY, PTPA_4, PPC_363].map(one);
    list.sort((a, b) => comparePenaltySeverity(b, a));
    assert.deepEqual(list.map(describePenalty), [
      describePenalty(one(PPC_364A)),
      describePenalty(one(PTPA_4)),
      describePenalty(one(PPC_363)),
      describePenalty(one(PPC_374)),
      describePenalty(one(FINE_ONLY)),
    ]);
  });
});

// -----------------------------------------------------------------------------------------------
// Robustness: never throws, linear time.

describe('penalty: robustness', () => {
  it('never throws on arbitrary text and returns spans inside the range', () => {
    const words = fc.constantFrom(
      'shall', 'be', 'punished', 'punishable', 'liable', 'with', 'or', 'and', 'fine', 'imprisonment', 'for', 'life', 'death',
      'which', 'may', 'extend', 'to', 'seven', 'years', 'not', 'less', 'than', 'both', 'Rs.', '1,000,000', 'lakh', ',', ';',
      'rigorous', 'of', 'either', 'description', 'a', 'term', '[', ']', '1[', '—', '(a)', 'no', 'offence', '\n', '>', 'up',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 60 }), fc.nat(50), fc.nat(400), (ws, s, e) => {
        const text = ws.join(' ');
        const ps = readPenalties(text, s, s + e);
        for (const p of ps) {
          assert.ok(p.span.start >= 0 && p.span.end <= text.length && p.span.start <= p.span.end);
          describePenalty(p);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (t) => { readPenalties(t); }), { numRuns: 300 });
  });

  it('odd arguments do not throw', () => {
    assert.deepEqual(readPenalties(''), []);
    assert.deepEqual(readPenalties('shall be punished with death', 100, 5), []);
    assert.deepEqual(readPenalties('shall be punished with death', -5, Number.NaN).length, 1);
    assert.deepEqual(readPenalties(undefined as unknown as string), []);
  });

  // Speed is measured by `npm run bench`; here only that large and pathological input is read
  // correctly and finishes (the suite's timeout catches runaway backtracking).
  it('reads large and pathological input', function () {
    this.timeout(60000);
    const sentence = 'Whoever kidnaps any person shall be punished with imprisonment of either description for a term which may extend to seven years, or with fine which may extend to one million rupees, or with both. ';
    const big = sentence.repeat(10000); // ~2 MB
    const ps = readPenalties(big);
    assert.equal(ps.length, 10000);
    const patho = [
      'shall be punished '.repeat(50000),
      'imprisonment or '.repeat(50000),
      ('shall be liable ' + 'with '.repeat(20) + 'or ').repeat(10000),
      'not less than three and '.repeat(40000),
      'one hundred and '.repeat(50000),
      'shall be punished with imprisonment which may extend to ' + 'seven '.repeat(100000) + 'years',
      ' '.repeat(1000000) + 'shall be punished with death',
    ];
    for (const t of patho) assert.ok(Array.isArray(readPenalties(t)));
    assert.equal(readPenalties(patho[patho.length - 1]!).length, 1);
  });
});
