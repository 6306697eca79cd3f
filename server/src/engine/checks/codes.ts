// Every finding's stable code, its default severity and a one-line description.
// Severity comes from configuration at the edge, never from a check.
import type { Severity } from '../model/types';

export interface CodeInfo {
  severity: Severity;
  title: string;
  group: 'mission' | 'paper' | 'structure' | 'bill' | 'meta';
}

export const CODES = {
  'penalty-conflict': { severity: 'warning', group: 'mission', title: 'Different penalties for the same conduct in different instruments' },
  'undefined-term': { severity: 'warning', group: 'mission', title: 'A term defined elsewhere is used without a definition or import in scope' },
  'non-punishment-gap': { severity: 'warning', group: 'mission', title: 'A non-punishment clause covers only offences under its own Act' },
  'non-punishment-missing': { severity: 'warning', group: 'mission', title: 'A trafficking law has no non-punishment clause' },
  'child-age-inconsistency': { severity: 'warning', group: 'mission', title: 'A definition of child or minor sets a different age from the reference' },
  'child-age-sex-disparity': { severity: 'warning', group: 'mission', title: 'A definition of child or minor sets different ages by sex' },
  'fine-in-lieu': { severity: 'warning', group: 'paper', title: 'A grave offence may be punished with a fine alone' },
  'aggravation-inversion': { severity: 'error', group: 'paper', title: 'An aggravated form is punished less than its base offence' },
  'conviction-contingent-remedy': { severity: 'warning', group: 'paper', title: 'A victim remedy depends on a conviction' },
  'missing-overriding-clause': { severity: 'information', group: 'paper', title: 'An instrument that conflicts with a general law has no overriding clause' },
  'definition-coverage-gap': { severity: 'warning', group: 'paper', title: 'A definition of trafficking or exploitation omits forms the reference lists' },
  'frontmatter-invalid': { severity: 'error', group: 'structure', title: 'Front matter missing, unreadable or invalid' },
  'duplicate-id': { severity: 'error', group: 'structure', title: 'Two files declare the same id' },
  'broken-reference': { severity: 'error', group: 'structure', title: 'A cross-reference names a unit that does not exist' },
  'unknown-instrument': { severity: 'information', group: 'structure', title: 'A cross-reference names an instrument that is not in the corpus' },
  'duplicate-provision': { severity: 'error', group: 'structure', title: 'Two provisions have the same number' },
  'numbering-sequence': { severity: 'information', group: 'structure', title: 'Labels skip or repeat within one level' },
  'duplicate-definition': { severity: 'warning', group: 'structure', title: 'A term is defined twice in the same scope' },
  'unused-definition': { severity: 'hint', group: 'structure', title: 'A defined term is never used in its scope' },
  'config-invalid': { severity: 'error', group: 'structure', title: 'lawmark.config.json does not match its schema' },
  'unused-suppression': { severity: 'hint', group: 'meta', title: 'A suppression comment silences nothing' },
  'bill-target-unknown': { severity: 'error', group: 'bill', title: 'A bill amends an instrument that is not in the corpus' },
  'amendment-target-missing': { severity: 'error', group: 'bill', title: 'An instruction names a unit the target does not have' },
  'amendment-text-not-found': { severity: 'error', group: 'bill', title: 'The words an instruction names are not in the unit' },
  'amendment-ambiguous': { severity: 'warning', group: 'bill', title: 'The words occur more than once and the instruction does not say which' },
  'amendment-unrecognised': { severity: 'information', group: 'bill', title: 'An instruction the reader cannot read' },
  'amendment-conflict': { severity: 'error', group: 'bill', title: 'Two instructions change the same words or unit incompatibly' },
  'amendment-breaks-reference': { severity: 'warning', group: 'bill', title: 'The bill removes a unit that other provisions cite' },
  'resolved-by-bill': { severity: 'information', group: 'bill', title: 'A finding that the bill removes' },
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;

export const ALL_CODES = Object.keys(CODES) as Code[];

export function isCode(s: string): s is Code {
  return Object.prototype.hasOwnProperty.call(CODES, s);
}

/**
 * Where a code's documentation lives: docs/checks.md, one heading per code. The front ends
 * pass the file URI of the copy installed beside them (docs/ ships with the extension and the
 * package), so the link works offline; the default is the file in the source tree.
 */
export const DOCS_BASE = 'docs/checks.md';
export function docsUrl(code: string, base: string = DOCS_BASE): string {
  return code ? `${base}#${code}` : base;
}
