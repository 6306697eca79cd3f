// The built language server over stdio, with the repository's corpus/ as the workspace:
// each feature asserted on the corpus. No sleeps: every step awaits a response or the
// notification it expects.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, DocumentLink, DocumentSymbol, FoldingRange, Hover, Location, LocationLink, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { CORPUS, LspClient, positionOf, uriOf } from './client';

const PTPA = path.join(CORPUS, 'pk', 'ptpa-2018.law.md');
const PPC = path.join(CORPUS, 'pk', 'ppc-1860.law.md');
const ptpaText = fs.readFileSync(PTPA, 'utf8');
const ppcText = fs.readFileSync(PPC, 'utf8');
const ptpa = uriOf(PTPA);
const ppc = uriOf(PPC);
const SCRATCH = uriOf(path.join(CORPUS, 'zz-lsp-scratch.law.md')); // never written to disk

/** A scratch instrument (opened in the editor, never on disk) citing an instrument outside the corpus and a section the PTPA lacks. */
const SCRATCH_TEXT = [
  '---',
  'id: zz/scratch',
  'title: Scratch Act, 2030',
  'kind: act',
  'jurisdiction: PK',
  'year: 2030',
  '---',
  '',
  '## 1. Offences',
  'An offence under section 5 of the Imaginary Fisheries Act, 1999 is an offence under this Act.',
  'So is an offence under section 61 of the Prevention of Trafficking in Persons Act, 2018.',
  '',
].join('\n');

const hoverText = (h: Hover | null): string => {
  if (!h) return '';
  const c = h.contents as unknown;
  if (typeof c === 'string') return c;
  if (c && typeof c === 'object' && 'value' in c) return String((c as { value: unknown }).value);
  return JSON.stringify(c);
};
const messageOf = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : (d.message as { value: string }).value);
const lineOf = (text: string, needle: string) => positionOf(text, needle).line;

function applyEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}

describe('language server over stdio (corpus/)', function () {
  this.timeout(30000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('declares the features it serves', () => {
    const c = client.init.capabilities;
    for (const k of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentSymbolProvider', 'workspaceSymbolProvider', 'completionProvider', 'renameProvider', 'foldingRangeProvider', 'documentLinkProvider', 'codeLensProvider', 'codeActionProvider'] as const) {
      assert.ok(c[k], `${k} is declared`);
    }
  });

  it('publishes diagnostics for every file of the corpus, open or not, with code, codeDescription and source', async () => {
    const files = fs.readdirSync(CORPUS, { recursive: true }).map(String).filter((f) => f.endsWith('.law.md'));
    const all = await Promise.all(files.map((f) => client.diagnosticsFor(uriOf(path.join(CORPUS, f)))));
    const flat = all.flat();
    assert.ok(flat.length > 0, 'the corpus has findings');
    for (const d of flat) {
      assert.equal(d.source, 'lawmark');
      assert.equal(typeof d.code, 'string');
      assert.ok(d.codeDescription!.href.endsWith(`checks.md#${d.code}`), d.codeDescription!.href);
      // A link to the documentation installed beside the server, which opens offline.
      assert.ok(fs.existsSync(fileURLToPath(d.codeDescription!.href.replace(/#.*$/, ''))), d.codeDescription!.href);
      for (const r of d.relatedInformation ?? []) assert.ok(r.location.uri.startsWith('file://'));
    }
  });

  it('publishes diagnostics for the editor text of a new file: unknown instrument, broken reference with related information', async () => {
    await client.open(SCRATCH, SCRATCH_TEXT);
    try {
      const d = await client.diagnosticsFor(SCRATCH, (x) => x.some((y) => y.code === 'unknown-instrument') && x.some((y) => y.code === 'broken-reference'), 'unknown-instrument and broken-reference');
      const unknown = d.find((x) => x.code === 'unknown-instrument')!;
      assert.match(messageOf(unknown), /Imaginary Fisheries Act, 1999/);
      assert.equal(unknown.severity, 3);
      assert.deepEqual(unknown.range.start, positionOf(SCRATCH_TEXT, 'section 5 of the Imaginary'));
      const broken = d.find((x) => x.code === 'broken-reference')!;
      assert.equal(broken.severity, 1);
      assert.ok(broken.relatedInformation!.some((r) => r.location.uri === ptpa));
      const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: SCRATCH }, position: positionOf(SCRATCH_TEXT, 'section 5 of the Imaginary', 3) });
      assert.match(hoverText(h), /Imaginary Fisheries Act, 1999\*\* is not in the corpus/);
      assert.equal(await client.request('textDocument/definition', { textDocument: { uri: SCRATCH }, position: positionOf(SCRATCH_TEXT, 'section 5 of the Imaginary', 3) }), null);
    } finally {
      await client.close(SCRATCH);
    }
    // Closed and never saved: its diagnostics are cleared.
    await client.diagnosticsFor(SCRATCH, (x) => x.length === 0, 'cleared diagnostics');
  });

  it('tells each corpus bill, unopened, what it breaks and fixes: instruction errors and resolved findings at their instructions', async () => {
    const erroneous = uriOf(path.join(CORPUS, 'bills', 'erroneous-bill.law.md'));
    const got = await client.diagnosticsFor(erroneous, (d) => d.some((x) => x.code === 'amendment-conflict'), 'the erroneous bill\'s diagnostics');
    assert.deepEqual(
      got.filter((d) => String(d.code).startsWith('amendment-')).map((d) => [d.code, d.range.start.line + 1]),
      [['amendment-target-missing', 25], ['amendment-text-not-found', 30], ['amendment-ambiguous', 35], ['amendment-target-missing', 39], ['amendment-unrecognised', 44], ['amendment-conflict', 51]],
    );
    const repairing = uriOf(path.join(CORPUS, 'bills', 'ptpa-amendment-bill.law.md'));
    const fixed = await client.diagnosticsFor(repairing, (d) => d.some((x) => x.code === 'resolved-by-bill'), 'the repairing bill\'s diagnostics');
    assert.ok(fixed.some((d) => d.code === 'resolved-by-bill' && /Resolves non-punishment-gap on PTPA s\.6/.test(messageOf(d))));
  });

  it('hover on "Section 369A of the Pakistan Penal Code" shows the cited provision itself', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'Section 369A of the Pakistan Penal Code', 10) });
    const text = hoverText(h);
    assert.match(text, /Pakistan Penal Code/);
    assert.match(text, /369A/);
    assert.match(text, /Trafficking of human beings/);
    assert.match(text, /Omitted by section 16\(3\) of the Prevention of Trafficking in Persons Act, 2018/);
    assert.equal(h.range!.start.line, lineOf(ptpaText, 'Section 369A of the Pakistan Penal Code'));
  });

  it('hover on a reference within the Act shows that section (PTPA s.4 → s.3)', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'Where an offence under section 3', 'Where an offence under section '.length) });
    const text = hoverText(h);
    assert.match(text, /Section 3 — Trafficking in persons/);
    assert.match(text, /recruits, harbours, transports/);
  });

  it('hover on a reference in a bill shows the provision as the bill would leave it', async () => {
    const BILL = path.join(CORPUS, 'bills', 'ptpa-amendment-bill.law.md');
    const billText = fs.readFileSync(BILL, 'utf8');
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: uriOf(BILL) }, position: positionOf(billText, 'For section 6 of the said Act', 'For section '.length) });
    const text = hoverText(h);
    assert.match(text, /As the Prevention of Trafficking in Persons \(Amendment\) Bill, 2025 would leave it/);
    assert.match(text, /Section 6 — Victims of trafficking in persons/);
    assert.match(text, /under this Act or under any other law for the time being in force/);
    // The same reference in the Act itself still reads the Act as it stands.
    const plain = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'Where an offence under section 3', 'Where an offence under section '.length) });
    assert.doesNotMatch(hoverText(plain), /would leave it/);
  });

  it('hover on a defined term shows its definition and where it applies', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'A victim shall not be criminally liable', 3) });
    const text = hoverText(h);
    assert.match(text, /"victim"/);
    assert.match(text, /means a person against whom an offence under this Act is committed/);
    assert.match(text, /Applies to:\*\* the whole Prevention of Trafficking in Persons Act, 2018/);
  });

  it('hover on an offence penalty shows its normal form', async () => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'shall be punished with imprisonment which may extend to seven years', 25) });
    const text = hoverText(h);
    assert.match(text, /Penalty/);
    assert.match(text, /up to 7 years/);
    assert.match(text, /fine alone allowed \| yes/);
    // When penalty-conflict reports PTPA s.3 (the check decides), its peers stand beside it.
    const diags = await client.diagnosticsFor(ptpa);
    if (diags.some((d) => d.code === 'penalty-conflict' && d.range.start.line === h.range!.start.line)) {
      assert.match(text, /\*\*Conflicts with\*\*/);
      assert.match(text, /\| PTPA s\.3 \(this\) \| up to 7 years, or fine up to Rs 1,000,000, or both \|/);
      assert.match(text, /\| PPC s\.\d+[A-Z]* /);
    }
  });

  it('hover on plain words shows nothing', async () => {
    const none = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'It extends to the whole of Pakistan', 4) });
    assert.equal(none, null);
  });

  it('definition: a reference goes to the cited section (PTPA s.4 "section 3" → s.3)', async () => {
    const r = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'Where an offence under section 3', 'Where an offence under section '.length) });
    assert.equal(r.length, 1);
    assert.equal(r[0]!.targetUri, ptpa);
    assert.equal(r[0]!.targetSelectionRange.start.line, lineOf(ptpaText, '## 3. Trafficking in persons'));
    assert.equal(r[0]!.targetRange.start.line, lineOf(ptpaText, '## 3. Trafficking in persons'));
    assert.ok(r[0]!.targetRange.end.line < lineOf(ptpaText, '## 4. Aggravating circumstances'));
  });

  it('definition: across instruments; none for a section that an excerpt leaves out', async () => {
    const r = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'Section 369A of the Pakistan Penal Code', 9) });
    assert.equal(r[0]!.targetUri, ppc);
    assert.equal(r[0]!.targetSelectionRange.start.line, lineOf(ppcText, '#### 369A.'));
    // "section 545 of the Code of Criminal Procedure, 1898": the CrPC is outside the corpus or an excerpt without s.545.
    const none = await client.request('textDocument/definition', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'section 545 of the Code', 9) });
    assert.equal(none, null);
  });

  it('definition: a defined term goes to its definition (and Location without link support)', async () => {
    const plain = await LspClient.start({ linkSupport: false });
    try {
      const r = await plain.request<Location[]>('textDocument/definition', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'Where the victim is a child', 'Where the victim is a '.length + 2) });
      assert.equal(r[0]!.uri, ptpa);
      assert.deepEqual(r[0]!.range.start, positionOf(ptpaText, '"child" means', 1));
    } finally {
      await plain.stop();
    }
  });

  it('references of PPC 369A include PTPA 16(3)', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: ppc }, position: positionOf(ppcText, '#### 369A.', 6), context: { includeDeclaration: false } });
    assert.ok(refs.some((l) => l.uri === ptpa && l.range.start.line === lineOf(ptpaText, 'Section 369A of the Pakistan Penal Code')), JSON.stringify(refs));
    // From the citation itself too.
    const again = await client.request<Location[]>('textDocument/references', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'Section 369A', 9), context: { includeDeclaration: true } });
    assert.ok(again.some((l) => l.uri === ppc));
    assert.ok(again.some((l) => l.uri === ptpa));
  });

  it('references of a defined term list its uses', async () => {
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, '"victim" means', 2), context: { includeDeclaration: true } });
    assert.ok(refs.length >= 10, `victim is used often (${refs.length})`);
    assert.ok(refs.every((l) => l.uri === ptpa));
    assert.ok(refs.some((l) => l.range.start.line === lineOf(ptpaText, 'A victim shall not be criminally liable')));
  });

  it('document symbols: divisions and provisions as an outline, with children', async () => {
    const syms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: ppc } });
    assert.equal(syms.length, 1);
    assert.match(syms[0]!.name, /Chapter XVI/);
    const inner = syms[0]!.children![0]!;
    assert.match(inner.name, /Kidnapping, Abduction, Slavery and Forced Labour/);
    assert.ok(inner.children!.some((s) => s.name === '369A. [Trafficking of human beings] Omitted'));
    const ptpaSyms = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: ptpa } });
    assert.equal(ptpaSyms.length, 16);
    const s3 = ptpaSyms.find((s) => s.name === '3. Trafficking in persons')!;
    assert.deepEqual(s3.children!.map((c) => c.name).slice(0, 2), ['(1)', '(2)']);
  });

  it('workspace symbols: "369A" finds PPC s.369A; "trafficking" finds provisions by heading', async () => {
    const byNumber = await client.request<SymbolInformation[]>('workspace/symbol', { query: '369A' });
    assert.equal(byNumber[0]!.location.uri, ppc);
    assert.match(byNumber[0]!.name, /PPC s\.369A/);
    const byWords = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'trafficking' });
    const names = byWords.map((s) => s.name);
    assert.ok(names.includes('PTPA s.3 Trafficking in persons'), names.join('; '));
    assert.ok(names.some((n) => n.startsWith('PPC s.369A')));
    const qualified = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'PTPA 6' });
    assert.equal(qualified[0]!.name, 'PTPA s.6 Victims of trafficking in persons');
  });

  it('completion: provisions after "section ", instruments after "of the ", defined terms', async () => {
    const text = [
      '---',
      'id: zz/scratch',
      'title: Scratch Act, 2030',
      'kind: act',
      'jurisdiction: PK',
      'year: 2030',
      '---',
      '',
      '## 1. Definitions',
      'In this Act,—',
      '(a) "vessel" means a boat;',
      '(b) "owner" means the owner of a vessel.',
      '',
      '## 2. Offence',
      'Whoever does what section ',
      'forbids, or section  of the Pakistan Penal Code forbids, or what is an offence under the ',
      'shall be punished with imprisonment which may extend to one year. The ves',
    ].join('\n');
    await client.open(SCRATCH, text);
    try {
      const own = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: SCRATCH }, position: positionOf(text, 'what section ', 'what section '.length) });
      assert.deepEqual(own.map((i) => i.label), ['1', '2']);
      assert.equal(own[0]!.detail, 'Definitions');
      const other = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: SCRATCH }, position: positionOf(text, 'or section  of', 'or section '.length) });
      assert.ok(other.some((i) => i.label === '369A' && /Trafficking of human beings/.test(String(i.detail))), other.map((i) => i.label).join(','));
      const instruments = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: SCRATCH }, position: positionOf(text, 'offence under the ', 'offence under the '.length) });
      assert.ok(!instruments.some((i) => i.kind === 9), 'no instruments after "under the"');
      const ofThe = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: SCRATCH }, position: positionOf(text, 'section  of the ', 'section  of the '.length) });
      assert.ok(ofThe.some((i) => i.label === 'Pakistan Penal Code'));
      assert.ok(ofThe.some((i) => i.label === 'Prevention of Trafficking in Persons Act, 2018'));
      const terms = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: SCRATCH }, position: positionOf(text, 'The ves', 'The ves'.length) });
      assert.deepEqual(terms.map((i) => i.label).sort(), ['owner', 'vessel']);
      // A space typed in prose asks for nothing; after "section " it does.
      const space = { triggerKind: 2, triggerCharacter: ' ' };
      assert.deepEqual(await client.request('textDocument/completion', { textDocument: { uri: SCRATCH }, position: positionOf(text, 'The ves', 'The '.length), context: space }), []);
      const afterSection = await client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: SCRATCH }, position: positionOf(text, 'what section ', 'what section '.length), context: space });
      assert.equal(afterSection.length, 2);
      assert.equal((terms.find((i) => i.label === 'vessel')!.textEdit as { range: { start: { character: number } } }).range.start.character, positionOf(text, 'The ves', 4).character);
    } finally {
      await client.close(SCRATCH);
    }
  });

  it('rename "victim" in the PTPA renames the definition and every use, plurals included', async () => {
    const prep = await client.request<{ range: unknown; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'A victim shall not', 3) });
    assert.equal(prep.placeholder, 'victim');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'A victim shall not', 3), newName: 'survivor' });
    const edits = edit.changes![ptpa]!;
    const uses = (ptpaText.match(/\bvictims?\b/gi) ?? []).length;
    // Every whole-word victim(s) outside comments and front matter, and the definition.
    const inComments = ((ptpaText.match(/<!--[\s\S]*?-->/g) ?? []).join(' ').match(/\bvictims?\b/gi) ?? []).length;
    assert.equal(edits.length, uses - inComments);
    const after = applyEdits(ptpaText, edits);
    assert.match(after, /\(g\) "survivor" means a person against whom/);
    assert.match(after, /A survivor shall not be criminally liable/);
    assert.match(after, /dangers to survivors/);
    assert.doesNotMatch(after.replace(/<!--[\s\S]*?-->/g, ''), /\bvictims?\b/i);
  });

  it('rename refuses what is not a defined term', async () => {
    await assert.rejects(
      client.request('textDocument/prepareRename', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'It extends to the whole of Pakistan', 4) }),
      /Only a defined term can be renamed/,
    );
  });

  it('folding: provisions, sub-sections and comments', async () => {
    const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: ptpa } });
    const s3 = lineOf(ptpaText, '## 3. Trafficking in persons');
    assert.ok(folds.some((f) => f.startLine === s3 && f.endLine > s3 + 2 && f.endLine < lineOf(ptpaText, '## 4.')));
    assert.ok(folds.some((f) => f.kind === 'comment' && f.startLine === lineOf(ptpaText, '<!-- Sources')));
    assert.ok(folds.some((f) => f.kind === 'imports' && f.startLine === 0));
  });

  it('document links: a reference to another file links to it at the cited line', async () => {
    const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: ptpa } });
    const l = links.find((x) => x.range.start.line === lineOf(ptpaText, 'Section 369A of the Pakistan Penal Code'))!;
    assert.ok(l, JSON.stringify(links));
    assert.equal(l.target, `${ppc}#L${lineOf(ppcText, '#### 369A.') + 1}`);
    assert.ok(links.every((x) => !x.target!.startsWith(ptpa + '#')), 'no links to the same file');
  });

  it('code lens: "cited by N" on each provision', async () => {
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: ppc } });
    const l369 = lenses.find((l) => l.range.start.line === lineOf(ppcText, '#### 369A.'))!;
    assert.equal(l369.command!.title, 'cited by 1');
    assert.equal(l369.command!.command, 'lawmark.showReferences');
    const ptpaLenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: ptpa } });
    assert.equal(ptpaLenses.length, 16);
    const s3 = ptpaLenses.find((l) => l.range.start.line === lineOf(ptpaText, '## 3. Trafficking'))!;
    assert.ok(Number(/^cited by (\d+)$/.exec(s3.command!.title)?.[1]) >= 3, s3.command!.title);
  });

  it('quick fixes: a broken reference to a near match, and a suppression comment', async () => {
    const text = ['---', 'id: zz/scratch', 'title: Scratch Act, 2030', 'kind: act', 'jurisdiction: PK', 'year: 2030', '---', '', '## 1. Offence', 'An offence under section 61 of the Prevention of Trafficking in Persons Act, 2018 is an offence under this Act.', ''].join('\n');
    await client.open(SCRATCH, text);
    try {
      const diags = await client.diagnosticsFor(SCRATCH, (d) => d.some((x) => x.code === 'broken-reference'), 'a broken-reference');
      const broken = diags.find((d) => d.code === 'broken-reference')!;
      const data = broken.data as { suggestions: string[]; instrument: string; fixes: unknown[] };
      assert.deepEqual(data.suggestions, ['16']);
      assert.equal(data.instrument, 'pk/ptpa-2018');
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: SCRATCH }, range: broken.range, context: { diagnostics: [broken] } });
      const fix = actions.find((a) => /Change 61 to PTPA s\.16 \(Repeal\)/.test(a.title))!;
      assert.ok(fix, actions.map((a) => a.title).join('; '));
      assert.equal(fix.kind, 'quickfix');
      assert.match(applyEdits(text, fix.edit!.changes![SCRATCH]!), /section 16 of the Prevention of Trafficking/);
      const suppress = actions.find((a) => /Suppress broken-reference/.test(a.title))!;
      const suppressed = applyEdits(text, suppress.edit!.changes![SCRATCH]!);
      assert.match(suppressed, /<!-- lawmark-disable-next-line broken-reference -- reason: … -->\nAn offence under section 61/);
      // Applying the suppression silences the finding.
      await client.change(SCRATCH, suppressed);
      await client.nextDiagnostics(SCRATCH, (d) => !d.some((x) => x.code === 'broken-reference'), 'the suppressed finding gone');
    } finally {
      await client.close(SCRATCH);
    }
  });

  it('custom requests: lawmark/provisions, lawmark/status, lawmark/consolidate', async () => {
    const provisions = await client.request<Array<{ id: string; address: string; heading: string; uri: string; range: { start: { line: number } } }>>('lawmark/provisions', {});
    const p = provisions.find((x) => x.id === 'pk/ppc-1860' && x.address === '369A')!;
    assert.equal(p.uri, ppc);
    assert.equal(p.range.start.line, lineOf(ppcText, '#### 369A.'));
    assert.ok(provisions.length > 60);
    const status = await client.request<{ files: number; provisions: number; errors: number; warnings: number }>('lawmark/status', {});
    const files = fs.readdirSync(CORPUS, { recursive: true }).filter((f) => String(f).endsWith('.law.md')).length;
    assert.equal(status.files, files);
    assert.equal(status.provisions, provisions.length);
    const bill = uriOf(path.join(CORPUS, 'bills', 'ptpa-amendment-bill.law.md'));
    try {
      const targets = await client.request<Array<{ target: string; before: string; after: string }>>('lawmark/consolidate', { uri: bill });
      assert.ok(Array.isArray(targets) && targets.length >= 1);
      assert.ok(targets.every((t) => typeof t.before === 'string' && typeof t.after === 'string'));
      assert.notEqual(targets[0]!.before, targets[0]!.after);
      // Before is the Act as it stands (even after a hover in the bill has built its scenario).
      assert.equal(targets[0]!.before, ptpaText);
      assert.equal((targets[0]!.after.match(/"structured group" means/g) ?? []).length, 1);
    } catch (e) {
      assert.match((e as Error).message, /consolidation is not available/);
    }
    await assert.rejects(client.request('lawmark/consolidate', { uri: ptpa }), /not a bill/);
  });

  it('never dies: bad uris, bad positions and garbage text get answers', async () => {
    await assert.rejects(client.request('textDocument/hover', { textDocument: { uri: 'file:///nowhere/at/all.law.md' }, position: { line: 0, character: 0 } }), /not a file of the Lawmark workspace/);
    await assert.rejects(client.request('textDocument/hover', { textDocument: { uri: 'not a uri' }, position: { line: 0, character: 0 } }));
    await assert.rejects(client.request('textDocument/definition', { textDocument: { uri: ptpa } }), /no valid position/);
    await assert.rejects(client.request('textDocument/hover', null));
    // Positions past the end are clamped, not fatal.
    assert.equal(await client.request('textDocument/hover', { textDocument: { uri: ptpa }, position: { line: 99999, character: 99999 } }), null);
    // Garbage in an editor buffer: diagnostics, not a crash.
    const garbage = '\u0000\u0001---\n:::: {{{ ]]] \uFFFD\uFFFD ## 3. ( ( ( "x" means\n' + 'section '.repeat(2000) + '\n## \n### 1A.\n(a)(b)(c)\n';
    await client.open(SCRATCH, '---\nid: zz/ok\ntitle: Ok\nkind: act\njurisdiction: PK\nyear: 2030\n---\n');
    await client.diagnosticsFor(SCRATCH);
    await client.change(SCRATCH, garbage);
    const d = await client.nextDiagnostics(SCRATCH, (x) => x.length > 0, 'diagnostics on garbage');
    assert.ok(d.some((x) => x.code === 'frontmatter-invalid'));
    await client.change(SCRATCH, '---\nid: [unclosed\n---\n## 1. A\n(1) section 99 of this Act');
    await client.nextDiagnostics(SCRATCH, (x) => x.some((y) => y.code === 'frontmatter-invalid'), 'diagnostics on broken YAML');
    for (const method of ['textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeLens', 'textDocument/documentLink']) {
      await client.request(method, { textDocument: { uri: SCRATCH } });
    }
    await client.request('textDocument/hover', { textDocument: { uri: SCRATCH }, position: { line: 4, character: 5 } });
    await client.request('textDocument/completion', { textDocument: { uri: SCRATCH }, position: { line: 4, character: 10 } });
    await client.close(SCRATCH);
    // Still answering.
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'Section 369A of the Pakistan Penal Code', 10) });
    assert.match(hoverText(h as Hover), /Omitted by/);
    assert.equal(client.exited, null);
  });

  it('the editor text wins over the disk, and closing goes back to the disk', async () => {
    const edited = ptpaText.replace('Where an offence under section 3 involves', 'Where an offence under section 33 involves');
    await client.open(ptpa, edited);
    const d = await client.nextDiagnostics(ptpa, (x) => x.some((y) => y.code === 'broken-reference'), 'a broken reference in the unsaved text');
    assert.match(messageOf(d.find((y) => y.code === 'broken-reference')!), /section 33/);
    await client.close(ptpa);
    await client.nextDiagnostics(ptpa, (x) => !x.some((y) => y.code === 'broken-reference'), 'the text on disk again');
  });
});

describe('language server settings', function () {
  this.timeout(30000);

  it('merges lawmark.* settings over lawmark.config.json; a change clears and refreshes', async () => {
    let settings: unknown = { severity: { 'unknown-instrument': 'off' }, include: [], exclude: [], childAge: null, trace: 'off' };
    const client = await LspClient.start({ settings: () => settings });
    try {
      await client.open(SCRATCH, SCRATCH_TEXT);
      const first = await client.diagnosticsFor(SCRATCH, (d) => d.some((x) => x.code === 'broken-reference'));
      assert.ok(!first.some((d) => d.code === 'unknown-instrument'), 'unknown-instrument is off');
      settings = { severity: { 'unknown-instrument': 'error' }, exclude: ['bills/**'] };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const again = await client.nextDiagnostics(SCRATCH, (d) => d.some((x) => x.code === 'unknown-instrument'), 'unknown-instrument back, as an error');
      assert.equal(again.find((x) => x.code === 'unknown-instrument')!.severity, 1);
      const status = await client.request<{ files: number }>('lawmark/status', {});
      const all = fs.readdirSync(CORPUS, { recursive: true }).map(String).filter((f) => f.endsWith('.law.md'));
      assert.equal(status.files, all.filter((f) => !f.startsWith('bills')).length + 1, 'bills/ excluded; the open scratch file counts');
      // A bad setting is reported and leaves the file's configuration in force.
      settings = { severity: { 'no-such-check': 'error' } };
      await client.notify('workspace/didChangeConfiguration', { settings: null });
      const restored = await client.nextDiagnostics(SCRATCH, (d) => d.some((x) => x.code === 'unknown-instrument' && x.severity === 3), 'the default severity again');
      assert.ok(restored.length > 0);
      assert.ok(client.logs.some((l) => /no-such-check/.test(l)), client.logs.join('\n'));
    } finally {
      await client.stop();
    }
  });

  it('a client without workspace/configuration can push settings', async () => {
    const client = await LspClient.start();
    try {
      await client.open(SCRATCH, SCRATCH_TEXT);
      await client.diagnosticsFor(SCRATCH, (d) => d.some((x) => x.code === 'unknown-instrument'));
      await client.notify('workspace/didChangeConfiguration', { settings: { lawmark: { severity: { 'unknown-instrument': 'off' } } } });
      await client.nextDiagnostics(SCRATCH, (d) => !d.some((x) => x.code === 'unknown-instrument') && d.some((x) => x.code === 'broken-reference'), 'unknown-instrument off');
    } finally {
      await client.stop();
    }
  });
});

describe('language server start-up', function () {
  this.timeout(30000);

  it('answers requests that arrive before the workspace is read', async () => {
    const client = await LspClient.start({ holdInitialized: true });
    try {
      // Sent before `initialized`: answered once the corpus is read, not dropped or failed.
      const hover = client.request<Hover>('textDocument/hover', { textDocument: { uri: ptpa }, position: positionOf(ptpaText, 'Section 369A of the Pakistan Penal Code', 10) });
      const symbols = client.request<SymbolInformation[]>('workspace/symbol', { query: '369A' });
      await client.notify('initialized', {});
      assert.match(hoverText(await hover), /Omitted by/);
      assert.ok((await symbols).length > 0);
    } finally {
      await client.stop();
    }
  });
});

describe('language server cancellation', function () {
  this.timeout(30000);

  it('answers RequestCancelled to a request cancelled before it ran, and goes on', async () => {
    const client = await LspClient.start();
    try {
      await client.diagnosticsFor(ptpa);
      const frame = (m: object) => {
        const body = JSON.stringify({ jsonrpc: '2.0', ...m });
        return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
      };
      let out = '';
      const answered = new Promise<string>((resolve) => {
        const onData = (b: Buffer) => {
          out += b.toString();
          const m = /\{[^{}]*"id":"cancel-1"[^{}]*(?:\{[^{}]*\}[^{}]*)?\}/.exec(out);
          if (m) {
            client.proc.stdout!.off('data', onData);
            resolve(m[0]);
          }
        };
        client.proc.stdout!.on('data', onData);
      });
      // The request and its cancellation in one write: the server reads both before it runs the request.
      client.proc.stdin!.write(frame({ id: 'cancel-1', method: 'workspace/symbol', params: { query: 'trafficking' } }) + frame({ method: '$/cancelRequest', params: { id: 'cancel-1' } }));
      const response = JSON.parse(await answered) as { error?: { code: number } };
      assert.equal(response.error?.code, -32800, JSON.stringify(response));
      const again = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'trafficking' });
      assert.ok(again.length > 0);
    } finally {
      await client.stop();
    }
  });
});

describe('language server and the disk', function () {
  this.timeout(30000);

  it('files created, changed and deleted on disk, and lawmark.config.json, refresh the diagnostics', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lawmark-lsp-disk-'));
    fs.mkdirSync(path.join(dir, 'pk'));
    fs.copyFileSync(PTPA, path.join(dir, 'pk', 'ptpa-2018.law.md'));
    const client = await LspClient.start({ folder: dir });
    try {
      const file = path.join(dir, 'new.law.md');
      const uri = uriOf(file);
      await client.diagnosticsFor(uriOf(path.join(dir, 'pk', 'ptpa-2018.law.md')));
      fs.writeFileSync(file, SCRATCH_TEXT);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
      await client.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'broken-reference'), 'a new file on disk checked');
      fs.writeFileSync(file, SCRATCH_TEXT.replace('section 61 of', 'section 16 of'));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      await client.nextDiagnostics(uri, (d) => !d.some((x) => x.code === 'broken-reference') && d.some((x) => x.code === 'unknown-instrument'), 'the change on disk seen');
      fs.writeFileSync(path.join(dir, 'lawmark.config.json'), JSON.stringify({ severity: { 'unknown-instrument': 'error' } }));
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'lawmark.config.json')), type: 1 }] });
      await client.nextDiagnostics(uri, (d) => d.some((x) => x.code === 'unknown-instrument' && x.severity === 1), 'the configuration file applied');
      fs.writeFileSync(path.join(dir, 'lawmark.config.json'), '{ "severity": { "unknown-instrument": "loud" } }');
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'lawmark.config.json')), type: 2 }] });
      const bad = await client.diagnosticsFor(uriOf(path.join(dir, 'lawmark.config.json')), (d) => d.some((x) => x.code === 'config-invalid'), 'config-invalid on the file');
      assert.match(messageOf(bad[0]!), /severity\.unknown-instrument/);
      fs.rmSync(file);
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
      await client.nextDiagnostics(uri, (d) => d.length === 0, 'a deleted file cleared');
    } finally {
      await client.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
