// Amendment bills: instructions → operations → consolidated text (dialect §6).
// `consolidateBill` is what the editor's "Show bill as amended" and `lawmark consolidate` use.
import type { WorkspaceIndex } from '../index/workspace';
import { applyBill } from './apply';

export { readBill, type BillReading } from './reader';
export { applyBill, wordsPattern, type Application, type TargetResult, type Segment, type AppliedOperation } from './apply';
export { scenarioFor, type Scenario } from './scenario';
export type { Operation, Place, QuotedText, NewText, Occurrence } from './types';

export interface ConsolidatedTarget {
  /** The target instrument's id. */
  target: string;
  /** The target's file. */
  uri: string;
  /** Its text as it stands. */
  before: string;
  /** Its text as the bill would leave it. */
  after: string;
}

/**
 * Each instrument a bill amends (those in the corpus, in the order of `amends`), before and
 * after the bill. Empty when the file is not a bill. Instructions that cannot be applied are
 * left out (the bill's diagnostics say why); the files themselves are never changed.
 */
export function consolidateBill(index: WorkspaceIndex, uri: string): ConsolidatedTarget[] {
  const app = applyBill(index, uri);
  if (!app) return [];
  return app.targets.map((t) => ({ target: t.id, uri: t.uri, before: t.before, after: t.after }));
}
