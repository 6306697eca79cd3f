// The requests and notifications Lawmark adds to LSP, shared by the server and the VS Code
// client (plain types and names only: the client bundle imports nothing else from the server;
// the one import below is of a type, erased from the bundle).
import type { ProvisionEntry } from '../engine/features/catalogue';

export interface LspPosition {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPosition;
  end: LspPosition;
}

/** `lawmark/provisions`: every provision of the corpus, for "Go to provision…". */
export const PROVISIONS_REQUEST = 'lawmark/provisions';
/** A provision of the catalogue (engine/features/catalogue.ts), its span as an LSP range. */
export type ProvisionItem = Omit<ProvisionEntry, 'span'> & { range: LspRange };

/** `lawmark/status` (request, and a notification after each round of diagnostics). */
export const STATUS_REQUEST = 'lawmark/status';
export const STATUS_NOTIFICATION = 'lawmark/status';
export interface StatusResult {
  files: number;
  provisions: number;
  errors: number;
  warnings: number;
}

/** `lawmark/consolidate`: a bill's targets before and after the bill. */
export const CONSOLIDATE_REQUEST = 'lawmark/consolidate';
export interface ConsolidateParams {
  uri: string;
}
export interface ConsolidatedTarget {
  /** The target instrument (its id or title). */
  target: string;
  before: string;
  after: string;
}

/** The client command a "cited by N" lens runs: (uri, position, locations) as LSP values. */
export const SHOW_REFERENCES_COMMAND = 'lawmark.showReferences';

/** What the VS Code client tells the server at start-up. */
export interface InitializationOptions {
  /** The client watches `*.law.md` and lawmark.config.json itself (no dynamic registration needed). */
  clientWatchesFiles?: boolean;
}
