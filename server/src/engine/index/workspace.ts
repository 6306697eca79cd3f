// The workspace index: every instrument of a workspace, keyed by id, with lookups of any
// unit by address, of every citation of a unit and of every use of a term.
//
// Inputs are the only state: (uri → text). Everything else is derived and cached:
//   parse   — per document, keyed by its text;
//   link    — per document, keyed by its text and the corpus's instrument names;
//   corpus  — maps over all documents (ids, citations, terms), rebuilt lazily after a change.
// An edit to one file re-parses and re-links that file alone (unless it changes an
// instrument's names, which re-links all), so the cost of an edit grows with the file.
import type { Definition, InstrumentTarget, Reference, Span, Unit } from '../model/types';
import { parseDocument, type ParsedDocument } from '../parse/document';
import { createNameMatcher, type NameMatcher } from '../parse/references';
import { linkDocument, type LinkedDocument } from './link';
import { findTermUses, termKey, termSet, words, type Word } from '../text/terms';

export interface Resolution {
  /** The instrument's id when it is in the corpus. */
  id?: string;
  doc?: LinkedDocument;
  unit?: Unit;
  /** ok: found; excerpt: the instrument is an excerpt without this unit; missing: no such unit; unknown: no such instrument. */
  status: 'ok' | 'excerpt' | 'missing' | 'unknown' | 'instrument';
}

interface Entry {
  text: string;
  parsed: ParsedDocument;
  linked?: LinkedDocument;
  linkedGen?: number;
  words?: Word[];
}

export interface Citation {
  uri: string;
  reference: Reference;
  /** Index into reference.targets. */
  target: number;
}

export class WorkspaceIndex {
  private readonly entries = new Map<string, Entry>();
  private gen = 0;
  private namesGen = 0;
  private namesKey = '';
  private matcher: NameMatcher = createNameMatcher([]);
  private corpusGen = -1;
  private idMap = new Map<string, string[]>();
  private citationMap?: Map<string, Citation[]>;
  private namesCheckedGen = -1;
  /** Uses of each term a document defines, by term key (cut once per linked document). */
  private readonly termOccurrences = new WeakMap<LinkedDocument, Map<string, Span[]>>();

  /**
   * A copy that shares every file's parse and link with this index: setting a file in the
   * copy (a bill's consolidated target, say) re-reads that file alone and leaves this
   * index as it was. What-if scenarios are forks.
   */
  fork(): WorkspaceIndex {
    const copy = new WorkspaceIndex();
    this.names();
    for (const [uri, e] of this.entries) copy.entries.set(uri, { ...e });
    copy.gen = this.gen;
    copy.namesKey = this.namesKey;
    copy.matcher = this.matcher;
    copy.namesGen = this.namesGen;
    return copy;
  }

  /** Sets a file's text; returns false when nothing changed. */
  set(uri: string, text: string): boolean {
    const old = this.entries.get(uri);
    if (old && old.text === text) return false;
    this.entries.set(uri, { text, parsed: parseDocument(uri, text) });
    this.gen++;
    return true;
  }

  delete(uri: string): boolean {
    const had = this.entries.delete(uri);
    if (had) this.gen++;
    return had;
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  get generation(): number {
    return this.gen;
  }

  uris(): string[] {
    return [...this.entries.keys()].sort();
  }

  text(uri: string): string | undefined {
    return this.entries.get(uri)?.text;
  }

  parsed(uri: string): ParsedDocument | undefined {
    return this.entries.get(uri)?.parsed;
  }

  /** The linked model of a file. */
  document(uri: string): LinkedDocument | undefined {
    const e = this.entries.get(uri);
    if (!e) return undefined;
    const names = this.names();
    if (!e.linked || e.linkedGen !== this.namesGen) {
      e.linked = linkDocument(e.parsed, names);
      e.linkedGen = this.namesGen;
    }
    return e.linked;
  }

  documents(): LinkedDocument[] {
    return this.uris().map((u) => this.document(u)!);
  }

  /** The name matcher over every instrument's title, short name and aliases. */
  names(): NameMatcher {
    // The names change only with a file's front matter: look again only after a change.
    if (this.namesCheckedGen === this.gen) return this.matcher;
    this.namesCheckedGen = this.gen;
    const list: Array<{ id: string; names: string[] }> = [];
    for (const [, e] of this.entries) {
      const fm = e.parsed.frontMatter;
      if (!fm) continue;
      const names = [fm.title, ...(fm.short ? [fm.short] : []), ...fm.aliases];
      list.push({ id: fm.id, names });
    }
    list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const key = JSON.stringify(list);
    if (key !== this.namesKey) {
      this.namesKey = key;
      this.matcher = createNameMatcher(list);
      this.namesGen++;
    }
    return this.matcher;
  }

  private corpus(): void {
    if (this.corpusGen === this.gen) return;
    this.corpusGen = this.gen;
    this.idMap = new Map();
    for (const uri of this.uris()) {
      const fm = this.entries.get(uri)!.parsed.frontMatter;
      if (!fm) continue;
      const list = this.idMap.get(fm.id) ?? [];
      list.push(uri);
      this.idMap.set(fm.id, list);
    }
    this.citationMap = undefined;
  }

  /** The uris that declare each id (more than one is a duplicate-id). */
  ids(): Map<string, string[]> {
    this.corpus();
    return this.idMap;
  }

  /** The document of an instrument by id (the first file that declares it). */
  byId(id: string): LinkedDocument | undefined {
    this.corpus();
    const uri = this.idMap.get(id)?.[0];
    return uri ? this.document(uri) : undefined;
  }

  uriOf(id: string): string | undefined {
    this.corpus();
    return this.idMap.get(id)?.[0];
  }

  /** The id an instrument target names from a document. */
  instrumentId(target: InstrumentTarget, from: LinkedDocument): string | undefined {
    if (target.kind === 'self') return from.frontMatter?.id;
    if (target.kind === 'id') return target.id;
    return undefined;
  }

  /** Any unit by instrument id and address (a provision, a sub-unit, or a division). */
  unit(id: string, address: string): Unit | undefined {
    return this.byId(id)?.units.get(address);
  }

  /** Resolves one target of a reference made from `from`. */
  resolve(from: LinkedDocument, instrument: InstrumentTarget, address: string): Resolution {
    const id = this.instrumentId(instrument, from);
    if (!id) return { status: 'unknown' };
    const doc = this.byId(id);
    if (!doc) return { id, status: 'unknown' };
    if (address === '') return { id, doc, status: 'instrument' };
    const unit = doc.units.get(address);
    if (unit) return { id, doc, unit, status: 'ok' };
    if (doc.divisions.some((d) => d.address.toLowerCase() === address.toLowerCase())) return { id, doc, status: 'ok' };
    if (doc.frontMatter?.excerpt) return { id, doc, status: 'excerpt' };
    return { id, doc, status: 'missing' };
  }

  /** Every citation of a unit (or of a division, or of the whole instrument with address ''). */
  citations(id: string, address: string): Citation[] {
    this.corpus();
    if (!this.citationMap) {
      const map = new Map<string, Citation[]>();
      for (const doc of this.documents()) {
        doc.references.forEach((ref) => {
          const target = this.instrumentId(ref.instrument, doc);
          if (!target) return;
          ref.targets.forEach((t, i) => {
            for (const addr of this.expandTarget(target, t)) {
              const key = `${target}\u0000${addr}`;
              const list = map.get(key) ?? [];
              list.push({ uri: doc.uri, reference: ref, target: i });
              map.set(key, list);
            }
          });
        });
      }
      this.citationMap = map;
    }
    return this.citationMap.get(`${id}\u0000${address}`) ?? [];
  }

  /** A target's addresses: the unit, its ancestors (a pinpoint cites its provision too), and every provision of a range. */
  private expandTarget(id: string, t: Reference['targets'][number]): string[] {
    const out = new Set<string>();
    const add = (a: string) => {
      out.add(a);
      const paren = a.indexOf('(');
      if (paren > 0) out.add(a.slice(0, paren));
    };
    add(t.address);
    if (t.to) {
      add(t.to.address);
      const doc = this.byId(id);
      if (doc) {
        const order = doc.provisions.map((p) => p.address);
        const a = order.indexOf(t.address);
        const b = order.indexOf(t.to.address);
        if (a >= 0 && b > a) for (let k = a; k <= b; k++) out.add(order[k]!);
      }
    }
    return [...out];
  }

  /** The words of a document's prose (cut once, cached with the text). */
  words(uri: string): Word[] {
    const e = this.entries.get(uri);
    if (!e) return [];
    if (!e.words) e.words = words(e.parsed.prose);
    return e.words;
  }

  /** Where a definition applies in its document. */
  scopeSpan(doc: LinkedDocument, def: Definition): Span {
    if (def.scope === 'provision' && def.scopeAddress) {
      const u = doc.units.get(def.scopeAddress);
      if (u) return u.span;
    }
    if (def.scope === 'division' && def.scopeAddress) {
      const d = doc.divisions.find((x) => x.address === def.scopeAddress);
      if (d) return d.span;
    }
    return { start: doc.frontMatterSpan?.end ?? 0, end: doc.text.length };
  }

  /** Every use of a defined term within its scope, the definition's own term excluded. */
  termUses(doc: LinkedDocument, def: Definition): Span[] {
    const scope = this.scopeSpan(doc, def);
    let occurrences = this.termOccurrences.get(doc);
    if (!occurrences) {
      // One pass over the document for all the terms it defines.
      occurrences = new Map();
      const set = termSet(doc.definitions.map((d) => d.term.replace(/^the\s+/, '')));
      for (const u of findTermUses(this.words(doc.uri), set)) {
        const list = occurrences.get(u.key);
        if (list) list.push(u.span);
        else occurrences.set(u.key, [u.span]);
      }
      this.termOccurrences.set(doc, occurrences);
    }
    const key = termKey(def.term.replace(/^the\s+/, ''));
    return (occurrences.get(key) ?? [])
      .filter((s) => s.start >= scope.start && s.end <= scope.end)
      .filter((s) => !(s.start < def.span.end && s.end > def.span.start))
      .filter((s) => !doc.definitions.some((d) => d !== def && d.term === def.term && s.start >= d.span.start && s.end <= d.span.end));
  }

  /** The definitions that apply at an offset of a document (its own in scope, then imports). */
  definitionsAt(doc: LinkedDocument, offset: number): Definition[] {
    return doc.definitions.filter((d) => {
      const s = this.scopeSpan(doc, d);
      return offset >= s.start && offset <= s.end;
    });
  }

  /** The definition of a term at an offset, following imports to the defining instrument. */
  definitionOf(doc: LinkedDocument, term: string, offset: number, depth = 0): { doc: LinkedDocument; def: Definition } | undefined {
    const key = termKey(term);
    const local = this.definitionsAt(doc, offset).find(
      (d) => termKey(d.term.replace(/^the\s+/, '')) === key || termKey(d.term) === key || !!d.candidates?.some((c) => termKey(c) === key),
    );
    if (local) {
      if (local.form === 'import' && local.importFrom && depth < 4) {
        const id = this.instrumentId(local.importFrom.instrument, doc);
        const src = id ? this.byId(id) : undefined;
        if (src && src !== doc) {
          const found = this.instrumentDefinition(src, key);
          if (found) return found;
        }
      }
      return { doc, def: local };
    }
    for (const b of doc.blanketImports) {
      const id = this.instrumentId(b.instrument, doc);
      const src = id ? this.byId(id) : undefined;
      if (src && src !== doc && depth < 4) {
        const found = this.instrumentDefinition(src, key);
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * The term a definition defines. For `organized criminal group as defined in article 2 of …`
   * (no quotes) it is the longest of the words before that the source instrument defines.
   */
  termOf(doc: LinkedDocument, def: Definition): string {
    if (!def.candidates || !def.importFrom) return def.term;
    const id = this.instrumentId(def.importFrom.instrument, doc);
    const src = id ? this.byId(id) : undefined;
    if (!src) return def.term;
    for (const c of def.candidates) if (this.instrumentDefinition(src, termKey(c))) return c;
    return def.term;
  }

  /** An instrument-wide definition of a term in a document. */
  instrumentDefinition(doc: LinkedDocument, key: string): { doc: LinkedDocument; def: Definition } | undefined {
    const def = doc.definitions.find((d) => termKey(d.term.replace(/^the\s+/, '')) === key && d.form !== 'import');
    return def ? { doc, def } : undefined;
  }
}
