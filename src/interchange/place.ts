import type { ImportClaim, ImportGraph, ImportSource } from './graph';

/**
 * Places an imported graph into argmap's tree: a recommendation, the claims under it, `ref` items
 * where a claim is used again, `undercut: true` where a claim denies a relation.
 *
 * - The recommendation is a root: a claim that supports or attacks nothing. The root that reaches
 *   the most claims comes first.
 * - A claim is written where it is first reached (Kialo `-> See` links only ever become `ref`s
 *   unless the linked claim is nowhere else in the part); every further use is a `ref`.
 * - Claims the first recommendation does not reach (other roots, disconnected parts) are not given
 *   an invented relation: each further root starts a further part, a separate argument file.
 *   Claims shared by two parts are written in both, so each file stands alone.
 */

export interface PlacedPart {
  /** The root claim (the part's recommendation). */
  root: ImportClaim;
  /** The argmap document as plain data, keys in the order they are written. */
  data: Record<string, unknown>;
  /** Ids of the claims written in this part. */
  claims: Set<string>;
}

export interface Placement {
  parts: PlacedPart[];
  /** Relations and undercuts that could not be written, one line each. */
  unmapped: string[];
}

type Item = Record<string, unknown>;

export function place(graph: ImportGraph): Placement {
  const byId = new Map(graph.claims.map((c) => [c.id, c]));
  const order = new Map(graph.claims.map((c, i) => [c.id, i]));
  const unmapped: string[] = [];
  const incoming = new Map<string, number[]>();
  const outgoing = new Map<string, number[]>();
  const undercutsOf = new Map<number, string[]>();
  const seen = new Set<string>();
  graph.relations.forEach((r, i) => {
    const name = `${r.from} ${r.kind}s ${r.to}`;
    if (r.from === r.to) return unmapped.push(`relation ${name}: a claim cannot ${r.kind} itself (dropped)`);
    if (seen.has(`${r.from}>${r.to}`)) return unmapped.push(`relation ${name}: repeats an earlier relation between the same claims (dropped)`);
    seen.add(`${r.from}>${r.to}`);
    (incoming.get(r.to) ?? incoming.set(r.to, []).get(r.to)!).push(i);
    (outgoing.get(r.from) ?? outgoing.set(r.from, []).get(r.from)!).push(i);
  });
  for (const u of graph.undercuts) (undercutsOf.get(u.relation) ?? undercutsOf.set(u.relation, []).get(u.relation)!).push(u.from);

  /** Claims reachable from `root` through incoming relations and undercuts. */
  const reach = (root: string): Set<string> => {
    const out = new Set([root]);
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      for (const r of incoming.get(id) ?? []) {
        for (const next of [graph.relations[r]!.from, ...(undercutsOf.get(r) ?? [])]) {
          if (!out.has(next)) {
            out.add(next);
            stack.push(next);
          }
        }
      }
    }
    return out;
  };

  const placed = new Set<string>();
  const parts: PlacedPart[] = [];
  const undercutters = new Set(graph.undercuts.map((u) => u.from));
  while (placed.size < graph.claims.length) {
    const left = graph.claims.filter((c) => !placed.has(c.id));
    const roots = left.filter((c) => (outgoing.get(c.id) ?? []).length === 0);
    const scored = (roots.length > 0 ? roots : left.slice(0, 1)).map((c) => ({ c, size: reach(c.id).size, cut: undercutters.has(c.id) }));
    scored.sort((a, b) => Number(a.cut) - Number(b.cut) || b.size - a.size || order.get(a.c.id)! - order.get(b.c.id)!);
    const root = scored[0]!.c;
    const part = writePart(root);
    for (const id of part.claims) placed.add(id);
    parts.push(part);
  }
  return { parts, unmapped };

  function writePart(root: ImportClaim): PlacedPart {
    const written = new Set<string>();
    /** `ref` items for links to claims not (yet) written; resolved at the end. */
    const pendingLinks: Array<{ list: Item[]; item: Item; id: string; side: Side }> = [];
    const cited = new Set<string>();

    type Side = 'support' | 'attack';
    const claimItem = (claim: ImportClaim, side: Side, undercut: boolean): Item => {
      written.add(claim.id);
      const item: Item = { id: claim.id, text: claim.text };
      if (claim.quote !== undefined) item.quote = claim.quote;
      if (claim.note !== undefined) item.note = claim.note;
      if (claim.assumption) item.assumption = true;
      if (side === 'attack' && claim.conceded) item.conceded = true;
      if (undercut) item.undercut = true;
      if (claim.evidence.length > 0) {
        item.evidence = claim.evidence.map((e) => {
          if (e.source !== undefined) cited.add(e.source);
          return { text: e.text, ...(e.source !== undefined ? { source: e.source } : {}), ...(e.quote !== undefined ? { quote: e.quote } : {}), ...(e.note !== undefined ? { note: e.note } : {}) };
        });
      }
      const reasons: Item[] = [];
      const risks: Item[] = [];
      const attacks: Item[] = [];
      for (const r of incoming.get(claim.id) ?? []) {
        const relation = graph.relations[r]!;
        const from = byId.get(relation.from)!;
        const list = relation.kind === 'attack' ? attacks : from.risk && side === 'support' ? risks : reasons;
        const childSide: Side = relation.kind === 'support' ? 'support' : 'attack';
        if (written.has(from.id)) {
          list.push({ ref: from.id });
          for (const u of undercutsOf.get(r) ?? []) {
            unmapped.push(`undercut by ${u} of "${from.id} ${relation.kind}s ${claim.id}": that relation is written as a ref, and a ref cannot be undercut`);
          }
          continue;
        }
        if (relation.link) {
          const item = { ref: from.id };
          list.push(item);
          pendingLinks.push({ list, item, id: from.id, side: childSide });
          continue;
        }
        const child = claimItem(from, childSide, false);
        list.push(child);
        const cuts = undercutsOf.get(r) ?? [];
        for (const u of cuts) {
          const cutter = byId.get(u)!;
          if (written.has(u)) {
            unmapped.push(`undercut by ${u} of "${from.id} ${relation.kind}s ${claim.id}": ${u} is already written elsewhere in the file, and a ref cannot be an undercut`);
            continue;
          }
          const key = childSide === 'support' ? 'counterpoints' : 'rebuttals';
          const listOf = (child[key] as Item[] | undefined) ?? [];
          listOf.push(claimItem(cutter, 'attack', true));
          // Keep the lists in their usual place: after evidence and reasons.
          delete child[key];
          child[key] = listOf;
        }
      }
      if (reasons.length > 0) item.reasons = reasons;
      if (risks.length > 0) item.risks = risks;
      if (attacks.length > 0) item[side === 'support' ? 'counterpoints' : 'rebuttals'] = attacks;
      return item;
    };

    const recommendation = claimItem(root, 'support', false);
    // A link whose claim is written nowhere else in this part: write the claim there instead.
    for (let i = 0; i < pendingLinks.length; i++) {
      const link = pendingLinks[i]!;
      if (written.has(link.id)) continue;
      const index = link.list.indexOf(link.item);
      link.list[index] = claimItem(byId.get(link.id)!, link.side, false);
    }
    const sources: ImportSource[] = graph.sources.filter((s) => cited.has(s.id) || parts.length === 0);
    const data: Record<string, unknown> = { argmap: 1, title: graph.title ?? root.text };
    if (graph.description !== undefined) data.description = graph.description;
    if (graph.document && Object.keys(graph.document).length > 0) data.document = graph.document;
    if (sources.length > 0) data.sources = sources.map((s) => ({ ...s }));
    data.recommendation = recommendation;
    return { root, data, claims: written };
  }
}
