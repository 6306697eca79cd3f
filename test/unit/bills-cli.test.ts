// `lawmark check` on a corpus with bills and `lawmark consolidate BILL`, run as a user runs them:
// the built dist/cli.js in a child process.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { applyPatch } from 'diff';
import { cli, ensureBuilt, FIXTURES, ROOT, workspaceFromFolder } from '../helpers/engine';
import { analyse } from '../../server/src/engine/analysis';
import { defaultConfig } from '../../server/src/config';

const PTPA = path.join(ROOT, 'corpus', 'pk', 'ptpa-2018.law.md');

function temp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lawmark-bills-'));
}

/** A small corpus: an Act in acts/, a bill in bills/ (the layout of corpus/). */
function smallCorpus(): string {
  const dir = temp();
  fs.mkdirSync(path.join(dir, 'acts'));
  fs.mkdirSync(path.join(dir, 'bills'));
  fs.copyFileSync(path.join(FIXTURES, 'amend', 'fcpa-1998.law.md'), path.join(dir, 'acts', 'fcpa-1998.law.md'));
  fs.writeFileSync(
    path.join(dir, 'bills', 'bill.law.md'),
    '---\nid: zz/fcpa-bill-2024\ntitle: Fishing Crews Protection (Amendment) Bill, 2024\nkind: bill\njurisdiction: ZZ\nyear: 2024\namends: [zz/fcpa-1998]\n---\n\n# Fishing Crews Protection (Amendment) Bill, 2024\n\n## 1. Short title\nThis Act may be called the Fishing Crews Protection (Amendment) Act, 2024.\n\n## 2. Amendment of section 8\nIn section 8 of the said Act, for the words "ten thousand" the words "fifty thousand" shall be substituted.\n',
  );
  return dir;
}

describe('lawmark check with bills (CLI)', function () {
  this.timeout(120000);
  before(ensureBuilt);

  it('reports each bill as its own what-if, as the engine does, and the erroneous bill\'s errors at their instructions', () => {
    const r = cli(['check', 'corpus', '--format', 'json']);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1, 'the erroneous bill has errors');
    const out = JSON.parse(r.stdout);
    const index = workspaceFromFolder(path.join(ROOT, 'corpus'));
    const engine = analyse(index, defaultConfig()).map((d) => `corpus/${d.uri}:${index.parsed(d.uri)!.lines.position(d.span.start).line} ${d.code}`);
    assert.deepEqual(
      out.diagnostics.map((d: any) => `${d.file}:${d.range.start.line} ${d.code}`),
      engine,
      'the command line prints what analyse() finds',
    );
  });

  it('text: the erroneous bill, line by line', () => {
    const r = cli(['check', 'corpus/bills/erroneous-bill.law.md', 'corpus/pk', 'corpus/int']);
    const mine = r.stdout.split('\n').filter((l) => l.startsWith('corpus/bills/erroneous-bill.law.md:'));
    assert.deepEqual(
      mine.map((l) => l.replace(/: (?:Section|The|Lawmark|This) .*$/, '')),
      [
        'corpus/bills/erroneous-bill.law.md:25:120: error amendment-target-missing',
        'corpus/bills/erroneous-bill.law.md:30:45: error amendment-text-not-found',
        'corpus/bills/erroneous-bill.law.md:35:45: warning amendment-ambiguous',
        'corpus/bills/erroneous-bill.law.md:39:31: error amendment-target-missing',
        'corpus/bills/erroneous-bill.law.md:44:1: information amendment-unrecognised',
        'corpus/bills/erroneous-bill.law.md:51:1: error amendment-conflict',
      ],
    );
    assert.match(mine[0]!, /Section 21 of the Prevention of Trafficking in Persons Act, 2018 does not exist \(it has sections 1 to 16\)/);
    assert.match(mine[1]!, /The words "five million rupees" are not in section 4 of the Prevention of Trafficking in Persons Act, 2018/);
  });

  it('text: the repairing bill is told what it resolves, as information, on its instructions', () => {
    const r = cli(['check', 'corpus']);
    const mine = r.stdout.split('\n').filter((l) => l.startsWith('corpus/bills/ptpa-amendment-bill.law.md:'));
    assert.ok(mine.length >= 1);
    for (const l of mine) assert.match(l, /: information resolved-by-bill: Resolves (?:in part )?[a-z-]+ on /);
    assert.ok(mine.some((l) => /^corpus\/bills\/ptpa-amendment-bill\.law\.md:47:1: information resolved-by-bill: Resolves non-punishment-gap on PTPA s\.6:/.test(l)), mine.join('\n'));
  });
});

describe('lawmark consolidate (CLI)', function () {
  this.timeout(120000);
  before(ensureBuilt);

  it('markdown: the target as amended, in Lawmark, nothing on standard error, exit 0', () => {
    const r = cli(['consolidate', 'corpus/bills/ptpa-amendment-bill.law.md']);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^---\nid: pk\/ptpa-2018\n/);
    assert.match(r.stdout, /\n\(f\) "Provincial Government" means the Government of a Province; and\n\(fa\) "structured group" means a group of two or more persons/);
    assert.match(r.stdout, /\n## 6\. Victims of trafficking in persons\n\(1\) A victim shall not be criminally liable, and shall not be detained/);
    assert.match(r.stdout, /\n## 16A\. Act to override other laws\nThe provisions of this Act shall have effect notwithstanding anything contained in any other law for the time being in force\.\n$/);
    assert.doesNotMatch(r.stdout, /or with fine which may extend to one million rupees, or with both/);
  });

  it('diff: a unified diff of the target before and after (a Keeling schedule) that applies to the Act to give the markdown', () => {
    const r = cli(['consolidate', 'corpus/bills/ptpa-amendment-bill.law.md', '--format', 'diff']);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '--- a/corpus/pk/ptpa-2018.law.md\tpk/ptpa-2018');
    assert.equal(lines[1], '+++ b/corpus/pk/ptpa-2018.law.md\tpk/ptpa-2018 as amended by pk/ptpa-amendment-bill-2025');
    assert.match(lines[2]!, /^@@ -\d+,\d+ \+\d+,\d+ @@$/);
    assert.ok(lines.includes('+(fa) "structured group" means a group of two or more persons that is not randomly formed for the immediate commission of an offence and that does not need to have formally defined roles for its members, continuity of its membership or a developed structure;'));
    assert.ok(lines.includes('-A victim shall not be criminally liable for an offence under this Act but may become a witness in the case.'));
    assert.ok(lines.includes('+## 16A. Act to override other laws'));
    assert.ok(lines.includes('-Where an offender is convicted of an offence under this Act, the Court may direct payment of compensation to the victim under section 545 of the Code of Criminal Procedure, 1898.'));
    const markdown = cli(['consolidate', 'corpus/bills/ptpa-amendment-bill.law.md']).stdout;
    assert.equal(applyPatch(fs.readFileSync(PTPA, 'utf8'), r.stdout), markdown);
  });

  it('several targets: each whole, after a line that names it; the diff holds one file per target', () => {
    const r = cli(['consolidate', 'corpus/bills/two-acts-bill.law.md']);
    assert.equal(r.status, 0, r.stderr);
    const heads = r.stdout.split('\n').filter((l) => l.startsWith('<!-- ===== lawmark consolidate:'));
    assert.deepEqual(heads, [
      '<!-- ===== lawmark consolidate: pk/cmra-1929 (corpus/pk/cmra-1929.law.md) as amended by pk/two-acts-bill-2025 ===== -->',
      '<!-- ===== lawmark consolidate: pk/ptpa-2018 (corpus/pk/ptpa-2018.law.md) as amended by pk/two-acts-bill-2025 ===== -->',
    ]);
    const parts = r.stdout.split(/<!-- ===== lawmark consolidate: [^\n]* ===== -->\n\n/).slice(1);
    assert.match(parts[0]!, /^---\nid: pk\/cmra-1929\n[\s\S]*under eighteen years of age;/);
    assert.match(parts[1]!, /^---\nid: pk\/ptpa-2018\n[\s\S]*commercial sex acts or forced marriage/);
    const d = cli(['consolidate', 'corpus/bills/two-acts-bill.law.md', '--format', 'diff']);
    assert.deepEqual(d.stdout.split('\n').filter((l) => l.startsWith('--- ')), ['--- a/corpus/pk/cmra-1929.law.md\tpk/cmra-1929', '--- a/corpus/pk/ptpa-2018.law.md\tpk/ptpa-2018']);
  });

  it('a bill with faulty instructions: its diagnostics on standard error, the rest applied on standard output, exit 1', () => {
    const r = cli(['consolidate', 'corpus/bills/erroneous-bill.law.md']);
    assert.equal(r.status, 1);
    assert.equal(r.stdout, fs.readFileSync(PTPA, 'utf8'), 'nothing in it applies');
    assert.deepEqual(
      r.stderr.trim().split('\n').map((l) => l.replace(/: (?:Section|The|Lawmark|This) .*$/, '')),
      [
        'corpus/bills/erroneous-bill.law.md:25:120: error amendment-target-missing',
        'corpus/bills/erroneous-bill.law.md:30:45: error amendment-text-not-found',
        'corpus/bills/erroneous-bill.law.md:35:45: warning amendment-ambiguous',
        'corpus/bills/erroneous-bill.law.md:39:31: error amendment-target-missing',
        'corpus/bills/erroneous-bill.law.md:44:1: information amendment-unrecognised',
        'corpus/bills/erroneous-bill.law.md:51:1: error amendment-conflict',
      ],
    );
  });

  it('--out writes a new file, and refuses to overwrite one without --force (exit 2, the file unchanged)', () => {
    const dir = temp();
    const out = path.join(dir, 'ptpa-as-amended.law.md');
    const first = cli(['consolidate', 'corpus/bills/ptpa-amendment-bill.law.md', '--out', out]);
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stdout, '');
    const written = fs.readFileSync(out, 'utf8');
    assert.equal(written, cli(['consolidate', 'corpus/bills/ptpa-amendment-bill.law.md']).stdout);
    fs.writeFileSync(out, 'mine');
    const again = cli(['consolidate', 'corpus/bills/ptpa-amendment-bill.law.md', '--out', out, '--format', 'diff']);
    assert.equal(again.status, 2);
    assert.equal(again.stdout, '');
    assert.match(again.stderr, /^lawmark: .*ptpa-as-amended\.law\.md already exists; consolidate writes a new file, and overwrites one only with --force\n$/);
    assert.equal(fs.readFileSync(out, 'utf8'), 'mine');
    const forced = cli(['consolidate', 'corpus/bills/ptpa-amendment-bill.law.md', '--out', out, '--format', 'diff', '--force']);
    assert.equal(forced.status, 0, forced.stderr);
    assert.match(fs.readFileSync(out, 'utf8'), /^--- a\/corpus\/pk\/ptpa-2018\.law\.md/);
  });

  it('never writes an input file, not even with --force', () => {
    const dir = smallCorpus();
    const act = path.join(dir, 'acts', 'fcpa-1998.law.md');
    const bill = path.join(dir, 'bills', 'bill.law.md');
    const before = [fs.readFileSync(act, 'utf8'), fs.readFileSync(bill, 'utf8')];
    for (const target of [act, bill]) {
      const r = cli(['consolidate', 'bills/bill.law.md', '--out', path.relative(dir, target), '--force'], dir);
      assert.equal(r.status, 2, r.stdout);
      assert.match(r.stderr, /is one of the files consolidate reads; it never writes an input file/);
    }
    cli(['consolidate', 'bills/bill.law.md', '--format', 'diff'], dir);
    assert.deepEqual([fs.readFileSync(act, 'utf8'), fs.readFileSync(bill, 'utf8')], before);
  });

  it('finds the corpus: the bill\'s folder\'s parent, a lawmark.config.json above it, the bill\'s own folder, or --corpus', () => {
    const dir = smallCorpus();
    const expectApplied = (r: { status: number; stdout: string; stderr: string }) => {
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /punished with fine which may extend to fifty thousand rupees\./);
    };
    expectApplied(cli(['consolidate', 'bills/bill.law.md'], dir)); // bills/ beside acts/
    expectApplied(cli(['consolidate', 'bill.law.md'], path.join(dir, 'bills'))); // from inside bills/
    // The bill in the Act's own folder.
    fs.copyFileSync(path.join(dir, 'bills', 'bill.law.md'), path.join(dir, 'acts', 'bill.law.md'));
    expectApplied(cli(['consolidate', 'acts/bill.law.md'], dir));
    // A configuration at the top, the bill two folders down.
    const deep = path.join(dir, 'drafts', '2024');
    fs.mkdirSync(deep, { recursive: true });
    fs.copyFileSync(path.join(dir, 'bills', 'bill.law.md'), path.join(deep, 'bill.law.md'));
    assert.equal(cli(['consolidate', 'drafts/2024/bill.law.md'], dir).status, 2, 'no configuration: drafts/ holds no Act');
    fs.writeFileSync(path.join(dir, 'lawmark.config.json'), '{}\n');
    expectApplied(cli(['consolidate', 'drafts/2024/bill.law.md'], dir));
    fs.rmSync(path.join(dir, 'lawmark.config.json'));
    expectApplied(cli(['consolidate', 'drafts/2024/bill.law.md', '--corpus', 'acts'], dir));
  });

  it('a bill whose targets are not in the corpus: bill-target-unknown on standard error, exit 2, nothing on standard output', () => {
    const dir = smallCorpus();
    const r = cli(['consolidate', 'bills/bill.law.md', '--corpus', 'bills'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^bills\/bill\.law\.md:7:10: error bill-target-unknown: This bill amends `zz\/fcpa-1998`, which is not in the corpus/m);
    assert.match(r.stderr, /^lawmark: none of the instruments bills\/bill\.law\.md amends \(zz\/fcpa-1998\) is in the corpus/m);
  });

  it('exits 2 with the reason on standard error for what it cannot do', () => {
    for (const args of [
      ['consolidate'],
      ['consolidate', 'no/such/bill.law.md'],
      ['consolidate', 'corpus/pk/ptpa-2018.law.md'],
      ['consolidate', 'corpus/bills/two-acts-bill.law.md', '--format', 'html'],
      ['consolidate', 'corpus/bills/two-acts-bill.law.md', 'corpus/bills/erroneous-bill.law.md'],
      ['consolidate', 'corpus/bills/two-acts-bill.law.md', '--corpus', 'no/such/folder'],
      ['consolidate', 'corpus/bills/two-acts-bill.law.md', '--bogus'],
    ]) {
      const r = cli(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, /^lawmark: /, args.join(' '));
    }
    assert.match(cli(['consolidate', 'corpus/pk/ptpa-2018.law.md']).stderr, /is not a bill \(its kind is act\)/);
  });

  it('is listed in --help', () => {
    assert.match(cli(['--help']).stdout, /lawmark consolidate BILL \[--format markdown\|diff\] \[--out FILE\] \[--force\]/);
  });
});
