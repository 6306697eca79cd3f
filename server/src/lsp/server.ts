// The language server: thin handlers over the engine. Documents come from the editor
// (unsaved text wins) and from the workspace folders on disk. Each handler finds the
// document, converts the position to an offset, calls one pure feature function of
// ../engine/features and converts the answer back; a failing handler answers an error and
// the server goes on.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  FoldingRangeKind,
  LSPErrorCodes,
  ResponseError,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  MarkupKind,
  type CancellationToken,
  type CodeAction,
  type CodeLens,
  type CompletionItem,
  type Connection,
  type Diagnostic as LspDiagnostic,
  type DocumentLink,
  type DocumentSymbol,
  type FoldingRange,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type LocationLink,
  type SymbolInformation,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../engine/index/workspace';
import { finish } from '../engine/checks/run';
import { analyse } from '../engine/analysis';
import type { Diagnostic, Finding } from '../engine/checks/types';
import { docsUrl } from '../engine/checks/codes';

/** The documentation installed beside the server bundle (dist/server.js → docs/checks.md). */
const DOCS = (() => {
  const local = path.join(__dirname, '..', 'docs', 'checks.md');
  return pathToFileURL(local).toString();
})();
import { LineMap } from '../engine/text/lines';
import type { Span } from '../engine/model/types';
import type { Config } from '../config';
import { CancelledError, type Loc } from '../engine/features/common';
import { hover } from '../engine/features/hover';
import { definition, references } from '../engine/features/navigation';
import { documentSymbols, workspaceSymbols, type OutlineSymbol } from '../engine/features/symbols';
import { completion } from '../engine/features/completion';
import { prepareRename, rename, RenameError } from '../engine/features/rename';
import { foldingRanges } from '../engine/features/folding';
import { documentLinks } from '../engine/features/links';
import { citedByLenses } from '../engine/features/lens';
import { fixesFor, suppressionText } from '../engine/features/actions';
import { corpusStatus, listProvisions } from '../engine/features/catalogue';
import { collectFiles, findConfig, loadConfig, readText, CONFIG_NAME, type LoadedConfig } from '../node/files';
import { mergeSettings } from './settings';
import { billScenario, consolidate, ConsolidationUnavailable, type BillScenario } from './consolidate';
import {
  CONSOLIDATE_REQUEST,
  PROVISIONS_REQUEST,
  SHOW_REFERENCES_COMMAND,
  STATUS_NOTIFICATION,
  STATUS_REQUEST,
  type ConsolidateParams,
  type InitializationOptions,
  type ProvisionItem,
  type StatusResult,
} from './protocol';

const SEVERITY: Record<string, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** An error the client should see as such (a bad uri, a rename that cannot be done). */
class RequestError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let index = new WorkspaceIndex();
  let roots: string[] = [];
  let loaded: LoadedConfig | undefined;
  let config: Config | undefined;
  let settings: unknown;
  let canPullSettings = false;
  let canRegisterWatchers = false;
  let linkSupport = false;
  let hierarchicalSymbols = true;
  let clientWatchesFiles = false;
  let published = new Set<string>();
  const sent = new Map<string, string>();
  let findings: Diagnostic[] = [];
  let pending: NodeJS.Timeout | undefined;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const log = (m: string) => connection.console.log(`Lawmark: ${m}`);
  const logError = (m: string) => connection.console.error(`Lawmark: ${m}`);
  // Never dies: a defect that escapes a handler is logged, and the server goes on.
  process.on('uncaughtException', (e) => logError(`unexpected error: ${e?.stack ?? String(e)}`));
  process.on('unhandledRejection', (e) => logError(`unexpected error: ${(e as Error)?.stack ?? String(e)}`));
  const uriOf = (file: string) => pathToFileURL(file).toString();
  const fileOf = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : uri);

  /**
   * The index a document's features read. Every document reads the workspace index, except
   * that a bill reads its scenario here (the corpus as the bill leaves it), so that a hover in a
   * bill shows its targets as amended. Features that answer with places in files (definition,
   * references, links, symbols) read the workspace index, whose text is what the editor shows.
   */
  const scenarios = new Map<string, { gen: number; scenario: BillScenario | undefined }>();
  const scenarioOf = (uri: string): BillScenario | undefined => {
    if (index.parsed(uri)?.frontMatter?.kind !== 'bill') return undefined;
    const cached = scenarios.get(uri);
    if (cached && cached.gen === index.generation) return cached.scenario;
    let scenario: BillScenario | undefined;
    try {
      scenario = billScenario(index, uri);
    } catch (e) {
      logError(`cannot apply the bill ${uri}: ${(e as Error).message}`);
    }
    scenarios.set(uri, { gen: index.generation, scenario });
    return scenario;
  };
  const indexFor = (uri: string): WorkspaceIndex => scenarioOf(uri)?.index ?? index;

  // ---------------------------------------------------------------------------------------
  // Configuration and the corpus on disk.

  const root = () => roots[0] ?? process.cwd();

  const readConfiguration = async () => {
    const configFile = findConfig(root());
    try {
      loaded = loadConfig(configFile, root());
    } catch (e) {
      logError(`cannot read ${configFile}: ${(e as Error).message}`);
      loaded = loadConfig(undefined, root());
    }
    if (canPullSettings) {
      try {
        const [s] = await connection.workspace.getConfiguration([{ scopeUri: uriOf(root()), section: 'lawmark' }]);
        settings = s;
      } catch (e) {
        logError(`cannot read the editor settings: ${(e as Error).message}`);
      }
    }
    const merged = mergeSettings(loaded.config, settings);
    for (const p of merged.problems) {
      logError(`ignoring the editor settings: ${p}`);
      void connection.window.showWarningMessage(`Lawmark: ${p}`);
    }
    config = merged.config;
  };

  const included = (file: string): boolean => {
    if (!config || !loaded) return file.endsWith('.law.md');
    if (!file.endsWith('.law.md')) return false;
    const rel = path.relative(loaded.root, file).split(path.sep).join('/');
    const probe = rel.startsWith('..') ? path.basename(file) : rel;
    return picomatch(config.include, { dot: false })(probe) && !picomatch(config.exclude, { dot: true })(probe);
  };

  /** Clears the index and reads the corpus again (start-up and any change of configuration). */
  const rebuild = async () => {
    await readConfiguration();
    const next = new WorkspaceIndex();
    for (const r of roots) {
      let files: string[] = [];
      try {
        files = collectFiles([r], config!, loaded!.root);
      } catch (e) {
        logError((e as Error).message);
      }
      for (const f of files) {
        const uri = uriOf(f);
        if (documents.get(uri)) continue;
        try {
          next.set(uri, readText(f));
        } catch (e) {
          logError(`cannot read ${f}: ${(e as Error).message}`);
        }
      }
    }
    // The editor's text wins over the disk.
    for (const d of documents.all()) if (isLawmarkDocument(d)) next.set(d.uri, d.getText());
    index = next;
    scenarios.clear();
    log(`${index.uris().length} files in the corpus${loaded?.file ? ` (configuration: ${loaded.file})` : ''}`);
  };

  const isLawmark = (uri: string) => uri.endsWith('.law.md');
  /** A document the editor says is Lawmark (an untitled buffer too), or a `*.law.md` file. */
  const isLawmarkDocument = (d: TextDocument) => d.languageId === 'lawmark' || isLawmark(d.uri);

  // ---------------------------------------------------------------------------------------
  // Diagnostics.

  const linesOf = (uri: string): LineMap => {
    const parsed = index.parsed(uri);
    if (parsed) return parsed.lines;
    if (loaded?.file && uri === uriOf(loaded.file)) return new LineMap(loaded.text ?? '');
    return new LineMap('');
  };
  const range = (uri: string, span: Span) => linesOf(uri).range(span);

  const toLsp = (d: Diagnostic): LspDiagnostic => {
    const lines = linesOf(d.uri);
    let data: unknown = d.data;
    if (index.has(d.uri)) {
      const { fixes, suppressible } = fixesFor(index, d);
      const base = typeof d.data === 'object' && d.data !== null && !Array.isArray(d.data) ? (d.data as Record<string, unknown>) : d.data === undefined ? {} : { value: d.data };
      data = {
        ...base,
        fixes: fixes.map((f) => ({ title: f.title, preferred: !!f.preferred, edits: f.edits.map((e) => ({ range: range(e.uri, e.span), newText: e.newText })) })),
        suppressible,
      };
    }
    return {
      range: lines.range(d.span),
      severity: SEVERITY[d.severity],
      code: d.code,
      codeDescription: { href: docsUrl(d.code, DOCS) },
      source: 'lawmark',
      message: d.message,
      relatedInformation: d.related.map((r) => ({ location: { uri: r.uri, range: range(r.uri, r.span) }, message: r.message })),
      ...(data !== undefined ? { data } : {}),
    };
  };

  const publish = () => {
    pending = undefined;
    if (!loaded || !config) return;
    let diagnostics: Diagnostic[];
    try {
      // Every check on the corpus, and each bill as its own what-if (findings told in the bill).
      diagnostics = analyse(index, config);
      if (loaded.file && loaded.problems.length) {
        const extra: Finding[] = loaded.problems.map((p) => ({ code: 'config-invalid', uri: uriOf(loaded!.file!), span: p.span, message: p.message, related: [] }));
        diagnostics.push(...finish(index, config, extra));
      }
    } catch (e) {
      logError(`checking failed: ${(e as Error).stack ?? String(e)}`);
      return;
    }
    findings = diagnostics;
    const byUri = new Map<string, LspDiagnostic[]>();
    for (const uri of index.uris()) byUri.set(uri, []);
    for (const d of diagnostics) {
      try {
        const list = byUri.get(d.uri) ?? [];
        list.push(toLsp(d));
        byUri.set(d.uri, list);
      } catch (e) {
        logError(`cannot convert a ${d.code} finding: ${(e as Error).message}`);
      }
    }
    // Only what changed goes out (a large corpus re-checked on each keystroke stays quiet).
    for (const uri of published) {
      if (byUri.has(uri)) continue;
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      sent.delete(uri);
    }
    for (const [uri, list] of byUri) {
      const key = JSON.stringify(list);
      if (sent.get(uri) === key) continue;
      sent.set(uri, key);
      void connection.sendDiagnostics({ uri, diagnostics: list });
    }
    published = new Set(byUri.keys());
    void connection.sendNotification(STATUS_NOTIFICATION, status());
  };

  const schedule = (delay = 60) => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      try {
        publish();
      } catch (e) {
        logError(`publishing failed: ${(e as Error).stack ?? String(e)}`);
      }
    }, delay);
  };

  const status = (): StatusResult => corpusStatus(index, findings);

  // ---------------------------------------------------------------------------------------
  // Handlers: one wrapper catches, logs and answers with an error; cancellation is honoured.

  const handle =
    <P, R>(name: string, fn: (params: P, token: CancellationToken) => R | Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R | ResponseError<void>> => {
      try {
        await ready;
        // One turn of the event loop, so that a cancellation already on its way is seen before the work starts.
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        return await fn(params, token);
      } catch (e) {
        if (e instanceof CancelledError) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
        if (e instanceof RequestError) return new ResponseError(e.code, e.message);
        if (e instanceof RenameError) return new ResponseError(ErrorCodes.InvalidRequest, e.message);
        logError(`${name} failed: ${(e as Error).stack ?? String(e)}`);
        return new ResponseError(ErrorCodes.InternalError, `Lawmark: ${name} failed: ${(e as Error).message ?? String(e)}`);
      }
    };

  const cancelled = (token: CancellationToken) => () => !!token?.isCancellationRequested;

  /** The document's uri as the index knows it, or an error answer. */
  const known = (uri: unknown): string => {
    if (typeof uri !== 'string' || !uri) throw new RequestError(ErrorCodes.InvalidParams, 'Lawmark: the request names no document.');
    if (!index.has(uri)) throw new RequestError(ErrorCodes.InvalidParams, `Lawmark: ${uri} is not a file of the Lawmark workspace.`);
    return uri;
  };
  const offsetOf = (uri: string, position: unknown): number => {
    const p = position as { line?: unknown; character?: unknown } | undefined;
    if (!p || typeof p.line !== 'number' || typeof p.character !== 'number') throw new RequestError(ErrorCodes.InvalidParams, 'Lawmark: the request has no valid position.');
    return linesOf(uri).offset({ line: p.line, character: p.character });
  };

  const location = (l: Loc): Location => ({ uri: l.uri, range: range(l.uri, l.span) });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    roots = (params.workspaceFolders ?? []).map((f) => fileOf(f.uri));
    if (roots.length === 0 && params.rootUri) roots = [fileOf(params.rootUri)];
    if (roots.length === 0 && params.rootPath) roots = [params.rootPath];
    const caps = params.capabilities ?? {};
    canPullSettings = !!caps.workspace?.configuration;
    canRegisterWatchers = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    linkSupport = !!caps.textDocument?.definition?.linkSupport;
    hierarchicalSymbols = caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport !== false;
    const init = (params.initializationOptions ?? {}) as InitializationOptions & { settings?: unknown };
    clientWatchesFiles = !!init.clientWatchesFiles;
    if (init.settings !== undefined) settings = init.settings;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: { label: 'Lawmark' },
        workspaceSymbolProvider: true,
        completionProvider: { triggerCharacters: [' ', '('], resolveProvider: false },
        renameProvider: { prepareProvider: true },
        foldingRangeProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'lawmark-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    try {
      if (canPullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'lawmark' }).catch(() => undefined);
      if (canRegisterWatchers && !clientWatchesFiles) {
        void connection.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.law.md' }, { globPattern: `**/${CONFIG_NAME}` }] })
          .catch(() => undefined);
      }
      await rebuild();
    } catch (e) {
      logError(`start-up failed: ${(e as Error).stack ?? String(e)}`);
    } finally {
      markReady();
      schedule(0);
    }
  });

  connection.onDidChangeConfiguration(async (change) => {
    try {
      await ready;
      const s = (change?.settings as { lawmark?: unknown } | undefined)?.lawmark;
      if (s !== undefined) settings = s;
      await rebuild();
      schedule(0);
    } catch (e) {
      logError(`configuration change failed: ${(e as Error).stack ?? String(e)}`);
    }
  });

  connection.onNotification('workspace/didChangeWorkspaceFolders', async (p: { event?: { added?: Array<{ uri: string }>; removed?: Array<{ uri: string }> } }) => {
    try {
      const removed = new Set((p.event?.removed ?? []).map((f) => fileOf(f.uri)));
      roots = [...roots.filter((r) => !removed.has(r)), ...(p.event?.added ?? []).map((f) => fileOf(f.uri))];
      await rebuild();
      schedule(0);
    } catch (e) {
      logError(`workspace folders change failed: ${(e as Error).message}`);
    }
  });

  documents.onDidChangeContent((e) => {
    try {
      if (!isLawmarkDocument(e.document)) return;
      if (index.set(e.document.uri, e.document.getText())) schedule();
    } catch (err) {
      logError(`cannot read ${e.document.uri}: ${(err as Error).message}`);
    }
  });
  documents.onDidClose((e) => {
    try {
      if (!isLawmarkDocument(e.document)) return;
      // Back to the text on disk (or gone, if the file was never saved or is not in the corpus).
      const file = fileOf(e.document.uri);
      const inCorpus = e.document.uri.startsWith('file:') && fs.existsSync(file) && included(file) && roots.some((r) => !path.relative(r, file).startsWith('..'));
      if (inCorpus) index.set(e.document.uri, readText(file));
      else index.delete(e.document.uri);
      schedule();
    } catch (err) {
      logError(`closing ${e.document.uri}: ${(err as Error).message}`);
    }
  });
  connection.onDidChangeWatchedFiles(async (e) => {
    try {
      await ready;
      if (e.changes.some((c) => path.basename(fileOf(c.uri)) === CONFIG_NAME)) {
        await rebuild();
        schedule(0);
        return;
      }
      for (const change of e.changes) {
        if (documents.get(change.uri) || !isLawmark(change.uri)) continue;
        const file = fileOf(change.uri);
        if (fs.existsSync(file) && included(file)) index.set(change.uri, readText(file));
        else index.delete(change.uri);
      }
      schedule();
    } catch (err) {
      logError(`file change failed: ${(err as Error).message}`);
    }
  });

  connection.onHover(
    handle('hover', (p) => {
      const uri = known(p.textDocument.uri);
      const offset = offsetOf(uri, p.position);
      const conflicts = findings
        .filter((d) => d.uri === uri && d.code === 'penalty-conflict')
        .map((d) => ({ span: d.span, related: d.related.map((r) => ({ uri: r.uri, span: r.span })) }));
      const scenario = scenarioOf(uri);
      const billTitle = index.parsed(uri)?.frontMatter?.title;
      const h = hover(indexFor(uri), uri, offset, { conflicts, ...(scenario ? { amended: { changed: scenario.changed, by: billTitle ?? 'this bill' } } : {}) });
      if (!h) return null;
      return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: range(uri, h.span) };
    }),
  );

  connection.onDefinition(
    handle('definition', (p): Location[] | LocationLink[] | null => {
      const uri = known(p.textDocument.uri);
      const targets = definition(index, uri, offsetOf(uri, p.position));
      if (targets.length === 0) return null;
      if (linkSupport) {
        return targets.map((t) => ({ originSelectionRange: range(uri, t.origin), targetUri: t.uri, targetRange: range(t.uri, t.span), targetSelectionRange: range(t.uri, t.selection) }));
      }
      return targets.map((t) => ({ uri: t.uri, range: range(t.uri, t.selection) }));
    }),
  );

  connection.onReferences(
    handle('references', (p, token) => {
      const uri = known(p.textDocument.uri);
      return references(index, uri, offsetOf(uri, p.position), !!p.context?.includeDeclaration, cancelled(token)).map(location);
    }),
  );

  const SYMBOL_KIND: Record<string, SymbolKind> = { division: SymbolKind.Namespace, provision: SymbolKind.Class, unit: SymbolKind.Field, definition: SymbolKind.Constant };
  connection.onDocumentSymbol(
    handle('documentSymbol', (p): DocumentSymbol[] | SymbolInformation[] => {
      const uri = known(p.textDocument.uri);
      const outline = documentSymbols(index, uri);
      const convert = (s: OutlineSymbol): DocumentSymbol => ({
        name: s.name || '(untitled)',
        ...(s.detail ? { detail: s.detail } : {}),
        kind: SYMBOL_KIND[s.kind] ?? SymbolKind.Object,
        range: range(uri, s.span),
        selectionRange: range(uri, s.selection),
        children: s.children.map(convert),
      });
      if (hierarchicalSymbols) return outline.map(convert);
      const flat: SymbolInformation[] = [];
      const walk = (s: OutlineSymbol, container?: string) => {
        flat.push({ name: s.name, kind: SYMBOL_KIND[s.kind] ?? SymbolKind.Object, location: { uri, range: range(uri, s.span) }, ...(container ? { containerName: container } : {}) });
        for (const c of s.children) walk(c, s.name);
      };
      outline.forEach((s) => walk(s));
      return flat;
    }),
  );

  connection.onWorkspaceSymbol(
    handle('workspaceSymbol', (p, token): SymbolInformation[] =>
      workspaceSymbols(index, p.query ?? '', cancelled(token)).map((s) => ({
        name: s.name,
        kind: SYMBOL_KIND[s.kind] ?? SymbolKind.Object,
        containerName: s.container,
        location: { uri: s.uri, range: range(s.uri, s.span) },
      })),
    ),
  );

  const COMPLETION_KIND: Record<string, CompletionItemKind> = { provision: CompletionItemKind.Reference, instrument: CompletionItemKind.Module, term: CompletionItemKind.Constant };
  connection.onCompletion(
    handle('completion', (p): CompletionItem[] => {
      const uri = known(p.textDocument.uri);
      const triggered = p.context?.triggerKind === 2; // a trigger character: a space or "("
      const entries = completion(indexFor(uri), uri, offsetOf(uri, p.position), { triggered });
      return entries.map((e) => ({
        label: e.label,
        kind: COMPLETION_KIND[e.kind],
        ...(e.detail ? { detail: e.detail } : {}),
        ...(e.documentation ? { documentation: { kind: MarkupKind.Markdown, value: e.documentation } } : {}),
        textEdit: { range: range(uri, e.replace), newText: e.insertText },
        ...(e.sortText ? { sortText: e.sortText } : {}),
        ...(e.filterText ? { filterText: e.filterText } : {}),
      }));
    }),
  );

  connection.onPrepareRename(
    handle('prepareRename', (p) => {
      const uri = known(p.textDocument.uri);
      const r = prepareRename(index, uri, offsetOf(uri, p.position));
      return { range: range(uri, r.span), placeholder: r.placeholder };
    }),
  );

  connection.onRenameRequest(
    handle('rename', (p): WorkspaceEdit => {
      const uri = known(p.textDocument.uri);
      const edits = rename(index, uri, offsetOf(uri, p.position), p.newName);
      const changes: Record<string, TextEdit[]> = {};
      for (const e of edits) (changes[e.uri] ??= []).push({ range: range(e.uri, e.span), newText: e.newText });
      return { changes };
    }),
  );

  connection.onFoldingRanges(
    handle('foldingRange', (p): FoldingRange[] => {
      const uri = known(p.textDocument.uri);
      const KIND = { comment: FoldingRangeKind.Comment, region: FoldingRangeKind.Region, imports: FoldingRangeKind.Imports } as const;
      return foldingRanges(index, uri).map((f) => ({ startLine: f.startLine, endLine: f.endLine, ...(f.kind ? { kind: KIND[f.kind] } : {}) }));
    }),
  );

  connection.onDocumentLinks(
    handle('documentLink', (p): DocumentLink[] => {
      const uri = known(p.textDocument.uri);
      return documentLinks(index, uri).map((l) => ({ range: range(uri, l.span), target: `${l.uri}#L${l.line + 1}`, tooltip: l.tooltip }));
    }),
  );

  connection.onCodeLens(
    handle('codeLens', (p, token): CodeLens[] => {
      const uri = known(p.textDocument.uri);
      return citedByLenses(index, uri, cancelled(token)).map((l) => {
        const r = range(uri, l.span);
        return { range: r, command: { title: l.title, command: l.count ? SHOW_REFERENCES_COMMAND : '', arguments: [uri, r.start, l.locations.map(location)] } };
      });
    }),
  );

  connection.onCodeAction(
    handle('codeAction', (p): CodeAction[] => {
      const uri = known(p.textDocument.uri);
      const out: CodeAction[] = [];
      const seen = new Set<string>();
      for (const d of p.context?.diagnostics ?? []) {
        if (d.source !== 'lawmark') continue;
        const data = (d.data ?? {}) as { fixes?: Array<{ title: string; preferred?: boolean; edits: TextEdit[] }>; suppressible?: boolean };
        for (const f of Array.isArray(data.fixes) ? data.fixes : []) {
          if (!f || typeof f.title !== 'string' || !Array.isArray(f.edits)) continue;
          out.push({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: !!f.preferred, edit: { changes: { [uri]: f.edits } } });
        }
        const code = typeof d.code === 'string' ? d.code : undefined;
        if (code && data.suppressible !== false && index.has(uri)) {
          const line = d.range.start.line;
          const key = `${code}:${line}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const lines = linesOf(uri);
          const text = index.text(uri) ?? '';
          const start = lines.lineStart(line);
          const indent = /^[ \t]*/.exec(text.slice(start, lines.lineEnd(line)))?.[0] ?? '';
          out.push({
            title: `Suppress ${code} on this line (with a reason)`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: { changes: { [uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: suppressionText(code, indent) }] } },
          });
        }
      }
      return out;
    }),
  );

  connection.onRequest(
    PROVISIONS_REQUEST,
    handle('provisions', (_p: unknown, token): ProvisionItem[] =>
      listProvisions(index, cancelled(token)).map((e) => ({ id: e.id, address: e.address, heading: e.heading, cite: e.cite, title: e.title, uri: e.uri, range: range(e.uri, e.span) })),
    ),
  );

  connection.onRequest(
    STATUS_REQUEST,
    handle('status', () => status()),
  );

  connection.onRequest(
    CONSOLIDATE_REQUEST,
    handle('consolidate', async (p: ConsolidateParams) => {
      const uri = known(p?.uri);
      const doc = index.document(uri);
      if (doc?.frontMatter?.kind !== 'bill') throw new RequestError(ErrorCodes.InvalidParams, 'Lawmark: this file is not a bill (kind: bill), so there is nothing to consolidate.');
      try {
        return await consolidate(index, uri); // the corpus as it stands: before and after are computed from it
      } catch (e) {
        if (e instanceof ConsolidationUnavailable) throw new RequestError(ErrorCodes.InternalError, 'Lawmark: consolidation is not available');
        throw e;
      }
    }),
  );

  documents.listen(connection);
  connection.listen();
}
