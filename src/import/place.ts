import { nameChain } from '../model/names';
import type { ImportClaim, ImportGraph, ImportSource } from './import-graph';

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
 * - Support that runs in a circle is rejected by `argmap check` (circular-support), so the relation
 *   that closes each circle is dropped and reported (`closingSupportCycles`): the file written passes.
 */

export interface PlacedPart {
  /** The root claim (the part's recommendation). */
  root: ImportClaim;
  /** The argmap document as plain data, keys in the order they are written. */
  data: Record<string, unknown>;
  /** Ids of the claims written in this part. */
  claims: Set<string>;
  /** Claims on the longest path down from the recommendation, the recommendation included. */
  levels: number;
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
  /** Undercut indices by the relation they deny, and by the undercut they deny (an undercut of an undercut). */
  const undercutsOf = new Map<number, number[]>();
  const undercutsOfUndercut = new Map<number, number[]>();
  const seen = new Set<string>();
  const kept: number[] = [];
  const dropped = new Set<number>();
  graph.relations.forEach((r, i) => {
    const name = `${r.from} ${r.kind}s ${r.to}`;
    if (r.from === r.to) return dropped.add(i), unmapped.push(`relation ${name}: a claim cannot ${r.kind} itself (dropped)`);
    // A support and an attack between the same claims are both kept (argmap writes both, and
    // check's contradictory-relation reports them); only a repeat of the same kind is dropped.
    if (seen.has(`${r.from}>${r.to}>${r.kind}`)) return dropped.add(i), unmapped.push(`relation ${name}: repeats an earlier relation between the same claims (dropped)`);
    seen.add(`${r.from}>${r.to}>${r.kind}`);
    kept.push(i);
  });
  for (const i of closingSupportCycles(graph, kept)) {
    dropped.add(i.relation);
    const r = graph.relations[i.relation]!;
    unmapped.push(
      `relation ${r.from} supports ${r.to}: it closes a circle of support (${nameChain([...i.circle, r.from])}), which argmap check rejects as circular-support (dropped)`,
    );
  }
  for (const i of kept) {
    if (dropped.has(i)) continue;
    const r = graph.relations[i]!;
    (incoming.get(r.to) ?? incoming.set(r.to, []).get(r.to)!).push(i);
    (outgoing.get(r.from) ?? outgoing.set(r.from, []).get(r.from)!).push(i);
  }
  graph.undercuts.forEach((u, k) => {
    if (dropped.has(u.relation)) {
      const r = graph.relations[u.relation]!;
      unmapped.push(`undercut by ${u.from} of "${r.from} ${r.kind}s ${r.to}": that relation is not mapped`);
      return;
    }
    if (u.undercut !== undefined) (undercutsOfUndercut.get(u.undercut) ?? undercutsOfUndercut.set(u.undercut, []).get(u.undercut)!).push(k);
    else (undercutsOf.get(u.relation) ?? undercutsOf.set(u.relation, []).get(u.relation)!).push(k);
  });
  /** The claims undercutting a relation, and those undercutting their undercuts, and so on. */
  const cuttersOf = (r: number): string[] => {
    const out: string[] = [];
    const stack = [...(undercutsOf.get(r) ?? [])];
    while (stack.length > 0) {
      const k = stack.pop()!;
      out.push(graph.undercuts[k]!.from);
      for (const j of undercutsOfUndercut.get(k) ?? []) stack.push(j);
    }
    return out;
  };
  /** Reports an undercut that cannot be written, and the undercuts of it. */
  const notWritten = (k: number, why: string) => {
    const stack: Array<[number, string]> = [[k, why]];
    while (stack.length > 0) {
      const [i, reason] = stack.pop()!;
      unmapped.push(`undercut by ${graph.undercuts[i]!.from} of ${reason}`);
      for (const j of undercutsOfUndercut.get(i) ?? []) stack.push([j, `the undercut by ${graph.undercuts[i]!.from}, which is not written`]);
    }
  };

  /** Claims reachable from `root` through incoming relations and undercuts. */
  const reach = (root: string): Set<string> => {
    const out = new Set([root]);
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      const visit = (next: string) => {
        if (!out.has(next)) {
          out.add(next);
          stack.push(next);
        }
      };
      for (const r of incoming.get(id) ?? []) {
        visit(graph.relations[r]!.from);
        if (undercutsOf.has(r)) for (const next of cuttersOf(r)) visit(next);
      }
    }
    return out;
  };

  // Each part starts at the best root not yet written: a root that undercuts nothing first, then the
  // one that reaches most claims, then the first in the input. Whether a claim is a root, and what it
  // reaches, do not depend on what is written (reach follows every relation), so the roots are
  // scored and sorted once. When every root is written, the rest (cycles) start at their first claim.
  const undercutters = new Set(graph.undercuts.map((u) => u.from));
  const roots = graph.claims
    .filter((c) => !outgoing.has(c.id))
    .map((c) => ({ c, size: reach(c.id).size, cut: undercutters.has(c.id) }))
    .sort((a, b) => Number(a.cut) - Number(b.cut) || b.size - a.size || order.get(a.c.id)! - order.get(b.c.id)!);
  const placed = new Set<string>();
  const parts: PlacedPart[] = [];
  const sourceAt = new Map<string, number[]>();
  graph.sources.forEach((s, i) => (sourceAt.get(s.id) ?? sourceAt.set(s.id, []).get(s.id)!).push(i));
  for (const root of [...roots.map((r) => r.c), ...graph.claims]) {
    if (placed.has(root.id)) continue;
    const part = writePart(root);
    for (const id of part.claims) placed.add(id);
    parts.push(part);
  }
  return { parts, unmapped };

  function writePart(root: ImportClaim): PlacedPart {
    const written = new Set<string>();
    /** `ref` items for links to claims not (yet) written; resolved at the end. */
    const pendingLinks: Array<{ list: Item[]; index: number; id: string; side: Side; level: number; note?: string | undefined }> = [];
    const cited = new Set<string>();
    let levels = 0;

    type Side = 'support' | 'attack';
    /** A claim being written: its item, the lists its relations fill, and how far through them it is. */
    interface Frame {
      claim: ImportClaim;
      side: Side;
      /** Claims above it: 0 for the recommendation. */
      level: number;
      item: Item;
      reasons: Item[];
      risks: Item[];
      attacks: Item[];
      relations: number[];
      next: number;
      /**
       * Undercuts still to be written (indices into `graph.undercuts`): those of the relation whose
       * claim was written last, under that claim; or, on an undercutting claim's own frame, the
       * undercuts of its undercut, among its rebuttals.
       */
      cuts?: { into: (item: Item) => void; level: number; ids: number[]; next: number; relation: string };
      /** Called with the finished item. */
      done: (item: Item) => void;
    }

    /**
     * Writes a claim and, depth first, every claim under it not written yet. A loop over a stack of
     * frames, not recursion: an imported chain can be any number of claims deep.
     */
    const claimItem = (claim: ImportClaim, side: Side, undercut: boolean, level: number): Item => {
      const stack: Frame[] = [];
      let result: Item | undefined;
      const open = (claim: ImportClaim, side: Side, undercut: boolean, level: number, done: (item: Item) => void) => {
        written.add(claim.id);
        levels = Math.max(levels, level + 1);
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
        stack.push({ claim, side, level, item, reasons: [], risks: [], attacks: [], relations: incoming.get(claim.id) ?? [], next: 0, done });
      };
      open(claim, side, undercut, level, (item) => {
        result = item;
      });
      while (stack.length > 0) {
        const frame = stack[stack.length - 1]!;
        const cuts = frame.cuts;
        if (cuts !== undefined && cuts.next < cuts.ids.length) {
          const k = cuts.ids[cuts.next++]!;
          const u = graph.undercuts[k]!.from;
          if (written.has(u)) {
            notWritten(k, `"${cuts.relation}": ${u} is already written elsewhere in the file, and a ref cannot be an undercut`);
            continue;
          }
          open(byId.get(u)!, 'attack', true, cuts.level, cuts.into);
          // Its own undercutters deny its undercut: among its rebuttals, with `undercut: true`.
          const chain = undercutsOfUndercut.get(k);
          if (chain) {
            const own = stack[stack.length - 1]!;
            own.cuts = { into: (cutter) => own.attacks.push(cutter), level: own.level + 1, ids: chain, next: 0, relation: `${u} undercuts (${cuts.relation})` };
          }
          continue;
        }
        if (frame.next < frame.relations.length) {
          const r = frame.relations[frame.next++]!;
          const relation = graph.relations[r]!;
          const from = byId.get(relation.from)!;
          const list = relation.kind === 'attack' ? frame.attacks : from.risk && frame.side === 'support' ? frame.risks : frame.reasons;
          const childSide: Side = relation.kind === 'support' ? 'support' : 'attack';
          const refItem = { ref: from.id, ...(relation.note !== undefined ? { note: relation.note } : {}) };
          if (written.has(from.id)) {
            list.push(refItem);
            for (const k of undercutsOf.get(r) ?? []) {
              notWritten(k, `"${from.id} ${relation.kind}s ${frame.claim.id}": that relation is written as a ref, and a ref cannot be undercut`);
            }
            continue;
          }
          if (relation.link) {
            pendingLinks.push({ list, index: list.length, id: from.id, side: childSide, level: frame.level + 1, note: relation.note });
            list.push(refItem);
            continue;
          }
          open(from, childSide, false, frame.level + 1, (child) => {
            list.push(child);
            const key = childSide === 'support' ? 'counterpoints' : 'rebuttals';
            // Under the claim of the relation it denies, which is one level below this one.
            const into = (cutter: Item) => {
              const listOf = (child[key] as Item[] | undefined) ?? [];
              listOf.push(cutter);
              // Keep the lists in their usual place: after evidence and reasons.
              delete child[key];
              child[key] = listOf;
            };
            frame.cuts = { into, level: frame.level + 2, ids: undercutsOf.get(r) ?? [], next: 0, relation: `${from.id} ${relation.kind}s ${frame.claim.id}` };
          });
          continue;
        }
        stack.pop();
        const { item } = frame;
        if (frame.reasons.length > 0) item.reasons = frame.reasons;
        if (frame.risks.length > 0) item.risks = frame.risks;
        if (frame.attacks.length > 0) item[frame.side === 'support' ? 'counterpoints' : 'rebuttals'] = frame.attacks;
        frame.done(item);
      }
      return result!;
    };

    const recommendation = claimItem(root, 'support', false, 0);
    // A link whose claim is written nowhere else in this part: write the claim there instead.
    for (let i = 0; i < pendingLinks.length; i++) {
      const link = pendingLinks[i]!;
      if (written.has(link.id)) continue;
      link.list[link.index] = claimItem(byId.get(link.id)!, link.side, false, link.level);
      if (link.note !== undefined) unmapped.push(`note of the link to ${link.id} ("${link.note}"): ${link.id} is written there in place, where a link note has no field`);
    }
    // Every source in the first part; in the others, the sources they cite, in the input's order
    // (found from what the part cites, not by a pass over every source for every part).
    const sources: ImportSource[] =
      parts.length === 0
        ? graph.sources
        : [...cited]
            .flatMap((id) => sourceAt.get(id) ?? [])
            .sort((a, b) => a - b)
            .map((i) => graph.sources[i]!);
    const data: Record<string, unknown> = { argmap: 1, title: graph.title ?? root.text };
    if (graph.description !== undefined) data.description = graph.description;
    if (graph.document && Object.keys(graph.document).length > 0) data.document = graph.document;
    if (sources.length > 0) data.sources = sources.map((s) => ({ ...s }));
    data.recommendation = recommendation;
    return { root, data, claims: written, levels };
  }
}

/**
 * The support relations (indexes into `graph.relations`, among `kept`) that close a circle of
 * support, each with the claims around its circle in the direction of support, its supporter first.
 * A depth-first walk from each conclusion down to its supporters, starting at the claims that
 * support or attack nothing (the recommendations to be), then at every claim in input order: a
 * supporter already on the path being walked closes a circle, and without those relations what is
 * left has none. A loop over a stack, not recursion, in time linear in claims plus relations.
 */
export function closingSupportCycles(graph: ImportGraph, kept: readonly number[]): Array<{ relation: number; circle: string[] }> {
  const supporters = new Map<string, number[]>();
  const concludes = new Set<string>();
  for (const i of kept) {
    const r = graph.relations[i]!;
    concludes.add(r.from);
    if (r.kind === 'support') (supporters.get(r.to) ?? supporters.set(r.to, []).get(r.to)!).push(i);
  }
  const closing: Array<{ relation: number; circle: string[] }> = [];
  /** Where a claim is on the path being walked; absent when it is not on it. */
  const onPath = new Map<string, number>();
  const done = new Set<string>();
  const path: Array<{ id: string; next: number }> = [];
  const starts = [...graph.claims.filter((c) => !concludes.has(c.id)), ...graph.claims];
  for (const start of starts) {
    if (done.has(start.id)) continue;
    onPath.set(start.id, 0);
    path.push({ id: start.id, next: 0 });
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const list = supporters.get(top.id) ?? [];
      if (top.next === list.length) {
        path.pop();
        onPath.delete(top.id);
        done.add(top.id);
        continue;
      }
      const i = list[top.next++]!;
      const from = graph.relations[i]!.from;
      const at = onPath.get(from);
      if (at !== undefined) {
        // The circle in the direction of support: `from` supports `top`, which supports the claim
        // above it on the path, and so on up to `from`.
        closing.push({ relation: i, circle: [from, ...path.slice(at + 1).map((f) => f.id).reverse()] });
        continue;
      }
      if (done.has(from)) continue;
      onPath.set(from, path.length);
      path.push({ id: from, next: 0 });
    }
  }
  return closing;
}
