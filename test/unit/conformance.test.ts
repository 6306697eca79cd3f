// The block reader must agree with remark-parse (the CommonMark reference the design card
// names) on every construct the dialect gives meaning to: headings (ATX and setext, their
// level, line and text), block quotes (their lines), fenced code and HTML comments (which
// hide their contents). Held to it over the whole corpus and over generated documents.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { readBlocks, LineKind } from '../../server/src/engine/parse/blocks';
import { readFrontMatter } from '../../server/src/engine/parse/frontmatter';
import { ROOT } from '../helpers/engine';

interface Shape {
  headings: string[];
  quotes: string[];
  hidden: number[];
}

type MdNode = { type: string; depth?: number; value?: string; children?: MdNode[]; position?: { start: { line: number }; end: { line: number } } };

let parse: (body: string) => MdNode;

function text(n: MdNode): string {
  if (n.type === 'text' || n.type === 'inlineCode') return n.value ?? '';
  if (n.type === 'break') return ' ';
  return (n.children ?? []).map(text).join('');
}

const fold = (s: string) => s.replace(/\\(.)/g, '$1').replace(/[*_`\\]/g, '').replace(/\s+/g, ' ').trim();

/** What remark-parse makes of the body: top-level (and in-section) blocks, lines 0-based within the body. */
function remarkShape(body: string): Shape {
  const tree = parse(body);
  const shape: Shape = { headings: [], quotes: [], hidden: [] };
  for (const n of tree.children ?? []) {
    const start = n.position!.start.line - 1;
    const end = n.position!.end.line - 1;
    if (n.type === 'heading') shape.headings.push(`${start}:${n.depth}:${fold(text(n))}`);
    if (n.type === 'blockquote') shape.quotes.push(`${start}-${end}`);
    if (n.type === 'code' || (n.type === 'html' && /^\s*<!--/.test(n.value ?? ''))) for (let l = start; l <= end; l++) shape.hidden.push(l);
  }
  return shape;
}

/** What the block reader makes of the same body. */
function readerShape(body: string): Shape {
  const blocks = readBlocks(body, 0);
  const shape: Shape = { headings: [], quotes: [], hidden: [] };
  for (const h of blocks.headings) shape.headings.push(`${blocks.lines[h.line]!.index}:${h.level}:${fold(h.text)}`);
  for (const q of blocks.quotes) shape.quotes.push(`${blocks.lines[q.firstLine]!.index}-${blocks.lines[q.lastLine]!.index}`);
  blocks.lineKind.forEach((k, i) => {
    if (k === LineKind.Code || k === LineKind.Fence || k === LineKind.Comment) shape.hidden.push(blocks.lines[i]!.index);
  });
  return shape;
}

function bodyOf(text: string): string {
  return text.slice(readFrontMatter(text).bodyStart);
}

function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...corpusFiles(full));
    else if (e.name.endsWith('.law.md')) out.push(full);
  }
  return out;
}

describe('block reader agrees with remark-parse', function () {
  this.timeout(60000);

  before(async () => {
    const { unified } = await import('unified');
    const remarkParse = (await import('remark-parse')).default;
    const processor = unified().use(remarkParse);
    parse = (body: string) => processor.parse(body) as unknown as MdNode;
  });

  const files = [...corpusFiles(path.join(ROOT, 'corpus')), ...corpusFiles(path.join(ROOT, 'test', 'fixtures'))];
  it(`on every file of the corpus and the fixtures (${files.length} files)`, () => {
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8');
      if (text.includes('\u0000')) continue;
      const body = bodyOf(text);
      const mine = readerShape(body);
      const theirs = remarkShape(body);
      assert.deepEqual(mine.headings, theirs.headings, `${path.relative(ROOT, f)}: headings`);
      assert.deepEqual(mine.quotes, theirs.quotes, `${path.relative(ROOT, f)}: block quotes`);
      // Every line remark hides in code or a comment block, the reader hides too.
      for (const l of theirs.hidden) assert.ok(mine.hidden.includes(l), `${path.relative(ROOT, f)}: line ${l} is code or a comment`);
    }
  });

  // Lines drafters write, and a few they write by mistake.
  const LINE = fc.oneof(
    fc.constantFrom(
      '',
      '## Part I — Preliminary',
      '### 3. Trafficking in persons',
      '## Article 3. Use of terms',
      '#### 369A. Trafficking of human beings',
      '# The Act',
      '##No space is not a heading',
      '   ## Indented three spaces',
      '## Heading with closing hashes ##',
      '(1) Whoever recruits a person shall be punished.',
      '(a) "child" means a person under eighteen years of age;',
      '(i) a sub-clause;',
      'Explanation.— In this section, "coercion" means force.',
      'Provided that nothing in this section applies.',
      'Plain text of a provision, citing section 3 of the said Act.',
      '- (a) a clause as a list item',
      '  - (i) a nested list item',
      '1. a numbered list item',
      '> ### 4A. New section',
      '> (1) Quoted text of a new sub-section.',
      '>',
      '> Provided that quoted.',
      '<!-- lawmark: category=drug-offence -->',
      '<!-- lawmark-disable-next-line penalty-conflict -- reason -->',
      '<!-- a comment',
      'that spans lines -->',
      '```',
      '~~~',
      '---',
      '===',
      '***',
      'text <!-- inline comment --> more text',
    ),
    fc.stringMatching(/^[A-Za-z (),.;]{0,30}$/),
  );

  it('on generated documents', () => {
    fc.assert(
      fc.property(fc.array(LINE, { maxLength: 40 }), (lines) => {
        const body = lines.join('\n') + '\n';
        const mine = readerShape(body);
        const theirs = remarkShape(body);
        assert.deepEqual(mine.headings, theirs.headings, `headings of:\n${body}`);
        assert.deepEqual(mine.quotes, theirs.quotes, `block quotes of:\n${body}`);
        for (const l of theirs.hidden) assert.ok(mine.hidden.includes(l), `line ${l} hidden in:\n${body}`);
      }),
      { numRuns: Number(process.env.CONFORMANCE_RUNS ?? 3000), seed: Number(process.env.CONFORMANCE_SEED ?? 20261130) },
    );
  });
});
