// Generalisation: each check must fire on at least six corpora in drafting styles and
// jurisdictions the bundled corpus does not contain, and stay silent on four near-misses.
// test/fixtures/legal/CODE/CASE/ holds the files and expected.txt:
//   `file:line severity code | words the message must contain`, `# codes: a, b` (more codes to
//   compare), `# must not: CODE` (near-misses), and other `#` comments.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, workspaceFromFolder, check } from '../helpers/engine';

const root = path.join(FIXTURES, 'legal');

interface Expected {
  where: string;
  words?: string;
}

function readExpected(file: string): { lines: Expected[]; codes: Set<string> } {
  const codes = new Set<string>();
  const lines: Expected[] = [];
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const l = raw.trim();
    if (!l) continue;
    const c = /^#\s*(?:codes|must not)\s*:\s*(.*)$/i.exec(l);
    if (c) {
      for (const code of c[1]!.split(/[,\s]+/).filter(Boolean)) codes.add(code);
      continue;
    }
    if (l.startsWith('#')) continue;
    const [where, words] = l.split(' | ');
    const parts = where!.trim().split(/\s+/);
    // `file:line severity code` — compare file, line and code.
    codes.add(parts[parts.length - 1]!);
    lines.push({ where: `${parts[0]} ${parts[parts.length - 1]}`, words: words?.trim() });
  }
  return { lines, codes };
}

describe('legal checks generalise', () => {
  if (!fs.existsSync(root)) return;
  for (const code of fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort()) {
    describe(code, () => {
      const cases = fs.readdirSync(path.join(root, code)).filter((c) => fs.existsSync(path.join(root, code, c, 'expected.txt'))).sort();
      it('has at least six triggers and four near-misses', () => {
        assert.ok(cases.filter((c) => c.startsWith('trigger')).length >= 6, cases.join(' '));
        assert.ok(cases.filter((c) => c.startsWith('near-miss')).length >= 4, cases.join(' '));
      });
      for (const c of cases) {
        it(c, () => {
          const folder = path.join(root, code, c);
          const { lines, codes } = readExpected(path.join(folder, 'expected.txt'));
          codes.add(code);
          const index = workspaceFromFolder(folder);
          const found = check(index)
            .filter((d) => codes.has(d.code))
            .map((d) => ({ where: `${d.uri}:${index.parsed(d.uri)!.lines.position(d.span.start).line + 1} ${d.code}`, message: d.message }));
          const show = found.map((f) => `${f.where} | ${f.message}`).join('\n');
          assert.deepEqual(found.map((f) => f.where).sort(), lines.map((e) => e.where).sort(), `${code}/${c}:\n${show}`);
          for (const e of lines) {
            if (!e.words) continue;
            assert.ok(found.some((f) => f.where === e.where && f.message.includes(e.words!)), `${e.where}: no message contains "${e.words}":\n${show}`);
          }
        });
      }
    });
  }
});
