// The reader on line endings, non-Latin text and hostile input.
import assert from 'node:assert/strict';
import { workspace, inspect, check, shortLine } from '../helpers/engine';
import { parseDocument } from '../../server/src/engine/parse/document';

const ACT = (body: string, extra = '') => `---
id: zz/act
title: Sample Act, 2020
short: SA
kind: act
jurisdiction: ZZ
year: 2020${extra}
---

# Sample Act, 2020

${body}`;

describe('reader: line endings', () => {
  const lf = ACT(`## 1. Definitions
In this Act,—
(a) "child" means a person under eighteen years of age;
(b) "worker" means a person employed.

## 2. Offence
(1) Whoever employs a child commits an offence, and section 1(a) applies.
(2) Section 7 does not exist.
Explanation.— A worker is a worker.
`);
  const crlf = lf.replace(/\n/g, '\r\n');

  it('reads a CRLF file into the same model as its LF twin, with the same ranges', () => {
    const a = inspect(workspace({ 'a.law.md': lf }), 'a.law.md');
    const b = inspect(workspace({ 'a.law.md': crlf }), 'a.law.md');
    assert.equal(b.id, 'zz/act');
    assert.deepEqual(b.provisions, a.provisions);
    assert.deepEqual(b.definitions, a.definitions);
    assert.deepEqual(b.references, a.references);
    assert.equal(b.provisions[1].children.length, 2);
    // An explanation belongs to the sub-section before it.
    assert.deepEqual(b.provisions[1].children[1].children.map((c: any) => c.address), ['2(2) Explanation']);
  });

  it('puts no carriage return into headings, terms or reference texts', () => {
    const b = inspect(workspace({ 'a.law.md': crlf }), 'a.law.md');
    assert.equal(b.provisions[0].heading, 'Definitions');
    assert.deepEqual(b.definitions.map((d: any) => d.term), ['child', 'worker']);
    for (const r of b.references) assert.ok(!r.text.includes('\r'), r.text);
  });

  it('reports findings on the same lines and columns in CRLF and LF files', () => {
    const ia = workspace({ 'a.law.md': lf });
    const ib = workspace({ 'a.law.md': crlf });
    assert.deepEqual(check(ib).map((d) => shortLine(ib, d)), check(ia).map((d) => shortLine(ia, d)));
    assert.ok(check(ib).some((d) => d.code === 'broken-reference' && shortLine(ib, d) === 'a.law.md:19:13 error broken-reference'));
  });
});

describe('reader: Urdu text and UTF-16 columns', () => {
  // Urdu letters are single UTF-16 units; the emoji-free text below also holds a character
  // outside the Basic Multilingual Plane (𝔘, two UTF-16 units) to prove columns count units.
  const text = ACT(`## 1. تعریفات Definitions
(1) اس ایکٹ میں "child" means a person under eighteen years of age.

## 2. Offence
(1) یہ دفعہ 𝔘 section 9 of this Act کے تحت — and section 1(1).
`);
  const index = workspace({ 'u.law.md': text });

  it('gives reference ranges in UTF-16 code units, as LSP sends them', () => {
    const m = inspect(index, 'u.law.md');
    const refs = m.references.filter((r: any) => r.from === '2(1)');
    const line = text.split('\n')[m.provisions[1].children[0].range.start.line]!;
    const section9 = refs.find((r: any) => r.text === 'section 9 of this Act');
    assert.ok(section9, JSON.stringify(refs));
    assert.equal(section9.range.start.character, line.indexOf('section 9'));
    assert.equal(section9.range.end.character, line.indexOf('section 9') + 'section 9 of this Act'.length);
    // JavaScript string indexes are UTF-16 units: 𝔘 counts two.
    assert.equal(line.indexOf('section 9') - line.indexOf('𝔘'), 3);
  });

  it('reads the Urdu heading and the definition inside Urdu text', () => {
    const m = inspect(index, 'u.law.md');
    assert.equal(m.provisions[0].heading, 'تعریفات Definitions');
    assert.deepEqual(m.definitions.map((d: any) => [d.term, d.address]), [['child', '1(1)']]);
  });

  it('reports the broken reference at its UTF-16 column', () => {
    const found = check(index).find((d) => d.code === 'broken-reference');
    assert.ok(found);
    const pos = index.parsed('u.law.md')!.lines.position(found.span.start);
    const line = text.split('\n')[pos.line]!;
    assert.equal(pos.character, line.indexOf('section 9') + 'section '.length);
  });
});

describe('reader: hostile input never throws', () => {
  const cases: Record<string, string> = {
    'only dashes': '---\n---\n---',
    'unclosed front matter': '---\nid: zz/x\n',
    'front matter is a list': '---\n- a\n- b\n---\n',
    'yaml anchors bomb': '---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n',
    'unclosed code fence': ACT('## 1. Title\n```\n## 2. Not a heading\n'),
    'unclosed comment': ACT('## 1. Title\n<!-- never closed\n## 2. Not a heading\n'),
    'labels only': ACT('## 1. T\n(a)\n(i)\n(ii)\n(1)\n()\n(\n'),
    'deep nesting': ACT('## 1. T\n' + '> '.repeat(200) + 'text\n'),
    'huge line': ACT('## 1. T\n' + 'section 1 and '.repeat(20000) + '\n'),
    'NUL inside': ACT('## 1. T\nsome \u0000 text\n'),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const doc = parseDocument('x.law.md', text);
      assert.ok(Array.isArray(doc.problems));
      const index = workspace({ 'x.law.md': text });
      assert.ok(Array.isArray(check(index)));
      assert.ok(inspect(index, 'x.law.md'));
    });
  }

  it('keeps a heading inside a code fence or comment out of the structure', () => {
    const m = inspect(workspace({ 'x.law.md': ACT('## 1. Title\n```\n## 2. Not a heading\n```\n<!--\n## 3. Nor this\n-->\n## 4. Real\n') }), 'x.law.md');
    assert.deepEqual(m.provisions.map((p: any) => p.address), ['1', '4']);
  });

  it('reads a 10 MB file and reports on it without failing', function () {
    this.timeout(120000);
    const body = Array.from({ length: 80000 }, (_, i) => `## ${i + 1}. Section ${i + 1}\n(1) Whoever does a thing under section ${i + 1} shall be punished with imprisonment which may extend to seven years.\n`).join('\n');
    const text = ACT(body);
    assert.ok(text.length > 10_000_000, String(text.length));
    const index = workspace({ 'big.law.md': text });
    const m = inspect(index, 'big.law.md');
    assert.equal(m.provisions.length, 80000);
    assert.ok(Array.isArray(check(index)));
  });
});
