import type { ChalkInstance } from 'chalk';
import type { ResolvedDiagnostic } from '../diagnostics/diagnostic';
import { plural } from '../util/plural';
import { inertLines, safeLine } from '../util/safe-text';
import type { Totals } from './resolve';

/** The closing line of a check: how many problems in how many files. */
export function summaryLine(t: Totals, chalk: ChalkInstance): string {
  const problems = t.errors + t.warnings + t.infos;
  const hidden = t.hidden;
  // What --quiet left out is said, never hidden behind "no problems".
  const notShown =
    hidden && hidden.warnings + hidden.infos > 0
      ? `${[hidden.warnings > 0 ? plural(hidden.warnings, 'warning') : '', hidden.infos > 0 ? `${hidden.infos} info` : '']
          .filter((p) => p !== '')
          .join(' and ')} not shown`
      : undefined;
  const exceeded =
    hidden?.maxWarnings !== undefined && hidden.warnings > hidden.maxWarnings ? `; --max-warnings ${hidden.maxWarnings} exceeded` : '';
  if (problems === 0) {
    if (notShown === undefined) return chalk.green(`✔ ${plural(t.files, 'file')} checked: no problems`);
    if (exceeded !== '') return chalk.yellow.bold(`✖ ${plural(t.files, 'file')} checked: ${notShown}${exceeded}`);
    return chalk.green(`✔ ${plural(t.files, 'file')} checked: no errors; ${notShown} (--quiet)`);
  }
  const infos = t.infos > 0 ? `, ${t.infos} info` : '';
  const text = `✖ ${plural(problems, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}${infos}) in ${t.filesWithProblems} of ${plural(t.files, 'file')}${notShown !== undefined ? `; ${notShown}${exceeded}` : ''}`;
  return t.errors > 0 ? chalk.red.bold(text) : t.warnings > 0 ? chalk.yellow.bold(text) : chalk.cyan.bold(text);
}

/**
 * One line per problem, `path:line:column  severity  message  rule-id`, as compilers print them
 * (editors and terminals make the location clickable), then a summary line.
 */
export function formatCompact(files: ReadonlyArray<{ diagnostics: ResolvedDiagnostic[] }>, t: Totals, chalk: ChalkInstance): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const d of file.diagnostics) {
      const severity =
        d.severity === 'error' ? chalk.red('error') : d.severity === 'warning' ? chalk.yellow('warning') : chalk.cyan('info');
      lines.push(`${chalk.bold(`${safeLine(d.file)}:${d.line}:${d.column}`)}  ${severity}  ${safeLine(d.message)}  ${chalk.dim(d.rule)}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(t, chalk));
  // A file name opens a line: one that reads as a CI command is made inert.
  return inertLines(`${lines.join('\n')}\n`);
}
