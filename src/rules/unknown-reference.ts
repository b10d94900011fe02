import { suggest } from '../util/suggest';
import { defineRule } from './rule';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `source:`, `ref:` and `targets` must name an id defined in the file, of the right kind. */
export default defineRule({
  id: 'unknown-reference',
  severity: 'error',
  description: 'A `source`, `ref` or `targets` entry names no id in the file, or names the wrong kind of thing.',
  codes: ['unknown-source', 'unknown-claim', 'not-a-source', 'not-a-claim'],
  analysis: false,
  check({ graph, report }) {
    // The ids to suggest from, listed only when a reference does not resolve (rarely).
    let sourceIds: string[] | undefined;
    let claimIds: string[] | undefined;
    const sources = () => (sourceIds ??= graph.sources.flatMap((s) => (s.id === undefined ? [] : [s.id])));
    const claims = () => (claimIds ??= graph.claims.flatMap((c) => (c.id === undefined ? [] : [c.id])));
    for (const reference of graph.references) {
      // A malformed id is the schema's finding; one fault, one message.
      if (!ID_PATTERN.test(reference.id)) continue;
      const definition = graph.definitions.get(reference.id)?.[0];
      if (reference.field === 'source') {
        if (!definition) {
          const suggestion = suggest(reference.id, sources());
          report('unknown-source', reference.span, { id: reference.id, ...(suggestion ? { suggestion } : {}) });
        } else if (definition.type !== 'source') {
          report('not-a-source', reference.span, { id: reference.id });
        }
      } else if (!definition) {
        const suggestion = suggest(reference.id, claims());
        report('unknown-claim', reference.span, {
          id: reference.id,
          field: reference.field,
          ...(suggestion ? { suggestion } : {}),
        });
      } else if (definition.type !== 'claim') {
        report('not-a-claim', reference.span, { id: reference.id, field: reference.field });
      }
    }
  },
});
