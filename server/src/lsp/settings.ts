// Editor settings (`lawmark.*`, declared in package.json and mirrored by the zod schema in
// ../config.ts) merged over lawmark.config.json: a setting that is set wins; exclude globs add up.
import { configSchema, validateConfig, type Config } from '../config';

const KEYS = ['severity', 'include', 'exclude', 'childAge', 'trace'] as const;

export interface MergedSettings {
  config: Config;
  /** Why the settings were not applied (the file's configuration stands meanwhile). */
  problems: string[];
}

/** The settings a client sent, without the unset ones (VS Code sends null, [] and {} for those). */
export function cleanSettings(settings: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return out;
  const s = settings as Record<string, unknown>;
  for (const k of KEYS) {
    let v = s[k];
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'object' && !Array.isArray(v)) {
      // `lawmark.trace` may come as `{ server: "off" }` from clients that use that convention.
      if (k === 'trace') v = (v as Record<string, unknown>).server;
      else if (Object.keys(v as object).length === 0) continue;
      if (v === undefined) continue;
      // Severity "default" (or "") leaves the code at its configured severity.
      if (k === 'severity') v = Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== 'default' && x !== '' && x !== null));
    }
    out[k] = v;
  }
  return out;
}

export function mergeSettings(base: Config, settings: unknown): MergedSettings {
  const clean = cleanSettings(settings);
  const r = configSchema.safeParse(clean);
  if (!r.success) {
    const problems = validateConfig(clean).problems.map((p) => `lawmark.${p.path || 'settings'}: ${p.message}`);
    return { config: base, problems };
  }
  const s = r.data;
  return {
    config: {
      ...base,
      severity: { ...base.severity, ...(s.severity ?? {}) },
      include: s.include && s.include.length ? [...s.include] : base.include,
      exclude: [...new Set([...base.exclude, ...(s.exclude ?? [])])],
      childAge: s.childAge ?? base.childAge,
    },
    problems: [],
  };
}
