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
  report<C extends Code>(code: C, at: { span: Span } | Span, params: CodeParams[C]): void;
}

export interface Rule {
  /** Kebab-case id, as written in configs, suppression comments and output. */
  id: string;
  /** Default severity. */
  severity: RuleSeverity;
  /** One line: what the rule finds. */
  description: string;
  /** The diagnostic codes this rule reports. */
  codes: readonly Code[];
  /**
   * true: an analysis rule, run only on files that match the schema (on a malformed file its
   * findings would follow from the malformation, not from the argument).
   */
  analysis: boolean;
  check(context: RuleContext): void;
}

/** Helps a rule be typed in one place: `defineRule({...})`. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
