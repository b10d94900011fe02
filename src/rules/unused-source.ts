import { defineRule } from './rule';

/** A source that no evidence cites: a leftover, or evidence that forgot to cite it. */
export default defineRule({
  id: 'unused-source',
  severity: 'warn',
  description: 'A source in `sources` that no evidence cites.',
  codes: ['unused-source'],
  analysis: true,
  check({ graph, report }) {
    // A sources file (sources, no claims) is cited by the files that use it: its unused sources are
    // counted across the files checked together (checkFiles), and it says nothing when checked alone.
    if (graph.claims.length === 0 || graph.claims[0]!.file !== graph.file) return;
    for (const source of graph.sources) {
      if (source.file !== graph.file) break;
      if (source.id === undefined || source.citedBy.length > 0) continue;
      // A duplicated id is reported by duplicate-id; only its first definition collects citations.
      if (graph.definitions.get(source.id)?.[0]?.node !== source) continue;
      report('unused-source', source.idSpan ?? source.span, { id: source.id });
    }
  },
});
