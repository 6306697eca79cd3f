// The command line as a user runs it: the built dist/cli.js in a child process.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli, ensureBuilt, CLI, FIXTURES, ROOT } from '../helpers/engine';

const fixture = path.join(FIXTURES, 'cli');

function tempCopy(from: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawmark-cli-'));
  fs.cpSync(from, dir, { recursive: true });
  return dir;
}

describe('lawmark check (CLI)', function () {
  this.timeout(60000);
  before(ensureBuilt);

  it('prints path:line:column: severity code: message with paths relative to the current folder, then a summary', () => {
    const r = cli(['check'], fixture);
    assert.equal(r.stderr, '');
    const lines = r.stdout.trim().split('\n');
    assert.deepEqual(lines, [
      'sub/act.law.md:12:52: warning unknown-instrument: "Harbour Act, 1908" is not in the corpus, so "section 4 of the Harbour Act, 1908" cannot be followed; add the instrument (an excerpt will do) to check it.',
      'sub/act.law.md:15:59: error broken-reference: "section 9" cites section 9 of the Command Line Act, 2015, which does not exist (it has 1, 2).',
      '1 file checked: 1 error, 1 warning, 0 information, 0 hints.',
    ]);
    assert.equal(r.status, 1, 'an error finding exits 1');
  });

  it('finds the configuration from a subfolder upwards, and reports paths relative to that subfolder', () => {
    const r = cli(['check', '.'], path.join(fixture, 'sub'));
    assert.match(r.stdout, /^act\.law\.md:12:52: warning unknown-instrument/m, 'the config in the parent folder raised unknown-instrument to warning');
  });

  it('json: version 1, relative files, zero-based UTF-16 ranges, severity words, related', () => {
    const r = cli(['check', '--format', 'json'], fixture);
    const out = JSON.parse(r.stdout);
    assert.equal(out.version, 1);
    assert.deepEqual(out.files, ['sub/act.law.md']);
    assert.equal(out.diagnostics.length, 2);
    const broken = out.diagnostics.find((d: any) => d.code === 'broken-reference');
    assert.deepEqual(broken.range, { start: { line: 14, character: 58 }, end: { line: 14, character: 59 } });
    assert.equal(broken.file, 'sub/act.law.md');
    assert.equal(broken.severity, 'error');
    assert.deepEqual(broken.related, []);
    assert.equal(r.status, 1);
  });

  it('sarif: SARIF 2.1.0, one run, one rule per code, results with regions', () => {
    const r = cli(['check', '--format', 'sarif'], fixture);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((x: any) => x.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes('broken-reference') && ids.includes('penalty-conflict'));
    const res = run.results.find((x: any) => x.ruleId === 'broken-reference');
    assert.equal(res.level, 'error');
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, 'broken-reference');
    assert.deepEqual(res.locations[0].physicalLocation.artifactLocation, { uri: 'sub/act.law.md' });
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 15, startColumn: 59, endLine: 15, endColumn: 60 });
  });

  it('exits 0 when no finding is an error', () => {
    const dir = tempCopy(fixture);
    fs.writeFileSync(path.join(dir, 'lawmark.config.json'), JSON.stringify({ severity: { 'broken-reference': 'warning' } }));
    const r = cli(['check', 'sub'], dir);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, /warning broken-reference/);
  });

  it('exits 2 with the reason on stderr and nothing on stdout when it cannot run', () => {
    for (const args of [['check', 'no/such/folder'], ['check', '--format', 'xml'], ['check', '--bogus'], ['frobnicate'], ['check', '--config', 'missing.json']]) {
      const r = cli(args, fixture);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}`);
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, /^lawmark: /, args.join(' '));
    }
  });

  it('exits 2 on an invalid --config, naming the bad value', () => {
    const dir = tempCopy(fixture);
    fs.writeFileSync(path.join(dir, 'bad.json'), '{\n  "severity": { "broken-reference": "loud" }\n}\n');
    const r = cli(['check', '--config', 'bad.json'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /bad\.json:2:17: `severity\.broken-reference` must be one of off, hint, information, warning, error/);
  });

  it('reports a bad lawmark.config.json found by lookup as config-invalid on that file, and checks with the defaults', () => {
    const dir = tempCopy(fixture);
    fs.writeFileSync(path.join(dir, 'lawmark.config.json'), '{\n  "severity": { "no-such-check": "off" },\n  "include": "not a list"\n}\n');
    const r = cli(['check'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^lawmark\.config\.json:2:17: error config-invalid: `no-such-check` is not a Lawmark check code/m);
    assert.match(r.stdout, /^lawmark\.config\.json:3:3: error config-invalid: `include` must be a list of globs/m);
    // The defaults stand: the excluded folder is read, unknown-instrument is information again.
    assert.match(r.stdout, /excluded\/draft\.law\.md:\d+:\d+: error broken-reference/);
    assert.match(r.stdout, /information unknown-instrument/);
  });

  it('checks the other files when one is unreadable as Lawmark', () => {
    const dir = tempCopy(fixture);
    fs.writeFileSync(path.join(dir, 'sub', 'junk.law.md'), Buffer.from([0, 1, 2, 255, 254, 0, 7]));
    fs.writeFileSync(path.join(dir, 'sub', 'empty.law.md'), '');
    const r = cli(['check', 'sub'], dir);
    assert.match(r.stdout, /sub\/junk\.law\.md:1:1: error frontmatter-invalid: This file is not text/);
    assert.match(r.stdout, /sub\/empty\.law\.md:1:1: error frontmatter-invalid: This file is empty/);
    assert.match(r.stdout, /sub\/act\.law\.md:15:59: error broken-reference/);
  });

  it('stops quietly when the reader of its output stops early (lawmark check | head)', () => {
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(CLI)} check corpus --format json | head -1`], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 1);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
  });

  it('never writes to the files it reads', () => {
    const dir = tempCopy(fixture);
    const before = fs.readFileSync(path.join(dir, 'sub', 'act.law.md'), 'utf8');
    cli(['check', '--format', 'json'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'sub', 'act.law.md'), 'utf8'), before);
  });
});

describe('lawmark inspect (CLI)', function () {
  this.timeout(60000);
  before(ensureBuilt);

  it('prints the model of a corpus file, its references resolved against the corpus', () => {
    const r = cli(['inspect', 'corpus/pk/ptpa-2018.law.md'], ROOT);
    assert.equal(r.status, 0, r.stderr);
    const m = JSON.parse(r.stdout);
    assert.equal(m.id, 'pk/ptpa-2018');
    assert.equal(m.kind, 'act');
    assert.equal(m.provisions.length, 16);
    const ppc = m.references.find((x: any) => x.text === 'Section 369A of the Pakistan Penal Code');
    assert.deepEqual(ppc.target, { instrument: 'pk/ppc-1860', address: '369A' });
  });

  it('exits 2 for a missing file or extra arguments', () => {
    assert.equal(cli(['inspect', 'nope.law.md'], ROOT).status, 2);
    assert.equal(cli(['inspect'], ROOT).status, 2);
    assert.equal(cli(['inspect', 'a', 'b'], ROOT).status, 2);
  });
});
