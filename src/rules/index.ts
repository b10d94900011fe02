import circularSupport from './circular-support';
import concededRebutted from './conceded-rebutted';
import contradictoryRelation from './contradictory-relation';
import duplicateClaim from './duplicate-claim';
import duplicateId from './duplicate-id';
import linkedGroup from './linked-group';
import quoteNotInDocument from './quote-not-in-document';
import type { Rule, RuleSeverity } from './rule';
import selfAttack from './self-attack';
import singlePremiseGroup from './single-premise-group';
import unansweredCounterpoint from './unanswered-counterpoint';
import undercutWithoutLink from './undercut-without-link';
import unknownReference from './unknown-reference';
import unsourcedEvidence from './unsourced-evidence';
import unsupportedClaim from './unsupported-claim';
import unusedSource from './unused-source';

/** Every semantic rule, in the order they run. One rule, one file; add a rule here and in docs/rules.md. */
export const rules: readonly Rule[] = [
  duplicateId,
  unknownReference,
  undercutWithoutLink,
  linkedGroup,
  singlePremiseGroup,
  circularSupport,
  selfAttack,
  contradictoryRelation,
  unsupportedClaim,
  unsourcedEvidence,
  unusedSource,
  unansweredCounterpoint,
  concededRebutted,
  duplicateClaim,
  quoteNotInDocument,
];

/** Rules reported by the load and validate stages rather than by a rule module. */
export const stageRules = [
  {
    id: 'yaml-syntax',
    severity: 'error',
    description: 'The file is not readable YAML (syntax error, bad encoding, too large).',
  },
  { id: 'schema', severity: 'error', description: 'The file does not match the argmap JSON Schema.' },
  {
    id: 'truncated-text',
    severity: 'warn',
    description: 'An unquoted value is followed by a comment glued to its word (`#1`): probably text that YAML cut off.',
  },
  {
    id: 'used-file',
    severity: 'error',
    description: 'A `uses` entry names a file that cannot be used: missing, unreadable, outside the working folder, with errors of its own, or in a `uses` cycle.',
  },
  {
    id: 'document-file',
    severity: 'error',
    description: 'The `document.file` text cannot be read: missing, unreadable, or outside the working folder.',
  },
  {
    id: 'directive',
    severity: 'error',
    description: 'An `argmap-disable` comment names a rule that does not exist.',
  },
] as const;

/** Every rule id a user can configure or suppress. */
export const ruleIds: readonly string[] = [...stageRules.map((r) => r.id), ...rules.map((r) => r.id)];

/**
 * Rules whose errors leave the argument graph unreliable (unparsed, malformed, ambiguous ids,
 * dangling references): commands that analyse a file refuse it while they report errors.
 * Findings of the analysis rules (cycles, unsupported claims, ...) do not block analysis.
 */
export const BLOCKING_RULES: ReadonlySet<string> = new Set([
  'yaml-syntax',
  'schema',
  'used-file',
  'duplicate-id',
  'unknown-reference',
  'undercut-without-link',
  'linked-group',
]);

/** A stage rule's id and default severity, as the registry above gives it. */
export function stageRule(id: (typeof stageRules)[number]['id']): { id: string; severity: RuleSeverity } {
  const rule = stageRules.find((r) => r.id === id)!;
  return { id: rule.id, severity: rule.severity };
}
