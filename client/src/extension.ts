// The VS Code extension: starts the Lawmark language server and registers the editor's
// commands, the status bar item and the output channel. No analysis happens here: every
// answer comes from the server (LSP, and the lawmark/* requests of server/src/lsp/protocol.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, Trace, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import {
  CONSOLIDATE_REQUEST,
  PROVISIONS_REQUEST,
  SHOW_REFERENCES_COMMAND,
  STATUS_NOTIFICATION,
  STATUS_REQUEST,
  type ConsolidatedTarget,
  type InitializationOptions,
  type LspPosition,
  type ProvisionItem,
  type StatusResult,
} from '../../server/src/lsp/protocol';

export const CONSOLIDATED_SCHEME = 'lawmark-consolidated';

/** What the extension gives back to whoever activates it (the extension-host tests). */
export interface LawmarkApi {
  /** Resolves once the language server has started. */
  ready: Promise<void>;
  client(): LanguageClient | undefined;
  /** The last status the server reported. */
  status(): StatusResult | undefined;
  /** The text of a `lawmark-consolidated:` document. */
  consolidatedText(uri: vscode.Uri): string | undefined;
}

let client: LanguageClient | undefined;
let lastStatus: StatusResult | undefined;

/** Virtual documents for consolidated texts: `lawmark-consolidated:/<bill>/<target>/before.law.md`. */
class ConsolidatedDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.emitter.fire(uri);
  }
  get(uri: vscode.Uri): string | undefined {
    return this.texts.get(uri.toString());
  }
  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<LawmarkApi> {
  const output = vscode.window.createOutputChannel('Lawmark', { log: true });
  context.subscriptions.push(output);
  const consolidated = new ConsolidatedDocuments();
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(CONSOLIDATED_SCHEME, consolidated));

  const statusItem = vscode.window.createStatusBarItem('lawmark.status', vscode.StatusBarAlignment.Left, 10);
  statusItem.name = 'Lawmark';
  statusItem.text = '$(loading~spin) Lawmark';
  statusItem.tooltip = 'Lawmark: reading the corpus…';
  statusItem.command = 'workbench.actions.view.problems';
  statusItem.show();
  context.subscriptions.push(statusItem);
  const showStatus = (s: StatusResult) => {
    lastStatus = s;
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    statusItem.text = `$(law) Lawmark: ${plural(s.files, 'file')} · ${plural(s.errors, 'error')} · ${plural(s.warnings, 'warning')}`;
    statusItem.tooltip = `Lawmark corpus: ${plural(s.files, 'file')}, ${plural(s.provisions, 'provision')}; ${plural(s.errors, 'error')} and ${plural(s.warnings, 'warning')}. Click to open the Problems panel.`;
  };

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: InitializationOptions = { clientWatchesFiles: true };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'lawmark' },
      { scheme: 'untitled', language: 'lawmark' },
    ],
    synchronize: {
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.law.md'), vscode.workspace.createFileSystemWatcher('**/lawmark.config.json')],
    },
    initializationOptions,
    outputChannel: output,
    traceOutputChannel: output,
  };

  const traceSetting = () => Trace.fromString(vscode.workspace.getConfiguration('lawmark').get<string>('trace', 'off'));

  const start = async () => {
    client = new LanguageClient('lawmark', 'Lawmark', serverOptions, clientOptions);
    client.onDidChangeState((e) => {
      if (e.newState === State.Stopped) {
        statusItem.text = '$(error) Lawmark';
        statusItem.tooltip = 'The Lawmark language server has stopped; run "Lawmark: Restart the language server".';
      }
    });
    await client.start();
    await client.setTrace(traceSetting());
    context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, (s: StatusResult) => showStatus(s)));
    try {
      showStatus(await client.sendRequest<StatusResult>(STATUS_REQUEST, {}));
    } catch (e) {
      output.warn(`status: ${(e as Error).message}`);
    }
  };

  const ready = start().catch((e) => {
    output.error(`The Lawmark language server did not start: ${(e as Error).message}`);
    statusItem.text = '$(error) Lawmark';
    throw e;
  });

  const need = async (): Promise<LanguageClient> => {
    await ready;
    if (!client) throw new Error('the Lawmark language server is not running');
    return client;
  };

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('lawmark.trace') && client) await client.setTrace(traceSetting());
    }),
  );

  /** The bill a command works on: its argument, else the active editor's document. */
  const billUri = (arg?: unknown): vscode.Uri | undefined => {
    if (arg instanceof vscode.Uri) return arg;
    if (typeof arg === 'string') return vscode.Uri.parse(arg);
    return vscode.window.activeTextEditor?.document.uri;
  };

  const consolidate = async (arg?: unknown): Promise<{ targets?: Array<{ target: string; before: vscode.Uri; after: vscode.Uri }>; error?: string }> => {
    const uri = billUri(arg);
    if (!uri) {
      const error = 'Lawmark: open a bill (a .law.md file with kind: bill) first.';
      void vscode.window.showErrorMessage(error);
      return { error };
    }
    let targets: ConsolidatedTarget[];
    try {
      const c = await need();
      targets = await c.sendRequest<ConsolidatedTarget[]>(CONSOLIDATE_REQUEST, { uri: uri.toString() });
    } catch (e) {
      const message = (e as Error).message.replace(/^Lawmark:\s*/, '');
      const error = `Lawmark: ${message}`;
      output.error(`consolidate ${uri.toString()}: ${message}`);
      void vscode.window.showErrorMessage(error);
      return { error };
    }
    const bill = path.posix.basename(uri.path).replace(/\.law\.md$/, '');
    const out: Array<{ target: string; before: vscode.Uri; after: vscode.Uri }> = [];
    for (const t of targets) {
      const slug = t.target.replace(/[^A-Za-z0-9._-]+/g, '-');
      const before = vscode.Uri.from({ scheme: CONSOLIDATED_SCHEME, path: `/${bill}/${slug}/before.law.md` });
      const after = vscode.Uri.from({ scheme: CONSOLIDATED_SCHEME, path: `/${bill}/${slug}/as-amended.law.md` });
      consolidated.set(before, t.before);
      consolidated.set(after, t.after);
      out.push({ target: t.target, before, after });
    }
    if (out.length === 0) void vscode.window.showInformationMessage('Lawmark: this bill changes nothing that could be applied.');
    return { targets: out };
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('lawmark.showBillAsAmended', async (arg?: unknown) => {
      const r = await consolidate(arg);
      for (const t of r.targets ?? []) {
        await vscode.commands.executeCommand('vscode.diff', t.before, t.after, `${t.target}: before ↔ as amended`, { preview: false });
      }
      return r.error ? { error: r.error } : { targets: (r.targets ?? []).map((t) => ({ target: t.target, before: t.before.toString(), after: t.after.toString() })) };
    }),
    vscode.commands.registerCommand('lawmark.showConsolidatedText', async (arg?: unknown) => {
      const r = await consolidate(arg);
      for (const t of r.targets ?? []) {
        const doc = await vscode.workspace.openTextDocument(t.after);
        await vscode.languages.setTextDocumentLanguage(doc, 'lawmark').then(undefined, () => doc);
        await vscode.window.showTextDocument(doc, { preview: false });
      }
      return r.error ? { error: r.error } : { targets: (r.targets ?? []).map((t) => ({ target: t.target, after: t.after.toString() })) };
    }),
    vscode.commands.registerCommand('lawmark.goToProvision', async (query?: string) => {
      const c = await need();
      const items = await c.sendRequest<ProvisionItem[]>(PROVISIONS_REQUEST, {});
      type Pick = vscode.QuickPickItem & { item: ProvisionItem };
      const picks: Pick[] = items.map((p) => ({ label: p.cite, description: p.heading, detail: p.title, item: p }));
      const chosen =
        typeof query === 'string'
          ? picks.find((p) => p.label === query || `${p.item.id} ${p.item.address}` === query)
          : await vscode.window.showQuickPick(picks, { placeHolder: 'Go to provision: type a number (369A) or words of its heading', matchOnDescription: true, matchOnDetail: true });
      if (!chosen) return undefined;
      const uri = vscode.Uri.parse(chosen.item.uri);
      const r = chosen.item.range;
      const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
      await vscode.window.showTextDocument(uri, { selection: new vscode.Range(range.start, range.start) });
      return { uri: chosen.item.uri, line: r.start.line };
    }),
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, async (uri: string, position: LspPosition, locations: Array<{ uri: string; range: { start: LspPosition; end: LspPosition } }>) => {
      const c = await need();
      const conv = c.protocol2CodeConverter;
      await vscode.commands.executeCommand(
        'editor.action.showReferences',
        vscode.Uri.parse(uri),
        conv.asPosition(position),
        locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), conv.asRange(l.range))),
      );
    }),
    vscode.commands.registerCommand('lawmark.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('lawmark.restartServer', async () => {
      try {
        await client?.stop();
      } catch {
        // already stopped
      }
      client?.dispose();
      await start();
    }),
  );

  return {
    ready: ready.then(() => undefined),
    client: () => client,
    status: () => lastStatus,
    consolidatedText: (uri) => consolidated.get(uri),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
