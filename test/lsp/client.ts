// A small LSP client for the tests: spawns the BUILT server (`node dist/server.js --stdio`)
// and talks JSON-RPC over its stdio. Nothing sleeps: tests await responses and the
// notifications they expect (publishDiagnostics for a uri, lawmark/status).
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult } from 'vscode-languageserver-protocol';
import { ensureBuilt, ROOT, SERVER } from '../helpers/engine';

export const CORPUS = path.join(ROOT, 'corpus');
export const uriOf = (file: string) => pathToFileURL(file).toString();

type Waiter = { uri: string; pred: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; what: string };

export interface StartOptions {
  folder?: string;
  /** Answer to workspace/configuration (section lawmark); when undefined the client does not declare the capability. */
  settings?: () => unknown;
  linkSupport?: boolean;
  /** Leave the `initialized` notification to the test (to send requests during start-up). */
  holdInitialized?: boolean;
}

export class LspClient {
  readonly diagnostics = new Map<string, Diagnostic[]>();
  private waiters: Waiter[] = [];
  private statusWaiters: Array<(s: unknown) => void> = [];
  readonly logs: string[] = [];
  stderr = '';
  exited: number | null = null;
  init!: InitializeResult;
  private versions = new Map<string, number>();

  private constructor(
    readonly proc: ChildProcess,
    readonly conn: MessageConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspClient> {
    ensureBuilt();
    const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(proc, conn);
    proc.stderr!.on('data', (b: Buffer) => (client.stderr += b.toString()));
    proc.on('exit', (code) => (client.exited = code ?? -1));
    conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      client.diagnostics.set(p.uri, p.diagnostics);
      const keep: Waiter[] = [];
      for (const w of client.waiters) {
        if (w.uri === p.uri && w.pred(p.diagnostics)) {
          clearTimeout(w.timer);
          w.resolve(p.diagnostics);
        } else keep.push(w);
      }
      client.waiters = keep;
    });
    conn.onNotification('lawmark/status', (s: unknown) => {
      const ws = client.statusWaiters;
      client.statusWaiters = [];
      for (const w of ws) w(s);
    });
    conn.onNotification('window/logMessage', (m: { message: string }) => {
      client.logs.push(m.message);
    });
    conn.onNotification('window/showMessage', (m: { message: string }) => {
      client.logs.push(m.message);
    });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('client/unregisterCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => options.settings?.() ?? null));
    conn.listen();
    const folder = options.folder ?? CORPUS;
    client.init = await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uriOf(folder),
      workspaceFolders: [{ uri: uriOf(folder), name: path.basename(folder) }],
      capabilities: {
        workspace: { configuration: options.settings !== undefined, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          definition: { linkSupport: options.linkSupport ?? true },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
          publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          rename: { prepareSupport: true },
        },
      },
      initializationOptions: {},
    });
    if (!options.holdInitialized) await conn.sendNotification('initialized', {});
    return client;
  }

  request<R = any>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  /** The diagnostics of a uri once they satisfy `pred` (now, or at a later publish). */
  diagnosticsFor(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, what = 'diagnostics', timeout = 15000): Promise<Diagnostic[]> {
    const now = this.diagnostics.get(uri);
    if (now && pred(now)) return Promise.resolve(now);
    return this.nextDiagnostics(uri, pred, what, timeout);
  }

  /** The next publish for a uri that satisfies `pred` (ignores what was published before). */
  nextDiagnostics(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, what = 'diagnostics', timeout = 15000): Promise<Diagnostic[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer);
        reject(new Error(`no ${what} for ${uri} within ${timeout} ms; last: ${JSON.stringify(this.diagnostics.get(uri)?.map((d) => d.code))}\n${this.stderr}\n${this.logs.join('\n')}`));
      }, timeout);
      this.waiters.push({ uri, pred, resolve, reject, timer, what });
    });
  }

  nextStatus(): Promise<any> {
    return new Promise((resolve) => this.statusWaiters.push(resolve));
  }

  open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'lawmark', version: 1, text } });
  }

  change(uri: string, text: string): Promise<void> {
    const v = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, v);
    return this.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
  }

  close(uri: string): Promise<void> {
    return this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    try {
      if (this.exited === null) {
        await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
        await this.notify('exit', null);
      }
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.exited === null) this.proc.kill();
  }
}

/** The LSP position of the n-th occurrence of `needle` in `text` (plus `delta` characters). */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): { line: number; character: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the text`);
  }
  const o = at + delta;
  const before = text.slice(0, o);
  const line = before.split('\n').length - 1;
  return { line, character: o - (before.lastIndexOf('\n') + 1) };
}
