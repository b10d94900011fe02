import type { ChalkInstance } from 'chalk';
import type { ResolvedDiagnostic } from '../diagnostics/diagnostic';
import type { SourceFile } from '../load/source-file';
import { safeText } from '../util/terminal';
import { summaryLine } from './compact';
import type { Totals } from './resolve';

/** One checked file as the text formatters see it: its diagnostics, and its lines for code frames. */
export interface FileResult {
  file: string;
  diagnostics: ResolvedDiagnostic[];
  /** The file's text, for code frames and fingerprints (a `SourceFile`). */
  source?: Pick<SourceFile, 'lineText' | 'lineStarts'>;
}

/** Lines of context shown above and below the line of a problem. */
const CONTEXT = 1;

/** Blank space as wide as `text` on a terminal, keeping tabs so a caret lines up under tabbed text. */
function blankLike(text: string): string {
  return Array.from(text, (c) => (c === '\t' ? '\t' : ' ')).join('');
}

/**
 * The code frame under one problem: the line with one line of context each side, a `>` at the
 * problem's line, and carets under the span (one caret when it is empty or runs onto later lines).
 * Text from the file goes through `safeText`, and the caret is placed after the same treatment, so
 * it stays under the right character even when the line holds control characters.
 */
export function codeFrame(d: ResolvedDiagnostic, lineText: (line: number) => string, lineCount: number, chalk: ChalkInstance): string[] {
  const first = Math.max(1, d.line - CONTEXT);
  const last = Math.min(lineCount, d.line + CONTEXT);
  const width = String(last).length;
  const out: string[] = [];
  const mark = d.severity === 'error' ? chalk.red : d.severity === 'warning' ? chalk.yellow : chalk.cyan;
  for (let n = first; n <= last; n++) {
    const raw = lineText(n);
    const gutter = `${String(n).padStart(width)} |`;
    if (n !== d.line) {
      out.push(chalk.dim(`    ${gutter}${raw === '' ? '' : ` ${safeText(raw)}`}`));
      continue;
    }
    out.push(`  ${mark.bold('>')} ${chalk.dim(gutter)} ${safeText(raw)}`.trimEnd());
    const startIndex = Math.min(d.column - 1, raw.length);
    const endIndex = d.endLine === d.line ? Math.min(Math.max(d.endColumn - 1, startIndex), raw.length) : raw.length;
    const before = safeText(raw.slice(0, startIndex));
    const spanned = Array.from(safeText(raw.slice(startIndex, endIndex))).length;
    out.push(`    ${chalk.dim(`${' '.repeat(width)} |`)} ${blankLike(before)}${mark('^'.repeat(Math.max(1, spanned)))}`);
  }
  return out;
}

/**
 * ESLint's "stylish" with a code frame: problems grouped under their file's name, each as
 * `line:column  severity  message  rule`, then the lines around it with a caret at the column, and
 * the summary line. Colour only through `chalk` (level 0 writes none).
 */
export function formatStylish(files: readonly FileResult[], t: Totals, chalk: ChalkInstance): string {
  const lines: string[] = [];
  for (const file of files) {
    if (file.diagnostics.length === 0) continue;
    lines.push(chalk.underline(safeText(file.file)));
    const source = file.source;
    const position = (d: ResolvedDiagnostic) => `${d.line}:${d.column}`;
    const posWidth = file.diagnostics.reduce((width, d) => Math.max(width, position(d).length), 0);
    for (const d of file.diagnostics) {
      const severity =
        d.severity === 'error' ? chalk.red('error  ') : d.severity === 'warning' ? chalk.yellow('warning') : chalk.cyan('info   ');
      lines.push(`  ${chalk.dim(position(d).padEnd(posWidth))}  ${severity}  ${safeText(d.message)}  ${chalk.dim(d.rule)}`);
      if (source) {
        lines.push('');
        for (const line of codeFrame(d, (n) => source.lineText(n), source.lineStarts.length, chalk)) lines.push(line);
        lines.push('');
      }
    }
    if (!source) lines.push('');
  }
  lines.push(summaryLine(t, chalk));
  return `${lines.join('\n')}\n`;
}
