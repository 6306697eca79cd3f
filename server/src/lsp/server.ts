// The language server: thin handlers over the engine. Documents come from the editor
// (unsaved text wins) and from the workspace folders on disk.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  TextDocuments,
  TextDocumentSyncKind,
  DiagnosticSeverity,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../engine/index/workspace';
import { runChecks, finish } from '../engine/checks/run';
import type { Diagnostic, Finding } from '../engine/checks/types';
import { docsUrl } from '../engine/checks/codes';
import { LineMap } from '../engine/text/lines';
import { collectFiles, findConfig, loadConfig, readText, CONFIG_NAME, type LoadedConfig } from '../node/files';

const SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const index = new WorkspaceIndex();
  let roots: string[] = [];
  let loaded: LoadedConfig | undefined;
  let published = new Set<string>();
  let pending: NodeJS.Timeout | undefined;

  const uriOf = (file: string) => pathToFileURL(file).toString();
  const fileOf = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);

  const loadWorkspace = () => {
    const root = roots[0] ?? process.cwd();
    const configFile = findConfig(root);
    try {
      loaded = loadConfig(configFile, root);
    } catch (e) {
      connection.console.error(`Lawmark: cannot read ${configFile}: ${(e as Error).message}`);
      loaded = loadConfig(undefined, root);
    }
    for (const r of roots) {
      let files: string[] = [];
      try {
        files = collectFiles([r], loaded.config, loaded.root);
      } catch (e) {
        connection.console.error(`Lawmark: ${(e as Error).message}`);
      }
      for (const f of files) {
        const uri = uriOf(f);
        if (documents.get(uri)) continue; // the editor's text wins
        try {
          index.set(uri, readText(f));
        } catch (e) {
          connection.console.error(`Lawmark: cannot read ${f}: ${(e as Error).message}`);
        }
      }
    }
  };

  const publish = () => {
    pending = undefined;
    if (!loaded) return;
    let diagnostics: Diagnostic[];
    try {
      diagnostics = runChecks(index, loaded.config);
      if (loaded.file && loaded.problems.length) {
        const extra: Finding[] = loaded.problems.map((p) => ({ code: 'config-invalid', uri: uriOf(loaded!.file!), span: p.span, message: p.message, related: [] }));
        diagnostics.push(...finish(index, loaded.config, extra));
      }
    } catch (e) {
      connection.console.error(`Lawmark: checking failed: ${(e as Error).stack ?? String(e)}`);
      return;
    }
    const byUri = new Map<string, LspDiagnostic[]>();
    for (const uri of index.uris()) byUri.set(uri, []);
    const configLines = loaded.file ? new LineMap(loaded.text ?? '') : undefined;
    const lines = (uri: string) => index.parsed(uri)?.lines ?? (loaded?.file && uri === uriOf(loaded.file) ? configLines! : new LineMap(''));
    for (const d of diagnostics) {
      const list = byUri.get(d.uri) ?? [];
      list.push({
        range: lines(d.uri).range(d.span),
        severity: SEVERITY[d.severity],
        code: d.code,
        codeDescription: { href: docsUrl(d.code) },
        source: 'lawmark',
        message: d.message,
        relatedInformation: d.related.map((r) => ({ location: { uri: r.uri, range: lines(r.uri).range(r.span) }, message: r.message })),
        ...(d.data !== undefined ? { data: d.data } : {}),
      });
      byUri.set(d.uri, list);
    }
    for (const uri of published) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, list] of byUri) void connection.sendDiagnostics({ uri, diagnostics: list });
    published = new Set(byUri.keys());
  };

  const schedule = () => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(publish, 50);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    roots = (params.workspaceFolders ?? []).map((f) => fileOf(f.uri));
    if (roots.length === 0 && params.rootUri) roots = [fileOf(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
      },
      serverInfo: { name: 'lawmark-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    loadWorkspace();
    schedule();
  });

  documents.onDidChangeContent((e) => {
    if (!e.document.uri.endsWith('.law.md')) return;
    index.set(e.document.uri, e.document.getText());
    schedule();
  });
  documents.onDidClose((e) => {
    // Back to the text on disk (or gone, if the file was never saved).
    const file = fileOf(e.document.uri);
    if (fs.existsSync(file)) index.set(e.document.uri, readText(file));
    else index.delete(e.document.uri);
    schedule();
  });
  connection.onDidChangeWatchedFiles((e) => {
    for (const change of e.changes) {
      if (path.basename(change.uri) === CONFIG_NAME) {
        loadWorkspace();
        continue;
      }
      if (documents.get(change.uri)) continue;
      const file = fileOf(change.uri);
      if (fs.existsSync(file)) index.set(change.uri, readText(file));
      else index.delete(change.uri);
    }
    schedule();
  });

  documents.listen(connection);
  connection.listen();
}
