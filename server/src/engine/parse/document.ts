// The reader: a file's text → its document model (before linking). A pure function of
// the text; never throws (a failure inside becomes a problem on the file).
import type { BlockQuote, FrontMatter, Problem, Span, Suppression, Unit, Division } from '../model/types';
import { readBlocks, maskText, type Blocks } from './blocks';
import { readFrontMatter } from './frontmatter';
import { readAnnotations, readStructure } from './structure';
import { readDefinitions, unitsByAddress, type RawBlanketImport, type RawDefinition } from './definitions';
import { LineMap } from '../text/lines';

export interface ParsedDocument {
  uri: string;
  text: string;
  frontMatter?: FrontMatter;
  frontMatterSpan?: Span;
  longTitle?: { text: string; span: Span };
  divisions: Division[];
  provisions: Unit[];
  units: Map<string, Unit>;
  rawDefinitions: RawDefinition[];
  rawBlanket: RawBlanketImport[];
  suppressions: Suppression[];
  blockQuotes: BlockQuote[];
  problems: Problem[];
  prose: string;
  lines: LineMap;
  blocks: Blocks;
  /** Whether the file looked like text at all. */
  binary: boolean;
}

const MAX_TEXT = 50 * 1024 * 1024;

export function parseDocument(uri: string, text: string): ParsedDocument {
  try {
    return parseUnsafe(uri, text);
  } catch (e) {
    // A defect in the reader must not take the file (or the run) down with it.
    const empty = emptyDocument(uri, text);
    empty.problems.push({
      code: 'frontmatter-invalid',
      span: { start: 0, end: Math.min(text.length, 1) },
      message: `Lawmark could not read this file (${e instanceof Error ? e.message : String(e)}); its other findings are not shown.`,
    });
    return empty;
  }
}

function emptyDocument(uri: string, text: string): ParsedDocument {
  return {
    uri,
    text,
    divisions: [],
    provisions: [],
    units: new Map(),
    rawDefinitions: [],
    rawBlanket: [],
    suppressions: [],
    blockQuotes: [],
    problems: [],
    prose: '',
    lines: new LineMap(text),
    blocks: { lines: [], headings: [], quotes: [], lineKind: new Uint8Array(0), comments: [], masked: [] },
    binary: false,
  };
}

function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8000);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c === 0xfffd || (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12)) bad++;
  }
  return sample.length > 0 && bad / sample.length > 0.1;
}

function parseUnsafe(uri: string, text: string): ParsedDocument {
  if (text.trim() === '') {
    const doc = emptyDocument(uri, text);
    doc.problems.push({
      code: 'frontmatter-invalid',
      span: { start: 0, end: 0 },
      message: 'This file is empty: a Lawmark file starts with front matter (id, title, kind, jurisdiction, year) between `---` lines, then the text.',
    });
    return doc;
  }
  if (looksBinary(text)) {
    const doc = emptyDocument(uri, text);
    doc.binary = true;
    doc.problems.push({
      code: 'frontmatter-invalid',
      span: { start: 0, end: 0 },
      message: 'This file is not text (it holds binary data), so it cannot be read as Lawmark; rename it if it is not a statute.',
    });
    return doc;
  }
  if (text.length > MAX_TEXT) {
    const doc = emptyDocument(uri, text);
    doc.problems.push({
      code: 'frontmatter-invalid',
      span: { start: 0, end: 0 },
      message: `This file is ${Math.round(text.length / 1048576)} MB, over Lawmark's limit of ${MAX_TEXT / 1048576} MB for one instrument; split it into several files.`,
    });
    return doc;
  }
  const fm = readFrontMatter(text);
  const blocks = readBlocks(text, fm.bodyStart);
  const prose = maskText(text, blocks.masked);
  const structure = readStructure(text, prose, blocks, fm.frontMatter?.kind);
  const problems: Problem[] = [...fm.problems, ...structure.problems];

  // Annotations belong to the unit whose own text holds them.
  if (blocks.comments.length) {
    const annotations = readAnnotations(text, blocks.comments);
    for (const a of annotations) {
      const owner = deepestUnitAt(structure.provisions, a.span.start);
      if (owner) owner.annotations.push(a);
    }
  }
  const suppressions = readSuppressions(text, blocks);
  const blockQuotes: BlockQuote[] = blocks.quotes.map((q) => {
    const parts: string[] = [];
    const lineStarts: BlockQuote['lineStarts'] = [];
    let inner = 0;
    for (const l of q.lines) {
      lineStarts.push({ inner, outer: l.contentStart });
      parts.push(l.content);
      inner += l.content.length + 1;
    }
    return { span: { start: q.start, end: q.end }, text: parts.join('\n'), lineStarts };
  });
  const defs = readDefinitions(prose, structure.provisions, structure.divisions);
  if (fm.frontMatter?.kind === 'bill') {
    // A bill's quoted text defines terms of the instrument it goes into, not of the bill.
    const inQuote = (at: number) => blockQuotes.some((q) => at >= q.span.start && at < q.span.end);
    defs.definitions = defs.definitions.filter((d) => !inQuote(d.span.start));
    defs.blanket = defs.blanket.filter((b) => !inQuote(b.span.start));
  }
  return {
    uri,
    text,
    frontMatter: fm.frontMatter,
    frontMatterSpan: fm.span,
    longTitle: structure.longTitle,
    divisions: structure.divisions,
    provisions: structure.provisions,
    units: unitsByAddress(structure.provisions),
    rawDefinitions: defs.definitions,
    rawBlanket: defs.blanket,
    suppressions,
    blockQuotes,
    problems,
    prose,
    lines: new LineMap(text),
    blocks,
    binary: false,
  };
}

/** The deepest unit whose span holds the offset. */
export function deepestUnitAt(units: Unit[], offset: number): Unit | undefined {
  for (const u of units) {
    if (offset >= u.span.start && offset <= u.span.end) {
      return deepestUnitAt(u.children, offset) ?? u;
    }
  }
  return undefined;
}

const SUPPRESS = /^\s*lawmark-disable(-next-line)?\s+([a-z][a-z0-9-]*(?:\s*,\s*[a-z][a-z0-9-]*)*)\s*(?:--\s*([\s\S]*?))?\s*$/;

function readSuppressions(text: string, blocks: Blocks): Suppression[] {
  const out: Suppression[] = [];
  for (const c of blocks.comments) {
    const body = text.slice(c.start + 4, c.end - 3);
    const m = SUPPRESS.exec(body);
    if (!m) continue;
    const codes = m[2]!.split(',').map((s) => s.trim()).filter(Boolean);
    if (m[1]) {
      // The next line that holds anything.
      let line = c.endLine + 1;
      while (line < blocks.lines.length && blocks.lineKind[line] === 0) line++;
      out.push({ span: { start: c.start, end: c.end }, codes, scope: 'next-line', line: blocks.lines[line]?.index ?? line, reason: m[3]?.trim() || undefined });
    } else {
      out.push({ span: { start: c.start, end: c.end }, codes, scope: 'file', reason: m[3]?.trim() || undefined });
    }
  }
  return out;
}
