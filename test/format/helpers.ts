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

/**
 * A map with every kind and every status word: `in`; `unsupported` for a claim that rests on nothing
 * (`bare`) and for one whose only support is beaten (`leans`); `defeated` (`beaten`, and `lone`,
 * which also rests on nothing); `undercut` (`linked`); `undecided` (`c`, `a`, `b`: an even attack
 * cycle). With a conceded counterpoint, a rebuttal, and evidence with and without a source.
 */
export const EVERY_STATUS = `argmap: 1
title: Every status
sources:
  - id: s
    speaker: Someone
recommendation:
  id: rec
  text: Do it.
  reasons:
    - id: held
      text: Held up.
      evidence:
        - text: Seen.
          source: s
        - text: Heard somewhere.
    - id: bare
      text: Rests on nothing.
    - id: leans
      text: Leans on a beaten reason.
      reasons:
        - id: beaten
          text: Beaten.
          assumption: true
          counterpoints:
            - id: wins
              text: This attack stands.
              assumption: true
    - id: linked
      text: Rests on one link.
      reasons:
        - id: base
          text: The base.
          assumption: true
          counterpoints:
            - id: nope
              text: It does not follow.
              undercut: true
              assumption: true
    - id: c
      text: Contested.
      assumption: true
  risks:
    - id: lone
      text: Rests on nothing and is beaten.
      counterpoints:
        - id: beats
          text: Beats it.
          assumption: true
          rebuttals:
            - id: weak
              text: A weak answer.
counterpoints:
  - id: a
    text: A.
    assumption: true
    conceded: true
    targets: [b]
  - id: b
    text: B.
    assumption: true
    targets: [a, c]
`;
