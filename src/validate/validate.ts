import type { Document } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic';
import validateArgmap from './generated/argmap-schema.js';
import { schemaDiagnostics } from './schema-errors';

/** Validates parsed data against the argmap JSON Schema (precompiled at build time). */
export function validate(doc: Document, data: unknown): Diagnostic[] {
  if (validateArgmap(data)) return [];
  return schemaDiagnostics(validateArgmap.errors ?? [], doc, data);
}
