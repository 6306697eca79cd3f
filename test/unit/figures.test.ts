import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatMonths,
  formatRupees,
  readAmount,
  readDuration,
  readDurationEx,
  readNumber,
} from '../../server/src/engine/parse/figures';

describe('figures: readNumber', () => {
  const cases: Array<[string, number]> = [
    ['seven', 7],
    ['Seven', 7],
    ['eighteen', 18],
    ['twenty-one', 21],
    ['twenty one', 21],
    ['twentyone', 21], // OCR of "twenty-one"
    ['twentyfive', 25],
    ['one hundred', 100],
    ['one hundred and fifty', 150],
    ['a hundred', 100],
    ['two hundred thousand', 200000],
    ['five hundred thousand', 500000],
    ['seven hundred thousand', 700000],
    ['one hundred and twenty', 120],
    ['one thousand', 1000],
    ['fifty thousand', 50000],
    ['one million', 1e6],
    ['two million', 2e6],
    ['thirty million', 3e7],
    ['one million and five hundred thousand', 1.5e6],
    ['five lakh', 500000],
    ['ten lakh', 1e6],
    ['one lakh fifty thousand', 150000],
    ['two lakhs', 200000],
    ['one lac', 100000],
    ['one crore', 1e7],
    ['two crores', 2e7],
    ['1,000,000', 1e6],
    ['1000000', 1e6],
    ['10,00,000', 1e6], // Indian grouping
    ['5,00,000', 500000],
    ['Rs. 1,000,000', 1e6],
    ['Rs.500,000/-', 500000],
    ['Rs 50,000', 50000],
    ['Rs500', 500],
    ['PKR 2,000,000', 2e6],
    ['rupees fifty thousand', 50000],
    ['Rupees one lakh', 100000],
    ['taka five lakh', 500000],
    ['Tk. 50,000', 50000],
    ['N250,000.00', 250000], // naira
    ['₦1,000,000', 1e6],
    ['KSh. 500,000', 500000],
    ['£5,000', 5000],
    ['1.5 million', 1.5e6],
    ['2.5 lakh', 250000],
    ['Rs. 2 million', 2e6],
    ['10 crore', 1e8],
    ['ten lakh rupees', 1e6],
    ['18', 18],
    ['7', 7],
  ];
  for (const [text, want] of cases) {
    it(`${JSON.stringify(text)} → ${want}`, () => {
      const r = readNumber(text, 0);
      assert.ok(r, 'no number read');
      assert.equal(r.value, want);
    });
  }

  it('skips leading spaces and reports the end of the number phrase', () => {
    const text = 'extend to   one hundred and fifty rupees';
    const r = readNumber(text, 9);
    assert.deepEqual(r, { value: 150, end: text.indexOf(' rupees') });
  });
  it('the end of "ten lakh rupees" is before "rupees" (readAmount takes the currency)', () => {
    assert.deepEqual(readNumber('ten lakh rupees', 0), { value: 1e6, end: 8 });
  });
  it('"/-" is part of the figure', () => {
    assert.deepEqual(readNumber('Rs.500,000/- only', 0), { value: 500000, end: 12 });
  });
  it('stops before "and" that does not continue the number', () => {
    assert.deepEqual(readNumber('three and not more than fourteen', 0), { value: 3, end: 5 });
    assert.deepEqual(readNumber('seven years and fine', 0), { value: 7, end: 5 });
    assert.deepEqual(readNumber('seven and seven', 0), { value: 7, end: 5 });
  });
  it('does not run two numbers together', () => {
    assert.deepEqual(readNumber('seven seven', 0), { value: 7, end: 5 });
    assert.deepEqual(readNumber('fifteen five', 0), { value: 15, end: 7 });
  });
  it('a thousands separator needs three digits after it', () => {
    assert.deepEqual(readNumber('3, 4 and 5', 0), { value: 3, end: 1 });
    assert.deepEqual(readNumber('3,45', 0), { value: 3, end: 1 });
  });
  it('a full stop after a figure is not a decimal point', () => {
    assert.deepEqual(readNumber('7. The', 0), { value: 7, end: 1 });
  });
  const none = ['', 'years', 'seventh', 'the', '18th', '3A', 'and fifty', 'hundred', 'thousand', 'A', 'Rs.', 'lakh rupees', 'anyone', 'oneself'];
  for (const t of none) {
    it(`no number in ${JSON.stringify(t)}`, () => assert.equal(readNumber(t, 0), undefined));
  }
  it('digits glued to letters before them are not a number ("s16")', () => {
    assert.equal(readNumber('s16', 1), undefined);
  });
  it('odd arguments do not throw', () => {
    assert.equal(readNumber('seven', 99), undefined);
    assert.equal(readNumber('seven', -1), undefined);
    assert.equal(readNumber(undefined as unknown as string, 0), undefined);
    assert.equal(readNumber('seven', Number.NaN), undefined);
  });
});

describe('figures: readDuration', () => {
  const cases: Array<[string, number]> = [
    ['seven years', 84],
    ['Seven Years', 84],
    ['7 years', 84],
    ['14 years', 168],
    ['one year', 12],
    ['a year', 12],
    ['six months', 6],
    ['one month', 1],
    ['12 months', 12],
    ['fifteen days', 0.5],
    ['thirty days', 1],
    ['two weeks', 14 / 30],
    ['two years and six months', 30],
    ['one year, six months and fifteen days', 18.5],
    ['seven (7) years', 84],
    ['two and a half years', 30],
    ['twentyfive years', 300],
    ['twenty-five years', 300],
    ['fourteen calendar years', 168],
    ['5 yrs.', 60],
  ];
  for (const [text, want] of cases) {
    it(`${JSON.stringify(text)} → ${want} months`, () => {
      const r = readDuration(text, 0);
      assert.ok(r, 'no duration read');
      assert.ok(Math.abs(r.months - want) < 1e-9, `got ${r.months}`);
      assert.equal(r.end, text.length);
    });
  }
  it('stops after the duration', () => {
    const text = 'extend to seven years, or with fine';
    assert.deepEqual(readDuration(text, 9), { months: 84, end: text.indexOf(',') });
  });
  it('does not join a larger unit after a smaller one ("six months and two years")', () => {
    assert.deepEqual(readDuration('six months and two years', 0), { months: 6, end: 10 });
  });
  it('readDurationEx gives the first unit in months', () => {
    assert.equal(readDurationEx('fourteen years', 0)?.unit, 12);
    assert.equal(readDurationEx('six months', 0)?.unit, 1);
  });
  for (const t of ['seven', 'years', 'seven rupees', 'the term', '', 'a term']) {
    it(`no duration in ${JSON.stringify(t)}`, () => assert.equal(readDuration(t, 0), undefined));
  }
});

describe('figures: readAmount', () => {
  const cases: Array<[string, number, string]> = [
    ['one million rupees', 1e6, 'one million rupees'],
    ['two million rupees.', 2e6, 'two million rupees'],
    ['Rs. 1,000,000 or', 1e6, 'Rs. 1,000,000'],
    ['Rs.500,000/- or', 500000, 'Rs.500,000/-'],
    ['Rs. 5,000/- only.', 5000, 'Rs. 5,000/- only'],
    ['rupees fifty thousand or', 50000, 'rupees fifty thousand'],
    ['ten lakh rupees', 1e6, 'ten lakh rupees'],
    ['one crore rupees', 1e7, 'one crore rupees'],
    ['taka five lakh.', 500000, 'taka five lakh'],
    ['N250,000.00.', 250000, 'N250,000.00'],
    ['thirty million shillings or', 3e7, 'thirty million shillings'],
    ['one hundred and twenty currency points or', 120, 'one hundred and twenty currency points'],
    ['one million rupees (Rs. 1,000,000) or', 1e6, 'one million rupees (Rs. 1,000,000)'],
    ['1.5 million rupees', 1.5e6, '1.5 million rupees'],
    ['fifty thousand', 50000, 'fifty thousand'],
  ];
  for (const [text, want, phrase] of cases) {
    it(`${JSON.stringify(text)} → ${want}`, () => {
      const r = readAmount(text, 0);
      assert.ok(r, 'no amount read');
      assert.equal(r.rupees, want);
      assert.equal(text.slice(0, r.end), phrase);
    });
  }
  it('a number of years is not an amount', () => {
    assert.equal(readAmount('seven years', 0), undefined);
    assert.equal(readAmount('6 months', 0), undefined);
  });
  it('a parenthesis with a different figure is not swallowed', () => {
    const text = 'one million rupees (see section 5)';
    assert.equal(readAmount(text, 0)?.end, 'one million rupees'.length);
  });
});

describe('figures: formatMonths and formatRupees', () => {
  const months: Array<[number, string]> = [
    [84, '7 years'],
    [12, '1 year'],
    [6, '6 months'],
    [1, '1 month'],
    [18, '1 year 6 months'],
    [30, '2 years 6 months'],
    [0.5, '15 days'],
    [1.5, '1 month 15 days'],
    [1 / 30, '1 day'],
    [0, '0 months'],
    [300, '25 years'],
  ];
  for (const [m, want] of months) it(`${m} → ${want}`, () => assert.equal(formatMonths(m), want));

  const rupees: Array<[number, string]> = [
    [1000000, 'Rs 1,000,000'],
    [50000, 'Rs 50,000'],
    [500000, 'Rs 500,000'],
    [999, 'Rs 999'],
    [1000, 'Rs 1,000'],
    [0, 'Rs 0'],
    [10000000, 'Rs 10,000,000'],
    [2500.5, 'Rs 2,500.50'],
  ];
  for (const [n, want] of rupees) it(`${n} → ${want}`, () => assert.equal(formatRupees(n), want));

  it('odd values do not throw', () => {
    assert.equal(typeof formatMonths(Number.NaN), 'string');
    assert.equal(typeof formatRupees(Number.POSITIVE_INFINITY), 'string');
  });
});

describe('figures: round trips and robustness', () => {
  it('formatMonths then readDuration gives back whole years and months', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), (m) => {
        const r = readDuration(formatMonths(m), 0); // "2 years 6 months"
        assert.ok(r);
        assert.equal(r.months, m);
      }),
      { numRuns: 200 },
    );
  });
  it('readNumber reads back formatted figures', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        assert.equal(readNumber(formatRupees(n), 0)?.value, n);
      }),
      { numRuns: 300 },
    );
  });
  it('never throws on arbitrary text at any position', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.integer({ min: -2, max: 90 }), (t, pos) => {
        readNumber(t, pos);
        readDuration(t, pos);
        readAmount(t, pos);
      }),
      { numRuns: 500 },
    );
  });
  // Speed is measured by `npm run bench`; here only that long runs are read and finish.
  it('reads long runs of number words and spaces', function () {
    this.timeout(30000);
    const long = 'one hundred and '.repeat(100000);
    for (let i = 0; i < 1000; i++) assert.ok(readNumber(long, i * 16));
    // Leading white space and number words are read only so far: such runs are not numbers.
    assert.equal(readNumber(' '.repeat(1000000) + 'seven', 0), undefined);
    assert.equal(readDuration('seven '.repeat(100000) + 'years', 0), undefined);
  });
});
