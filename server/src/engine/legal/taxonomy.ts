// Offence categories (checks.md): shipped defaults that lawmark.config.json extends with new
// categories or more trigger phrases. A provision gets a category from its heading and text;
// `<!-- lawmark: category=… -->` adds one.
import type { Config } from '../../config';

export interface Category {
  name: string;
  /** Whole-word, case-insensitive patterns (a phrase may use `*` for "any word ending"). */
  patterns: RegExp[];
  /** The patterns as one alternation, tested once per text. */
  any: RegExp;
  /** An offence a trafficked person is typically compelled to commit. */
  status: boolean;
  /** Grave: a fine alone is never an adequate penalty. */
  grave: boolean;
}

const DEFAULTS: Array<{ name: string; phrases: string[]; status?: boolean; grave?: boolean }> = [
  {
    name: 'trafficking',
    grave: true,
    phrases: [
      'trafficking in persons',
      'trafficking in human beings',
      'trafficking of persons',
      'trafficking of human beings',
      'trafficking in women',
      'trafficking in children',
      'trafficking of women',
      'trafficking of children',
      'human trafficking',
      'traffics a person',
      'traffics any person',
      'traffics another person',
      'traffics a child',
      'trafficked person',
      'trafficked persons',
      'trafficking of a person',
      'trafficking of any person',
      'child trafficking',
      'person trafficking',
      // "the offence of trafficking", a heading "Trafficking": but not trafficking in drugs.
      're:\\boffences?\\s+of\\s+trafficking\\b(?!\\s+(?:in|of)\\s+(?:drugs?|narcotics?|psychotropic|controlled|arms|weapons|firearms))',
      're:^\\s*trafficking\\s*$',
    ],
  },
  { name: 'smuggling-of-migrants', phrases: ['smuggling of migrants', 'migrant smuggling', 'smuggles a migrant', 'smuggles any migrant', 'smuggled migrant', 'smuggling of a migrant'] },
  { name: 'kidnapping', phrases: ['kidnap*', 'abduct*'] },
  {
    name: 'slavery',
    grave: true,
    phrases: ['slave', 'slaves', 'slavery', 'practices similar to slavery', 'servitude', 'enslave*', 'dealing in slaves', 'debt bondage'],
  },
  {
    name: 'forced-labour',
    phrases: ['forced labour', 'forced labor', 'compulsory labour', 'compulsory labor', 'compelled labour', 'compelled labor', 'bonded labour', 'bonded labor', 'forced services', 'forced work', 'unlawful compulsory labour', 'compels any person to labour', 'compels a person to labour', 'compels him to work', 'compelled to work'],
  },
  {
    name: 'sexual-exploitation',
    grave: true,
    phrases: ['prostitution', 'prostitute', 'commercial sex*', 'sexual exploitation', 'sexually exploit*', 'illicit intercourse', 'brothel*', 'pornograph*'],
  },
  { name: 'child-marriage', phrases: ['child marriage', 'child marriages', 'marriage of a child', 'marries a child', 'marriage with a child', 'underage marriage', 'minor marriage'] },
  { name: 'organ-removal', grave: true, phrases: ['removal of organs', 'removal of an organ', 'removal of human organs', 'organ removal', 'organ harvesting', 'human organ*', 'transplantation of organs', 'organ trafficking', 'trafficking in organs', 'trafficking of organs'] },
  // The person prostituted, punished for loitering or soliciting (a status offence, checks.md).
  {
    name: 'prostitution',
    status: true,
    phrases: ['re:\\b(?:loiter\\w*|solicit\\w*)\\b[^.;]{0,80}\\bprostitution\\b', 'common prostitute', 're:\\boffers?\\s+(?:him|her|them)sel(?:f|ves)\\s+for\\s+prostitution', 're:\\bengages?\\s+in\\s+prostitution'],
  },
  { name: 'begging', status: true, phrases: ['begging', 'beggary', 'mendicancy', 'to beg', 'for alms', 'soliciting alms'] },
  {
    name: 'drug-offence',
    status: true,
    phrases: ['narcotic*', 'psychotropic*', 'controlled substance*', 'controlled drug*', 'dangerous drug*', 'drug trafficking', 'illicit drug*', 'heroin', 'cocaine', 'cannabis', 'opium', 'methamphetamine'],
  },
  {
    name: 'immigration-status',
    status: true,
    phrases: ['illegal entry', 'illegally enters', 'enters illegally', 'unlawful entry', 'unlawfully enters', 'enters unlawfully', 'illegal stay', 'illegally stays', 'overstay*', 'without a valid visa', 'without valid visa', 'illegal immigrant*', 'illegal immigration', 'unlawfully present', 'unlawful presence', 'remains in pakistan', 'contravenes the provisions of this act', 'foreigner who', 'prohibited immigrant*'],
  },
  {
    name: 'emigration-document',
    status: true,
    phrases: ['emigrat*', 'passport*', 'travel document*', 'forged document*', 'false document*', 'forged visa', 'false visa', 'fraudulent travel', 'exit control', 'leaves pakistan', 'departs from'],
  },
];

export interface Taxonomy {
  categories: Category[];
  byName: Map<string, Category>;
}

const cache = new WeakMap<Config, Taxonomy>();

/** The shipped categories, extended by the configuration (more phrases, new categories). */
export function taxonomyFor(config: Config): Taxonomy {
  const hit = cache.get(config);
  if (hit) return hit;
  const merged = new Map<string, { phrases: string[]; status: boolean; grave: boolean }>();
  for (const d of DEFAULTS) merged.set(d.name, { phrases: [...d.phrases], status: !!d.status, grave: !!d.grave });
  for (const [name, c] of Object.entries(config.categories)) {
    const m = merged.get(name) ?? { phrases: [], status: false, grave: false };
    m.phrases.push(...c.phrases);
    if (c.status !== undefined) m.status = c.status;
    if (c.grave !== undefined) m.grave = c.grave;
    merged.set(name, m);
  }
  const categories: Category[] = [...merged].map(([name, m]) => {
    const patterns = m.phrases.map(phrasePattern);
    return { name, status: m.status, grave: m.grave, patterns, any: new RegExp(patterns.map((p) => p.source).join('|') || '(?!)', 'im') };
  });
  const t = { categories, byName: new Map(categories.map((c) => [c.name, c])) };
  cache.set(config, t);
  return t;
}

/**
 * `commercial sex*` → /\bcommercial\s+sex\w*\b/i: words joined by any white space.
 * A phrase that starts `re:` is a regular expression as it stands (case-insensitive, `^`/`$` per line).
 */
export function phrasePattern(phrase: string): RegExp {
  if (phrase.startsWith('re:')) {
    try {
      return new RegExp(phrase.slice(3), 'im');
    } catch {
      return /(?!)/;
    }
  }
  const words = phrase.trim().toLowerCase().split(/\s+/).map((w) => {
    const star = w.endsWith('*');
    const core = (star ? w.slice(0, -1) : w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return star ? `${core}[\\w-]*` : core;
  });
  return new RegExp(`(?<![\\w-])${words.join('[\\s-]+')}(?![\\w-])`, 'i');
}

/** The categories whose phrases occur in the text. "drug trafficking" is a drug offence, not trafficking in persons. */
export function categoriesIn(text: string, taxonomy: Taxonomy): string[] {
  const out: string[] = [];
  for (const c of taxonomy.categories) if (c.any.test(text)) out.push(c.name);
  // Punishing the person prostituted is not exploiting another: not sexual exploitation.
  if (out.includes('prostitution') && !/\b(?:another|other)\s+person|\bprocur|\bbrothel|\bcontrol\w*\s+(?:the\s+)?prostitution|\bfor\s+gain|\bsells?\b|\bbuys?\b|\bexploit/i.test(text)) {
    return out.filter((c) => c !== 'sexual-exploitation');
  }
  return out;
}
