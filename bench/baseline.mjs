#!/usr/bin/env node
// The baseline a Markdown language server pays: read every *.law.md under DIR, then parse each
// file with one parser, in this process, and print the times as JSON on standard output.
//
//   node bench/baseline.mjs DIR remark|markdown-it|lines
//
// remark:      unified().use(remarkParse).parse(text)   (the mdast a remark-based server builds)
// markdown-it: markdownit().parse(text, {})              (the token stream VS Code's own Markdown uses)
// lines:       split into lines and test each for a heading or a bracketed label (a floor)
// bench/run.mjs runs one parser per process so that each starts cold, as `lawmark check` does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import markdownit from 'markdown-it';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

function lawFiles(dir, out = []) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && !e.name.startsWith('.')) lawFiles(p, out);
    } else if (e.name.endsWith('.law.md')) out.push(p);
  }
  return out;
}

const [dir, parser] = process.argv.slice(2);
if (!dir || !['remark', 'markdown-it', 'lines'].includes(parser)) {
  process.stderr.write('Usage: node bench/baseline.mjs DIR remark|markdown-it|lines\n');
  process.exit(2);
}
let t = performance.now();
const texts = lawFiles(dir).sort().map((f) => fs.readFileSync(f, 'utf8'));
const readS = (performance.now() - t) / 1000;
let parse;
if (parser === 'remark') {
  const processor = unified().use(remarkParse);
  parse = (text) => processor.parse(text);
} else if (parser === 'markdown-it') {
  const md = markdownit();
  parse = (text) => md.parse(text, {});
} else {
  const re = /^(?:#{1,6} |\((?:\d+[A-Z]*|[a-z]{1,3})\) )/;
  parse = (text) => {
    let n = 0;
    for (const line of text.split('\n')) if (re.test(line)) n++;
    return n;
  };
}
t = performance.now();
let sink = 0;
for (const text of texts) {
  const tree = parse(text);
  sink += Array.isArray(tree) ? tree.length : typeof tree === 'number' ? tree : tree.children.length;
}
const parseS = (performance.now() - t) / 1000;
process.stdout.write(JSON.stringify({ parser, files: texts.length, bytes: texts.reduce((n, s) => n + Buffer.byteLength(s), 0), readS, parseS, nodes: sink, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
