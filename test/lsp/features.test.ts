// The editor features as pure functions over an in-memory index of the corpus: quick fixes
// applied to the text must make their finding go away, rename keeps plurals, settings merge.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workspaceFromFolder, check, ROOT } from '../helpers/engine';
import { fixesFor } from '../../server/src/engine/features/actions';
import { pluralise } from '../../server/src/engine/features/rename';
import { workspaceSymbols } from '../../server/src/engine/features/symbols';
import { hover } from '../../server/src/engine/features/hover';
import { mergeSettings, cleanSettings } from '../../server/src/lsp/settings';
import { defaultConfig, configSchema } from '../../server/src/config';
import { ALL_CODES } from '../../server/src/engine/checks/codes';
import type { WorkspaceIndex } from '../../server/src/engine/index/workspace';
import type { Diagnostic } from '../../server/src/engine/checks/types';

const PTPA = 'pk/ptpa-2018.law.md';

function apply(text: string, edits: Array<{ span: { start: number; end: number }; newText: string }>): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

function finding(index: WorkspaceIndex, code: string, pred: (d: Diagnostic) => boolean = () => true): Diagnostic | undefined {
  return check(index).find((d) => d.code === code && pred(d));
}

describe('editor features (engine)', () => {
  let index: WorkspaceIndex;
  beforeEach(() => {
    index = workspaceFromFolder(path.join(ROOT, 'corpus'));
  });

  it('undefined-term: the import fix goes in the definitions section, in order, and the finding goes away', function () {
    const d = finding(index, 'undefined-term', (x) => x.uri === PTPA && (x.data as { term?: string })?.term === 'structured group');
    if (!d) this.skip(); // the check reports it today; skip rather than fail if the corpus changes
    const { fixes, suppressible } = fixesFor(index, d);
    assert.equal(suppressible, true);
    const titles = fixes.map((f) => f.title);
    assert.ok(titles.includes('Insert a definition of "structured group" in PTPA s.2'), titles.join('; '));
    const imp = fixes.find((f) => /^Import "structured group": has the same meaning as in UNTOC art\.2\(c\)$/.test(f.title));
    assert.ok(imp, titles.join('; '));
    const text = apply(index.text(PTPA)!, imp!.edits);
    assert.match(text, /\(f\) "Provincial Government" means the Government of a Province; and\n\(fa\) "structured group" has the same meaning as in article 2\(c\) of the United Nations Convention against Transnational Organized Crime;\n\(g\) "victim"/);
    index.set(PTPA, text);
    const def = index.document(PTPA)!.definitions.find((x) => x.term === 'structured group');
    assert.equal(def?.form, 'import');
    assert.equal(index.instrumentId(def!.importFrom!.instrument, index.document(PTPA)!), 'int/untoc-2000');
    assert.equal(finding(index, 'undefined-term', (x) => x.uri === PTPA && (x.data as { term?: string })?.term === 'structured group'), undefined);
  });

  it('undefined-term: without a definitions section the definition becomes an Explanation of the provision', () => {
    const uri = 'zz/lone.law.md';
    const text = ['---', 'id: zz/lone', 'title: Lone Act, 2030', 'kind: act', 'jurisdiction: PK', 'year: 2030', '---', '', '## 1. Offence', 'Whoever organises a structured group shall be punished with imprisonment which may extend to one year.', ''].join('\n');
    index.set(uri, text);
    const at = text.indexOf('structured group');
    const { fixes } = fixesFor(index, { code: 'undefined-term', uri, span: { start: at, end: at + 16 }, data: { term: 'structured group', definedIn: [{ instrument: 'int/untoc-2000', address: '2(c)' }] } });
    const ins = fixes.find((f) => f.title.startsWith('Insert a definition'))!;
    assert.match(ins.title, /an Explanation/);
    const after = apply(text, ins.edits);
    assert.match(after, /one year\.\nExplanation\.— In this section, "structured group" means …\.\n$/);
    index.set(uri, after);
    assert.ok(index.document(uri)!.definitions.some((d) => d.term === 'structured group' && d.scope === 'provision'));
  });

  it('non-punishment-gap: the fix widens the clause to any other law and the finding goes away', function () {
    const d = finding(index, 'non-punishment-gap', (x) => x.uri === PTPA);
    if (!d) this.skip();
    const [fix] = fixesFor(index, d).fixes;
    assert.ok(fix, 'a fix');
    const text = apply(index.text(PTPA)!, fix.edits);
    assert.match(text, /A victim shall not be criminally liable for an offence under this Act or any other law but may become a witness/);
    index.set(PTPA, text);
    assert.equal(finding(index, 'non-punishment-gap', (x) => x.uri === PTPA), undefined);
  });

  it('non-punishment-gap and undefined-term: data of an unexpected shape gives no fix, not an error', () => {
    for (const data of [undefined, null, 3, 'x', [], { replace: { start: -1, end: 2 }, with: 'x' }, { replace: { start: 5, end: 1e9 }, with: 'x' }, { term: '' }, { term: 'x', definedIn: 'nope' }]) {
      assert.deepEqual(fixesFor(index, { code: 'non-punishment-gap', uri: PTPA, span: { start: 0, end: 1 }, data }).fixes, []);
      const t = fixesFor(index, { code: 'undefined-term', uri: PTPA, span: { start: 0, end: 1 }, data }).fixes;
      assert.ok(t.length <= 1);
    }
    assert.equal(fixesFor(index, { code: 'frontmatter-invalid', uri: PTPA, span: { start: 3, end: 5 } }).suppressible, false, 'not inside front matter');
    assert.deepEqual(fixesFor(index, { code: 'broken-reference', uri: 'nowhere.law.md', span: { start: 0, end: 1 } }), { fixes: [], suppressible: false });
  });

  it('broken-reference: one fix per near match, replacing the cited number', () => {
    const uri = 'zz/typo.law.md';
    const text = ['---', 'id: zz/typo', 'title: Typo Act, 2030', 'kind: act', 'jurisdiction: PK', 'year: 2030', '---', '', '## 1. Offence', 'An offence under section 61 of the Prevention of Trafficking in Persons Act, 2018.', ''].join('\n');
    index.set(uri, text);
    const d = finding(index, 'broken-reference', (x) => x.uri === uri)!;
    const { fixes } = fixesFor(index, d);
    assert.deepEqual(fixes.map((f) => f.title), ['Change 61 to PTPA s.16 (Repeal)']);
    index.set(uri, apply(text, fixes[0]!.edits));
    assert.equal(finding(index, 'broken-reference', (x) => x.uri === uri), undefined);
  });

  it('unused-suppression: the fix removes the comment line', () => {
    const uri = 'zz/sup.law.md';
    const text = ['---', 'id: zz/sup', 'title: Sup Act, 2030', 'kind: act', 'jurisdiction: PK', 'year: 2030', '---', '', '## 1. Offence', '<!-- lawmark-disable-next-line broken-reference -- nothing here -->', 'Nothing.', ''].join('\n');
    index.set(uri, text);
    const d = finding(index, 'unused-suppression', (x) => x.uri === uri)!;
    const r = fixesFor(index, d);
    assert.equal(r.suppressible, false);
    assert.equal(apply(text, r.fixes[0]!.edits), text.replace('<!-- lawmark-disable-next-line broken-reference -- nothing here -->\n', ''));
  });

  it('plurals for rename', () => {
    assert.equal(pluralise('survivor'), 'survivors');
    assert.equal(pluralise('party'), 'parties');
    assert.equal(pluralise('child'), 'children');
    assert.equal(pluralise('trafficked person'), 'trafficked persons');
    assert.equal(pluralise('witness'), 'witnesses');
  });

  it('workspace symbols rank an exact number first and bills last', () => {
    const r = workspaceSymbols(index, '3');
    assert.ok(r.length > 3);
    assert.ok(r.slice(0, 3).every((s) => /s\.3 |art\.3 /.test(s.name)), r.slice(0, 3).map((s) => s.name).join('; '));
    assert.throws(() => workspaceSymbols(index, 'trafficking', () => true), /cancelled/);
  });

  it('hover on a conflicting penalty puts the peers side by side', () => {
    const text = index.text(PTPA)!;
    const at = text.indexOf('shall be punished with imprisonment which may extend to seven years') + 20;
    const provision = index.document(PTPA)!.units.get('3')!;
    const ppc = 'pk/ppc-1860.law.md';
    const s370 = index.document(ppc)!.units.get('370')!;
    const h = hover(index, PTPA, at, { conflicts: [{ span: provision.span, related: [{ uri: ppc, span: s370.span }] }] })!;
    assert.match(h.markdown, /\*\*Conflicts with\*\*/);
    assert.match(h.markdown, /\| PTPA s\.3 \(this\) \| up to 7 years, or fine up to Rs 1,000,000, or both \|/);
    assert.match(h.markdown, /\| PPC s\.370 \(Buying or disposing of any person as a slave\) \| up to 7 years, and fine \|/);
  });
});

describe('editor settings', () => {
  it('package.json declares each setting of the zod schema, and every check code under lawmark.severity', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const props = pkg.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), ['lawmark.childAge', 'lawmark.exclude', 'lawmark.include', 'lawmark.severity', 'lawmark.trace']);
    const schemaKeys = Object.keys(configSchema.shape);
    for (const k of Object.keys(props)) assert.ok(schemaKeys.includes(k.slice('lawmark.'.length)), `${k} is in the zod schema`);
    assert.deepEqual(Object.keys(props['lawmark.severity'].properties).sort(), [...ALL_CODES].sort());
    for (const p of Object.values(props['lawmark.severity'].properties) as Array<{ enum: string[] }>) assert.deepEqual(p.enum, ['off', 'hint', 'information', 'warning', 'error']);
    assert.deepEqual(props['lawmark.trace'].enum, ['off', 'messages', 'verbose']);
  });

  it('merges set settings over the file configuration', () => {
    const base = { ...defaultConfig(), severity: { 'penalty-conflict': 'error' as const }, childAge: 18 };
    const none = mergeSettings(base, { severity: {}, include: [], exclude: [], childAge: null, trace: 'off' });
    assert.deepEqual(none, { config: base, problems: [] });
    const some = mergeSettings(base, { severity: { 'unknown-instrument': 'off' }, include: ['acts/**/*.law.md'], exclude: ['drafts/**'], childAge: 16 });
    assert.deepEqual(some.config.severity, { 'penalty-conflict': 'error', 'unknown-instrument': 'off' });
    assert.deepEqual(some.config.include, ['acts/**/*.law.md']);
    assert.ok(some.config.exclude.includes('drafts/**') && some.config.exclude.includes('**/node_modules/**'));
    assert.equal(some.config.childAge, 16);
    const bad = mergeSettings(base, { severity: { 'no-such-check': 'error' }, childAge: 99 });
    assert.equal(bad.config, base);
    assert.ok(bad.problems.some((p) => /no-such-check/.test(p)));
    assert.deepEqual(cleanSettings({ trace: { server: 'verbose' } }), { trace: 'verbose' });
    assert.deepEqual(cleanSettings('nonsense'), {});
  });
});

describe('docs/checks.md', () => {
  it('documents every check code under its own heading (the anchor codeDescription links to)', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs', 'checks.md'), 'utf8');
    const headings = new Set([...doc.matchAll(/^#{2,4} `?([a-z][a-z0-9-]*)`?\s*$/gm)].map((m) => m[1]));
    const missing = ALL_CODES.filter((c) => !headings.has(c));
    assert.deepEqual(missing, [], `docs/checks.md lacks ${missing.join(', ')}`);
  });
});
