// The VS Code extension: starts the Lawmark language server and registers the editor's
// commands and views. No analysis happens here.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Lawmark', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'lawmark' }],
    synchronize: {
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.law.md'), vscode.workspace.createFileSystemWatcher('**/lawmark.config.json')],
    },
    outputChannel: output,
  };
  client = new LanguageClient('lawmark', 'Lawmark', serverOptions, clientOptions);
  context.subscriptions.push(output);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
