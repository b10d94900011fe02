import { defineRule } from './rule';

/** Every id names one claim or source: the second and later uses of an id are errors. */
export default defineRule({
  id: 'duplicate-id',
  severity: 'error',
  description: 'An id is defined more than once (claims and sources share one namespace).',
  codes: ['duplicate-id'],
  analysis: false,
  check({ graph, report }) {
    for (const [id, definitions] of graph.definitions) {
      for (let i = 1; i < definitions.length; i++) {
        report('duplicate-id', definitions[i]!.span, { id, first: definitions[0]!.span.start });
      }
    }
  },
});
