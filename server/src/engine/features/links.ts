// Document links: a reference to another file of the corpus links to that file, at the line
// of the cited unit (a `#L<line>` fragment, which editors open at that line).
import type { Span } from '../model/types';
import type { WorkspaceIndex } from '../index/workspace';
import { targetSpan } from './common';

export interface DocLink {
  span: Span;
  /** The target file's uri. */
  uri: string;
  /** 0-based line of the cited unit in that file. */
  line: number;
  tooltip: string;
}

export function documentLinks(index: WorkspaceIndex, uri: string): DocLink[] {
  const doc = index.document(uri);
  if (!doc) return [];
  const out: DocLink[] = [];
  for (const ref of doc.references) {
    if (ref.instrument.kind !== 'id') continue;
    const id = index.instrumentId(ref.instrument, doc);
    const target = id ? index.byId(id) : undefined;
    if (!target || target.uri === doc.uri) continue;
    const address = ref.targets[0]?.address ?? '';
    const r = index.resolve(doc, ref.instrument, address);
    const t = r.status === 'ok' || r.status === 'instrument' ? targetSpan(target, address) : undefined;
    const line = t ? target.lines.lineOf(t.selection.start) : 0;
    const name = target.frontMatter?.short ?? target.frontMatter?.title ?? target.uri;
    out.push({ span: ref.span, uri: target.uri, line, tooltip: t ? `Open ${name}${address ? ` at ${address}` : ''}` : `Open ${name}` });
  }
  return out;
}
