// A bill's what-if scenario: the workspace as the bill alone would leave it (each target's
// text replaced by its consolidated text in a fork of the index; the index itself unchanged).
import type { WorkspaceIndex } from '../index/workspace';
import { applyBill, type Application } from './apply';

export interface Scenario {
  bill: string;
  index: WorkspaceIndex;
  application: Application;
}

export function scenarioFor(index: WorkspaceIndex, uri: string, application = applyBill(index, uri)): Scenario | undefined {
  if (!application) return undefined;
  const fork = index.fork();
  for (const t of application.targets) if (t.after !== t.before) fork.set(t.uri, t.after);
  return { bill: uri, index: fork, application };
}
