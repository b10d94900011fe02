import type { Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import validateArgmap from './generated/argmap-schema.js';
import { spanOf } from '../load/yaml-span';
import { KeyIndex, nodeAtPath } from './node-at-path';
import { schemaDiagnostics } from './schema-errors';

/** A YYYY-MM-DD date that names no day of the calendar (2024-02-30), which a pattern cannot see. */
function impossibleDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  // Only dates the schema's pattern accepts (months 01-12, days 01-31): the rest it reports itself.
  const m = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day;
}

/** The date fields of a schema-valid file, with their data paths. */
function* dates(data: unknown): Generator<[string[], unknown]> {
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  if (!isObject(data)) return;
  if (isObject(data.document) && data.document.date !== undefined) yield [['document', 'date'], data.document.date];
  if (!Array.isArray(data.sources)) return;
  for (const [i, source] of data.sources.entries()) {
    if (isObject(source) && source.date !== undefined) yield [['sources', String(i), 'date'], source.date];
  }
}

/**
 * Validates parsed data against the argmap JSON Schema (precompiled at build time), and dates against
 * the calendar, which a pattern cannot do: every problem in one pass.
 */
export function validate(doc: Document, data: unknown): Diagnostic[] {
  const out: Diagnostic[] = validateArgmap(data) ? [] : schemaDiagnostics(validateArgmap.errors ?? [], doc, data);
  const keys = new KeyIndex();
  for (const [path, value] of dates(data)) {
    if (!impossibleDate(value)) continue;
    out.push({
      rule: 'schema',
      code: 'schema-date',
      severity: 'error',
      span: spanOf(nodeAtPath(doc, path, keys).node),
      params: { value: String(value) },
    });
  }
  return out;
}
