// `lawmark/consolidate` and a bill's scenario: the consolidation engine (engine/amend/), the
// same one `lawmark consolidate` uses, behind two small functions the server calls.
import type { WorkspaceIndex } from '../engine/index/workspace';
import { consolidateBill, scenarioFor } from '../engine/amend/index';
import type { ConsolidatedTarget } from './protocol';

export class ConsolidationUnavailable extends Error {
  constructor() {
    super('consolidation is not available');
  }
}

/** Each target of the bill before and after it. */
export async function consolidate(index: WorkspaceIndex, uri: string): Promise<ConsolidatedTarget[]> {
  if (typeof consolidateBill !== 'function') throw new ConsolidationUnavailable();
  return consolidateBill(index, uri).map((t) => ({ target: t.target, before: t.before, after: t.after }));
}

export interface BillScenario {
  /** The workspace as the bill alone would leave it. */
  index: WorkspaceIndex;
  /** The files whose text the bill changes there. */
  changed: Set<string>;
  bill: string;
}

/** The scenario of a bill (undefined when the file is not a bill or cannot be applied). */
export function billScenario(index: WorkspaceIndex, uri: string): BillScenario | undefined {
  const s = scenarioFor(index, uri);
  if (!s) return undefined;
  return { index: s.index, changed: new Set(s.application.targets.filter((t) => t.after !== t.before).map((t) => t.uri)), bill: uri };
}
