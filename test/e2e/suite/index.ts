// The extension-host suite: mocha inside a real VS Code (code-server's Node extension host, or
// a desktop VS Code through @vscode/test-electron). esbuild bundles this file into
// dist/test/index.js (mocha and vscode stay external). VS Code calls run(); a rejection is a
// non-zero exit. The results also go to $LAWMARK_E2E_RESULTS (JSON) when the runner sets it.
import * as fs from 'node:fs';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  // The tests are bundled into this file: give them mocha's globals, then load them.
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./extension.test');
  const lines: string[] = [];
  const results: Array<{ title: string; state: string; error?: string }> = [];
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = results.filter((r) => r.state === 'passed').length;
      const summary = `${passed} passed, ${failures} failed`;
      lines.push(summary);
      const file = process.env.LAWMARK_E2E_RESULTS;
      if (file) {
        try {
          fs.writeFileSync(file, JSON.stringify({ passed, failed: failures, results, lines }, null, 2));
        } catch {
          // the runner also reads the log
        }
      }
      console.log(lines.join('\n'));
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      results.push({ title: t.fullTitle(), state: 'passed' });
      lines.push(`  ✔ ${t.fullTitle()}`);
    });
    runner.on('fail', (t, err) => {
      results.push({ title: t.fullTitle(), state: 'failed', error: String((err as Error)?.stack ?? err) });
      lines.push(`  ✖ ${t.fullTitle()}: ${(err as Error)?.message ?? err}`);
    });
    runner.on('pending', (t) => {
      results.push({ title: t.fullTitle(), state: 'skipped' });
      lines.push(`  - ${t.fullTitle()} (skipped)`);
    });
  });
}
