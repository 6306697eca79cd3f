// Rename a defined term across its scope: the quoted term of its definition and every use,
// keeping each use's number (victim → victims) and capital letter.
import type { Definition, Span } from '../model/types';
import type { LinkedDocument } from '../index/link';
import type { WorkspaceIndex } from '../index/workspace';
import { singular, termKey } from '../text/terms';
import { termAt } from './common';

export interface TextEditAt {
  uri: string;
  span: Span;
  newText: string;
}

export class RenameError extends Error {}

/** The term that a rename at the offset would change, or why there is none. */
export function prepareRename(index: WorkspaceIndex, uri: string, offset: number): { span: Span; placeholder: string } {
  const doc = index.document(uri);
  if (!doc) throw new RenameError('This file is not part of the Lawmark workspace.');
  const { def, span } = renameTarget(index, doc, offset);
  void def;
  return { span, placeholder: doc.text.slice(span.start, span.end) };
}

function renameTarget(index: WorkspaceIndex, doc: LinkedDocument, offset: number): { def: Definition; span: Span } {
  const hit = termAt(index, doc, offset);
  if (!hit) throw new RenameError('Only a defined term can be renamed: put the cursor on a term that a definition in scope defines.');
  const def = hit.local ?? (hit.resolved?.doc === doc ? hit.resolved.def : undefined);
  if (!def) {
    const where = hit.resolved ? `${hit.resolved.doc.frontMatter?.short ?? hit.resolved.doc.frontMatter?.title ?? hit.resolved.doc.uri}` : 'another instrument';
    throw new RenameError(`"${doc.text.slice(hit.span.start, hit.span.end)}" is defined in ${where}; rename it there.`);
  }
  return { def, span: hit.span };
}

export function rename(index: WorkspaceIndex, uri: string, offset: number, newName: string): TextEditAt[] {
  const doc = index.document(uri);
  if (!doc) throw new RenameError('This file is not part of the Lawmark workspace.');
  const name = newName.trim().replace(/^[“"]|[”"]$/g, '');
  if (!name || /["“”\n]/.test(name)) throw new RenameError('A term is one or more words, without quotes.');
  const { def } = renameTarget(index, doc, offset);
  const edits: TextEditAt[] = [{ uri: doc.uri, span: def.span, newText: matchCase(doc.text.slice(def.span.start, def.span.end), name) }];
  const singularKey = termKey(def.term.replace(/^the\s+/, ''));
  for (const s of index.termUses(doc, def)) {
    const old = doc.text.slice(s.start, s.end);
    const plural = old.toLowerCase().replace(/\s+/g, ' ') !== singularKey && termKey(old) === singularKey;
    edits.push({ uri: doc.uri, span: s, newText: matchCase(old, plural ? pluralise(name) : name) });
  }
  return edits;
}

/** "Victim" → "Survivor"; "VICTIM" → "SURVIVOR"; otherwise as typed. */
function matchCase(old: string, name: string): string {
  if (old.length > 1 && old === old.toUpperCase() && /[A-Z]/.test(old)) return name.toUpperCase();
  if (/^[A-Z]/.test(old) && /^[a-z]/.test(name)) return name.charAt(0).toUpperCase() + name.slice(1);
  return name;
}

const IRREGULAR: Record<string, string> = { child: 'children', woman: 'women', man: 'men', person: 'persons', party: 'parties', minor: 'minors', wife: 'wives', life: 'lives' };

/** The plural of a term: its last word made plural. */
export function pluralise(term: string): string {
  const m = /^(.*?)([\p{L}\p{N}'’-]+)$/u.exec(term);
  if (!m) return term;
  const [, head, last] = m as unknown as [string, string, string];
  const lower = last.toLowerCase();
  let p: string;
  if (IRREGULAR[lower]) p = IRREGULAR[lower]!;
  else if (/[^aeiou]y$/.test(lower)) p = lower.slice(0, -1) + 'ies';
  else if (/(s|x|z|ch|sh)$/.test(lower)) p = lower + 'es';
  else p = lower + 's';
  if (singular(p) !== lower) p = lower + 's';
  return head + (last === lower ? p : last.charAt(0) + p.slice(1));
}
