import { ID_REF_PATTERN } from '../model/ids';
import { Suggester, type WorkBudget } from '../util/suggest';
import { defineRule } from './rule';

/**
 * The work the "did you mean" suggestions of one file may take, in letter comparisons (cells of the
 * edit-distance tables, charged by boundedEditDistance): the unknown references get suggestions in
 * the order they are written until this is spent, and the rest none, so that thousands of unknown
 * references among thousands of ids take a fraction of a second, not minutes: 8,000 unknown
 * references among 8,000 ids of the same length would take about 3.6 billion even with the
 * look-up by length and the bounded distance. Counted, not timed: the same suggestions on every
 * machine. 1,000 claims with 100 misspelt references use about 3.5 million. Documented in
 * docs/rules.md (unknown-reference).
 */
const SUGGESTION_BUDGET = 50_000_000;

/** `source:`, `ref:` and `targets` must name an id defined in the file, of the right kind. */
export default defineRule({
  id: 'unknown-reference',
  severity: 'error',
  description: 'A `source`, `ref` or `targets` entry names no id in the file, or names the wrong kind of thing.',
  codes: ['unknown-source', 'unknown-claim', 'not-a-source', 'not-a-claim', 'ambiguous-id', 'unknown-file'],
  analysis: false,
  check({ graph, report }) {
    // The ids to suggest from, indexed only when a reference does not resolve (rarely); each
    // distinct unknown id is looked up once, and all look-ups share the file's budget, in the
    // order the references are written: the same suggestions on every run.
    const budget: WorkBudget = { remaining: SUGGESTION_BUDGET };
    let sources: Lookup | undefined;
    let claims: Lookup | undefined;
    for (const reference of graph.references) {
      // A malformed id is the schema's finding; one fault, one message.
      if (!ID_REF_PATTERN.test(reference.id)) continue;
      if (reference.ambiguous) {
        const id = reference.id;
        report('ambiguous-id', reference, {
          id,
          definitions: reference.ambiguous.map((d) => (d.file ? `${d.file.path}:${d.file.source.position(d.span.start).line}` : id)),
          qualified: reference.ambiguous.map((d) => `${d.file?.name ?? ''}#${id}`),
        });
        continue;
      }
      if (reference.unknownFile) {
        report('unknown-file', reference, { id: reference.id, ...reference.unknownFile });
        continue;
      }
      const definition = graph.file ? reference.definition : graph.definitions.get(reference.id)?.[0];
      if (reference.field === 'source') {
        if (!definition) {
          sources ??= lookup(graph.sources);
          const suggestion = reference.within ? undefined : sources.suggest(reference.id, budget);
          report('unknown-source', reference, {
            id: reference.id,
            ...(suggestion ? { suggestion } : {}),
            ...(reference.within ? { file: reference.within.path } : {}),
          });
        } else if (definition.type !== 'source') {
          report('not-a-source', reference, { id: reference.id });
        }
      } else if (!definition) {
        claims ??= lookup(graph.claims);
        const suggestion = reference.within ? undefined : claims.suggest(reference.id, budget);
        report('unknown-claim', reference, {
          id: reference.id,
          field: reference.field,
          ...(suggestion ? { suggestion } : {}),
          ...(reference.within ? { file: reference.within.path } : {}),
        });
      } else if (definition.type !== 'claim') {
        report('not-a-claim', reference, { id: reference.id, field: reference.field });
      }
    }
  },
});

interface Lookup {
  suggest(id: string, budget: WorkBudget): string | undefined;
}

/** Suggestions among the ids of these claims or sources, one look-up per distinct unknown id. */
function lookup(items: ReadonlyArray<{ id?: string | undefined }>): Lookup {
  const suggester = new Suggester(items.flatMap((item) => (item.id === undefined ? [] : [item.id])));
  const found = new Map<string, string | undefined>();
  return {
    suggest(id, budget) {
      if (found.has(id)) return found.get(id);
      const suggestion = suggester.suggest(id, budget);
      found.set(id, suggestion);
      return suggestion;
    },
  };
}
