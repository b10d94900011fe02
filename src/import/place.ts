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
/** An undercut to write: its claim, and its index in `graph.undercuts`. */
type Cut = { id: string; k: number };

export function place(graph: ImportGraph): Placement {
  const byId = new Map(graph.claims.map((c) => [c.id, c]));
  const order = new Map(graph.claims.map((c, i) => [c.id, i]));
  const unmapped: string[] = [];
  const incoming = new Map<string, number[]>();
  const outgoing = new Map<string, number[]>();
  /** Undercuts of each relation (of a linked group: of its first relation), and of each undercut. */
  const undercutsOf = new Map<number, Cut[]>();
  const cutsOfCut = new Map<number, Cut[]>();
  const seen = new Set<string>();
  const kept: number[] = [];
  const dropped = new Set<number>();
  graph.relations.forEach((r, i) => {
    const name = `${r.from} ${r.kind}s ${r.to}`;
    if (r.from === r.to) return (dropped.add(i), unmapped.push(`relation ${name}: a claim cannot ${r.kind} itself (dropped)`));
    // A support and an attack between the same claims are both kept (argmap writes both, and
    // check's contradictory-relation reports them); only a repeat of the same kind is dropped.
    // A premise of two linked groups of one claim is no repeat: each group is its own argument.
    const key = `${r.from}>${r.to}>${r.kind}${r.group !== undefined ? `>${r.group}` : ''}`;
    if (seen.has(key))
      return (dropped.add(i), unmapped.push(`relation ${name}: repeats an earlier relation between the same claims (dropped)`));
    seen.add(key);
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
  // A linked group's relations, in order, by group number (those kept).
  const groupRelations = new Map<number, number[]>();
  for (const i of kept) {
    const g = graph.relations[i]!.group;
    if (g !== undefined && !dropped.has(i)) (groupRelations.get(g) ?? groupRelations.set(g, []).get(g)!).push(i);
  }
  /** The relation that stands for a relation's group: its first kept one. */
  const head = (r: number) => {
    const g = graph.relations[r]!.group;
    return g === undefined ? r : (groupRelations.get(g)?.[0] ?? r);
  };
  const lost = new Set<number>();
  graph.undercuts.forEach((u, k) => {
    if (u.undercut !== undefined) {
      if (lost.has(u.undercut)) {
        lost.add(k);
        unmapped.push(`undercut by ${u.from} of the undercut by ${graph.undercuts[u.undercut]!.from}: that undercut is not mapped`);
      } else (cutsOfCut.get(u.undercut) ?? cutsOfCut.set(u.undercut, []).get(u.undercut)!).push({ id: u.from, k });
      return;
    }
    const relation = head(u.relation!);
    if (dropped.has(relation)) {
      const r = graph.relations[relation]!;
      lost.add(k);
      unmapped.push(`undercut by ${u.from} of "${r.from} ${r.kind}s ${r.to}": that relation is not mapped`);
      return;
    }
    (undercutsOf.get(relation) ?? undercutsOf.set(relation, []).get(relation)!).push({ id: u.from, k });
  });

  /** Claims reachable from `root` through incoming relations and undercuts. */
  const reach = (root: string): Set<string> => {
    const out = new Set([root]);
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      for (const r of incoming.get(id) ?? []) {
        // The relation's claim, its undercuts, and the undercuts of those, to any depth.
        const cuts = [...(undercutsOf.get(r) ?? [])];
        const next = [graph.relations[r]!.from];
        for (let c = 0; c < cuts.length; c++) {
          next.push(cuts[c]!.id);
          for (const deeper of cutsOfCut.get(cuts[c]!.k) ?? []) cuts.push(deeper);
        }
        for (const n of next) {
          if (!out.has(n)) {
            out.add(n);
            stack.push(n);
          }
        }
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
  // The largest part is the file named (FILE.yaml): a map whose main body is a cycle (it has no root)
  // is written after the small rooted parts above, but it is what the user came for.
  parts.sort((a, b) => b.claims.size - a.claims.size);
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
       * Undercuts still to be written under the claims (or groups) written last, the innermost last:
       * those of the relation whose claim was written last, and those of a linked undercut.
       */
      cuts: Array<{ child: Item; key: string; ids: Cut[]; next: number; relation: string }>;
      /** Linked groups being written here: their item and how many of their premises are still to come. */
      groups?: Map<number, { item: Item; left: number }>;
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
            return {
              text: e.text,
              ...(e.source !== undefined ? { source: e.source } : {}),
              ...(e.quote !== undefined ? { quote: e.quote } : {}),
              ...(e.note !== undefined ? { note: e.note } : {}),
            };
          });
        }
        stack.push({
          claim,
          side,
          level,
          item,
          reasons: [],
          risks: [],
          attacks: [],
          relations: incoming.get(claim.id) ?? [],
          next: 0,
          cuts: [],
          done,
        });
      };
      open(claim, side, undercut, level, (item) => {
        result = item;
      });
      while (stack.length > 0) {
        const frame = stack[stack.length - 1]!;
        const cuts = frame.cuts[frame.cuts.length - 1];
        if (cuts !== undefined && cuts.next >= cuts.ids.length) {
          frame.cuts.pop();
          continue;
        }
        if (cuts !== undefined) {
          const { id: u, k } = cuts.ids[cuts.next++]!;
          /** Adds an undercut to its list, and keeps the lists in their usual place: after evidence and reasons. */
          const put = (cutter: Item) => {
            const listOf = (cuts.child[cuts.key] as Item[] | undefined) ?? [];
            listOf.push(cutter);
            delete cuts.child[cuts.key];
            cuts.child[cuts.key] = listOf;
          };
          // A linked undercut: its premises are the next undercuts of the same group. One `together`
          // group with `undercut: true`, its premises written in place (or by `ref` when written
          // elsewhere already), and its own undercuts in its `rebuttals`.
          const g = graph.undercuts[k]!.group;
          if (g !== undefined) {
            const members = [u];
            while (cuts.next < cuts.ids.length && graph.undercuts[cuts.ids[cuts.next]!.k]!.group === g)
              members.push(cuts.ids[cuts.next++]!.id);
            const together: Item[] = [];
            const groupNote = graph.undercuts[k]!.groupNote;
            const item: Item = { together, ...(groupNote !== undefined ? { note: groupNote } : {}), undercut: true };
            put(item);
            const deeper = cutsOfCut.get(k) ?? [];
            if (deeper.length > 0)
              frame.cuts.push({
                child: item,
                key: 'rebuttals',
                ids: deeper,
                next: 0,
                relation: `the linked undercut by ${members.join(', ')}`,
              });
            for (const m of members) {
              if (written.has(m)) {
                together.push({ ref: m });
                continue;
              }
              const slot = together.length;
              together.push({});
              open(byId.get(m)!, 'attack', false, frame.level + 2, (premise) => {
                together[slot] = premise;
              });
            }
            continue;
          }
          if (written.has(u)) {
            unmapped.push(
              `undercut by ${u} of "${cuts.relation}": ${u} is already written elsewhere in the file, and a ref cannot be an undercut`,
            );
            continue;
          }
          // Under the claim of the relation it denies, which is one level below this one.
          open(byId.get(u)!, 'attack', true, frame.level + 2, put);
          // An undercut of this undercut: a rebuttal with `undercut: true` under it, written first.
          const opened = stack[stack.length - 1]!;
          const deeper = cutsOfCut.get(k) ?? [];
          if (deeper.length > 0)
            opened.cuts.push({ child: opened.item, key: 'rebuttals', ids: deeper, next: 0, relation: `the undercut by ${u}` });
          continue;
        }
        if (frame.next < frame.relations.length) {
          const r = frame.relations[frame.next++]!;
          const relation = graph.relations[r]!;
          const from = byId.get(relation.from)!;
          let list = relation.kind === 'attack' ? frame.attacks : from.risk && frame.side === 'support' ? frame.risks : frame.reasons;
          const childSide: Side = relation.kind === 'support' ? 'support' : 'attack';
          const answers = childSide === 'support' ? 'counterpoints' : 'rebuttals';
          // A premise of a linked group (of two or more premises here): into the group's `together`.
          // Once its last premise is written, the group's undercuts go under the group.
          const g = relation.group;
          const members = g !== undefined ? frame.relations.filter((x) => graph.relations[x]!.group === g) : [];
          let group: { item: Item; left: number } | undefined;
          if (members.length > 1) {
            frame.groups ??= new Map();
            group = frame.groups.get(g!);
            if (!group) {
              const groupNote = members.map((x) => graph.relations[x]!.groupNote).find((n) => n !== undefined);
              group = { item: { together: [], ...(groupNote !== undefined ? { note: groupNote } : {}) }, left: members.length };
              frame.groups.set(g!, group);
              list.push(group.item);
            }
            list = group.item.together as Item[];
          }
          const linked = group;
          const groupDone = () => {
            if (!linked || --linked.left > 0) return;
            const ids = undercutsOf.get(head(r)) ?? [];
            if (ids.length > 0)
              frame.cuts.push({
                child: linked.item,
                key: answers,
                ids,
                next: 0,
                relation: `the linked group of ${members.map((x) => graph.relations[x]!.from).join(', ')}`,
              });
          };
          const refItem = { ref: from.id, ...(relation.note !== undefined ? { note: relation.note } : {}) };
          if (written.has(from.id)) {
            list.push(refItem);
            if (linked) groupDone();
            else {
              for (const u of undercutsOf.get(r) ?? []) {
                unmapped.push(
                  `undercut by ${u.id} of "${from.id} ${relation.kind}s ${frame.claim.id}": that relation is written as a ref, and a ref cannot be undercut`,
                );
              }
            }
            continue;
          }
          if (relation.link) {
            pendingLinks.push({ list, index: list.length, id: from.id, side: childSide, level: frame.level + 1, note: relation.note });
            list.push(refItem);
            continue;
          }
          const into = list;
          open(from, childSide, false, frame.level + 1, (child) => {
            into.push(child);
            if (linked) groupDone();
            else {
              const ids = undercutsOf.get(r) ?? [];
              if (ids.length > 0)
                frame.cuts.push({ child, key: answers, ids, next: 0, relation: `${from.id} ${relation.kind}s ${frame.claim.id}` });
            }
          });
          continue;
        }
        stack.pop();
        const { item } = frame;
        if (frame.reasons.length > 0) item.reasons = frame.reasons;
        if (frame.risks.length > 0) item.risks = frame.risks;
        if (frame.attacks.length > 0) {
          // After the undercuts of an undercut, written there first.
          const key = frame.side === 'support' ? 'counterpoints' : 'rebuttals';
          item[key] = [...((item[key] as Item[] | undefined) ?? []), ...frame.attacks];
        }
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
      if (link.note !== undefined)
        unmapped.push(
          `note of the link to ${link.id} ("${link.note}"): ${link.id} is written there in place, where a link note has no field`,
        );
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
function closingSupportCycles(graph: ImportGraph, kept: readonly number[]): Array<{ relation: number; circle: string[] }> {
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
        closing.push({
          relation: i,
          circle: [
            from,
            ...path
              .slice(at + 1)
              .map((f) => f.id)
              .reverse(),
          ],
        });
        continue;
      }
      if (done.has(from)) continue;
      onPath.set(from, path.length);
      path.push({ id: from, next: 0 });
    }
  }
  return closing;
}
