// Data-driven: each test/fixtures/inspect/NAME.law.md must yield (at least) the model in
// NAME.expect.json through `inspect`, read together with the other fixture files.
// Arrays must match in length and order; objects must hold every expected key.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, workspaceFromFolder, inspect } from '../helpers/engine';

export function assertSubset(actual: unknown, expected: unknown, where = '$'): void {
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${where}: expected an array, got ${JSON.stringify(actual)}`);
    assert.equal(actual.length, expected.length, `${where}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual, null, 1).slice(0, 2000)}`);
    expected.forEach((e, i) => assertSubset(actual[i], e, `${where}[${i}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    assert.ok(actual && typeof actual === 'object', `${where}: expected an object, got ${JSON.stringify(actual)}`);
    for (const [k, v] of Object.entries(expected)) assertSubset((actual as Record<string, unknown>)[k], v, `${where}.${k}`);
    return;
  }
  assert.deepEqual(actual, expected, `${where}`);
}

const dir = path.join(FIXTURES, 'inspect');

describe('inspect fixtures', () => {
  const index = workspaceFromFolder(dir);
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.expect.json')).sort()) {
    const name = f.replace(/\.expect\.json$/, '');
    it(`${name}.law.md yields the model in ${f}`, () => {
      const expected = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      const actual = inspect(index, `${name}.law.md`);
      assertSubset(actual, expected);
    });
  }
});
