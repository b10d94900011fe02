import type { ResolvedDiagnostic } from '../diagnostics/diagnostic';
import type { Totals } from './resolve';
import { jsonText } from '../util/safe-text';

/**
 * The machine-readable report (documented in docs/cli.md): stable key order, 1-based positions.
 */
export function formatJson(files: ReadonlyArray<{ file: string; diagnostics: ResolvedDiagnostic[] }>, t: Totals): string {
  const out = {
    files: files.map((f) => ({
      file: f.file,
      errorCount: f.diagnostics.filter((d) => d.severity === 'error').length,
      warningCount: f.diagnostics.filter((d) => d.severity === 'warning').length,
      infoCount: f.diagnostics.filter((d) => d.severity === 'info').length,
      diagnostics: f.diagnostics.map((d) => ({
        rule: d.rule,
        code: d.code,
        severity: d.severity,
        message: d.message,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
      })),
    })),
    errorCount: t.errors,
    warningCount: t.warnings,
    infoCount: t.infos,
  };
  return jsonText(out);
}
