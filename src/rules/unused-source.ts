import { defineRule } from './rule';

/** A source that no evidence cites: a leftover, or evidence that forgot to cite it. */
export default defineRule({
  id: 'unused-source',
  severity: 'warn',
  description: 'A source in `sources` that no evidence cites.',
  codes: ['unused-source'],
  analysis: true,
  check({ graph, report }) {
    for (const source of graph.sources) {
      if (source.id === undefined || source.citedBy.length > 0) continue;
      // A duplicated id is reported by duplicate-id; only its first definition collects citations.
      if (graph.definitions.get(source.id)?.[0]?.node !== source) continue;
      report('unused-source', source.idSpan ?? source.span, { id: source.id });
    }
  },
});
