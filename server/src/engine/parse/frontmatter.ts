// Front matter: YAML between `---` lines at the top of the file, read with the `yaml`
// library and validated with zod. Every problem becomes a `frontmatter-invalid` problem
// that names the key; nothing here throws and nothing in the YAML is executed.
import { parseDocument, isMap, isScalar, type Node as YamlNode, type Pair } from 'yaml';
import { z } from 'zod';
import type { FrontMatter, Problem, Span } from '../model/types';

export const KINDS = ['act', 'ordinance', 'code', 'rules', 'constitution', 'treaty', 'bill'] as const;

const idPattern = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

export const frontMatterSchema = z
  .object({
    id: z.string().regex(idPattern, 'must be lower-case letters, digits and hyphens in parts joined by "/", e.g. pk/ptpa-2018'),
    title: z.string().min(1, 'must not be empty'),
    short: z.string().min(1).optional(),
    aliases: z.array(z.string().min(1)).optional(),
    kind: z.enum(KINDS),
    jurisdiction: z.string().min(1, 'must not be empty'),
    year: z.number().int(),
    excerpt: z.boolean().optional(),
    role: z.literal('reference').optional(),
    amends: z.array(z.string().regex(idPattern)).optional(),
    status: z.enum(['in-force', 'repealed', 'draft']).optional(),
  })
  .strict();

const KNOWN_KEYS = new Set(Object.keys(frontMatterSchema.shape));

export interface FrontMatterResult {
  frontMatter?: FrontMatter;
  /** The whole block, fences included. */
  span?: Span;
  /** Where the body starts (after the closing fence). */
  bodyStart: number;
  problems: Problem[];
}

const FENCE = /^---[ \t]*\r?$/;

export function readFrontMatter(text: string): FrontMatterResult {
  const problems: Problem[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstLineEnd = lineEnd(text, bom);
  if (!FENCE.test(text.slice(bom, firstLineEnd))) {
    problems.push({
      code: 'frontmatter-invalid',
      span: { start: bom, end: Math.max(bom, Math.min(firstLineEnd, bom + 200)) },
      message: 'This file has no front matter: a Lawmark file starts with a `---` line, the YAML keys id, title, kind, jurisdiction and year, and a closing `---` line.',
    });
    return { bodyStart: bom, problems };
  }
  // Find the closing fence.
  let pos = firstLineEnd + 1;
  let close = -1;
  let closeEnd = text.length;
  while (pos <= text.length) {
    const end = lineEnd(text, pos);
    const line = text.slice(pos, end);
    if (/^(---|\.\.\.)[ \t]*\r?$/.test(line)) {
      close = pos;
      closeEnd = end;
      break;
    }
    if (end >= text.length) break;
    pos = end + 1;
  }
  if (close < 0) {
    problems.push({
      code: 'frontmatter-invalid',
      span: { start: bom, end: firstLineEnd },
      message: 'The front matter is never closed: add a `---` line after its last key.',
    });
    return { bodyStart: text.length, span: { start: bom, end: text.length }, problems };
  }
  const yamlStart = firstLineEnd + 1;
  const yamlText = text.slice(yamlStart, close);
  const span = { start: bom, end: closeEnd };
  const bodyStart = Math.min(text.length, closeEnd + 1);
  const headSpan = { start: bom, end: firstLineEnd };

  let doc;
  try {
    doc = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, schema: 'core' });
  } catch (e) {
    problems.push({ code: 'frontmatter-invalid', span: headSpan, message: `The front matter could not be read as YAML: ${String(e)}` });
    return { span, bodyStart, problems };
  }
  if (doc.errors.length > 0) {
    for (const err of doc.errors.slice(0, 5)) {
      const at = err.pos ? yamlStart + err.pos[0] : headSpan.start;
      problems.push({
        code: 'frontmatter-invalid',
        span: { start: at, end: Math.min(closeEnd, at + 1 + Math.max(0, (err.pos?.[1] ?? at) - (err.pos?.[0] ?? at))) },
        message: `The front matter is not valid YAML: ${firstLine(err.message)}`,
      });
    }
    return { span, bodyStart, problems };
  }
  const contents = doc.contents as YamlNode | null;
  if (!isMap(contents)) {
    problems.push({
      code: 'frontmatter-invalid',
      span: headSpan,
      message: 'The front matter must be a set of `key: value` lines (id, title, kind, jurisdiction, year).',
    });
    return { span, bodyStart, problems };
  }
  // Locate each key, for messages on the right line.
  const keySpans = new Map<string, Span>();
  for (const item of contents.items as Pair[]) {
    if (isScalar(item.key) && item.key.range) {
      const k = String(item.key.value);
      const valueEnd = (item.value as YamlNode | null)?.range?.[1] ?? item.key.range[1];
      keySpans.set(k, { start: yamlStart + item.key.range[0], end: yamlStart + Math.max(item.key.range[1], trimEnd(yamlText, valueEnd)) });
    }
  }
  const data = doc.toJS({ maxAliasCount: 10 }) as Record<string, unknown>;
  // Unknown keys: a warning each, and then validated without them.
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) {
      problems.push({
        code: 'frontmatter-invalid',
        severity: 'warning',
        span: keySpans.get(key) ?? headSpan,
        message: `Unknown front-matter key \`${key}\`; Lawmark reads id, title, short, aliases, kind, jurisdiction, year, excerpt, role, amends and status.`,
      });
      delete data[key];
    }
  }
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      problems.push({
        code: 'frontmatter-invalid',
        span: keySpans.get(key) ?? headSpan,
        message: describeIssue(key, issue, data),
      });
    }
    return { span, bodyStart, problems };
  }
  const v = parsed.data;
  if (v.kind === 'bill' && (!v.amends || v.amends.length === 0)) {
    problems.push({
      code: 'frontmatter-invalid',
      span: keySpans.get('kind') ?? headSpan,
      message: 'A bill must list the instruments it amends: add `amends: [id, …]` to the front matter.',
    });
  }
  const frontMatter: FrontMatter = {
    id: v.id,
    title: v.title,
    short: v.short,
    aliases: v.aliases ?? [],
    kind: v.kind,
    jurisdiction: v.jurisdiction,
    year: v.year,
    excerpt: v.excerpt ?? false,
    role: v.role,
    amends: v.amends ?? [],
    status: v.status ?? (v.kind === 'bill' ? 'draft' : 'in-force'),
  };
  return { frontMatter, span, bodyStart, problems };
}

const REQUIRED = ['id', 'title', 'kind', 'jurisdiction', 'year'];

function describeIssue(key: string, issue: z.core.$ZodIssue, data: Record<string, unknown>): string {
  if (!key) return `The front matter is invalid: ${issue.message}`;
  if (!(key in data) && REQUIRED.includes(key)) {
    return `The front matter has no \`${key}\`: it is required (${requiredHint(key)}).`;
  }
  const got = data[key];
  const shown = typeof got === 'string' ? `"${got}"` : JSON.stringify(got);
  switch (key) {
    case 'kind':
      return `\`kind\` is ${shown}; it must be one of ${KINDS.join(', ')}.`;
    case 'year':
      return `\`year\` is ${shown}; it must be a whole number such as 2018.`;
    case 'excerpt':
      return `\`excerpt\` is ${shown}; it must be true or false.`;
    case 'role':
      return `\`role\` is ${shown}; the only role is \`reference\`.`;
    case 'status':
      return `\`status\` is ${shown}; it must be in-force, repealed or draft.`;
    case 'aliases':
    case 'amends':
      return `\`${key}\` must be a list of ${key === 'amends' ? 'instrument ids' : 'names'}, e.g. [${key === 'amends' ? 'pk/ptpa-2018' : '"Act XXXIV of 2018"'}] (${issue.message}).`;
    case 'id':
      return `\`id\` is ${shown}; it ${typeof got === 'string' ? issue.message : 'must be a string such as pk/ptpa-2018'}.`;
    default:
      return `\`${key}\` is ${shown}: ${issue.message}.`;
  }
}

function requiredHint(key: string): string {
  switch (key) {
    case 'id': return 'a unique id such as pk/ptpa-2018';
    case 'title': return 'the full citation title';
    case 'kind': return KINDS.join(', ');
    case 'jurisdiction': return 'a code such as PK or INT';
    default: return 'the year of the instrument';
  }
}

function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

function trimEnd(text: string, end: number): number {
  let e = Math.min(end, text.length);
  while (e > 0 && /\s/.test(text[e - 1]!)) e--;
  return e;
}
