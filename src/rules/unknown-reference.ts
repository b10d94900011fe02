import { ID_REF_PATTERN } from '../model/ids';
import type { ArgumentGraph } from '../model/types';
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
    let unusedSources: UnusedIds | undefined;
    let unusedClaims: UnusedIds | undefined;
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
          const unused =
            suggestion || reference.within ? undefined : (unusedSources ??= unusedIds(graph, 'source')).near(reference.id, budget);
          report('unknown-source', reference, {
            id: reference.id,
            ...(suggestion ? { suggestion } : {}),
            ...(reference.within ? { file: reference.within.path } : {}),
            ...unused,
          });
        } else if (definition.type !== 'source') {
          report('not-a-source', reference, { id: reference.id });
        }
      } else if (!definition) {
        claims ??= lookup(graph.claims);
        const suggestion = reference.within ? undefined : claims.suggest(reference.id, budget);
        const unused = suggestion || reference.within ? undefined : (unusedClaims ??= unusedIds(graph, 'claim')).near(reference.id, budget);
        report('unknown-claim', reference, {
          id: reference.id,
          field: reference.field,
          ...(suggestion ? { suggestion } : {}),
          ...(reference.within ? { file: reference.within.path } : {}),
          ...unused,
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

/** How many ids that nothing refers to an unknown reference names, at most. */
export const UNUSED_SHOWN = 3;

interface UnusedIds {
  /** Up to UNUSED_SHOWN of them, those sharing most words with `id` first, and how many more. */
  near(id: string, budget: WorkBudget): { unused: string[]; moreUnused: number } | undefined;
}

/**
 * The ids of claims (or sources) that no reference names: when an id was renamed where it is
 * defined, the new name is among them, however unlike the old one it is. Ranked by the words
 * (between hyphens) they share with the unknown id, then in document order. Ranking charges the
 * file's suggestion budget one unit per word compared; once it is spent, the first in document
 * order are named.
 */
function unusedIds(graph: ArgumentGraph, kind: 'claim' | 'source'): UnusedIds {
  const named = new Set(graph.references.filter((r) => (r.field === 'source') === (kind === 'source')).map((r) => r.id));
  const ids = [
    ...new Set(
      (kind === 'claim' ? graph.claims : graph.sources).flatMap((item) => (item.id === undefined || named.has(item.id) ? [] : [item.id])),
    ),
  ];
  const words = ids.map((id) => id.split('-'));
  const cost = words.reduce((sum, w) => sum + w.length, 0);
  const found = new Map<string, { unused: string[]; moreUnused: number } | undefined>();
  return {
    near(id, budget) {
      if (ids.length === 0) return undefined;
      if (found.has(id)) return found.get(id);
      let shown = ids.slice(0, UNUSED_SHOWN);
      if (ids.length > UNUSED_SHOWN && budget.remaining >= cost) {
        budget.remaining -= cost;
        // The UNUSED_SHOWN sharing most words, earlier first among equals: one pass, no sort.
        const mine = new Set(id.split('-'));
        const best: Array<{ index: number; shared: number }> = [];
        words.forEach((w, index) => {
          const shared = w.filter((word) => mine.has(word)).length;
          if (best.length === UNUSED_SHOWN && shared <= best[best.length - 1]!.shared) return;
          const at = best.findIndex((b) => shared > b.shared);
          best.splice(at === -1 ? best.length : at, 0, { index, shared });
          if (best.length > UNUSED_SHOWN) best.pop();
        });
        shown = best.map((b) => ids[b.index]!);
      }
      const answer = { unused: shown, moreUnused: ids.length - shown.length };
      found.set(id, answer);
      return answer;
    },
  };
}
