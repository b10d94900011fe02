import type { LinkedNeed } from '../diagnostics/messages';
import { claimName, nameList } from '../model/names';
import type { ArgumentGraph, Claim, ClaimEdge, Evidence, LinkedGroup } from '../model/types';

/** Why a claim is unsupported. */
export type Unsupported =
  /** No evidence, no reasons, not an assumption. */
  | 'none'
  /** Its only evidence cites no source (or a source that does not exist). */
  | 'unsourced-evidence'
  /** It has supporting claims, but none of them is supported. */
  | 'unsupported-reasons'
  /** Its only support is linked groups, and each lacks support for some premise. */
  | 'unsupported-linked'
  /** It lies on a circle of support: its support runs back to itself. */
  | 'circular';

export interface SupportAnalysis {
  /** For each claim (by index): whether it rests on grounded support. */
  supported: boolean[];
  /** For each unsupported claim (by index): why. */
  why: Map<number, Unsupported>;
  /** Support cycles: strongly connected groups of claims (by index), each with a cycle through them. */
  cycles: Claim[][];
}

/** Support edges into a claim (reasons, risks, `ref`s in them). */
export function supportersOf(claim: Claim): ClaimEdge[] {
  return claim.incoming.filter((e) => e.kind === 'support');
}

/** What a claim rests on of its own: `assumption: true`, or its first evidence that cites a real source. */
export function groundedBy(claim: Claim): Evidence | 'assumption' | undefined {
  if (claim.assumption) return 'assumption';
  return claim.evidence.find((e) => e.source !== undefined);
}

/** A claim rests on something of its own: an assumption, or evidence that cites a real source. */
function isGrounded(claim: Claim): boolean {
  return groundedBy(claim) !== undefined;
}

/** The linked groups that support a claim, in the order written. */
function supportGroupsOf(claim: Claim): LinkedGroup[] {
  const groups: LinkedGroup[] = [];
  for (const e of claim.incoming) if (e.kind === 'support' && e.group && e.group.edges[0] === e) groups.push(e.group);
  return groups;
}

/** The premises of a group that are not supported (each once, in the order written). */
export function premisesLacking(group: LinkedGroup, supported: readonly boolean[]): Claim[] {
  return [...new Set(group.premises.filter((p) => !supported[p.index]))];
}

/** For a claim supported only through linked groups: each group's premises, and those lacking support. */
export function linkedNeeds(claim: Claim, analysis: SupportAnalysis): Array<{ premises: Claim[]; lacking: Claim[] }> {
  return supportGroupsOf(claim).map((group) => ({
    premises: [...new Set(group.premises)],
    lacking: premisesLacking(group, analysis.supported),
  }));
}

/** The same, by name, as messages and views say it ("needs all of `a`, `b`; `b` rests on nothing"). */
export function linkedNeedNames(claim: Claim, analysis: SupportAnalysis): LinkedNeed[] {
  const shown = 5;
  return linkedNeeds(claim, analysis).map(({ premises, lacking }) => ({
    premises: nameList(premises.map(claimName)),
    lacking: lacking.slice(0, shown).map((p) => ({ name: claimName(p), why: analysis.why.get(p.index)! })),
    more: Math.max(0, lacking.length - shown),
  }));
}

/**
 * Grounded support, as a least fixpoint: a claim is supported when it is an assumption, has evidence
 * with a source, is supported by a supported claim, or by a linked group whose premises are all
 * supported. Computed with a worklist in time linear in claims plus edges, so support that runs only
 * through a circle of claims is never counted.
 */
export function analyseSupport(graph: ArgumentGraph): SupportAnalysis {
  const n = graph.claims.length;
  const supported = new Array<boolean>(n).fill(false);
  const work: Claim[] = [];
  for (const claim of graph.claims) {
    if (isGrounded(claim)) {
      supported[claim.index] = true;
      work.push(claim);
    }
  }
  // A linked group supports once each of its premise edges comes from a supported claim.
  const premisesSupported = new Int32Array(graph.groups.length);
  while (work.length > 0) {
    const claim = work.pop()!;
    for (const edge of claim.outgoing) {
      if (edge.kind !== 'support' || supported[edge.to.index]) continue;
      if (edge.group && ++premisesSupported[edge.group.index]! < edge.group.edges.length) continue;
      supported[edge.to.index] = true;
      work.push(edge.to);
    }
  }

  const cycles = supportCycles(graph);
  const onCycle = new Set<number>();
  for (const cycle of cycles) for (const claim of cycle) onCycle.add(claim.index);

  const why = new Map<number, Unsupported>();
  for (const claim of graph.claims) {
    if (supported[claim.index]) continue;
    if (onCycle.has(claim.index)) why.set(claim.index, 'circular');
    else if (claim.incoming.some((e) => e.kind === 'support' && !e.group)) why.set(claim.index, 'unsupported-reasons');
    else if (claim.incoming.some((e) => e.kind === 'support')) why.set(claim.index, 'unsupported-linked');
    else if (claim.evidence.length > 0) why.set(claim.index, 'unsourced-evidence');
    else why.set(claim.index, 'none');
  }
  return { supported, why, cycles };
}

/**
 * The cycles of the support relation: Tarjan's strongly connected components, iteratively (no
 * recursion, so a cycle through 100,000 claims cannot overflow the stack). Each component of two or
 * more claims, or one claim that supports itself, is returned as a cycle in support order.
 */
export function supportCycles(graph: ArgumentGraph): Claim[][] {
  const claims = graph.claims;
  const n = claims.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  // The depth-first path: a claim, and how far through its outgoing edges the search has gone.
  const path: number[] = [];
  const edgeAt: number[] = [];
  const enter = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    path.push(v);
    edgeAt.push(0);
  };

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    enter(root);
    while (path.length > 0) {
      const top = path.length - 1;
      const v = path[top]!;
      const outgoing = claims[v]!.outgoing;
      let at = edgeAt[top]!;
      while (at < outgoing.length && outgoing[at]!.kind !== 'support') at++;
      if (at < outgoing.length) {
        edgeAt[top] = at + 1;
        const w = (outgoing[at]!.to as Claim).index;
        if (index[w] === -1) enter(w);
        else if (onStack[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      path.pop();
      edgeAt.pop();
      if (top > 0) {
        const parent = path[top - 1]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        const selfLoop = component.length === 1 && outgoing.some((e) => e.kind === 'support' && e.to === claims[v]);
        if (component.length > 1 || selfLoop) components.push(component);
      }
    }
  }

  // Order each cycle along its support edges, starting from its first claim in document order.
  return components.map((component) => orderCycle(graph, new Set(component))).sort((a, b) => a[0]!.index - b[0]!.index);
}

/** A cycle through a strongly connected component, found by breadth-first search from its first claim. */
function orderCycle(graph: ArgumentGraph, members: Set<number>): Claim[] {
  let start = Infinity;
  for (const member of members) if (member < start) start = member;
  const previous = new Map<number, number>();
  const queue = [start];
  let closing = -1;
  for (let i = 0; i < queue.length && closing === -1; i++) {
    const v = queue[i]!;
    for (const edge of graph.claims[v]!.outgoing) {
      if (edge.kind !== 'support' || !members.has(edge.to.index)) continue;
      const w = edge.to.index;
      if (w === start) {
        closing = v;
        break;
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  const path: number[] = [];
  for (let v = closing; v !== start && v !== -1; v = previous.get(v)!) path.push(v);
  path.push(start);
  return path.reverse().map((i) => graph.claims[i]!);
}
