import type { Diagnostic } from '../diagnostics/diagnostic';
import type { ResolvedFile } from '../load/resolve-paths';
import { buildGraph } from '../model/build';
import { BLOCKING_RULES, rules } from '../rules/index';
import { sortDiagnostics, type FileReport } from '../diagnostics/report';
import { suppress } from './suppress';
import type { Workspace } from './workspace';

const SEVERITY = { error: 'error', warn: 'warning', info: 'info' } as const;

/**
 * `unused-source` for a sources file (sources, no claims): its sources are cited by the files that
 * use it, so a source is unused when no file checked in the same run cites it. Said only when the
 * run checks the sources file together with at least one file that uses it; alone, it says nothing
 * (checkSource's unused-source rule skips a sources file). Adds the findings to its report in place.
 */
export function unusedAcrossFiles(
  reports: readonly FileReport[],
  files: readonly ResolvedFile[],
  options: { workspace?: Workspace; severities?: Readonly<Record<string, string>> },
): void {
  const used = new Set<string>();
  const cited = new Set<string>();
  // Files used by a file whose references may not have resolved: their unused sources would follow
  // from that fault (one fault, one message), so nothing is said about them.
  const unsure = new Set<string>();
  for (const report of reports) {
    if (!report.uses) continue;
    const blocked = report.diagnostics.some((d) => BLOCKING_RULES.has(d.rule));
    for (const dependency of report.uses.dependencies) {
      used.add(dependency);
      if (blocked) unsure.add(dependency);
    }
    for (const citation of report.uses.citations) cited.add(citation);
  }
  if (used.size === 0 || !options.workspace) return;
  const rule = rules.find((r) => r.id === 'unused-source')!;
  const severity = (options.severities?.[rule.id] ?? rule.severity) as keyof typeof SEVERITY | 'off';
  if (severity === 'off') return;
  const byPath = new Map(files.map((f) => [f.display, f.absolute]));
  for (const report of reports) {
    const absolute = byPath.get(report.source.path);
    if (absolute === undefined || !used.has(absolute) || unsure.has(absolute)) continue;
    if (report.diagnostics.some((d) => BLOCKING_RULES.has(d.rule))) continue;
    const unit = options.workspace.load(absolute, report.source.path);
    if (!unit.sourcesOnly || !unit.scanned || unit.errors > 0) continue;
    const graph = buildGraph(undefined, unit.scanned);
    const found: Diagnostic[] = [];
    for (const source of graph.sources) {
      if (source.id === undefined || cited.has(`${absolute}#${source.id}`)) continue;
      if (graph.definitions.get(source.id)?.[0]?.node !== source) continue;
      found.push({
        rule: rule.id,
        code: 'unused-source',
        severity: SEVERITY[severity],
        span: source.idSpan ?? source.span,
        params: { id: source.id },
      });
    }
    if (found.length === 0) continue;
    for (const d of suppress(report.source, found)) report.diagnostics.push(d);
    sortDiagnostics(report.diagnostics);
  }
}
