// Bundles the language server, the command line and the VS Code client into dist/.
// Each bundle is one CommonJS file with its dependencies inlined, so the .vsix and the
// bins need no node_modules at run time.
import * as esbuild from 'esbuild';
import { chmodSync, existsSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Prefer ES module builds: jsonc-parser's UMD build hides its requires from the bundler.
  mainFields: ['module', 'main'],
};

const builds = [
  { entryPoints: { server: 'server/src/main.ts', cli: 'server/src/cli.ts' }, outdir: 'dist', ...common },
  { entryPoints: { 'client/extension': 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'], ...common },
];
if (existsSync('test/e2e/suite/index.ts')) {
  builds.push({ entryPoints: { 'test/index': 'test/e2e/suite/index.ts' }, outdir: 'dist', external: ['vscode', 'mocha'], ...common });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  for (const bin of ['dist/cli.js', 'dist/server.js']) chmodSync(bin, 0o755);
}
