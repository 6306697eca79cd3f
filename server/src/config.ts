// lawmark.config.json and the editor settings, one zod schema for both (each setting is
// declared once here and once in package.json). Reading never throws: a bad value is a
// `config-invalid` problem with the path of the value, and the defaults stand meanwhile.
import { z } from 'zod';
import { parseTree, findNodeAtLocation, type Node as JsonNode, type ParseError, printParseErrorCode } from 'jsonc-parser';
import { ALL_CODES, type Code } from './engine/checks/codes';
import type { Severity, Span } from './engine/model/types';

export const SEVERITY_SETTINGS = ['off', 'hint', 'information', 'warning', 'error'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

const categorySchema = z
  .object({
    /** Words or phrases in a provision's heading or text that put it in the category (`re:` starts a regular expression). */
    phrases: z
      .array(
        z
          .string()
          .min(1)
          .refine((p) => !p.startsWith('re:') || compiles(p.slice(3)), { message: 'is not a valid regular expression after `re:`' }),
      )
      .default([]),
    /** An offence a trafficked person is typically compelled to commit. */
    status: z.boolean().optional(),
    /** A grave offence: a fine alone is never enough. */
    grave: z.boolean().optional(),
  })
  .strict();

function compiles(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

export const configSchema = z
  .object({
    $schema: z.string().optional(),
    /** Severity per check code: off, hint, information, warning or error. */
    severity: z.partialRecord(z.enum(ALL_CODES as [Code, ...Code[]]), z.enum(SEVERITY_SETTINGS)).optional(),
    /** Globs (relative to the configuration's folder) of the files that make up the corpus. */
    include: z.array(z.string().min(1)).optional(),
    /** Globs of files to leave out. */
    exclude: z.array(z.string().min(1)).optional(),
    /** The reference age below which a person is a child (child-age-inconsistency). */
    childAge: z.number().int().min(1).max(30).optional(),
    /** More offence categories, or more phrases for the shipped ones. */
    categories: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/), categorySchema).optional(),
    /** Forms of exploitation a definition of trafficking is measured against, beyond the reference instrument's. */
    exploitationForms: z.record(z.string().min(1), z.array(z.string().min(1))).optional(),
    /** Terms defined outside the corpus: term → where its meaning is found. */
    glossary: z.record(z.string().min(1), z.string().min(1)).optional(),
    /** Language-server trace (editor setting). */
    trace: z.enum(['off', 'messages', 'verbose']).optional(),
  })
  .strict();

export type ConfigInput = z.infer<typeof configSchema>;

export interface Config {
  severity: Partial<Record<Code, SeveritySetting>>;
  include: string[];
  exclude: string[];
  childAge?: number;
  categories: Record<string, { phrases: string[]; status?: boolean; grave?: boolean }>;
  exploitationForms: Record<string, string[]>;
  glossary: Record<string, string>;
}

export const DEFAULT_INCLUDE = ['**/*.law.md'];
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/dist/**'];

export function defaultConfig(): Config {
  return { severity: {}, include: [...DEFAULT_INCLUDE], exclude: [...DEFAULT_EXCLUDE], categories: {}, exploitationForms: {}, glossary: {} };
}

export interface ConfigProblem {
  span: Span;
  message: string;
  /** The JSON path of the bad value, e.g. `severity.penalty-conflict`. */
  path: string;
}

export function fromInput(v: ConfigInput): Config {
  const d = defaultConfig();
  return {
    severity: v.severity ?? {},
    include: v.include ?? d.include,
    exclude: [...d.exclude, ...(v.exclude ?? [])],
    childAge: v.childAge,
    categories: Object.fromEntries(Object.entries(v.categories ?? {}).map(([k, c]) => [k, { phrases: c.phrases, status: c.status, grave: c.grave }])),
    exploitationForms: v.exploitationForms ?? {},
    glossary: v.glossary ?? {},
  };
}

/** Reads the text of a lawmark.config.json. */
export function parseConfig(text: string): { config: Config; problems: ConfigProblem[] } {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length || !tree) {
    const e = errors[0];
    return {
      config: defaultConfig(),
      problems: [
        {
          span: { start: e?.offset ?? 0, end: (e?.offset ?? 0) + (e?.length ?? 0) },
          path: '',
          message: e ? `lawmark.config.json is not valid JSON (${printParseErrorCode(e.error)}); the defaults apply until it is fixed.` : 'lawmark.config.json is empty; the defaults apply.',
        },
      ],
    };
  }
  const value = nodeValue(tree);
  return validateConfig(value, tree);
}

/** Validates a configuration object (from a file, or from editor settings when `tree` is absent). */
export function validateConfig(value: unknown, tree?: JsonNode): { config: Config; problems: ConfigProblem[] } {
  const r = configSchema.safeParse(value);
  if (r.success) return { config: fromInput(r.data), problems: [] };
  const problems: ConfigProblem[] = r.error.issues.map((issue) => {
    let path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys.length) path = [...path, issue.keys[0]!];
    const node = tree ? findNodeAtLocation(tree, path) ?? findNodeAtLocation(tree, path.slice(0, -1)) : undefined;
    const at = node?.parent?.type === 'property' ? node.parent : node;
    const dotted = path.join('.');
    return {
      path: dotted,
      span: at ? { start: at.offset, end: at.offset + at.length } : { start: 0, end: 1 },
      message: describe(issue, dotted),
    };
  });
  return { config: defaultConfig(), problems };
}

function describe(issue: z.core.$ZodIssue, path: string): string {
  const where = path ? `\`${path}\`` : 'The configuration';
  if (issue.code === 'unrecognized_keys' && path.startsWith('severity.')) {
    return `\`${issue.keys[0]}\` is not a Lawmark check code (see the list of checks); the defaults apply until it is fixed.`;
  }
  if ((path === 'include' || path === 'exclude') && issue.code === 'invalid_type') {
    return `\`${path}\` must be a list of globs such as ["corpus/**/*.law.md"]; the defaults apply until it is fixed.`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `${where}: unknown setting${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}; the defaults apply until it is fixed.`;
  }
  if (path.startsWith('severity.')) {
    const code = path.slice('severity.'.length);
    if (!(ALL_CODES as string[]).includes(code) && issue.code !== 'invalid_value') return `\`${code}\` is not a Lawmark check code; the defaults apply until it is fixed.`;
    return `${where} must be one of ${SEVERITY_SETTINGS.join(', ')}; the defaults apply until it is fixed.`;
  }
  return `${where}: ${issue.message}; the defaults apply until it is fixed.`;
}

function nodeValue(n: JsonNode): unknown {
  switch (n.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) o[String(k.value)] = nodeValue(v);
      }
      return o;
    }
    case 'array':
      return (n.children ?? []).map(nodeValue);
    default:
      return n.value;
  }
}

/** The severity a code takes under this configuration; undefined when it is off. */
export function severityFor(config: Config, code: Code, defaultSeverity: Severity): Severity | undefined {
  const s = config.severity[code];
  if (!s) return defaultSeverity;
  return s === 'off' ? undefined : s;
}
