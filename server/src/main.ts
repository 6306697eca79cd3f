#!/usr/bin/env node
// `lawmark-server`: the language server binary (LSP over --stdio, --node-ipc or --socket).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write('lawmark-server 0.1.0\n');
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: lawmark-server --stdio\n\nThe Lawmark language server. Any LSP client can start it with --stdio (or --node-ipc, --socket=PORT).\n');
} else {
  if (!args.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    // vscode-languageserver picks the transport from the arguments; stdio is the useful default.
    process.argv.push('--stdio');
  }
  const connection = createConnection(ProposedFeatures.all);
  startServer(connection);
}
