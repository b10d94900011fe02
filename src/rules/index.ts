import circularSupport from './circular-support';
import concededRebutted from './conceded-rebutted';
import contradictoryRelation from './contradictory-relation';
import duplicateClaim from './duplicate-claim';
import duplicateId from './duplicate-id';
import linkedGroup from './linked-group';
import quoteNotInDocument from './quote-not-in-document';
import { defineStageRule, type Rule, type RuleMeta, type RuleSeverity } from './rule';
import selfAttack from './self-attack';
import singlePremiseGroup from './single-premise-group';
import unansweredCounterpoint from './unanswered-counterpoint';
import undercutWithoutLink from './undercut-without-link';
import unknownReference from './unknown-reference';
import unsourcedEvidence from './unsourced-evidence';
import unsupportedClaim from './unsupported-claim';
import unusedSource from './unused-source';

/**
 * Every semantic rule, in the order they run. One rule, one file; add a rule here, and a section to
 * docs/rules.md (its table row and the config schema's entry are generated: npm run build).
 */
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
  defineStageRule({
    id: 'yaml-syntax',
    severity: 'error',
    description: 'The file is not readable YAML (syntax error, bad encoding, too large).',
    configurable: false,
  }),
  defineStageRule({ id: 'schema', severity: 'error', description: 'The file does not match the argmap JSON Schema.' }),
  defineStageRule({
    id: 'truncated-text',
    severity: 'warn',
    description: 'An unquoted value is followed by a comment glued to its word (`#1`): probably text that YAML cut off.',
  }),
  defineStageRule({
    id: 'used-file',
    severity: 'error',
    description:
      'A `uses` entry names a file that cannot be used: missing, unreadable, outside the working folder, with errors of its own, or in a `uses` cycle.',
  }),
  defineStageRule({
    id: 'document-file',
    severity: 'error',
    description: 'The `document.file` text cannot be read: missing, unreadable, or outside the working folder.',
  }),
  defineStageRule({
    id: 'directive',
    severity: 'error',
    description: 'An `argmap-disable` comment names a rule that does not exist.',
  }),
] as const;

/** Every rule argmap can report, in a fixed order: the stage rules, then the rule modules. */
export const allRules: readonly RuleMeta[] = [...stageRules, ...rules];

/** Every rule id a user can configure or suppress. */
export const ruleIds: readonly string[] = allRules.map((r) => r.id);

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
