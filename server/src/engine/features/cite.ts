// How messages name instruments and their units: "PTPA s.3(1)", "PPC s.371A",
// "section 9 of the Control of Narcotic Substances Act, 1997".
import type { FrontMatter } from '../model/types';
import { provisionWordFor } from '../parse/structure';

export function instrumentName(fm: FrontMatter | undefined, fallback = 'this file'): string {
  if (!fm) return fallback;
  return fm.short ?? fm.title;
}

const ABBREV: Record<string, string> = { section: 's.', article: 'art.', rule: 'r.', regulation: 'reg.' };

/** Short form: `PTPA s.3(1)`, `UNTOC art.2(c)`, `PTPA s.4 Explanation`. */
export function citeShort(fm: FrontMatter | undefined, address: string): string {
  const name = instrumentName(fm);
  if (!address) return name;
  if (/^[a-z]/.test(address)) return `${name} ${address}`;
  const word = provisionWordFor(fm?.kind);
  return `${name} ${ABBREV[word] ?? 's.'}${address}`;
}

/** Long form: `section 9 of the Control of Narcotic Substances Act, 1997`. */
export function citeLong(fm: FrontMatter | undefined, address: string): string {
  const title = fm ? fm.title : 'this file';
  if (!address) return `the ${title}`.replace(/^the the /i, 'the ');
  const word = /^[a-z]/.test(address) ? '' : `${provisionWordFor(fm?.kind)} `;
  return `${word}${address} of the ${title}`.replace(/of the the /i, 'of the ');
}

/** `3`, `3(1)(a)` → the word for the unit: section / sub-section / clause. */
export function unitWord(kind: string | undefined, address: string): string {
  const depth = (address.match(/\(/g) ?? []).length;
  if (depth === 0) return provisionWordFor(kind);
  const last = /\(([^)]*)\)$/.exec(address)?.[1] ?? '';
  if (/^\d/.test(last)) return kind === 'treaty' || kind === 'constitution' ? 'paragraph' : 'sub-section';
  return depth >= 3 || /^[ivx]+$/.test(last) ? 'sub-clause' : 'clause';
}
