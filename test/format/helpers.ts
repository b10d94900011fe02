import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ResolvedDiagnostic } from '../../src/diagnostics/diagnostic';
import { resolveDiagnostics, totals } from '../../src/format/resolve';
import type { FileResult } from '../../src/format/stylish';
import { SourceFile } from '../../src/load/source-file';
import { checkSource } from '../../src/pipeline/check-source';
import { ROOT } from '../helpers/cli';

export const OPED_TEXT = readFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), 'utf8');

/** Checks `text` as the file `path` and returns what the formatters take. */
export function checked(path: string, text: string): FileResult {
  const source = new SourceFile(path, text);
  return { file: path, diagnostics: resolveDiagnostics(checkSource(source)), source };
}

/** The op-ed with its first `source: zelenskyy-brussels` renamed to an unknown id: one error. */
export function faultyOpEd(path = 'arguments/op-ed.yaml') {
  const text = OPED_TEXT.replace('source: zelenskyy-brussels', 'source: zelenskyy-brussel');
  const at = text.indexOf('source: zelenskyy-brussel') + 'source: '.length;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const file = checked(path, text);
  return { file, text, line, column, totals: totals([file]) };
}

/** A hand-made diagnostic. */
export function diagnostic(over: Partial<ResolvedDiagnostic>): ResolvedDiagnostic {
  return {
    file: 'a.yaml',
    rule: 'unknown-reference',
    code: 'unknown-source',
    severity: 'error',
    message: 'unknown source `x`',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    ...over,
  };
}
