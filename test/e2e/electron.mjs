// The extension-host suite in a desktop VS Code, for people who have one (or can download one):
//
//   node esbuild.mjs && node test/e2e/electron.mjs
//
// @vscode/test-electron downloads VS Code from Microsoft, which CI cannot reach; CI runs the same
// suite (dist/test/index.js, from test/e2e/suite) in code-server instead: see run.mjs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { makeScratchWorkspace } from './workspace.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const { runTests } = require('@vscode/test-electron');

const workspace = makeScratchWorkspace(fs.mkdtempSync(path.join(os.tmpdir(), 'lawmark-electron-ws-')));
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'dist', 'test', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (e) {
  console.error(`The extension-host suite failed: ${e?.message ?? e}`);
  process.exitCode = 1;
}
