import type { Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import validateArgmap from './generated/argmap-schema.js';
import { nodeAtPath, spanOf } from './node-at-path';
import { schemaDiagnostics } from './schema-errors';

/** A YYYY-MM-DD date that names no day of the calendar (2024-02-30), which a pattern cannot see. */
function impossibleDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day;
}

/** The date fields of a schema-valid file, with their data paths. */
function* dates(data: unknown): Generator<[string[], unknown]> {
  const root = data as { document?: { date?: unknown }; sources?: Array<{ date?: unknown }> };
  if (root.document?.date !== undefined) yield [['document', 'date'], root.document.date];
  for (const [i, source] of (root.sources ?? []).entries()) {
    if (source.date !== undefined) yield [['sources', String(i), 'date'], source.date];
  }
}

/** Validates parsed data against the argmap JSON Schema (precompiled at build time), then dates. */
export function validate(doc: Document, data: unknown): Diagnostic[] {
  if (!validateArgmap(data)) return schemaDiagnostics(validateArgmap.errors ?? [], doc, data);
  const out: Diagnostic[] = [];
  for (const [path, value] of dates(data)) {
    if (!impossibleDate(value)) continue;
    out.push({
      rule: 'schema',
      code: 'schema-date',
      severity: 'error',
      span: spanOf(nodeAtPath(doc, path).node),
      params: { value: String(value) },
    });
  }
  return out;
}
