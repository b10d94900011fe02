import { Document, visit } from 'yaml';
import { SourceFile } from '../load/source-file';
import { checkSource } from '../pipeline/check-source';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { BLOCKING_RULES } from '../rules/index';

/** Rules whose errors mean the writer produced a malformed file (a bug), not a fact about the map. */
const FORM_RULES = new Set([...BLOCKING_RULES, 'directive']);

/**
 * An argmap document as YAML, with the `yaml` package's Document API: keys in the order given,
 * block style, the editor modeline as the first line, and a blank line before the main blocks.
 */
export function toYaml(data: Record<string, unknown>, schema = '../schemas/argmap.schema.json'): string {
  const doc = new Document(data);
  doc.commentBefore = ` yaml-language-server: $schema=${schema}`;
  // Text with controls or bidirectional overrides (from an imported map) is written double-quoted
  // with those characters as escapes: the same data, and inert on a terminal or in a code review.
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && INERT.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return doc
    .toString({ lineWidth: 100, minContentWidth: 40 })
    .replace(INERT_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// eslint-disable-next-line no-control-regex -- these characters are what is looked for
const INERT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const INERT_ALL = new RegExp(INERT.source, 'g');

/**
 * How deep the YAML written for `data` nests, counted as `argmap check` counts against its limit
 * (MAX_DEPTH): the document's mapping is level 1, and each mapping or list inside adds one. A loop,
 * not recursion: imported data can be any number of levels deep.
 */
export function nestingDepth(data: unknown): number {
  let deepest = 0;
  const stack: Array<[value: unknown, depth: number]> = [[data, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    deepest = Math.max(deepest, depth);
    for (const inner of Array.isArray(value) ? value : Object.values(value)) stack.push([inner, depth + 1]);
  }
  return deepest;
}

export interface Checked {
  text: string;
  /** Errors that say the map itself is questionable (a support cycle...): written, but reported. */
  argumentErrors: Diagnostic[];
  /** Errors that say the written file is malformed: never written. */
  formErrors: Diagnostic[];
  source: SourceFile;
}

/** Runs the text through `argmap check`'s own pipeline, as the written file would be checked. */
export function checkWritten(path: string, text: string): Checked {
  const source = new SourceFile(path, text);
  const report = checkSource(source);
  const errors = report.diagnostics.filter((d) => d.severity === 'error');
  return {
    text,
    source,
    formErrors: errors.filter((d) => FORM_RULES.has(d.rule)),
    argumentErrors: errors.filter((d) => !FORM_RULES.has(d.rule)),
  };
}
