import type { Diagnostic } from '../diagnostics/diagnostic';
import type { SourceFile } from '../load/source-file';
import { suggest } from '../util/suggest';

/**
 * Inline suppression comments, as ESLint has them:
 *   `# argmap-disable-next-line [rule, ...]` on a line of its own: the next line;
 *   `# argmap-disable-line [rule, ...]` at the end of a line: that line.
 * With no rule ids, every rule is silenced on that line. YAML syntax errors are never silenced.
 */
const DIRECTIVE = /(?:^|\s)#\s*argmap-disable-(next-line|line)\b([^\n#]*)/;

export interface Directive {
  /** 1-based line the directive silences. */
  line: number;
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** Where the directive is written (for reporting unknown rule ids). */
  offset: number;
  length: number;
}

export function directives(source: SourceFile): Directive[] {
  const text = source.text;
  if (!text.includes('argmap-disable')) return [];
  const out: Directive[] = [];
  const starts = source.lineStarts;
  for (let i = 0; i < starts.length; i++) {
    const line = source.lineText(i + 1);
    if (!line.includes('argmap-disable')) continue;
    const match = DIRECTIVE.exec(line);
    if (!match) continue;
    const nextLine = match[1] === 'next-line';
    if (nextLine && !/^\s*#/.test(line)) continue;
    const rules = match[2]!
      .split(/\s--\s|\s--$/)[0]!
      .split(/[\s,]+/)
      .map((r) => r.trim())
      .filter((r) => r !== '' && r !== '--');
    const offset = starts[i]! + line.indexOf('argmap-disable');
    out.push({ line: nextLine ? i + 2 : i + 1, rules, offset, length: line.length - line.indexOf('argmap-disable') });
  }
  return out;
}

/** Directives that name a rule argmap does not have: a typo would silently silence nothing. */
export function directiveDiagnostics(found: readonly Directive[], known: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const directive of found) {
    for (const rule of directive.rules) {
      if (known.includes(rule)) continue;
      const suggestion = suggest(rule, known);
      out.push({
        rule: 'directive',
        code: 'directive-unknown-rule',
        severity: 'error',
        span: { start: directive.offset, end: directive.offset + directive.length },
        params: { rule, ...(suggestion ? { suggestion } : {}) },
      });
    }
  }
  return out;
}

/** Drops the diagnostics that a directive silences. */
export function suppress(source: SourceFile, diagnostics: Diagnostic[], found = directives(source)): Diagnostic[] {
  if (found.length === 0) return diagnostics;
  // Per line: whether a directive silences every rule there, or the set of rules it names.
  const byLine = new Map<number, { all: boolean; rules: Set<string> }>();
  for (const d of found) {
    let onLine = byLine.get(d.line);
    if (!onLine) byLine.set(d.line, (onLine = { all: false, rules: new Set() }));
    if (d.rules.length === 0) onLine.all = true;
    for (const rule of d.rules) onLine.rules.add(rule);
  }
  return diagnostics.filter((d) => {
    if (d.rule === 'yaml-syntax') return true;
    const onLine = byLine.get(source.position(d.span.start).line);
    return !(onLine && (onLine.all || onLine.rules.has(d.rule)));
  });
}
