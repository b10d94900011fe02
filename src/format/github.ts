import type { Severity } from '../diagnostics/diagnostic';
import { inertLines, safeLine, safeText } from '../util/safe-text';
import { plural } from '../util/plural';
import { summaryLine } from './compact';
import { chalkFor } from '../util/terminal';
import type { Totals } from './resolve';
import type { FileResult } from './stylish';

/** Annotations GitHub Actions shows: per step, of each of errors and warnings; per job, in all. */
const STEP_LIMIT = 10;
const JOB_LIMIT = 50;

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow command's message, as the runner (toolkit `escapeData`) expects. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (toolkit `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one annotation per problem:
 * `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. `path` turns a file as
 * reported into the path GitHub wants (relative to the repository root). Then the summary line,
 * and, when there are more problems than a step shows, a line saying so.
 */
export function formatGithub(files: readonly FileResult[], t: Totals, path: (file: string) => string = (f) => f): string {
  const lines: string[] = [];
  for (const file of files) {
    for (const d of file.diagnostics) {
      const properties = [
        `file=${escapeProperty(inertLines(safeLine(path(file.file))))}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`argmap ${d.rule}`)}`,
      ].join(',');
      // safeLine for the file name, safeText for the message (whose line breaks escapeData encodes):
      // no escape sequence or other control character reaches the log raw, no line break starts a
      // command of its own, and no `##[` inside reads as the older form of a command (inertLines).
      lines.push(`::${COMMAND[d.severity]} ${properties}::${escapeData(inertLines(safeText(d.message)))}`);
    }
  }
  lines.push(summaryLine(t, chalkFor(0)));
  const shown = Math.min(t.errors, STEP_LIMIT) + Math.min(t.warnings, STEP_LIMIT) + Math.min(t.infos, STEP_LIMIT);
  const total = t.errors + t.warnings + t.infos;
  if (t.errors > STEP_LIMIT || t.warnings > STEP_LIMIT || t.infos > STEP_LIMIT || total > JOB_LIMIT) {
    lines.push(
      `argmap: ${plural(total, 'problem')} found, but GitHub shows at most ${STEP_LIMIT} error, ${STEP_LIMIT} warning and ${STEP_LIMIT} notice annotations per step and ${JOB_LIMIT} per job, so about ${Math.min(shown, JOB_LIMIT)} are annotated; every problem is listed above, and \`argmap check --format sarif\` uploaded to code scanning shows them all`,
    );
  }
  return `${lines.join('\n')}\n`;
}
