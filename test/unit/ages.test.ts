import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findQualifyingAges, readAgeThresholds, type AgeThreshold } from '../../server/src/engine/parse/ages';

type Sex = AgeThreshold['sex'];
type Plain = { sex: Sex; under: number };

function plain(text: string): Plain[] {
  return readAgeThresholds(text).map(({ sex, under }) => ({ sex, under }));
}
function spans(text: string): string[] {
  return readAgeThresholds(text).map((a) => text.slice(a.span.start, a.span.end));
}

const any = (under: number): Plain => ({ sex: 'any', under });
const male = (under: number): Plain => ({ sex: 'male', under });
const female = (under: number): Plain => ({ sex: 'female', under });

const CASES: Array<{ name: string; text: string; expect: Plain[] }> = [
  // Pakistan
  { name: 'PTPA 2018 s.2: "a person under eighteen years of age"', text: '"child" means a person under eighteen years of age;', expect: [any(18)] },
  {
    name: 'CMRA 1929 s.2(a): male under 18, female under sixteen',
    text: '(a) “child” means a person who, if a male, is under 18 years of age, and if a female, is under sixteen years of age;',
    expect: [male(18), female(16)],
  },
  { name: 'CMRA 1929 s.2(d): minor of either sex under eighteen', text: '(d) “minor” means a person of either sex who is under eighteen years of age;', expect: [any(18)] },
  { name: 'Sindh CMRA 2013 s.2(a): "a person male or female who is under eighteen years"', text: '(a) "child" means a person male or female who is under eighteen years;', expect: [any(18)] },
  {
    name: 'PPC 361: "under fourteen years of age if a male, or under sixteen years of age if a female"',
    text: 'Whoever takes or entices any minor under fourteen years of age if a male, or under sixteen years of age if a female, or any person of unsound mind, out of the keeping of the lawful guardian',
    expect: [male(14), female(16)],
  },
  {
    name: 'the brief: "if a male, under eighteen years of age, and if a female, under sixteen years of age"',
    text: '"child" means a person who, if a male, under eighteen years of age, and if a female, under sixteen years of age;',
    expect: [male(18), female(16)],
  },
  {
    name: 'the brief: "in the case of a male, … under fourteen … and, in the case of a female, … under sixteen"',
    text: '"minor" means, in the case of a male, a person under fourteen years of age and, in the case of a female, a person under sixteen years of age;',
    expect: [male(14), female(16)],
  },
  { name: 'the brief: "a boy under 18 or a girl under 16"', text: '"child" means a boy under 18 or a girl under 16.', expect: [male(18), female(16)] },
  { name: 'ICT CMRA 2025 style: eighteen for both sexes', text: '"child" means a person, whether male or female, who has not attained the age of eighteen years;', expect: [any(18)] },
  // Treaties
  { name: 'Palermo Protocol art. 3(d)', text: '(d) "Child" shall mean any person under eighteen years of age.', expect: [any(18)] },
  {
    name: 'CRC art. 1: "below the age of eighteen years unless … majority is attained earlier"',
    text: 'For the purposes of the present Convention, a child means every human being below the age of eighteen years unless under the law applicable to the child, majority is attained earlier.',
    expect: [any(18)],
  },
  // Other jurisdictions
  { name: 'India POCSO 2012: "any person below the age of eighteen years"', text: '"child" means any person below the age of eighteen years;', expect: [any(18)] },
  { name: 'India JJ Act 2015: "who has not completed eighteen years of age"', text: '"child" means a person who has not completed eighteen years of age;', expect: [any(18)] },
  {
    name: 'India JJ Act 1986: boy sixteen, girl eighteen',
    text: '"juvenile" means a boy who has not attained the age of sixteen years or a girl who has not attained the age of eighteen years;',
    expect: [male(16), female(18)],
  },
  { name: 'Bangladesh Children Act 2013: "up to the age of 18 (eighteen) years"', text: 'Notwithstanding anything contained in any other law, all persons up to the age of 18 (eighteen) years shall be deemed as children.', expect: [any(18)] },
  { name: 'Nigeria: "under the age of eighteen (18) years"', text: '"child" means a person under the age of eighteen (18) years;', expect: [any(18)] },
  { name: 'Kenya Children Act: "any human being under the age of eighteen years"', text: '"child" means any human being under the age of eighteen years;', expect: [any(18)] },
  { name: 'UK: "a person under 18"', text: '"child" means a person under 18.', expect: [any(18)] },
  { name: 'Uganda Children Act: "a person below the age of eighteen years"', text: '"child" means a person below the age of eighteen years;', expect: [any(18)] },
  { name: 'Sri Lanka style: "a person under eighteen years of age"', text: '"child" means a person under eighteen years of age.', expect: [any(18)] },
  { name: 'FCPA 2(c) (ZZ): "who has not attained the age of eighteen years"', text: '(c) "young person" means a person who has not attained the age of eighteen years.', expect: [any(18)] },
  { name: '"not completed 18 years"', text: '"minor" means a person who has not completed 18 years.', expect: [any(18)] },
  { name: '"below the age of 16"', text: '"young girl" means a female below the age of 16.', expect: [female(16)] },
  { name: '"less than eighteen years"', text: '"child" means a person of less than eighteen years of age.', expect: [any(18)] },
  { name: '"not more than seventeen years of age" → under 18', text: '"juvenile" means a person not more than seventeen years of age.', expect: [any(18)] },
  { name: '"seventeen years of age or under" → under 18', text: '"young person" means a person seventeen years of age or under.', expect: [any(18)] },
  { name: '"not yet attained the age of 18 years"', text: '"child" means a person who has not yet attained the age of 18 years.', expect: [any(18)] },
  { name: '"twenty-one years" in words', text: '"young adult" means a person under twenty-one years of age.', expect: [any(21)] },
  {
    name: '"under eighteen years for boys and sixteen years for girls" (one stem, two ages)',
    text: '"child" means a person under eighteen years for boys and sixteen years for girls.',
    expect: [male(18), female(16)],
  },
  { name: '"a girl under the age of sixteen years" (a single sex)', text: '"girl child" means a girl under the age of sixteen years.', expect: [female(16)] },
  { name: '"a person under eighteen, whether male or female" (sex words after "whether")', text: '"child" means a person under 18, whether male or female.', expect: [any(18)] },
];

// Near misses: no threshold to read.
const NONE: Array<{ name: string; text: string }> = [
  { name: 'an adult threshold: "has attained the age of eighteen years"', text: '"adult" means a person who has attained the age of eighteen years.' },
  { name: '"not under eighteen years of age"', text: 'a person who is not under eighteen years of age' },
  { name: '"above eighteen years"', text: 'Whoever, being a male above eighteen years of age, contracts a child marriage' },
  { name: '"of or above eighteen years"', text: '"major" means a person of or above eighteen years of age.' },
  { name: '"not less than eighteen years"', text: 'a person not less than eighteen years of age' },
  { name: '"under section 18"', text: '"child" has the meaning assigned to it under section 18 of the Act.' },
  { name: '"under 18 U.S.C. 1591"', text: 'an offence under 18 U.S.C. 1591' },
  { name: 'an amount', text: 'a fine of less than 100,000 rupees' },
  { name: 'months', text: 'a child under eighteen months' },
  { name: '"the age of majority" has no figure', text: '"minor" means a person who has not attained the age of majority under the Majority Act, 1875.' },
  { name: 'a term of imprisonment', text: 'imprisonment for a term not more than seven years' },
  { name: 'a bare "under this Act"', text: '"child" means a child as defined under this Act.' },
];

describe('ages: readAgeThresholds', () => {
  it('has at least 25 phrasings', () => assert.ok(CASES.length >= 25));
  for (const c of CASES) {
    it(c.name, () => assert.deepEqual(plain(c.text), c.expect));
  }
  for (const c of NONE) {
    it(`near miss: ${c.name}`, () => assert.deepEqual(plain(c.text), []));
  }
});

describe('ages: spans', () => {
  it('covers the age phrase', () => {
    assert.deepEqual(spans('"child" means a person under eighteen years of age;'), ['under eighteen years of age']);
    assert.deepEqual(spans('"young person" means a person who has not attained the age of eighteen years.'), ['not attained the age of eighteen years']);
    assert.deepEqual(spans('(a) “child” means a person who, if a male, is under 18 years of age, and if a female, is under sixteen years of age;'), [
      'under 18 years of age',
      'under sixteen years of age',
    ]);
    assert.deepEqual(spans('"child" means a person under the age of eighteen (18) years;'), ['under the age of eighteen (18) years']);
    assert.deepEqual(spans('"young person" means a person seventeen years of age or under.'), ['seventeen years of age or under']);
  });
  it('reads only text[start, end) and reports offsets into the whole text', () => {
    const before = '(c) "woman" means a female of any age under the law; ';
    const def = '(d) "child" means a person who, if a male, is under 18 years of age, and if a female, is under sixteen years of age; ';
    const after = '(e) "youth" means a person under twenty-five years of age.';
    const text = before + def + after;
    const got = readAgeThresholds(text, before.length, before.length + def.length);
    assert.deepEqual(got.map((a) => [a.sex, a.under]), [['male', 18], ['female', 16]]);
    for (const a of got) assert.ok(a.span.start >= before.length && a.span.end <= before.length + def.length);
    assert.equal(text.slice(got[0].span.start, got[0].span.end), 'under 18 years of age');
  });
});

describe('ages: findQualifyingAges', () => {
  const cases: Array<[string, string, Array<[number, string]>]> = [
    ['PPC 364A', 'Whoever kidnaps or abducts any person under the age of fourteen in order that such person may be murdered', [[14, 'under the age of fourteen']]],
    ['PPC 366A', 'induces any minor girl under the age of eighteen years to go from any place', [[18, 'under the age of eighteen years']]],
    ['PPC 366B (OCR "twentyone")', 'any girl under the age of twentyone years with intent that she may be', [[21, 'under the age of twentyone years']]],
    ['PPC 369', 'Whoever kidnaps or abducts any child under the age of ten years with the intention of taking dishonestly', [[10, 'under the age of ten years']]],
    ['Constitution art. 11(3)', 'No child below the age of fourteen years shall be engaged in any factory or mine or any other hazardous employment.', [[14, 'below the age of fourteen years']]],
    ['the brief: "a child under the age of twelve years"', 'Whoever employs a child under the age of twelve years in begging', [[12, 'under the age of twelve years']]],
    ['two ages in one offence', 'any child under the age of ten years, or any person under the age of fourteen', [[10, 'under the age of ten years'], [14, 'under the age of fourteen']]],
    ['no age', 'Whoever kidnaps any child shall be punished under section 363 with imprisonment for seven years.', []],
    ['a term is not an age', 'shall be punished with imprisonment which may extend to seven years and shall not be less than two years', []],
    ['a term is not an age ("imprisonment for a term less than two years")', 'shall be punished with imprisonment for a term less than two years', []],
    [
      'an age after the penalty, in a condition',
      'shall be punished with imprisonment for life if the victim is under the age of fourteen years',
      [[14, 'under the age of fourteen years']],
    ],
  ];
  for (const [name, text, want] of cases) {
    it(name, () => {
      const got = findQualifyingAges(text);
      assert.deepEqual(got.map((a) => [a.under, text.slice(a.span.start, a.span.end)]), want);
    });
  }
  it('a qualified term: the age phrase follows the term', () => {
    const text = 'Whoever uses a child under the age of ten years for begging';
    const [a] = findQualifyingAges(text);
    const term = text.indexOf('child') + 'child'.length;
    assert.equal(text.slice(term, a.span.start).trim(), '');
  });
});

describe('ages: robustness', () => {
  it('never throws, and spans lie inside the range', () => {
    const words = fc.constantFrom('under', 'below', 'the', 'age', 'of', 'eighteen', '18', 'years', 'if', 'a', 'male', 'female', 'or', 'and', ',', 'not', 'attained', 'boy', 'girl', 'less', 'than', 'more', '(', ')', 'up', 'to', 'sixteen');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), fc.nat(30), fc.nat(300), (ws, s, e) => {
        const text = ws.join(' ');
        for (const a of [...readAgeThresholds(text, s, s + e), ...findQualifyingAges(text, s, s + e)]) {
          assert.ok(a.span.start >= Math.min(s, text.length) && a.span.end <= Math.min(s + e, text.length));
          assert.ok(a.under >= 1 && a.under <= 31);
        }
      }),
      { numRuns: 300 },
    );
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (t) => { readAgeThresholds(t); findQualifyingAges(t); }), { numRuns: 300 });
    assert.deepEqual(readAgeThresholds(undefined as unknown as string), []);
    assert.deepEqual(findQualifyingAges('under 18', 50, 2), []);
  });
  // Speed is measured by `npm run bench`; here only that large input is read correctly and finishes.
  it('reads large and pathological input', function () {
    this.timeout(30000);
    const para = 'Whoever kidnaps any child under the age of ten years shall be punished under this Act; "child" means a person who, if a male, is under 18 years of age, and if a female, is under sixteen years of age. ';
    const text = para.repeat(20000); // ~4 MB
    assert.equal(findQualifyingAges(text).length, 60000);
    assert.equal(readAgeThresholds(text).length, 60000);
    const patho = ['under '.repeat(200000), 'male or female '.repeat(100000), 'under the age of '.repeat(100000), '18 years of age or under '.repeat(50000)];
    for (const t of patho) {
      assert.ok(Array.isArray(readAgeThresholds(t)));
      assert.ok(Array.isArray(findQualifyingAges(t)));
    }
  });
});
