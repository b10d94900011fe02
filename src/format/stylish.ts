import type { ChalkInstance } from 'chalk';
import type { ResolvedDiagnostic } from '../diagnostics/diagnostic';
import type { SourceFile } from '../load/source-file';
import { inertLines, safeLine, safeText } from '../util/safe-text';
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
 * The most code units of a line a frame shows. A longer line (a long flow-style list, minified
 * YAML) is shown as a window around the problem, `…` marking each cut end, so every frame stays a
 * few lines of bounded width however long the line and however many problems sit on it.
 */
export const FRAME_WIDTH = 160;
/** How much of the line a clipped window shows before the problem's column. */
const FRAME_LEAD = 40;

/** The code units [from, to) of a line of `length` a frame shows for a span starting at `start`. */
function frameWindow(length: number, start: number): { from: number; to: number } {
  if (length <= FRAME_WIDTH) return { from: 0, to: FRAME_WIDTH };
  const from = Math.max(0, Math.min(start - FRAME_LEAD, length - FRAME_WIDTH));
  return { from, to: from + FRAME_WIDTH };
}

/** `raw` cut to [from, to), never splitting a surrogate pair, with `…` where text was cut off. */
function clip(raw: string, from: number, to: number): { text: string; from: number; to: number } {
  if (from === 0 && to >= raw.length) return { text: raw, from: 0, to: raw.length };
  // Move each cut off the second half of a pair, so no lone surrogate is printed.
  if (from > 0 && isLowSurrogate(raw.charCodeAt(from))) from++;
  if (to < raw.length && isLowSurrogate(raw.charCodeAt(to))) to++;
  const text = `${from > 0 ? '…' : ''}${raw.slice(from, to)}${to < raw.length ? '…' : ''}`;
  return { text, from, to: Math.min(to, raw.length) };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The code frame under one problem: the line with one line of context each side, a `>` at the
 * problem's line, and carets under the span (one caret when it is empty or runs onto later lines).
 * A line longer than FRAME_WIDTH shows a window of columns around the problem (a long context line
 * the same columns; a short one is shown whole).
 * Text from the file goes through `safeText`, and the caret is placed after the same treatment, so
 * it stays under the right character even when the line holds control characters.
 */
function codeFrame(d: ResolvedDiagnostic, lineText: (line: number) => string, lineCount: number, chalk: ChalkInstance): string[] {
  const first = Math.max(1, d.line - CONTEXT);
  const last = Math.min(lineCount, d.line + CONTEXT);
  const width = String(last).length;
  const out: string[] = [];
  const mark = d.severity === 'error' ? chalk.red : d.severity === 'warning' ? chalk.yellow : chalk.cyan;
  const problemLine = lineText(d.line);
  const startIndex = Math.min(d.column - 1, problemLine.length);
  const window = frameWindow(problemLine.length, startIndex);
  for (let n = first; n <= last; n++) {
    const raw = lineText(n);
    const gutter = `${String(n).padStart(width)} |`;
    // A context line that fits is shown whole; a long one shows the problem line's columns.
    const shown =
      n !== d.line && raw.length <= FRAME_WIDTH
        ? { text: raw, from: 0, to: raw.length }
        : clip(raw, Math.min(window.from, raw.length), window.to);
    if (n !== d.line) {
      out.push(chalk.dim(`    ${gutter}${shown.text === '' ? '' : ` ${safeText(shown.text)}`}`));
      continue;
    }
    out.push(`  ${mark.bold('>')} ${chalk.dim(gutter)} ${safeText(shown.text)}`.trimEnd());
    const lineEnd = d.endLine === d.line ? Math.min(Math.max(d.endColumn - 1, startIndex), raw.length) : raw.length;
    const endIndex = Math.min(lineEnd, shown.to);
    // What stands before the caret on screen: the `…` of a cut start, then the text up to the column.
    const before = safeText(shown.text.slice(0, startIndex - shown.from + (shown.from > 0 ? 1 : 0)));
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
    lines.push(chalk.underline(safeLine(file.file)));
    const source = file.source;
    const position = (d: ResolvedDiagnostic) => `${d.line}:${d.column}`;
    const posWidth = file.diagnostics.reduce((width, d) => Math.max(width, position(d).length), 0);
    for (const d of file.diagnostics) {
      const severity =
        d.severity === 'error' ? chalk.red('error  ') : d.severity === 'warning' ? chalk.yellow('warning') : chalk.cyan('info   ');
      lines.push(`  ${chalk.dim(position(d).padEnd(posWidth))}  ${severity}  ${safeLine(d.message)}  ${chalk.dim(d.rule)}`);
      if (source) {
        lines.push('');
        for (const line of codeFrame(d, (n) => source.lineText(n), source.lineStarts.length, chalk)) lines.push(line);
        lines.push('');
      }
    }
    if (!source) lines.push('');
  }
  lines.push(summaryLine(t, chalk));
  // A file name opens a line: one that reads as a CI command is made inert.
  return inertLines(`${lines.join('\n')}\n`);
}
