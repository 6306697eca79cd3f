// `lawmark/consolidate`: a bill's targets before and after, from the consolidation engine
// (engine/amend/, `consolidateBill(index, uri)`), the same one `lawmark consolidate` uses.
// The engine is looked up when the bundle is built: while engine/amend/index.ts does not
// export consolidateBill, the request answers that consolidation is not available.
import type { WorkspaceIndex } from '../engine/index/workspace';
import type { ConsolidatedTarget } from './protocol';

type Consolidate = (index: WorkspaceIndex, uri: string) => unknown;

let cached: Consolidate | null | undefined;

function engine(): Consolidate | null {
  if (cached !== undefined) return cached;
  try {
    // A require in a try block: esbuild bundles the module when it exists and leaves a call that
    // fails (and is caught) when it does not.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('../engine/amend/index') as { consolidateBill?: unknown };
    cached = typeof mod?.consolidateBill === 'function' ? (mod.consolidateBill as Consolidate) : null;
  } catch {
    cached = null;
  }
  return cached;
}

export class ConsolidationUnavailable extends Error {
  constructor() {
    super('consolidation is not available');
  }
}

export async function consolidate(index: WorkspaceIndex, uri: string): Promise<ConsolidatedTarget[]> {
  const fn = engine();
  if (!fn) throw new ConsolidationUnavailable();
  const result = await fn(index, uri);
  const list: unknown[] = Array.isArray(result) ? result : Array.isArray((result as { targets?: unknown })?.targets) ? (result as { targets: unknown[] }).targets : [];
  return list.map((x) => {
    const o = (x ?? {}) as Record<string, unknown>;
    const target = o.target ?? o.id ?? o.title ?? o.uri ?? 'target';
    return {
      target: typeof target === 'string' ? target : String((target as { id?: unknown })?.id ?? target),
      before: String(o.before ?? ''),
      after: String(o.after ?? o.text ?? ''),
    };
  });
}
