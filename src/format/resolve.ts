import type { ResolvedDiagnostic } from '../diagnostics/diagnostic';
import { formatMessage, type MessageContext } from '../diagnostics/messages';
import type { FileReport } from '../diagnostics/report';

/** Gives each diagnostic of a file its 1-based line:column and its message: the late step. */
export function resolveDiagnostics(report: FileReport): ResolvedDiagnostic[] {
  const { source } = report;
  const context: MessageContext = {
    at(offset) {
      const p = source.position(offset);
      return `${p.line}:${p.column}`;
    },
  };
  return report.diagnostics.map((d) => {
    const start = source.position(d.span.start);
    const end = source.position(d.span.end);
    return {
      file: source.path,
      rule: d.rule,
      code: d.code,
      severity: d.severity,
      message: formatMessage(d.code, d.params as never, context),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  });
}

export interface Totals {
  files: number;
  filesWithProblems: number;
  errors: number;
  warnings: number;
  infos: number;
  /** What `--quiet` left out (warnings and infos), and the `--max-warnings` they count against. */
  hidden?: { warnings: number; infos: number; maxWarnings?: number };
}

export function totals(files: ReadonlyArray<{ diagnostics: readonly { severity: string }[] }>): Totals {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let filesWithProblems = 0;
  for (const file of files) {
    if (file.diagnostics.length > 0) filesWithProblems++;
    for (const d of file.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { files: files.length, filesWithProblems, errors, warnings, infos };
}
