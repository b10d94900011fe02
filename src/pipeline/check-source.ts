import { Analyses } from '../analyses/index';
import type { Diagnostic, Severity, Span } from '../diagnostics/diagnostic';
import { sortDiagnostics, type FileReport } from '../diagnostics/report';
import { parse, scanDocument } from '../load/parse';
import type { SourceFile } from '../load/source-file';
import { resolve } from 'node:path';
import { buildGraph, buildWorkspaceGraph } from '../model/build';
import type { ArgumentGraph } from '../model/types';
import { BLOCKING_RULES, ruleIds, rules, stageRule } from '../rules/index';
import { directiveDiagnostics, directives, suppress } from './suppress';
import type { Rule, RuleContext, RuleSeverity } from '../rules/rule';
import { validate } from '../validate/validate';
import { Workspace } from './workspace';

export interface CheckOptions {
  /** Severity per rule id, overriding each rule's default. */
  severities?: Readonly<Record<string, RuleSeverity>>;
  /**
   * Run only the rules whose errors make the graph unreliable (BLOCKING_RULES): all that the
   * commands which list or draw the argument act on. The other rules' findings are `check`'s.
   */
  blockingOnly?: boolean;
  /** The checked file's absolute path: its `uses` and `document.file` are relative to it. */
  absolute?: string;
  /** The files used so far in this run (each read and parsed once); a new one when absent. */
  workspace?: Workspace;
  /** Largest file read (used files, document texts), in bytes. */
  maxFileSize?: number;
  /** The working folder: used files and document texts must lie inside it. */
  root?: string;
}

/** A checked file: its report, and what the checks built on the way. */
export interface CheckedFile extends FileReport {
  /** The argument graph, when the file parsed as YAML. */
  graph?: ArgumentGraph;
  analyses?: Analyses;
}

function severityOf(rule: { id: string; severity: RuleSeverity }, options: CheckOptions): RuleSeverity {
  return options.severities?.[rule.id] ?? rule.severity;
}

const SEVERITY: Record<Exclude<RuleSeverity, 'off'>, Severity> = { error: 'error', warn: 'warning', info: 'info' };

function runRule(rule: Rule, graph: ArgumentGraph, analyses: Analyses, severity: Severity, out: Diagnostic[]) {
  const context: RuleContext = {
    graph,
    analyses,
    report(code, at, params) {
      // Each problem once, in the file where it is: findings about the nodes of a used file are
      // that file's to report.
      if ('file' in at && at.file !== undefined && at.file !== graph.file) return;
      const span: Span = 'span' in at ? at.span : at;
      out.push({ rule: rule.id, code, severity, span, params });
    },
  };
  rule.check(context);
}

/**
 * The pipeline for one file's text: parse (YAML, with positions) → validate (JSON Schema) → model
 * (argument graph) → rules. Reports every problem it can find in one pass; nothing here prints.
 */
export function checkSource(source: SourceFile, options: CheckOptions = {}): CheckedFile {
  const parsed = parse(source);
  if (parsed.data === undefined) return { source, diagnostics: sortDiagnostics(parsed.diagnostics) };
  const diagnostics: Diagnostic[] = [];
  for (const d of parsed.diagnostics) {
    // yaml-syntax is never configurable; the parse stage's warnings (truncated-text) are.
    if (d.rule === 'yaml-syntax') diagnostics.push(d);
    else {
      const severity = severityOf(stageRule('truncated-text'), options);
      if (severity !== 'off') diagnostics.push({ ...d, severity: SEVERITY[severity] });
    }
  }
  const schemaDiagnostics = validate(parsed.doc, parsed.data);
  for (const d of schemaDiagnostics) {
    const severity = severityOf(stageRule('schema'), options);
    if (severity !== 'off') diagnostics.push({ ...d, severity: SEVERITY[severity] });
  }
  let graph: ArgumentGraph;
  let uses: FileReport['uses'];
  const scanned = parsed.scanned ?? scanDocument(parsed.doc);
  const top = scanned.data as Record<string, unknown> | null;
  const document = typeof top?.document === 'object' && top.document !== null ? (top.document as Record<string, unknown>) : undefined;
  if (top !== null && typeof top === 'object' && (Array.isArray(top.uses) || document?.file !== undefined)) {
    // A file that uses others: their nodes join its graph, so that cross-file edges count.
    const workspace =
      options.workspace ??
      new Workspace({
        ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
        ...(options.root !== undefined ? { root: options.root } : {}),
      });
    const absolute = options.absolute ?? resolve(source.path);
    const unit = workspace.register(absolute, source.path, source, parsed.doc, scanned, schemaDiagnostics.length);
    const resolved = workspace.resolveUses(unit);
    graph = buildWorkspaceGraph({ file: resolved.root, scanned }, resolved.used);
    const stage = (id: 'used-file' | 'document-file', found: Diagnostic[]) => {
      const severity = severityOf(stageRule(id), options);
      if (severity !== 'off') for (const d of found) diagnostics.push({ ...d, severity: SEVERITY[severity] });
    };
    stage('used-file', resolved.diagnostics);
    const dependencies = resolved.dependencies;
    const text = workspace.documentText(unit);
    if (text) {
      dependencies.push(text.absolute);
      if (text.text !== undefined) graph.documentText = { path: text.path, text: text.text };
      else {
        const code = text.problem === 'outside' ? 'document-outside' : 'document-unreadable';
        stage('document-file', [
          { rule: 'document-file', code, severity: 'error', span: text.span, params: { path: text.path, detail: text.problem } },
        ]);
      }
    }
    const citations: string[] = [];
    for (const evidence of graph.evidence) {
      const cited = evidence.source;
      if (evidence.file === graph.file && cited?.file && cited.file !== graph.file && cited.file.sourcesOnly) {
        citations.push(`${cited.file.absolute}#${cited.id}`);
      }
    }
    uses = { dependencies, citations };
  } else graph = buildGraph(parsed.doc, scanned);
  const analyses = new Analyses(graph);
  // Analysis rules run only on a well-formed graph: valid against the schema, every id defined once
  // and every reference resolved. On a malformed one their findings would follow from the fault
  // (a typo in a source id is not also an "unused source"): one fault, one message.
  let wellFormed = schemaDiagnostics.length === 0;
  for (const rule of rules) {
    const severity = severityOf(rule, options);
    if (rule.analysis && wellFormed) {
      // By rule, whatever severity a config gives it: a `warn` dangling reference is still dangling.
      wellFormed = !diagnostics.some((d) => BLOCKING_RULES.has(d.rule));
    }
    if (severity === 'off' || (rule.analysis && !wellFormed) || (options.blockingOnly && !BLOCKING_RULES.has(rule.id))) continue;
    runRule(rule, graph, analyses, SEVERITY[severity], diagnostics);
  }
  const found = directives(source);
  if (found.length > 0 && !options.blockingOnly) {
    const severity = severityOf(stageRule('directive'), options);
    if (severity !== 'off') {
      for (const d of directiveDiagnostics(found, ruleIds)) diagnostics.push({ ...d, severity: SEVERITY[severity] });
    }
  }
  const report: CheckedFile = { source, diagnostics: sortDiagnostics(suppress(source, diagnostics, found)), graph, analyses };
  if (uses) report.uses = uses;
  return report;
}
