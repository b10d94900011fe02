import type { Span } from '../diagnostics/diagnostic';
import type { Code, CodeParams } from '../diagnostics/messages';
import type { Analyses } from '../analyses/index';
import type { ArgumentGraph } from '../model/types';

/** A rule's default severity; a config can set any rule to any of these. */
export type RuleSeverity = 'error' | 'warn' | 'info' | 'off';

export interface RuleContext {
  graph: ArgumentGraph;
  /** Shared analyses of the graph (support, ...), computed once per file. */
  analyses: Analyses;
  /** Reports a finding at a node's span (a claim's, an evidence's, a reference's...). */
  report: <C extends Code>(code: C, at: { span: Span } | Span, params: CodeParams[C]) => void;
}

/** argmap's home page. */
export const HOME_URL = 'https://argmap.dev';

/** Where the rules are documented: a rule's `docs.url` is this with `#<id>`. */
export const RULES_DOCS_URL = `${HOME_URL}/docs/rules.md`;

/**
 * What the registry knows of every rule, a rule module's or a stage's (yaml-syntax, schema...): the
 * config schema's `rules`, the table in docs/rules.md and SARIF's rule list are made from it.
 */
export interface RuleMeta {
  /** Kebab-case id, as written in configs, suppression comments and output. */
  id: string;
  /** Default severity. */
  severity: RuleSeverity;
  /** One line: what the rule finds. */
  description: string;
  /**
   * true: an analysis rule, run only on files that match the schema (on a malformed file its
   * findings would follow from the malformation, not from the argument).
   */
  analysis: boolean;
  /** false: no config can change it, no comment silence it (yaml-syntax). */
  configurable: boolean;
  docs: { url: string };
}

export interface Rule extends RuleMeta {
  /** The diagnostic codes this rule reports. */
  codes: readonly Code[];
  check(context: RuleContext): void;
}

function docsFor(id: string): { url: string } {
  return { url: `${RULES_DOCS_URL}#${id}` };
}

/** Helps a rule be typed in one place: `defineRule({...})`; its docs are docs/rules.md#<id>. */
export function defineRule(rule: Omit<Rule, 'docs' | 'configurable'>): Rule {
  return { ...rule, configurable: true, docs: docsFor(rule.id) };
}

/** A rule a stage reports (load, validate, suppression comments), not a rule module. */
export function defineStageRule<const I extends string>(rule: {
  id: I;
  severity: RuleSeverity;
  description: string;
  configurable?: false;
}): RuleMeta & { id: I } {
  return { configurable: true, ...rule, analysis: false, docs: docsFor(rule.id) };
}
