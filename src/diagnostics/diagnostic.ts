import type { Code, Params } from './messages';

export type Severity = 'error' | 'warning' | 'info';

/** A span of a source file, as offsets into its text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * One problem found in one file. Positions are offsets; the wording is not stored here but made
 * from `code` and `params` by `messages.ts` when the diagnostic is formatted.
 */
export interface Diagnostic<C extends Code = Code> {
  rule: string;
  code: C;
  severity: Severity;
  span: Span;
  params: Params<C>;
}

/** A diagnostic with its position and wording resolved, ready for any formatter. */
export interface ResolvedDiagnostic {
  file: string;
  rule: string;
  code: Code;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
