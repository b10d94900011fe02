import duplicateId from './duplicate-id';
import type { Rule } from './rule';
import undercutWithoutLink from './undercut-without-link';
import unknownReference from './unknown-reference';

/** Every semantic rule, in the order they run. One rule, one file; add a rule here and in docs/rules.md. */
export const rules: readonly Rule[] = [duplicateId, unknownReference, undercutWithoutLink];

/** Rules that are not in `rules` but whose ids users see (reported by the load and validate stages). */
export const stageRules = [
  { id: 'yaml-syntax', severity: 'error', description: 'The file is not readable YAML (syntax error, bad encoding, too large).' },
  { id: 'schema', severity: 'error', description: 'The file does not match the argmap JSON Schema.' },
] as const;
