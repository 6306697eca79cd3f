// Real-editor tests: VS Code's own server and workbench (code-server 4.100.3) driven by headless
// Chromium through playwright-core.
//
//   node test/e2e/run.mjs [--vsix FILE] [--only grammar|ui|host]
//
// 1. UI test: a fresh code-server with the packaged .vsix installed in a fresh extensions folder;
//    open files from the explorer, wait for the language mode "Lawmark", a squiggle, the Problems
//    panel row, a hover's text, go to definition, run "Lawmark: Show bill as amended"; screenshots
//    go to test/artifacts/.
// 2. Extension-host suite: a second fresh code-server that loads the extension from the repository
//    (extensionDevelopmentPath) and runs dist/test/index.js (test/e2e/suite) inside VS Code; the
//    exit code and log come back through codeAutomationExit / codeAutomationLog.
//
// Both run in a scratch copy of corpus/ plus zz-e2e-broken.law.md (a broken reference) and
// zz-e2e-open.law.md (an instrument outside the corpus), so that
// they do not depend on which checks other parts of the engine add. Waits are on elements and
// events with generous timeouts; nothing sleeps. Prints "N passed, N failed" last; exits 1 on any failure.
import { spawn, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { makeScratchWorkspace } from './workspace.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
const CODE_SERVER = path.join(HERE, 'node_modules', '.bin', 'code-server');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const WAIT = 60000;

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
const VSIX = path.resolve(opt('--vsix') ?? path.join(ROOT, `lawmark-${version}.vsix`));
const ONLY = opt('--only');

const results = [];
/** Called with a file name when a test fails (the UI test sets it to take a screenshot). */
let onFailure = async (_name) => undefined;
const started = Date.now();
const log = (m) => console.log(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${m}`);

async function test(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false, error: e });
    console.log(`  ✖ ${name}: ${e?.stack ?? e}`);
    await onFailure(`e2e-failed-${results.length}.png`).catch(() => undefined);
  }
}

function tmp(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `lawmark-e2e-${prefix}-`));
}

function makeWorkspace() {
  return makeScratchWorkspace(tmp('ws'));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function serverEnv(home, extra = {}) {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    EXTENSIONS_GALLERY: '{"serviceUrl":"http://127.0.0.1:9/g"}',
    ...extra,
  };
}

function userSettings(userDataDir) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'update.mode': 'none',
        'editor.hover.delay': 200,
        'editor.minimap.enabled': false,
        'window.commandCenter': false,
        'chat.commandCenter.enabled': false,
        'workbench.colorTheme': 'Default Light Modern',
      },
      null,
      2,
    ),
  );
}

/** Starts code-server detached (its own process group) and resolves once it listens. */
async function startCodeServer({ userDataDir, extensionsDir, home, env = {} }) {
  const port = await freePort();
  const child = spawn(
    CODE_SERVER,
    ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
    { env: serverEnv(home, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const logFile = path.join(home, 'code-server.log');
  const append = (b) => {
    out += b.toString();
    fs.appendFileSync(logFile, b);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${WAIT} ms:\n${out}`)), WAIT);
    const check = () => {
      if (/HTTP server listening on/.test(out)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited (${code}) before listening:\n${out}`));
    });
  });
  return {
    port,
    log: () => out,
    stop: () => {
      for (const sig of ['SIGTERM', 'SIGKILL']) {
        try {
          process.kill(-child.pid, sig); // the whole group: a file-watcher child outlives code-server
        } catch {
          // gone
        }
      }
    },
  };
}

async function launchBrowser() {
  const profile = tmp('chromium');
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

// ---------------------------------------------------------------------------------------------
// 0. The TextMate grammar, tokenised by VS Code's own engine (vscode-textmate and vscode-oniguruma
//    as code-server ships them, with its YAML grammar for the front matter).

async function grammarTest() {
  const vscodeDir = path.join(HERE, 'node_modules', 'code-server', 'lib', 'vscode');
  const { createRequire } = await import('node:module');
  const req = createRequire(path.join(vscodeDir, 'package.json'));
  const tm = req('vscode-textmate');
  const onig = req('vscode-oniguruma');
  await onig.loadWASM(fs.readFileSync(req.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const grammars = {
    'text.lawmark': path.join(ROOT, 'grammars', 'lawmark.tmLanguage.json'),
    'source.yaml': path.join(vscodeDir, 'extensions', 'yaml', 'syntaxes', 'yaml.tmLanguage.json'),
  };
  for (const v of ['1.0', '1.1', '1.2', '1.3']) grammars[`source.yaml.${v}`] = path.join(vscodeDir, 'extensions', 'yaml', 'syntaxes', `yaml-${v}.tmLanguage.json`);
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (t) => new onig.OnigString(t) }),
    loadGrammar: async (scope) => (grammars[scope] && fs.existsSync(grammars[scope]) ? tm.parseRawGrammar(fs.readFileSync(grammars[scope], 'utf8'), grammars[scope]) : null),
  });
  const grammar = await registry.loadGrammar('text.lawmark');
  const tokens = (file) => {
    const out = [];
    let rule = tm.INITIAL;
    for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
      const r = grammar.tokenizeLine(line, rule);
      rule = r.ruleStack;
      for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes.join(' ') });
    }
    return out;
  };
  const scopeOf = (toks, text, nth = 0) => toks.filter((t) => t.text === text)[nth]?.scopes ?? '(no such token)';
  const expect = (toks, text, scope, nth = 0) => {
    const s = scopeOf(toks, text, nth);
    if (!s.includes(scope)) throw new Error(`"${text}" has scopes ${s}, not ${scope}`);
  };
  const ptpa = tokens(path.join(ROOT, 'corpus', 'pk', 'ptpa-2018.law.md'));
  const bill = tokens(path.join(ROOT, 'corpus', 'bills', 'ptpa-amendment-bill.law.md'));
  await test('grammar: provision numbers and sub-section labels', () => {
    expect(ptpa, '3', 'constant.numeric.provision-number.lawmark');
    expect(ptpa, '(1)', 'constant.numeric.label.lawmark');
  });
  await test('grammar: defined terms before means/includes', () => {
    expect(ptpa, 'child', 'entity.name.type.defined-term.lawmark');
    expect(ptpa, 'compelled labour', 'entity.name.type.defined-term.lawmark');
  });
  await test('grammar: cross-references', () => {
    expect(ptpa, '369A', 'constant.numeric.reference.lawmark');
    expect(ptpa, ' of the Pakistan Penal Code', 'entity.name.type.instrument.lawmark');
  });
  await test('grammar: penalties', () => {
    expect(ptpa, 'shall be punished', 'keyword.control.penalty.lawmark');
    expect(ptpa, 'seven years', 'constant.numeric.penalty.lawmark');
  });
  await test('grammar: amendment instructions and quoted new text', () => {
    expect(bill, 'shall be substituted', 'keyword.control.amendment.substituted.lawmark');
    expect(bill, 'shall be inserted', 'keyword.control.amendment.inserted.lawmark');
    expect(bill, 'structured group', 'markup.quote.inserted-text.lawmark');
  });
  await test('grammar: front matter as embedded YAML', () => {
    const key = ptpa.find((t) => t.text === 'id');
    if (!key || !key.scopes.includes('meta.embedded.block.frontmatter') || !/entity\.name\.tag\.yaml/.test(key.scopes)) throw new Error(`"id" has scopes ${key?.scopes}`);
  });
  await test('grammar: comments and suppressions', () => {
    const fixture = tmp('grammar');
    const f = path.join(fixture, 'x.law.md');
    fs.writeFileSync(f, '---\nid: x\n---\n<!-- lawmark-disable-next-line broken-reference -- checked -->\n');
    const toks = tokens(f);
    expect(toks, 'lawmark-disable-next-line', 'keyword.other.suppression.lawmark');
    expect(toks, 'broken-reference', 'comment.block.html.lawmark');
  });
}

// ---------------------------------------------------------------------------------------------
// 1. The UI test, against the installed .vsix.

async function uiTest() {
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run npm run package first`);
  const home = tmp('ui');
  const userDataDir = path.join(home, 'user');
  const extensionsDir = path.join(home, 'extensions');
  userSettings(userDataDir);
  log(`installing ${path.basename(VSIX)} into a fresh extensions folder`);
  execFileSync(CODE_SERVER, ['--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', VSIX, '--force'], { env: serverEnv(home), stdio: 'pipe', timeout: 120000 });
  const installed = fs.readdirSync(extensionsDir).filter((d) => d.startsWith('lawmark.lawmark'));
  const ws = makeWorkspace();
  const server = await startCodeServer({ userDataDir, extensionsDir, home });
  log(`code-server (vsix) on port ${server.port}; workspace ${ws}`);
  const browser = await launchBrowser();
  const page = browser.pages()[0] ?? (await browser.newPage());
  const shot = (name) => page.screenshot({ path: path.join(ARTIFACTS, name) });
  onFailure = shot;
  try {
    await test('the .vsix installs into a fresh code-server', async () => {
      if (installed.length !== 1) throw new Error(`expected lawmark.lawmark in ${extensionsDir}, found ${installed.join(', ') || 'nothing'}`);
    });
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: WAIT });
    const explorerRow = (name) => page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.]/g, '\\.')}$`) }) });
    const activeTab = (name) => page.locator('.tabs-container .tab.active', { hasText: name });
    /** Opens folder/file from the explorer; a click the workbench swallowed (it was busy revealing) is repeated, three times at most. */
    const openFromExplorer = async (folder, name) => {
      for (let attempt = 1; ; attempt++) {
        try {
          if (!(await explorerRow(name).isVisible())) {
            await explorerRow(folder).click();
            await explorerRow(name).waitFor({ timeout: WAIT / 4 });
          }
          await explorerRow(name).click();
          await activeTab(name).waitFor({ timeout: WAIT / 4 });
          return;
        } catch (e) {
          if (attempt >= 3) throw e;
          log(`opening ${folder}/${name} from the explorer: try ${attempt} did not take; again`);
        }
      }
    };

    await test('opening a .law.md file from the explorer gives the language mode "Lawmark"', async () => {
      await explorerRow('zz-e2e-broken.law.md').waitFor({ timeout: WAIT });
      await explorerRow('zz-e2e-broken.law.md').click();
      await activeTab('zz-e2e-broken.law.md').waitFor({ timeout: WAIT });
      await page.locator('[id="status.editor.mode"]', { hasText: 'Lawmark' }).waitFor({ timeout: WAIT });
    });

    await test('a squiggle under the broken reference', async () => {
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: WAIT });
    });

    await test('the status bar item shows the corpus size and the findings', async () => {
      await page.locator('.statusbar-item', { hasText: /Lawmark: \d+ files · \d+ errors? · \d+ warnings?/ }).first().waitFor({ timeout: WAIT });
    });

    await test('the Problems panel lists the finding', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'section 61 of the Prevention of Trafficking in Persons Act, 2018' }).first();
      await row.waitFor({ timeout: WAIT });
      const text = await row.innerText();
      if (!/does not exist/.test(text)) throw new Error(`unexpected row: ${text}`);
      await shot('e2e-problems.png');
    });

    await test('a corpus bill opened from the explorer shows its instruction errors in the Problems panel', async () => {
      await openFromExplorer('bills', 'erroneous-bill.law.md');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+Shift+M');
      // Each faulty instruction of the bill is a row: a section the PTPA lacks, words it does not hold, two instructions in conflict.
      for (const words of ['Section 21 of the Prevention of Trafficking in Persons Act, 2018 does not exist', 'are not in section 4 of the Prevention of Trafficking in Persons Act, 2018', 'both change the words']) {
        await page.locator('.markers-panel .monaco-list-row', { hasText: words }).first().waitFor({ timeout: WAIT });
      }
      await shot('e2e-bill-problems.png');
    });

    await test('hover on "Section 369A of the Pakistan Penal Code" shows that provision', async () => {
      await openFromExplorer('pk', 'ptpa-2018.law.md');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      const number = page.locator('.monaco-editor .view-lines span', { hasText: /^369A$/ }).first();
      await number.waitFor({ timeout: WAIT });
      const hover = page.locator('.monaco-hover', { hasText: 'Omitted by section 16(3)' }).first();
      // A hover that a moving workbench swallowed is asked for again (bounded: four tries).
      for (let attempt = 1; ; attempt++) {
        await page.mouse.move(5, 5);
        await number.hover();
        try {
          await hover.waitFor({ state: 'visible', timeout: attempt < 4 ? WAIT / 4 : WAIT });
          break;
        } catch (e) {
          if (attempt >= 4) throw e;
          log(`hover not shown yet (try ${attempt}); hovering again`);
        }
      }
      const text = await hover.innerText();
      if (!/Pakistan Penal Code/.test(text) || !/369A/.test(text)) throw new Error(`unexpected hover: ${text}`);
      await shot('e2e-hover.png');
    });

    await test('go to definition opens PPC s.369A', async () => {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .view-lines span', { hasText: /^369A$/ }).first().click();
      await page.keyboard.press('F12');
      await activeTab('ppc-1860.law.md').waitFor({ timeout: WAIT });
      await page.locator('.monaco-editor .view-lines', { hasText: '[Trafficking of human beings] Omitted' }).first().waitFor({ timeout: WAIT });
    });

    await test('Lawmark: Show bill as amended (a diff, or the reason it cannot)', async () => {
      await openFromExplorer('bills', 'ptpa-amendment-bill.law.md');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: WAIT });
      await input.fill('>Lawmark: Show bill as amended');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Show bill as amended' }).first().waitFor({ timeout: WAIT });
      await page.keyboard.press('Enter');
      const diff = page.locator('.monaco-diff-editor').first();
      const unavailable = page.locator('.notifications-toasts', { hasText: 'consolidation is not available' }).first();
      await Promise.race([diff.waitFor({ timeout: WAIT }), unavailable.waitFor({ timeout: WAIT })]);
      if (await diff.isVisible()) {
        // The amended side holds the Act, and the diff marks what the bill inserts.
        await page.locator('.monaco-diff-editor .editor.modified .view-lines', { hasText: 'Prevention of Trafficking in Persons Act, 2018' }).first().waitFor({ timeout: WAIT });
        await page.locator('.monaco-diff-editor .editor.modified .line-insert, .monaco-diff-editor .editor.modified .char-insert').first().waitFor({ timeout: WAIT });
        log('Show bill as amended: a diff editor opened with the changes marked');
      } else log('Show bill as amended: "consolidation is not available" (the consolidation engine is not there yet)');
      await shot('e2e-bill.png');
    });
  } finally {
    onFailure = async () => undefined;
    await shot('e2e-final.png').catch(() => undefined);
    await browser.close().catch(() => undefined);
    server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. The extension-host suite, from the repository (extensionDevelopmentPath).

async function hostSuite() {
  const index = path.join(ROOT, 'dist', 'test', 'index.js');
  if (!fs.existsSync(index)) throw new Error(`${index} is missing: run node esbuild.mjs first`);
  const home = tmp('host');
  const userDataDir = path.join(home, 'user');
  const extensionsDir = path.join(home, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  userSettings(userDataDir);
  const resultsFile = path.join(home, 'results.json');
  const ws = makeWorkspace();
  const server = await startCodeServer({ userDataDir, extensionsDir, home, env: { LAWMARK_E2E_RESULTS: resultsFile } });
  log(`code-server (development) on port ${server.port}; workspace ${ws}`);
  const browser = await launchBrowser();
  const page = browser.pages()[0] ?? (await browser.newPage());
  let exitCode;
  const lines = [];
  try {
    let finished;
    const done = new Promise((resolve) => (finished = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => {
      exitCode = code;
      finished(code);
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = Array.isArray(args) ? args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') : String(args ?? type);
      lines.push(text);
    });
    const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(index)],
    ]);
    await page.goto(`http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(payload)}`);
    let timer;
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('the extension-host suite did not finish within 5 minutes')), 300000)));
    try {
      await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'e2e-host.png') }).catch(() => undefined);
  } finally {
    await browser.close().catch(() => undefined);
    server.stop();
  }
  let report;
  try {
    report = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    report = undefined;
  }
  if (report) {
    for (const r of report.results) {
      results.push({ name: `extension host: ${r.title}`, ok: r.state !== 'failed', skipped: r.state === 'skipped', error: r.error });
      console.log(`  ${r.state === 'passed' ? '✔' : r.state === 'skipped' ? '-' : '✖'} extension host: ${r.title}${r.error ? `\n${r.error}` : ''}`);
    }
  } else {
    console.log(lines.join('\n'));
    console.log(server.log().slice(-4000));
  }
  if (exitCode !== 0 && !(report && report.failed > 0)) {
    results.push({ name: 'extension host: the suite ran to the end', ok: false, error: new Error(`exit code ${exitCode}`) });
  }
}

// ---------------------------------------------------------------------------------------------

fs.mkdirSync(ARTIFACTS, { recursive: true });
for (const f of fs.readdirSync(ARTIFACTS)) if (/^e2e-.*\.png$/.test(f)) fs.rmSync(path.join(ARTIFACTS, f));
try {
  if (!ONLY || ONLY === 'grammar') {
    log('grammar');
    await grammarTest().catch((e) => results.push({ name: 'grammar', ok: false, error: e }) && console.log(`  ✖ grammar: ${e?.stack ?? e}`));
  }
  if (!ONLY || ONLY === 'ui') {
    log('UI test');
    await uiTest().catch((e) => results.push({ name: 'UI test', ok: false, error: e }) && console.log(`  ✖ UI test: ${e?.stack ?? e}`));
  }
  if (!ONLY || ONLY === 'host') {
    log('extension-host suite');
    await hostSuite().catch((e) => results.push({ name: 'extension-host suite', ok: false, error: e }) && console.log(`  ✖ extension-host suite: ${e?.stack ?? e}`));
  }
} finally {
  const passed = results.filter((r) => r.ok && !r.skipped).length;
  const skipped = results.filter((r) => r.skipped).length;
  const failed = results.filter((r) => !r.ok).length;
  log(`screenshots in ${path.relative(process.cwd(), ARTIFACTS) || ARTIFACTS}`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
}
