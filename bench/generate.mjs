#!/usr/bin/env node
// Generates a statute book in the Lawmark dialect for the benchmark: N/50 Acts of 50 sections
// each (≈ 920 bytes a section, so 50,000 sections ≈ 46 MB) and one bill that amends the first
// Act. Deterministic: the same --sections and --seed give the same bytes.
//
// Plain Node ESM (no TypeScript, no build step). Usage:
//   node bench/generate.mjs --sections 50000 [--seed 1] --out DIR
// or import { generate } from './generate.mjs' and call generate({ sections, seed, dir }).
//
// What an Act holds, so that every check of the engine has work to do:
// - front matter (id zz/act-0001, title "… Act, 19xx", short, kind act, jurisdiction ZZ or a
//   province ZZ-A / ZZ-B, year), a long title, Parts and provisions `### 1. Short title …`;
// - a Definitions section (`In this Act, unless …,—` + `(a) "term" means …;`), with "child"
//   defined in some Acts as under 18, in some as under 16, in some by sex;
// - offence provisions with penalties in the forms drafters use (years and months, minimum and
//   maximum, life, fines in words, lakh and crore, figures, "or with both", "and shall also be
//   liable to fine"), a quarter of them with conduct words that put them in a category
//   (trafficking in persons, kidnapping, forced labour, narcotic drug, passport, slavery,
//   prostitution, begging; about an eighth of the categorised offences each), some with an
//   aggravated form in sub-section (2);
// - cross-references within the Act (`section 4`, `sub-section (2) of section 7`, `sections 3
//   to 5`, `clause (b) of sub-section (1) of section 9`) and to other Acts by title (`section 12
//   of the <title>`), all of which resolve;
// - a non-punishment clause in a few Acts; the rest filler of realistic length.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SECTIONS_PER_ACT = 50;

/** mulberry32: a small, fast, seeded PRNG (returns floats in [0, 1)). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const r = {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), // inclusive
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    shuffle: (list) => {
      const a = [...list];
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
    sample: (list, n) => r.shuffle(list).slice(0, n),
  };
  return r;
}

// ---------------------------------------------------------------------------------------------
// Word banks. No word here may carry a category phrase of the engine's taxonomy by accident
// (passport, emigration, opium, slave, servitude, kidnap, abduct, narcotic, begging, …): only the
// conduct texts below put an offence in a category.

const SUBJECTS = [
  'Agricultural Produce Markets', 'Boilers', 'Canals and Drainage', 'Cantonments', 'Cinematograph', 'Cooperative Societies',
  'Dock Workers', 'Electricity', 'Explosives', 'Factories', 'Ferries', 'Fisheries', 'Forests', 'Hotels and Restaurants',
  'Inland Waterways', 'Land Revenue', 'Livestock', 'Markets', 'Merchant Shipping', 'Mines', 'Motor Vehicles',
  'Municipal Committees', 'Ports', 'Public Health', 'Railways', 'Registration', 'Road Transport', 'Salt',
  'Shops and Establishments', 'Stamps', 'Telegraph', 'Tobacco Cess', 'Tramways', 'Village Councils', 'Water Supply',
  'Weights and Measures', "Workmen's Compensation", 'Irrigation', 'Minerals', 'Seeds', 'Fertilisers', 'Petroleum',
  'Poisons', 'Printing Presses', 'Newspapers', 'Trade Unions', 'Industrial Relations', 'Minimum Wages', 'Apprenticeship',
  'Boarding Houses', 'Cattle Trespass', 'Census', 'Stock Exchanges', 'Insurance', 'Banking Companies', 'Prisons',
  'Fire Services', 'Civil Defence', 'Building Control', 'Town Planning', 'Tenancy', 'Rent Restriction', 'Arbitration',
  'Brick Kilns', 'Carpet Weaving', 'Domestic Workers', 'Home-based Workers', 'Fishing Vessels', 'Coal Mines',
  'Cotton Ginning', 'Sugar Factories', 'Tea Plantations', 'Road Transport Workers', 'Seamen', 'Hospitals',
];
const MODIFIERS = ['', '', 'Provincial', 'Regional', 'Local', 'Coastal', 'Northern', 'Southern', 'Rural', 'Urban', 'Federal', 'Capital Territory', 'Frontier'];
const QUALIFIERS = ['', '', '(Regulation)', '(Control)', '(Protection)', '(Licensing)', '(Inspection)', '(Welfare)', '(Miscellaneous Provisions)', '(Prevention of Abuses)', '(Conditions of Service)', '(Employment)'];

const AUTHORITIES = ['the Authority', 'the Board', 'the Controller', 'the Registrar', 'the Chief Inspector', 'the Collector', 'the Commissioner', 'the Government'];
const HOLDERS = ['licensee', 'employer', 'owner', 'occupier', 'registered dealer', 'manager', 'contractor', 'operator'];
const THINGS = ['establishment', 'vessel', 'premises', 'factory', 'depot', 'workshop', 'warehouse', 'undertaking'];
const AREAS = ['local area', 'district', 'notified area', 'port limits', 'municipal limits', 'division'];
const POWERS = [
  'declare any area to be a notified area for the purposes of this Act',
  'exempt any class of establishments from the operation of all or any of the provisions of this Act',
  'fix the hours during which any establishment may remain open',
  'regulate the storage and handling of goods in any premises',
  'appoint such number of Inspectors as it thinks fit',
  'specify the conditions subject to which licences may be granted or renewed',
  'require any owner or occupier to furnish such returns as may be specified',
  'direct the closure of any premises which do not conform to the prescribed standards',
];
const PERIODS = ['seven days', 'fifteen days', 'thirty days', 'sixty days', 'ninety days', 'one month', 'three months'];

const FILLER_HEADINGS = [
  'Appointment of Inspectors', 'Powers of Inspectors', 'Registration of establishments', 'Grant of licences', 'Renewal of licences',
  'Cancellation and suspension of licences', 'Appeals', 'Maintenance of registers', 'Returns', 'Inspection of premises',
  'Notice of accidents', 'Hours of work', 'Weekly holidays', 'Annual leave with wages', 'Payment of wages',
  'Deductions from wages', 'Health and safety', 'Drinking water', 'First-aid appliances', 'Canteens', 'Welfare officers',
  'Fees', 'Constitution of the Authority', 'Functions of the Authority', 'Meetings of the Board', 'Committees',
  'Fund', 'Accounts and audit', 'Annual report', 'Delegation of powers', 'Exemptions', 'Power to call for information',
  'Disputes', 'Recovery of dues', 'Service of notices', 'Display of notices', 'Compounding of offences',
  'Protection of action taken in good faith', 'Bar of jurisdiction', 'Removal of difficulties', 'Indemnity',
  'Officers to be public servants', 'Power to amend the Schedule', 'Savings', 'Application of other laws',
  'Procedure of the Tribunal', 'Powers of the Tribunal', 'Execution of orders', 'Limitation', 'Returns to be confidential',
  'Closure of establishments', 'Conditions of service', 'Medical examination', 'Transfer of licences', 'Standards',
  'Records to be kept', 'Complaints', 'Enquiries', 'Advisory Committee', 'Directions by Government',
];

const ORDINALS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];
const ROMAN = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const LETTERS = 'abcdefghijklmnop';

// Conduct that puts an offence in a category (phrases the engine's default taxonomy reads).
const CATEGORIES = [
  { name: 'trafficking', heading: 'Trafficking in persons', conduct: ['recruits, transports, harbours or receives any person by means of force, fraud or coercion for the purpose of trafficking in persons', 'engages in trafficking in persons for the purpose of employment in any {thing}'] },
  { name: 'kidnapping', heading: 'Kidnapping of workers', conduct: ['kidnaps or abducts any worker from the {thing} in which he is employed', 'abducts any person with intent to compel him to work in any {thing}'] },
  { name: 'forced-labour', heading: 'Forced labour', conduct: ['exacts forced labour from any worker or compels any person to labour against his will', 'employs any worker in bonded labour in any {thing}'] },
  { name: 'drug-offence', heading: 'Narcotic drugs on premises', conduct: ['keeps, sells or permits the use of any narcotic drug or psychotropic substance in any {thing}', 'pays any part of the wages of a worker in the form of a narcotic drug'] },
  { name: 'emigration-document', heading: 'Withholding of passports', conduct: ['withholds the passport or other travel document of any worker', 'retains the passport of any worker as security for an advance of wages'] },
  { name: 'slavery', heading: 'Slavery and servitude', conduct: ['holds any person in slavery or servitude in any {thing}', 'holds any worker in debt bondage or in a condition of servitude'] },
  { name: 'sexual-exploitation', heading: 'Procuring for prostitution', conduct: ['procures or induces any worker for prostitution', 'keeps or manages any {thing} as a brothel or permits any premises to be used for prostitution'] },
  { name: 'begging', heading: 'Employment for begging', conduct: ['employs or causes any person to be employed for begging', 'uses any person for begging in any public place'] },
];

// Conduct of ordinary regulatory offences (no category).
const PLAIN_OFFENCES = [
  { heading: 'Penalty for contravention of licence conditions', conduct: 'contravenes any condition of a licence granted under section {ref}' },
  { heading: 'Penalty for failure to furnish returns', conduct: 'fails to furnish any return or information required under section {ref}, or furnishes any return which he knows to be incorrect' },
  { heading: 'Penalty for obstruction', conduct: 'wilfully obstructs an Inspector in the exercise of any power conferred on him by section {ref}' },
  { heading: 'Penalty for false statements', conduct: 'makes any statement in an application under section {ref} which he knows or has reason to believe to be untrue' },
  { heading: 'Penalty for working without registration', conduct: 'carries on any business in an {thing} which is not registered under section {ref}' },
  { heading: 'Penalty for non-payment of wages', conduct: 'fails to pay the wages of any worker within the period specified in section {ref}' },
  { heading: 'Penalty for failure to maintain registers', conduct: 'fails to maintain the registers and records required by section {ref}' },
  { heading: 'Penalty for unsafe premises', conduct: 'uses or permits the use of any {thing} in contravention of the standards specified under section {ref}' },
];

// Definitions: term → meaning ({sec} is a section of the same Act).
const TERMS = [
  ['Authority', 'means the Authority constituted under section {sec}'],
  ['Board', 'means the Board established under section {sec}'],
  ['Inspector', 'means an Inspector appointed under section {sec}'],
  ['employer', 'means any person who employs, whether directly or through any other person, one or more workers in an establishment'],
  ['establishment', 'means any premises, vessel or place in which any trade, business or industry is carried on, and includes any godown or store attached to it'],
  ['worker', 'means any person employed in an establishment, whether for wages or not, and includes an apprentice'],
  ['occupier', 'means the person who has ultimate control over the affairs of an establishment'],
  ['licence', 'means a licence granted under section {sec}'],
  ['licensee', 'means the holder of a licence granted under this Act'],
  ['prescribed', 'means prescribed by rules made under this Act'],
  ['wages', 'means all remuneration capable of being expressed in terms of money which would be payable to a worker if the terms of his employment were fulfilled'],
  ['Tribunal', 'means the Tribunal constituted under section {sec}'],
  ['owner', 'includes a part-owner, a charterer, a manager and any agent of the owner'],
  ['contractor', 'means a person who undertakes to produce a given result for an establishment through the labour of workers'],
  ['day', 'means a period of twenty-four hours beginning at midnight'],
  ['family', 'means the spouse, parents and dependent children of a worker'],
  ['guardian', 'includes any person having the care or custody of another person'],
  ['public place', 'means any place to which the public have access, whether as of right or not'],
  ['notified area', 'means an area declared as such by notification under section {sec}'],
  ['local authority', 'means a municipal committee, a district council or any other body established by law for local government'],
];

const CHILD_DEFINITIONS = {
  18: '"child" means a person who has not attained the age of eighteen years',
  16: '"child" means a person under the age of sixteen years',
  sex: '"child" means, in the case of a male, a person under the age of eighteen years and, in the case of a female, a person under the age of sixteen years',
};

// ---------------------------------------------------------------------------------------------
// Penalties.

const FINES = ['fifty thousand rupees', 'one hundred thousand rupees', 'two hundred thousand rupees', 'five hundred thousand rupees', 'one million rupees', 'two million rupees', 'five lakh rupees', 'ten lakh rupees', 'one crore rupees', 'Rs. 500,000', 'Rs. 1,000,000'];

function penalty(r, { grave }) {
  const y = (n) => `${ORDINALS[n]} ${n === 1 ? 'year' : 'years'}`;
  const form = grave ? r.int(0, 5) : r.pick([0, 0, 3, 4, 4, 5]);
  switch (form) {
    case 0: {
      const max = r.pick([1, 2, 3, 5, 7, 10]);
      return `shall be punished with imprisonment which may extend to ${y(max)}, or with fine which may extend to ${r.pick(FINES)}, or with both`;
    }
    case 1: {
      const min = r.pick([2, 3, 5]);
      const max = r.pick([7, 10, 14]);
      return `shall be punished with rigorous imprisonment for a term which shall not be less than ${y(min)} and may extend to ${y(max)}, and shall also be liable to fine`;
    }
    case 2:
      return `shall be punished with imprisonment for life and with fine which may extend to ${r.pick(['one crore rupees', 'two million rupees', 'ten lakh rupees'])}`;
    case 3: {
      const months = r.pick([3, 6]);
      return `shall be punishable with imprisonment of either description for a term which may extend to ${ORDINALS[months]} months, or with fine which may extend to ${r.pick(FINES.slice(0, 4))}, or with both`;
    }
    case 4:
      return `shall be liable to fine which may extend to ${r.pick(FINES.slice(0, 7))}`;
    default: {
      const min = r.pick([1, 2, 3]);
      const max = r.pick([5, 7, 10]);
      return `shall be punished with imprisonment for a term of not less than ${ORDINALS[min]} and not more than ${ORDINALS[max]} years and with fine which shall not be less than ${r.pick(['one lakh rupees', 'two lakh rupees', 'five lakh rupees'])}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Filler: sentences of ordinary statute prose with cross-references drawn from the Act's skeleton.

function fill(r, s) {
  return s
    .replace(/\{authority\}/g, () => r.pick(AUTHORITIES))
    .replace(/\{holder\}/g, () => r.pick(HOLDERS))
    .replace(/\{thing\}/g, () => r.pick(THINGS))
    .replace(/\{area\}/g, () => r.pick(AREAS))
    .replace(/\{power\}/g, () => r.pick(POWERS))
    .replace(/\{period\}/g, () => r.pick(PERIODS));
}

const SENTENCES = [
  '{Authority} may, by notification in the official Gazette, {power} within such {area} as may be specified in the notification.',
  'Every {holder} shall maintain such registers and records, in such form and manner, as may be prescribed, and shall produce them for inspection at all reasonable times.',
  'No {thing} shall be used for any purpose connected with this Act except under and in accordance with the conditions of a licence granted under {ref}.',
  'Any person aggrieved by an order made under {ref} may, within {period} of the communication of the order, prefer an appeal to the Government, whose decision thereon shall be final.',
  '{Authority} shall, before passing any order under this section, give the person concerned a reasonable opportunity of being heard and shall record its reasons in writing.',
  'Nothing in this section shall apply to any {thing} owned by the Government or by a local authority, or to any {thing} exempted under {ref}.',
  'Every application under this section shall be made in the prescribed form, shall contain such particulars as may be prescribed and shall be accompanied by such fee as may be prescribed.',
  'All officers and servants appointed under {ref} shall, when acting or purporting to act in pursuance of any of the provisions of this Act, be deemed to be public servants.',
  'Where the {holder} fails to comply with a direction issued under {ref} within {period}, {authority} may cause the necessary work to be done and recover the cost from him as an arrear of land revenue.',
  'The {holder} of every {thing} shall, within {period} of the commencement of this Act or of the commencement of his business, whichever is later, send to {authority} a statement in the prescribed form.',
  '{Authority} may, for reasons to be recorded in writing, suspend or cancel any licence if it is satisfied that the {holder} has contravened any of the provisions of {ref}.',
  'Any sum due under this Act shall, without prejudice to any other mode of recovery, be recoverable as an arrear of land revenue on a certificate issued by {authority}.',
  'The Government may, by order in writing, direct that any power exercisable by it under {ref} shall, subject to such conditions as may be specified in the order, be exercisable also by any officer subordinate to it.',
  'Every notice or order under this Act shall be served by delivering a copy thereof to the person concerned or, if he cannot be found, by affixing a copy at some conspicuous part of the {thing} to which it relates.',
  'No suit, prosecution or other legal proceeding shall lie against any person for anything which is in good faith done or intended to be done under {ref} or the rules made thereunder.',
  'The accounts of {authority} shall be maintained in such form as may be prescribed and shall be audited every year by such auditor as the Government may appoint in this behalf.',
  'Subject to the provisions of {ref}, an Inspector may at all reasonable times enter any {thing} with such assistants as he thinks fit and make such examination of the premises and of any prescribed registers as he thinks fit.',
  'The {holder} shall display, at a conspicuous place near the main entrance of every {thing}, a notice in the prescribed form containing the hours of work and the names of the persons responsible.',
  'A copy of every order made under {ref} shall be laid before the Provincial Assembly as soon as may be after it is made.',
  'In computing the period of limitation for an appeal under this section, the time requisite for obtaining a copy of the order appealed against shall be excluded.',
  'The provisions of this section shall be in addition to, and not in derogation of, the provisions of any other law for the time being in force relating to the matters dealt with in {ref}.',
  'Where any difficulty arises in giving effect to the provisions of {ref}, the Government may, by order published in the official Gazette, make such provision as appears to it to be necessary for removing the difficulty.',
  'Every worker shall be allowed a holiday of one whole day in each week, and where a worker is required to work on that day he shall be allowed a substituted holiday within {period}.',
  'The Board shall meet at such times and places and shall observe such rules of procedure in regard to the transaction of business at its meetings as may be prescribed.',
];
// Lead-ins of a list of clauses.
const CHAPEAUS = [
  '{Authority} may, by notification in the official Gazette and subject to the provisions of {ref},—',
  'Without prejudice to the generality of the powers conferred by {ref}, {authority} may—',
  'For the purposes of this Act, the Government may, by order in writing,—',
  'An Inspector may, within the local limits for which he is appointed,—',
  'Subject to such conditions as may be prescribed, {authority} may, on an application made under {ref},—',
];
const EXPLANATIONS = [
  'Explanation.— For the purposes of this section, an {thing} includes any part thereof and any land appurtenant thereto.',
  'Explanation.— A return is incorrect if any particular in it is false in a material respect.',
  'Explanation.— The power under this section may be exercised from time to time as occasion requires.',
];
const capital = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------
// One Act.

function planActs(r, count) {
  const names = new Set();
  const shorts = new Set();
  const acts = [];
  for (let i = 1; i <= count; i++) {
    let base;
    for (let tries = 0; ; tries++) {
      const mod = r.pick(MODIFIERS);
      const qual = r.pick(QUALIFIERS);
      base = [mod, r.pick(SUBJECTS), qual].filter(Boolean).join(' ');
      if (tries > 50) base += ` (No. ${i})`;
      if (!names.has(base)) break;
    }
    names.add(base);
    const year = r.int(1900, 1999);
    const title = `${base} Act, ${year}`;
    let short = base.replace(/[()']/g, '').split(/[\s-]+/).filter((w) => /^[A-Z]/.test(w)).map((w) => w[0]).join('') + 'A';
    for (let k = 2; shorts.has(short); k++) short = short.replace(/\d*$/, String(k));
    shorts.add(short);
    const jurisdiction = i === 1 ? 'ZZ' : r.chance(0.8) ? 'ZZ' : r.chance(0.5) ? 'ZZ-A' : 'ZZ-B';
    const number = r.int(1, 60);
    acts.push({ n: i, id: `zz/act-${String(i).padStart(4, '0')}`, file: `act-${String(i).padStart(4, '0')}.law.md`, base, title, short, year, jurisdiction, alias: `Act No. ${number} of ${year}` });
  }
  return acts;
}

/** The skeleton of an Act: which section is what, and which have sub-sections and clauses. */
function planSections(r, act) {
  const sections = [];
  const offenceCount = r.int(6, 9);
  const parts = [
    { title: 'Preliminary', kinds: ['short-title', 'definitions'] },
    { title: r.pick(['Administration', 'The Authority', 'Registration and licensing', 'Establishments']), kinds: Array(r.int(12, 16)).fill('filler') },
    { title: 'Offences and penalties', kinds: [...Array(offenceCount).fill('offence'), 'filler'] },
    { title: r.pick(['Procedure', 'Inspection and enforcement', 'Appeals and procedure']), kinds: [] },
    { title: 'Miscellaneous', kinds: [] },
  ];
  const used = parts.reduce((n, p) => n + p.kinds.length, 0);
  const rest = SECTIONS_PER_ACT - used;
  const proc = Math.floor(rest / 2);
  parts[3].kinds = Array(proc).fill('filler');
  parts[4].kinds = [...Array(rest - proc - 1).fill('filler'), 'rules'];
  // A non-punishment clause in a few Acts, in Part III after the offences.
  const hasNonPunishment = act.n === 1 || r.chance(0.06);
  if (hasNonPunishment) parts[2].kinds[parts[2].kinds.length - 1] = 'non-punishment';
  const headings = r.shuffle(FILLER_HEADINGS);
  let h = 0;
  let n = 0;
  for (const [pi, part] of parts.entries()) {
    for (const kind of part.kinds) {
      n++;
      const s = { n, part: pi, kind, subs: 0, clauses: 0 };
      if (kind === 'filler') {
        s.heading = headings[h++ % headings.length];
        const shape = r.next();
        if (shape < 0.45) s.subs = r.int(2, 4);
        if (shape >= 0.45 && shape < 0.6) s.clauses = r.int(3, 6); // chapeau + clauses
        if (shape >= 0.6 && shape < 0.75) {
          s.subs = r.int(2, 3);
          s.clauses = r.int(2, 5); // clauses under sub-section (1)
        }
      }
      if (kind === 'offence') s.subs = 2;
      sections.push(s);
    }
  }
  return { sections, parts, hasNonPunishment };
}

function renderAct(r, act, plan, acts) {
  const { sections, parts } = plan;
  const out = [];
  const push = (s) => out.push(s);
  const others = () => {
    let o;
    do o = r.pick(acts);
    while (o === act && acts.length > 1);
    return o;
  };
  const other = (me) => {
    let s;
    do s = r.pick(sections);
    while (s.n === me && sections.length > 1);
    return s;
  };
  // A cross-reference that resolves: within the Act most of the time, else to another Act by title.
  const ref = (me) => {
    const k = r.next();
    if (k < 0.45) return `section ${other(me).n}`;
    if (k < 0.6) {
      const withSubs = sections.filter((s) => s.subs >= 2 && s.n !== me);
      const s = r.pick(withSubs);
      return `sub-section (${r.int(1, s.subs)}) of section ${s.n}`;
    }
    if (k < 0.7) {
      const a = r.int(3, SECTIONS_PER_ACT - 4);
      return `sections ${a} to ${a + r.int(1, 3)}`;
    }
    if (k < 0.77) {
      const withClauses = sections.filter((s) => s.subs >= 2 && s.clauses >= 2 && s.n !== me);
      if (withClauses.length) {
        const s = r.pick(withClauses);
        return `clause (${LETTERS[r.int(0, s.clauses - 1)]}) of sub-section (1) of section ${s.n}`;
      }
      return `section ${other(me).n}`;
    }
    const o = others();
    return `section ${r.int(3, SECTIONS_PER_ACT)} of the ${o.title}`;
  };
  // No sentence twice in one section.
  let usedSentences = new Set();
  const sentence = (me) => {
    let i;
    do i = r.int(0, SENTENCES.length - 1);
    while (usedSentences.has(i) && usedSentences.size < SENTENCES.length);
    usedSentences.add(i);
    return sentenceFrom(me, SENTENCES[i]);
  };
  const sentenceFrom = (me, template) =>
    fill(r, template)
      .replace(/\{Authority\}/g, () => capital(r.pick(AUTHORITIES)))
      .replace(/\{ref\}/g, () => ref(me));
  const sentences = (me, n) => Array.from({ length: n }, () => sentence(me)).join(' ');
  const chapeau = (me) =>
    fill(r, r.pick(CHAPEAUS))
      .replace(/\{Authority\}/g, () => capital(r.pick(AUTHORITIES)))
      .replace(/\{ref\}/g, () => ref(me));
  const clauseList = (n, end) => r.sample(POWERS, n).map((p, c) => `(${LETTERS[c]}) ${p}${c === n - 1 ? end : c === n - 2 ? '; or' : ';'}`);

  push('---');
  push(`id: ${act.id}`);
  push(`title: ${JSON.stringify(act.title)}`);
  push(`short: ${act.short}`);
  push(`aliases: [${JSON.stringify(act.alias)}]`);
  push('kind: act');
  push(`jurisdiction: ${act.jurisdiction}`);
  push(`year: ${act.year}`);
  push('---');
  push('');
  push(`# ${act.title}`);
  push('');
  push(`An Act to ${r.pick(['provide for the regulation of', 'consolidate and amend the law relating to', 'make better provision for the control of'])} ${act.base.replace(/\s*\(.*\)$/, '').toLowerCase()} and for matters connected therewith or ancillary thereto.`);
  push('');
  push('It is hereby enacted as follows:—');
  // The offences of the Act: no two with the same heading.
  const plainOffences = r.shuffle(PLAIN_OFFENCES);
  const categories = r.shuffle(act.n === 1 ? CATEGORIES.slice(1) : CATEGORIES); // Act 1's first offence is the trafficking one
  // Act 1 is the bill's target: its first offence says "seven years" once, in sub-section (1).
  const firstOffence = sections.find((x) => x.kind === 'offence')?.n;
  let part = -1;
  const adminSecs = sections.filter((s) => s.part === 1).map((s) => s.n);
  for (const s of sections) {
    if (s.part !== part) {
      part = s.part;
      push('');
      push(`## Part ${ROMAN[part + 1]} — ${parts[part].title}`);
    }
    push('');
    usedSentences = new Set();
    const target = r.int(480, 1100); // bytes of this section, ≈ 920 on average
    const body = [];
    const size = () => body.reduce((n, l) => n + l.length + 1, 0);
    switch (s.kind) {
      case 'short-title':
        push(`### 1. Short title, extent and commencement`);
        body.push(`(1) This Act may be called the ${act.title}.`);
        body.push(`(2) It extends to ${act.jurisdiction === 'ZZ' ? 'the whole of Zedland' : `the Province of ${act.jurisdiction === 'ZZ-A' ? 'Aland' : 'Beeland'}`}.`);
        body.push(`(3) It shall come into force on such date as the Government may, by notification in the official Gazette, appoint, and different dates may be appointed for different provisions of this Act.`);
        break;
      case 'definitions': {
        push(`### 2. Definitions`);
        body.push('In this Act, unless there is anything repugnant in the subject or context,—');
        const terms = r.sample(TERMS, r.int(7, 11));
        const clauses = terms.map(([t, m]) => `"${t}" ${m.replace(/\{sec\}/g, () => String(r.pick(adminSecs)))}`);
        const child = r.next();
        if (act.n === 1 || child < 0.3) {
          const kind = child < 0.18 ? 18 : child < 0.26 ? 16 : 'sex';
          clauses.splice(r.int(0, clauses.length), 0, CHILD_DEFINITIONS[act.n === 1 ? 18 : kind]);
        }
        clauses.sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
        clauses.forEach((c, i) => body.push(`(${LETTERS[i]}) ${c}${i === clauses.length - 1 ? '.' : i === clauses.length - 2 ? '; and' : ';'}`));
        s.clauses = clauses.length;
        break;
      }
      case 'offence': {
        const first = act.n === 1 && s.n === firstOffence;
        const cat = first ? CATEGORIES[0] : r.chance(0.25) ? categories.pop() : undefined;
        const plain = plainOffences.pop() ?? r.pick(PLAIN_OFFENCES);
        push(`### ${s.n}. ${cat ? cat.heading : plain.heading}`);
        const conduct = fill(r, cat ? r.pick(cat.conduct) : plain.conduct).replace(/\{ref\}/g, () => String(r.pick(adminSecs)));
        const who = r.pick(['Whoever', 'Any person who', 'Any employer who', 'If any person']);
        const grave = !!cat && cat.name !== 'begging' && cat.name !== 'emigration-document';
        const pen = first
          ? 'shall be punished with imprisonment which may extend to seven years, or with fine which may extend to one million rupees, or with both'
          : penalty(r, { grave });
        body.push(`(1) ${who} ${conduct}${who === 'If any person' ? ', he' : ''} ${pen}.`);
        if (cat && !first && r.chance(0.5)) {
          body.push(`(2) If the offence under sub-section (1) is committed against a child or a woman, the offender ${penalty(r, { grave: true })}.`);
        } else {
          body.push(`(2) Where an offence under sub-section (1) has been committed by a company, every person who at the time the offence was committed was in charge of, and was responsible to, the company for the conduct of its business shall be deemed to be guilty of the offence, unless he proves that the offence was committed without his knowledge.`);
        }
        if (r.chance(0.3)) body.push(`Explanation.— For the purposes of this section, "${r.pick(['company', 'director', 'agent'])}" includes a firm or other association of individuals.`);
        break;
      }
      case 'non-punishment':
        push(`### ${s.n}. Victims not liable`);
        body.push(`A victim shall not be liable for any offence under this Act.`);
        body.push(`Provided that nothing in this section shall prevent a victim from being examined as a witness in any proceedings under ${ref(s.n)}.`);
        break;
      case 'rules':
        push(`### ${s.n}. Power to make rules`);
        body.push(`(1) The Government may, by notification in the official Gazette, make rules to carry out the purposes of this Act.`);
        body.push(`(2) In particular, and without prejudice to the generality of the foregoing power, such rules may provide for all or any of the matters referred to in ${ref(s.n)}.`);
        s.subs = 2;
        break;
      default: {
        push(`### ${s.n}. ${s.heading}`);
        if (s.subs && s.clauses) {
          body.push(`(1) ${chapeau(s.n)}`);
          body.push(...clauseList(s.clauses, '.'));
          for (let k = 2; k <= s.subs; k++) body.push(`(${k}) ${sentences(s.n, 1)}`);
        } else if (s.subs) {
          for (let k = 1; k <= s.subs; k++) body.push(`(${k}) ${sentences(s.n, 1)}`);
        } else if (s.clauses) {
          body.push(chapeau(s.n));
          body.push(...clauseList(s.clauses, '.'));
        } else {
          body.push(sentences(s.n, 1));
        }
      }
    }
    // Top up to the section's size with more prose: another sentence on the last line, or a proviso.
    while ((s.kind === 'filler' || s.kind === 'offence') && size() < target) {
      if (s.kind === 'filler' && !s.subs && !s.clauses) body[body.length - 1] += ' ' + sentence(s.n);
      else if (r.chance(0.25) && !body.some((l) => l.startsWith('Provided'))) {
        const p = sentence(s.n);
        body.push(`Provided that ${p.charAt(0).toLowerCase()}${p.slice(1)}`);
      }
      else if (s.subs && s.kind === 'filler') body.push(`(${++s.subs}) ${sentence(s.n)}`);
      else if (s.kind === 'offence') body.push(`(${++s.subs}) ${sentence(s.n)}`);
      else if (!body.some((l) => l.startsWith('Explanation'))) body.push(fill(r, r.pick(EXPLANATIONS)));
      else body.push(`${body.some((l) => l.startsWith('Provided')) ? 'Provided further that' : 'Provided that'} ${sentence(s.n).replace(/^./, (c) => c.toLowerCase())}`);
    }
    for (const l of body) push(l);
  }
  push('');
  return out.join('\n');
}

/** The bill: it amends Act 1's first offence (section N) and its non-punishment clause (section P). */
function renderBill(act, n, p) {
  const base = act.title.replace(/ Act, \d{4}$/, '');
  const billTitle = `${base} (Amendment) Bill, 2025`;
  const text = `---
id: zz/act-0001-amendment-bill-2025
title: ${JSON.stringify(billTitle)}
kind: bill
jurisdiction: ${act.jurisdiction}
year: 2025
amends: [${act.id}]
status: draft
---

# ${billTitle}

A Bill further to amend the ${act.title}

WHEREAS it is expedient further to amend the ${act.title} for the purposes hereinafter appearing;

It is hereby enacted as follows:—

## 1. Short title and commencement
(1) This Act may be called the ${base} (Amendment) Act, 2025.
(2) It shall come into force at once.

## 2. Amendment of section ${n}, ${act.alias}
In the ${act.title}, hereinafter referred to as the said Act, in section ${n}, in sub-section (1), for the words "seven years" the words "ten years" shall be substituted.

## 3. Amendment of section ${n}, ${act.alias}
In section ${n} of the said Act, in sub-section (1), for the words "or with fine which may extend to one million rupees, or with both" the words "and with fine which may extend to one million rupees" shall be substituted.

## 4. Insertion of new section ${n}A, ${act.alias}
After section ${n} of the said Act, the following new section shall be inserted, namely:—

> ### ${n}A. Aggravated form
> If the offence under sub-section (1) of section ${n} is committed against a child, the offender shall be punished with rigorous imprisonment for a term which shall not be less than five years and may extend to fourteen years, and shall also be liable to fine.

## 5. Amendment of section ${p}, ${act.alias}
In section ${p} of the said Act, for the words "any offence under this Act" the words "any offence under this Act or any other law for the time being in force committed as a direct consequence of his being a victim of trafficking in persons" shall be substituted.
`;
  const ref = `in section ${n}, in sub-section (1)`;
  const quoted = '"seven years"';
  return {
    text,
    title: billTitle,
    // "section N" of the said Act (hover and definition), and the place of the one-character edits
    // (inside the quoted words, before the closing quote: each edit changes the bill's findings).
    reference: { text: `section ${n}`, offset: text.indexOf(ref) + 'in '.length },
    editOffset: text.indexOf(quoted) + quoted.length - 1,
  };
}

/**
 * Writes sections/50 Acts into dir/acts/ and one bill into dir/bills/. Returns what the benchmark
 * needs to know: the files, their size, the bill, and positions of cross-references.
 */
export function generate({ sections = 50000, seed = 1, dir }) {
  if (!dir) throw new Error('generate: dir is required');
  const count = Math.max(1, Math.round(sections / SECTIONS_PER_ACT));
  const r = makeRandom(seed);
  const acts = planActs(r, count);
  fs.mkdirSync(path.join(dir, 'acts'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'bills'), { recursive: true });
  let bytes = 0;
  const files = [];
  let act1Text = '';
  let act1Plan;
  for (const act of acts) {
    const ar = makeRandom((seed * 1000003 + act.n * 7919) >>> 0); // each Act from its own stream: stable if others change
    const plan = planSections(ar, act);
    let text = renderAct(ar, act, plan, acts);
    if (act.n === 1) {
      act1Text = text;
      act1Plan = plan;
    }
    const file = path.join(dir, 'acts', act.file);
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
  }
  const act1 = acts[0];
  const offence = act1Plan.sections.find((s) => s.kind === 'offence').n;
  const nonPunishment = act1Plan.sections.find((s) => s.kind === 'non-punishment').n;
  const { text: billText, title: billTitle, reference, editOffset } = renderBill(act1, offence, nonPunishment);
  const bill = path.join(dir, 'bills', 'act-0001-amendment-bill.law.md');
  fs.writeFileSync(bill, billText);
  bytes += Buffer.byteLength(billText);
  files.push(bill);
  // A cross-reference to another Act inside Act 1 (for hover and definition on an Act).
  const m = /section \d+ of the [^.;,]*?Act, \d{4}/.exec(act1Text);
  return {
    dir,
    sections: count * SECTIONS_PER_ACT,
    acts: count,
    files,
    bytes,
    bill,
    billText,
    billTitle,
    billReference: reference,
    billEditOffset: editOffset,
    act1: { file: files[0], text: act1Text, title: act1.title, crossReference: m ? { text: m[0], offset: m.index } : undefined },
  };
}

// ---------------------------------------------------------------------------------------------
// Command line.

function argValue(argv, name, fallback) {
  const i = argv.findIndex((a) => a === name || a.startsWith(name + '='));
  if (i < 0) return fallback;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const sections = Number(argValue(argv, '--sections', '50000'));
  const seed = Number(argValue(argv, '--seed', '1'));
  const out = argValue(argv, '--out');
  if (!out || !Number.isFinite(sections) || sections <= 0 || !Number.isInteger(seed)) {
    process.stderr.write('Usage: node bench/generate.mjs --sections N [--seed S] --out DIR\n');
    process.exit(2);
  }
  const t = performance.now();
  const g = generate({ sections, seed, dir: path.resolve(out) });
  process.stdout.write(`${g.acts} Acts, ${g.sections} sections, ${(g.bytes / 1e6).toFixed(1)} MB in ${g.dir} (${((performance.now() - t) / 1000).toFixed(2)} s)\n`);
}
