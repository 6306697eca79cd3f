// The block reader: one pass over the lines of a file that finds the Markdown blocks the
// dialect gives meaning to (ATX and setext headings, block quotes, fenced code, HTML
// comments) without building a full Markdown tree. It must agree with remark-parse on
// each of these; test/unit/conformance.test.ts holds it to that on the corpus and on
// generated documents.

export interface Line {
  /** Offset of the first character. */
  start: number;
  /** Offset after the last character, before `\r\n` or `\n`. */
  end: number;
  /** 0-based line number. */
  index: number;
}

export interface Heading {
  level: number;
  /** The heading's text, trimmed, without `#` markers. */
  text: string;
  /** Offset of the text in the file. */
  textStart: number;
  line: number;
  /** The whole heading (for setext: both lines). */
  start: number;
  end: number;
}

export interface QuoteBlock {
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
  /** The quoted text with `>` markers removed, one entry per line. */
  lines: Array<{ line: number; contentStart: number; content: string }>;
}

export interface Blocks {
  lines: Line[];
  /** Headings outside quotes, code and comments. */
  headings: Heading[];
  quotes: QuoteBlock[];
  /** Kind of each line: what is inside it for the reader of provisions. */
  lineKind: Uint8Array;
  /** HTML comments (whole text from `<!--` to `-->`), in order. */
  comments: Array<{ start: number; end: number; line: number; endLine: number }>;
  /** Ranges to blank out of prose: code blocks, comments, front matter. */
  masked: Array<{ start: number; end: number }>;
}

export const enum LineKind {
  Blank = 0,
  Text = 1,
  Heading = 2,
  Quote = 3,
  Code = 4,
  Comment = 5,
  Fence = 6,
  Thematic = 7,
  /** Text inside a list item. */
  ListText = 8,
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const QUOTE = /^ {0,3}>/;
const THEMATIC = /^ {0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$/;
const LIST_ITEM = /^ {0,3}([-+*]|\d{1,9}[.)])([ \t]|$)/;

export function splitLines(text: string, from = 0): Line[] {
  const lines: Line[] = [];
  let pos = from;
  let index = 0;
  // Lines before `from` still count for numbering.
  if (from > 0) {
    let p = 0;
    while (p < from) {
      const nl = text.indexOf('\n', p);
      if (nl < 0 || nl >= from) break;
      index++;
      p = nl + 1;
    }
  }
  const n = text.length;
  while (pos <= n) {
    const nl = text.indexOf('\n', pos);
    const lineEnd = nl < 0 ? n : nl;
    const end = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    lines.push({ start: pos, end, index });
    index++;
    if (nl < 0) break;
    pos = nl + 1;
  }
  return lines;
}

/** Reads the blocks of `text` from offset `from` (the end of the front matter). */
export function readBlocks(text: string, from: number): Blocks {
  const lines = splitLines(text, from);
  const lineKind = new Uint8Array(lines.length);
  const headings: Heading[] = [];
  const quotes: QuoteBlock[] = [];
  const comments: Blocks['comments'] = [];
  const masked: Blocks['masked'] = [];
  if (from > 0) masked.push({ start: 0, end: from });

  let fence: { char: string; len: number; start: number } | undefined;
  let comment: { start: number; line: number } | undefined;
  let quote: QuoteBlock | undefined;
  /** Whether the previous line was paragraph text (a setext underline or lazy continuation may follow). */
  let paragraph = false;
  let quoteParagraph = false;
  /** Inside a list item: its content column, and whether a blank line has ended its paragraph. */
  let list: { indent: number; afterBlank: boolean; paragraph: boolean } | undefined;

  const closeQuote = () => {
    if (quote) quotes.push(quote);
    quote = undefined;
    quoteParagraph = false;
  };

  for (let i = 0; i < lines.length; i++) {
    const ln = lines[i]!;
    const s = text.slice(ln.start, ln.end);
    if (fence) {
      lineKind[i] = LineKind.Code;
      const m = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(s);
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.len) {
        lineKind[i] = LineKind.Fence;
        masked.push({ start: fence.start, end: ln.end });
        fence = undefined;
      }
      continue;
    }
    if (comment) {
      lineKind[i] = LineKind.Comment;
      const close = s.indexOf('-->');
      if (close >= 0) {
        const end = ln.start + close + 3;
        comments.push({ start: comment.start, end, line: comment.line, endLine: i });
        masked.push({ start: comment.start, end });
        comment = undefined;
      }
      continue;
    }
    const blank = /^[ \t]*$/.test(s);
    if (blank) {
      lineKind[i] = LineKind.Blank;
      paragraph = false;
      if (list) {
        list.afterBlank = true;
        list.paragraph = false;
      }
      closeQuote();
      continue;
    }
    // A line indented to the open list item's content belongs to it.
    // (Nested items included: only the outermost item's content column decides.)
    if (list && s.length - s.trimStart().length >= list.indent) {
      lineKind[i] = LineKind.ListText;
      const inner = s.slice(list.indent);
      const nested = LIST_ITEM.exec(inner);
      const content = (nested ? inner.slice(nested[0].length) : inner).trimStart();
      list.paragraph = content !== '' && !startsBlock(content);
      list.afterBlank = false;
      continue;
    }
    // Inside a block quote, or a lazy continuation of its paragraph.
    if (QUOTE.test(s)) {
      list = undefined; // a quote less indented than the list's content ends the list
      if (!quote) {
        quote = { start: ln.start, end: ln.end, firstLine: i, lastLine: i, lines: [] };
      }
      const m = /^ {0,3}> ?/.exec(s)!;
      const contentStart = ln.start + m[0].length;
      const content = text.slice(contentStart, ln.end);
      quote.end = ln.end;
      quote.lastLine = i;
      quote.lines.push({ line: i, contentStart, content });
      lineKind[i] = LineKind.Quote;
      const inner = content.trim();
      quoteParagraph = inner !== '' && !ATX.test(content) && !FENCE_OPEN.test(content) && !THEMATIC.test(content);
      paragraph = false;
      continue;
    }
    if (quote) {
      if (quoteParagraph && !startsBlock(s)) {
        // Lazy continuation: CommonMark keeps this line in the quote's paragraph.
        quote.end = ln.end;
        quote.lastLine = i;
        quote.lines.push({ line: i, contentStart: ln.start, content: s });
        lineKind[i] = LineKind.Quote;
        continue;
      }
      closeQuote();
    }
    // A list item, and the lines that belong to it (indented to its content, or lazy
    // continuations of its paragraph): list content, never top-level blocks.
    const item = LIST_ITEM.exec(s);
    if (list && !item) {
      const indent = s.length - s.trimStart().length;
      const lazy = list.paragraph && !startsBlock(s) && !QUOTE.test(s);
      if (indent >= list.indent || lazy) {
        lineKind[i] = LineKind.ListText;
        list.paragraph = indent >= list.indent ? !startsBlock(s.slice(list.indent)) : true;
        list.afterBlank = false;
        continue;
      }
      list = undefined;
    }
    // Indented code: four spaces (or a tab) where no paragraph is open.
    if (!paragraph && /^(?: {4}|\t| {1,3}\t)/.test(s)) {
      lineKind[i] = LineKind.Code;
      masked.push({ start: ln.start, end: ln.end });
      continue;
    }
    if (item && !(paragraph && !canInterrupt(s))) {
      const rest = s.slice(item[0].length);
      const spaces = rest.length - rest.trimStart().length;
      const contentIndent = rest.trim() === '' ? item[0].length + 1 : item[0].length + Math.min(spaces, 4);
      list = { indent: contentIndent, afterBlank: false, paragraph: rest.trim() !== '' && !startsBlock(rest.trimStart()) };
      lineKind[i] = LineKind.ListText;
      paragraph = false;
      continue;
    }
    const fo = FENCE_OPEN.exec(s);
    if (fo && !(fo[1]![0] === '`' && fo[2]!.includes('`'))) {
      fence = { char: fo[1]![0]!, len: fo[1]!.length, start: ln.start };
      lineKind[i] = LineKind.Fence;
      paragraph = false;
      continue;
    }
    const trimmed = s.replace(/^ {0,3}/, '');
    if (trimmed.startsWith('<!--')) {
      // An HTML block of type 2: it runs to the line that holds `-->`.
      const close = s.indexOf('-->', s.indexOf('<!--') + 4);
      lineKind[i] = LineKind.Comment;
      paragraph = false;
      if (close >= 0) {
        const end = ln.start + close + 3;
        comments.push({ start: ln.start + s.indexOf('<!--'), end, line: i, endLine: i });
        masked.push({ start: ln.start + s.indexOf('<!--'), end });
        // Text after the comment on the same line belongs to the HTML block too.
        if (end < ln.end) masked.push({ start: end, end: ln.end });
      } else {
        comment = { start: ln.start + s.indexOf('<!--'), line: i };
      }
      continue;
    }
    const atx = ATX.exec(s);
    if (atx) {
      const level = atx[1]!.length;
      let textStart = ln.start + atx[0].length;
      let textEnd = ln.end;
      // Strip a closing sequence of #s and trailing blanks.
      let body = text.slice(textStart, textEnd);
      const closing = /(?:^|[ \t]+)#+[ \t]*$/.exec(body);
      if (closing) body = body.slice(0, closing.index);
      const lead = body.length - body.trimStart().length;
      textStart += lead;
      body = body.trim();
      textEnd = textStart + body.length;
      // An inline comment (`## 3. Heading <!-- lawmark: … -->`) is not part of the heading's text.
      if (body.includes('<!--')) body = body.replace(/<!--[\s\S]*?-->/g, '').replace(/\s{2,}/g, ' ').trim();
      headings.push({ level, text: body, textStart, line: i, start: ln.start, end: ln.end });
      lineKind[i] = LineKind.Heading;
      paragraph = false;
      continue;
    }
    const setext = SETEXT.exec(s);
    if (setext && paragraph && !LIST_ITEM.test(text.slice(lines[i - 1]!.start, lines[i - 1]!.end))) {
      // The paragraph line(s) above become a heading. Only a one-line paragraph is taken
      // as the heading text here: a multi-line one is joined as CommonMark does.
      let first = i - 1;
      while (first - 1 >= 0 && lineKind[first - 1] === LineKind.Text && !LIST_ITEM.test(text.slice(lines[first - 1]!.start, lines[first - 1]!.end))) first--;
      const startLine = lines[first]!;
      const raw = text.slice(startLine.start, lines[i - 1]!.end);
      const lead = raw.length - raw.trimStart().length;
      headings.push({
        level: setext[1]![0] === '=' ? 1 : 2,
        text: raw.trim().replace(/[ \t]*\r?\n[ \t]*/g, ' ').replace(/<!--[\s\S]*?-->/g, '').replace(/\s{2,}/g, ' ').trim(),
        textStart: startLine.start + lead,
        line: first,
        start: startLine.start,
        end: ln.end,
      });
      for (let k = first; k <= i; k++) lineKind[k] = LineKind.Heading;
      paragraph = false;
      continue;
    }
    if (THEMATIC.test(s) && !(paragraph && /^ {0,3}-/.test(s))) {
      lineKind[i] = LineKind.Thematic;
      paragraph = false;
      continue;
    }
    lineKind[i] = LineKind.Text;
    paragraph = !LIST_ITEM.test(s) || paragraph;
    if (LIST_ITEM.test(s)) paragraph = false;
  }
  if (fence) masked.push({ start: fence.start, end: text.length });
  if (comment) {
    comments.push({ start: comment.start, end: text.length, line: comment.line, endLine: lines.length - 1 });
    masked.push({ start: comment.start, end: text.length });
  }
  closeQuote();
  // Inline comments inside text lines (`text <!-- lawmark: … -->`).
  for (let i = 0; i < lines.length; i++) {
    if (lineKind[i] !== LineKind.Text && lineKind[i] !== LineKind.ListText && lineKind[i] !== LineKind.Heading && lineKind[i] !== LineKind.Quote) continue;
    const ln = lines[i]!;
    const s = text.slice(ln.start, ln.end);
    let p = s.indexOf('<!--');
    while (p >= 0) {
      const close = s.indexOf('-->', p + 4);
      if (close < 0) break;
      comments.push({ start: ln.start + p, end: ln.start + close + 3, line: i, endLine: i });
      masked.push({ start: ln.start + p, end: ln.start + close + 3 });
      p = s.indexOf('<!--', close + 3);
    }
  }
  comments.sort((a, b) => a.start - b.start);
  return { lines, headings, quotes, lineKind, comments, masked };
}

/** Only a bullet or `1.` item with content may interrupt a paragraph (CommonMark 5.2). */
function canInterrupt(s: string): boolean {
  const m = /^ {0,3}([-+*]|\d{1,9}[.)])([ \t]+)(\S)/.exec(s);
  if (!m) return false;
  return !/^\d/.test(m[1]!) || /^1[.)]$/.test(m[1]!);
}

function startsBlock(s: string): boolean {
  return ATX.test(s) || FENCE_OPEN.test(s) || THEMATIC.test(s) || LIST_ITEM.test(s) || /^ {0,3}<!--/.test(s);
}

/** The text with the masked ranges replaced by spaces (line breaks kept), so offsets stay valid. */
export function maskText(text: string, masked: Blocks['masked']): string {
  if (masked.length === 0) return text;
  const parts: string[] = [];
  let pos = 0;
  const sorted = [...masked].sort((a, b) => a.start - b.start);
  for (const m of sorted) {
    if (m.end <= pos) continue;
    const start = Math.max(m.start, pos);
    parts.push(text.slice(pos, start));
    parts.push(text.slice(start, m.end).replace(/[^\r\n]/g, ' '));
    pos = m.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
