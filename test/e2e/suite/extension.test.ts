// Drives the extension's providers and commands through VS Code's own API, in a workspace
// that is a scratch copy of corpus/ plus zz-e2e-broken.law.md (a broken reference) and
// zz-e2e-open.law.md (an instrument outside the corpus), made by
// test/e2e/run.mjs. Nothing sleeps: diagnostics are awaited through onDidChangeDiagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LawmarkApi } from '../../../client/src/extension';

const folder = () => {
  const f = vscode.workspace.workspaceFolders?.[0];
  if (!f) throw new Error('the tests need the scratch workspace folder open');
  return f.uri;
};
const file = (...parts: string[]) => vscode.Uri.joinPath(folder(), ...parts);
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** The diagnostics of a uri once they satisfy `pred` (now or after a later change). */
function diagnostics(uri: vscode.Uri, pred: (d: vscode.Diagnostic[]) => boolean, what: string, timeout = 60000): Promise<vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (pred(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what} on ${uri.toString()}; have: ${vscode.languages.getDiagnostics(uri).map(codeOf).join(', ')}`));
    }, timeout);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (pred(d)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
  });
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in ${doc.uri.toString()}`);
  return doc.positionAt(at + delta);
}

const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');

describe('Lawmark in VS Code', () => {
  let api: LawmarkApi;
  let ptpa: vscode.TextDocument;
  let ppc: vscode.TextDocument;

  before(async () => {
    const ext = vscode.extensions.getExtension<LawmarkApi>('lawmark.lawmark');
    assert.ok(ext, 'the extension lawmark.lawmark is installed');
    ptpa = await vscode.workspace.openTextDocument(file('pk', 'ptpa-2018.law.md'));
    await vscode.window.showTextDocument(ptpa);
    api = await ext.activate();
    await api.ready;
    ppc = await vscode.workspace.openTextDocument(file('pk', 'ppc-1860.law.md'));
  });

  it('gives *.law.md files the language lawmark', () => {
    assert.equal(ptpa.languageId, 'lawmark');
  });

  it('shows diagnostics of an open file, with code and documentation link', async () => {
    const open = await vscode.workspace.openTextDocument(file('zz-e2e-open.law.md'));
    const d = await diagnostics(open.uri, (x) => x.some((y) => codeOf(y) === 'unknown-instrument'), 'unknown-instrument');
    const u = d.find((y) => codeOf(y) === 'unknown-instrument')!;
    assert.match(u.message, /Imaginary Fisheries Act, 1999/);
    assert.equal(u.source, 'lawmark');
    assert.equal(u.severity, vscode.DiagnosticSeverity.Information);
    assert.match(String((u.code as { target: vscode.Uri }).target), /checks\.md#unknown-instrument/);
  });

  it('shows diagnostics of a file that is not open (a broken reference), with related information', async () => {
    const broken = file('zz-e2e-broken.law.md');
    const d = await diagnostics(broken, (x) => x.some((y) => codeOf(y) === 'broken-reference'), 'broken-reference');
    const b = d.find((y) => codeOf(y) === 'broken-reference')!;
    assert.equal(b.severity, vscode.DiagnosticSeverity.Error);
    assert.match(b.message, /section 61 of the Prevention of Trafficking in Persons Act, 2018/);
    assert.ok(b.relatedInformation?.some((r) => r.location.uri.path.endsWith('ptpa-2018.law.md')));
  });

  it('hover on "Section 369A of the Pakistan Penal Code" shows that provision', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ptpa.uri, positionOf(ptpa, 'Section 369A of the Pakistan Penal Code', 10));
    const text = hoverText(hovers);
    assert.match(text, /Pakistan Penal Code/);
    assert.match(text, /Omitted by section 16\(3\) of the Prevention of Trafficking in Persons Act, 2018/);
  });

  it('hover on a defined term shows its definition and scope', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', ptpa.uri, positionOf(ptpa, 'A victim shall not', 3));
    assert.match(hoverText(hovers), /"victim".*defined in PTPA s\.2\(g\)/s);
  });

  it('go to definition: PTPA s.16(3) → PPC s.369A', async () => {
    const defs = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', ptpa.uri, positionOf(ptpa, 'Section 369A', 9));
    assert.equal(defs.length, 1);
    const d = defs[0]!;
    const uri = 'targetUri' in d ? d.targetUri : d.uri;
    const range = 'targetSelectionRange' in d ? d.targetSelectionRange! : (d as vscode.Location).range;
    assert.ok(uri.path.endsWith('ppc-1860.law.md'));
    assert.equal(range.start.line, positionOf(ppc, '#### 369A.').line);
  });

  it('find references: PPC s.369A is cited by PTPA s.16(3)', async () => {
    const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', ppc.uri, positionOf(ppc, '#### 369A.', 6));
    assert.ok(refs.some((r) => r.uri.path.endsWith('ptpa-2018.law.md') && r.range.start.line === positionOf(ptpa, 'Section 369A').line));
  });

  it('document symbols: the outline of the PPC', async () => {
    const syms = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', ppc.uri);
    assert.match(syms[0]!.name, /Chapter XVI/);
    const provisions = syms[0]!.children[0]!.children.map((s) => s.name);
    assert.ok(provisions.includes('369A. [Trafficking of human beings] Omitted'), provisions.join('; '));
  });

  it('workspace symbols: 369A and trafficking', async () => {
    const byNumber = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '369A');
    assert.ok(byNumber.some((s) => s.name.startsWith('PPC s.369A')));
    const byWords = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'trafficking');
    assert.ok(byWords.some((s) => s.name === 'PTPA s.3 Trafficking in persons'));
  });

  it('completion: the provisions of the PPC after "section "', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'lawmark', content: '---\nid: zz/untitled\ntitle: Untitled Act, 2031\nkind: act\njurisdiction: PK\nyear: 2031\n---\n\n## 1. Offence\nAn offence under section  of the Pakistan Penal Code.\n' });
    await diagnostics(doc.uri, () => true, 'a first publish');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, positionOf(doc, 'section  of', 'section '.length));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('369A'), labels.join(','));
  });

  it('rename a defined term across its scope', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', ptpa.uri, positionOf(ptpa, 'A victim shall not', 3), 'survivor');
    const edits = edit.get(ptpa.uri);
    assert.ok(edits.length >= 20, `${edits.length} edits`);
    assert.ok(edits.some((e) => e.newText === 'survivors'));
  });

  it('code lens, folding and document links', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', ppc.uri);
    const l = lenses.find((x) => x.range.start.line === positionOf(ppc, '#### 369A.').line);
    assert.equal(l?.command?.title, 'cited by 1');
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', ptpa.uri);
    assert.ok(folds.some((f) => f.start === positionOf(ptpa, '## 3. Trafficking').line));
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', ptpa.uri);
    assert.ok(links.some((x) => x.target?.path.endsWith('ppc-1860.law.md')));
  });

  it('quick fixes for a broken reference: the near match and a suppression', async () => {
    const broken = file('zz-e2e-broken.law.md');
    // Code actions need the document open in the editor.
    await vscode.workspace.openTextDocument(broken);
    const d = (await diagnostics(broken, (x) => x.some((y) => codeOf(y) === 'broken-reference'), 'broken-reference')).find((y) => codeOf(y) === 'broken-reference')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', broken, d.range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /Change 61 to PTPA s\.16/.test(t)), titles.join('; '));
    assert.ok(titles.some((t) => /Suppress broken-reference/.test(t)), titles.join('; '));
  });

  it('Go to provision… opens the provision', async () => {
    const r = await vscode.commands.executeCommand<{ uri: string; line: number }>('lawmark.goToProvision', 'PPC s.369A');
    assert.ok(r.uri.endsWith('ppc-1860.law.md'));
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('ppc-1860.law.md'));
    assert.equal(editor.selection.active.line, positionOf(ppc, '#### 369A.').line);
  });

  it('Show bill as amended: a diff of each target, or the reason it cannot', async () => {
    const bill = file('bills', 'ptpa-amendment-bill.law.md');
    const r = await vscode.commands.executeCommand<{ targets?: Array<{ target: string; before: string; after: string }>; error?: string }>('lawmark.showBillAsAmended', bill);
    if (r.error) {
      assert.match(r.error, /consolidation is not available/);
      return;
    }
    assert.ok(r.targets && r.targets.length >= 1);
    const after = r.targets[0]!.after;
    assert.ok(vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.toString() === after)));
    const text = api.consolidatedText(vscode.Uri.parse(after))!;
    assert.match(text, /16A/);
    assert.equal((text.match(/"structured group" means/g) ?? []).length, 1);
    const before = api.consolidatedText(vscode.Uri.parse(r.targets[0]!.before))!;
    assert.doesNotMatch(before, /"structured group" means/);
  });

  it('Show consolidated text: the as-amended side alone, or the reason it cannot', async () => {
    const bill = file('bills', 'ptpa-amendment-bill.law.md');
    const r = await vscode.commands.executeCommand<{ targets?: Array<{ after: string }>; error?: string }>('lawmark.showConsolidatedText', bill);
    if (r.error) {
      assert.match(r.error, /consolidation is not available/);
      return;
    }
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), r.targets![0]!.after);
  });

  it('the status bar reports the corpus size and the findings', async () => {
    const files = (await vscode.workspace.findFiles('**/*.law.md')).length;
    const s = api.status();
    assert.ok(s, 'a status arrived');
    assert.ok(s!.files >= files, `${s!.files} files in the corpus, ${files} on disk`);
    assert.ok(s!.provisions > 60);
    assert.ok(s!.errors >= 1, 'the broken reference is an error');
  });

  it('colours provision numbers, defined terms, references and penalties (TextMate grammar)', async function () {
    await vscode.window.showTextDocument(ptpa);
    let tokens: Array<{ c: string; t: string }> | undefined;
    try {
      tokens = await vscode.commands.executeCommand<Array<{ c: string; t: string }>>('_workbench.captureSyntaxTokens', ptpa.uri);
    } catch {
      tokens = undefined;
    }
    if (!tokens || tokens.length === 0) this.skip();
    const scopeOf = (text: string) => tokens!.find((x) => x.c === text)?.t ?? '';
    assert.match(scopeOf('369A'), /constant\.numeric\.reference\.lawmark/);
    assert.match(scopeOf('child'), /entity\.name\.type\.defined-term\.lawmark/);
    assert.match(scopeOf('shall be punished'), /keyword\.control\.penalty\.lawmark/);
    assert.match(scopeOf('1'), /constant\.numeric\.provision-number\.lawmark/);
  });

  it('a change of settings clears and refreshes the findings', async () => {
    const broken = file('zz-e2e-broken.law.md');
    const config = vscode.workspace.getConfiguration('lawmark', folder());
    await config.update('severity', { 'broken-reference': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnostics(broken, (x) => !x.some((y) => codeOf(y) === 'broken-reference'), 'broken-reference off');
    } finally {
      await config.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnostics(broken, (x) => x.some((y) => codeOf(y) === 'broken-reference'), 'broken-reference back');
  });

  it('the editor text wins over the disk', async () => {
    const editor = await vscode.window.showTextDocument(ptpa);
    const at = positionOf(ptpa, 'Where an offence under section 3 involves', 'Where an offence under section 3'.length);
    await editor.edit((b) => b.insert(at, '3'));
    try {
      await diagnostics(ptpa.uri, (x) => x.some((y) => codeOf(y) === 'broken-reference' && /section 33/.test(y.message)), 'a broken reference in unsaved text');
    } finally {
      await vscode.commands.executeCommand('undo');
    }
    await diagnostics(ptpa.uri, (x) => !x.some((y) => codeOf(y) === 'broken-reference'), 'the broken reference gone');
  });
});
