// The workspace index: units by address, citations of a unit, uses of a term, and the
// incremental contract (an edit re-reads one file; a fork leaves its origin alone).
import assert from 'node:assert/strict';
import { workspace } from '../helpers/engine';

const act = (id: string, title: string, body: string, extra = '') => `---
id: ${id}
title: ${title}
kind: act
jurisdiction: ZZ
year: 2001${extra}
---

# ${title}

${body}`;

const A = act(
  'zz/a',
  'Alpha Act, 2001',
  `## Part I — Preliminary

### 1. Definitions
In this Act,—
(a) "child" means a person under eighteen years of age;
(b) "working party" means a party formed under section 3.

## Part II — Duties

### 2. Children at work
(1) No children shall be employed, and no Child shall work at night.
(2) A childhood friend is not a child for this purpose; see sections 1 to 3.

### 3. Working parties
(1) Two working parties may be formed; sub-section (2) of section 2 applies.
(2) In this section, "chair" means the person presiding over a working party.
`,
);
const B = act('zz/b', 'Beta Act, 2002', `## 1. Application\nSection 2(1) of the Alpha Act, 2001 and section 3 thereof apply, and so does Part II of the Alpha Act.\n`);

describe('workspace index', () => {
  it('finds any unit by instrument and address, divisions included', () => {
    const index = workspace({ 'a.law.md': A, 'b.law.md': B });
    assert.equal(index.unit('zz/a', '2(1)')?.kind, 'subsection');
    assert.equal(index.unit('zz/a', '1(b)')?.kind, 'clause');
    assert.equal(index.unit('zz/a', '9'), undefined);
    assert.equal(index.resolve(index.document('b.law.md')!, { kind: 'id', id: 'zz/a' }, 'part II').status, 'ok');
    assert.equal(index.byId('zz/b')?.uri, 'b.law.md');
  });

  it('lists every citation of a unit: pinpoints cite their provision, ranges cite what lies inside, thereof follows its antecedent', () => {
    const index = workspace({ 'a.law.md': A, 'b.law.md': B });
    const where = (id: string, address: string) => index.citations(id, address).map((c) => `${c.uri}:${c.reference.text}`).sort();
    assert.deepEqual(where('zz/a', '2(1)'), ['b.law.md:Section 2(1) of the Alpha Act, 2001']);
    assert.deepEqual(where('zz/a', '2'), [
      'a.law.md:sections 1 to 3',
      'a.law.md:sub-section (2) of section 2',
      'b.law.md:Section 2(1) of the Alpha Act, 2001',
    ]);
    assert.deepEqual(where('zz/a', '3'), ['a.law.md:section 3', 'a.law.md:sections 1 to 3', 'a.law.md:this section', 'b.law.md:section 3 thereof']);
    assert.deepEqual(where('zz/a', 'part II'), ['b.law.md:Part II of the Alpha Act']);
  });

  it('finds every use of a term in its scope: any case, singular or plural, whole words only', () => {
    const index = workspace({ 'a.law.md': A });
    const doc = index.document('a.law.md')!;
    const text = (s: { start: number; end: number }) => doc.text.slice(s.start, s.end);
    const child = doc.definitions.find((d) => d.term === 'child')!;
    // The heading "Children at work" is in the instrument's scope too; "childhood" is another word.
    assert.deepEqual(index.termUses(doc, child).map(text), ['Children', 'children', 'Child', 'child']);
    const party = doc.definitions.find((d) => d.term === 'working party')!;
    assert.deepEqual(index.termUses(doc, party).map(text), ['Working parties', 'working parties', 'working party']);
    // "chair" is defined for section 3 alone: a use elsewhere is no use of it.
    const chair = doc.definitions.find((d) => d.term === 'chair')!;
    assert.equal(chair.scope, 'provision');
    assert.deepEqual(index.termUses(doc, chair), []);
  });

  it('re-reads only the file that changed, and nothing when the text is the same', () => {
    const index = workspace({ 'a.law.md': A, 'b.law.md': B });
    const a1 = index.document('a.law.md');
    const b1 = index.document('b.law.md');
    assert.equal(index.set('a.law.md', A), false);
    assert.equal(index.document('a.law.md'), a1);
    assert.equal(index.set('a.law.md', A.replace('at night', 'after dark')), true);
    assert.notEqual(index.document('a.law.md'), a1);
    assert.equal(index.document('b.law.md'), b1, 'the other file keeps its model');
    // A change of an instrument's names re-links every file that might cite it.
    index.set('a.law.md', A.replace('title: Alpha Act, 2001', 'title: Gamma Act, 2001'));
    assert.notEqual(index.document('b.law.md'), b1);
    assert.equal(index.document('b.law.md')!.references[0]!.instrument.kind, 'unknown');
  });

  it('forks: a what-if copy changes without touching its origin', () => {
    const index = workspace({ 'a.law.md': A, 'b.law.md': B });
    const b1 = index.document('b.law.md');
    const fork = index.fork();
    assert.equal(fork.document('b.law.md'), b1, 'the fork shares the unchanged files');
    fork.set('a.law.md', A.replace('### 3. Working parties', '### 3A. Working parties'));
    assert.equal(fork.unit('zz/a', '3'), undefined);
    assert.ok(index.unit('zz/a', '3'), 'the origin still has section 3');
  });
});
