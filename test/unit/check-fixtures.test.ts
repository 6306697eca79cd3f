// Data-driven: each folder of test/fixtures/check holds Lawmark files and expected.txt, the
// findings they must produce (`file:line:col severity code | words the message contains`).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, workspaceFromFolder, check, shortLine } from '../helpers/engine';

const dir = path.join(FIXTURES, 'check');

describe('check fixtures', () => {
  for (const name of fs.readdirSync(dir).sort()) {
    const folder = path.join(dir, name);
    const expectedFile = path.join(folder, 'expected.txt');
    if (!fs.existsSync(expectedFile)) continue;
    it(`${name}: produces exactly the findings in expected.txt`, () => {
      const expected = fs
        .readFileSync(expectedFile, 'utf8')
        .split('\n')
        .filter((l) => l.trim() && !l.startsWith('#'))
        .map((l) => {
          const [where, words] = l.split(' | ');
          return { where: where!.trim(), words: words?.trim() };
        });
      const index = workspaceFromFolder(folder);
      const actual = check(index).map((d) => ({ where: shortLine(index, d), message: d.message }));
      assert.deepEqual(
        actual.map((a) => a.where).sort(),
        expected.map((e) => e.where).sort(),
        `findings of ${name}:\n${actual.map((a) => `${a.where} | ${a.message}`).join('\n')}`,
      );
      for (const e of expected) {
        if (!e.words) continue;
        const hits = actual.filter((a) => a.where === e.where);
        assert.ok(
          hits.some((h) => h.message.includes(e.words!)),
          `${e.where}: no message contains "${e.words}"; got:\n${hits.map((h) => h.message).join('\n')}`,
        );
      }
    });
  }
});
