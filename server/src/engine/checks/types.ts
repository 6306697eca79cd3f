// What a check is: a pure function from the index to findings with a stable code.
import type { Config } from '../../config';
import type { WorkspaceIndex } from '../index/workspace';
import type { Severity, Span } from '../model/types';
import type { Code } from './codes';

export interface Related {
  uri: string;
  span: Span;
  message: string;
}

export interface Finding {
  code: Code;
  uri: string;
  span: Span;
  message: string;
  related: Related[];
  /** Only where one code has two severities (an unknown front-matter key is a warning). */
  severity?: Severity;
  /** What a quick fix needs (stateless code actions). */
  data?: unknown;
}

export interface Diagnostic extends Finding {
  severity: Severity;
}

export interface CheckContext {
  index: WorkspaceIndex;
  config: Config;
}

export type Check = (ctx: CheckContext) => Finding[];
