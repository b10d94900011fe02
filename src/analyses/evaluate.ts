import type { ArgumentGraph, Claim, ClaimEdge, Edge, Evidence, Source } from '../model/types';
import { groundedBy } from './support';

/**
 * Which claims stand: the grounded labelling (Dung 1995; Caminada 2006) over attack, extended with
 * evidential support (Oren & Norman 2008) and undercuts (Pollock). The semantics is written down in
 * docs/evaluation.md; in short, with an edge *effective* when its source claim is `in` and no
 * effective undercut defeats it:
 *
 * - `in`: grounded (an assumption, or evidence citing a real source) or supported over an effective
 *   support edge, and no attack on it can be effective (its attacker is `out`, or the attack is
 *   defeated by an effective undercut);
 * - `out`: an effective attack reaches it, or it is not grounded and none of its support can be
 *   effective, or no chain of support edges leads to it from a grounded claim (no possible support:
 *   a support cycle with nothing under it is `out`, as in Oren & Norman's evidential support);
 * - `undecided`: otherwise.
 *
 * A linked group (`together`) acts as one edge: effective when every premise is `in` and no
 * effective undercut defeats it, ineffective when some premise is `out` or it is defeated. Each of
 * its premise edges carries the group's status; the group counts once towards its target.
 *
 * The least fixpoint of these rules is computed with a worklist and counters, each claim labelled
 * and each edge settled at most once: time and memory linear in claims plus edges, no recursion.
 */

export type Label = 'in' | 'out' | 'undecided';

/** Three-valued status of an edge: it takes effect, it cannot, or that is not decided. */
export type EdgeStatus = 'effective' | 'ineffective' | 'undecided';

/**
 * Why an edge from a claim does not take effect: its claim is out, or an undercut defeats it (`by`
 * the undercutting claim, `undercut` its edge: of a linked undercut, its first premise's).
 */
export type Failure = { claim: Claim; edge: Edge; how: 'out' } | { claim: Claim; edge: Edge; how: 'undercut'; by: Claim; undercut: Edge };

/** Why an edge from a claim is not decided: its claim is undecided, or an undercut of it is. */
export type Pending =
  { claim: Claim; edge: Edge; how: 'undecided' } | { claim: Claim; edge: Edge; how: 'contested'; by: Claim; undercut: Edge };

/** The decisive reason for a claim's label. */
export type Because =
  // in: the support that holds, and why each attack on it fails
  | { type: 'assumption'; answered: Failure[] }
  | { type: 'supported-by-evidence'; evidence: Evidence; source: Source; answered: Failure[] }
  | { type: 'supported-by'; claim: Claim; edge: ClaimEdge; answered: Failure[] }
  // out
  | { type: 'attacked-by'; claim: Claim; edge: ClaimEdge }
  | { type: 'no-support' }
  /** Its supporters never reach evidence or an assumption: a support cycle, or a chain to nothing. */
  | { type: 'ungrounded-support'; supporters: Claim[] }
  | { type: 'support-fails'; supporters: Failure[] }
  // undecided
  | { type: 'support-undecided'; pending: Pending[] }
  | { type: 'attack-undecided'; pending: Pending[] };

export interface ClaimEvaluation {
  label: Label;
  because: Because;
}

export interface Evaluation {
  /** For each claim (by index): its label and the decisive reason. */
  claims: ClaimEvaluation[];
  /** For each edge (by index): whether it takes effect. */
  edges: EdgeStatus[];
}

/** The edge that stands for an edge's linked group (its first), or the edge itself. */
function unit(edge: Edge): Edge {
  return edge.group ? edge.group.edges[0]! : edge;
}

/** The edges into a claim, one per linked group: what counts for and against it. */
function unitsInto(claim: Claim): ClaimEdge[] {
  return claim.incoming.filter((e) => !e.group || e.group.edges[0] === e);
}

const UNSET = 0;
const YES = 1;
const NO = 2;

/** A claim rests on something of its own: an assumption, or evidence that cites a real source. */

export function evaluate(graph: ArgumentGraph): Evaluation {
  const claims = graph.claims;
  const edges = graph.edges;
  const nc = claims.length;
  const ne = edges.length;

  // Claim labels (UNSET = not yet decided) and the counters that decide them.
  const label = new Uint8Array(nc); // YES = in, NO = out
  const grounded = new Uint8Array(nc);
  const supportIn = new Uint8Array(nc); // some support edge is effective
  const attackIn = new Uint8Array(nc); // some attack edge is effective
  const supportsOpen = new Int32Array(nc); // support edges not yet known ineffective
  const attacksOpen = new Int32Array(nc); // attack edges not yet known ineffective
  // Edge states: effective (YES / NO) and defeated (YES / NO), with a counter of undercuts not yet
  // known ineffective.
  const effective = new Uint8Array(ne);
  const defeated = new Uint8Array(ne);
  const undercutsOpen = new Int32Array(ne);
  // Linked groups: how many premise edges come from `in` claims, and whether one comes from `out`.
  const groupIn = new Int32Array(graph.groups.length);
  const groupOut = new Uint8Array(graph.groups.length);

  const claimQueue: number[] = [];
  const edgeQueue: number[] = [];

  for (const claim of claims) {
    if (groundedBy(claim) !== undefined) grounded[claim.index] = 1;
    for (const e of claim.incoming) {
      if (e.group && e.group.edges[0] !== e) continue;
      if (e.kind === 'support') supportsOpen[claim.index]!++;
      else attacksOpen[claim.index]!++;
    }
  }
  // A linked undercut counts once (its first edge stands for it), as a linked group does.
  for (const edge of edges) {
    let open = 0;
    for (const u of edge.undercutBy) if (!u.group || u.group.edges[0] === u) open++;
    undercutsOpen[edge.index] = open;
  }

  /** Decide a claim whose conditions now hold; each claim is decided once. */
  const tryClaim = (c: number) => {
    if (label[c] !== UNSET) return;
    if (attackIn[c] || (!grounded[c] && supportsOpen[c] === 0)) label[c] = NO;
    else if ((grounded[c] || supportIn[c]) && attacksOpen[c] === 0) label[c] = YES;
    else return;
    claimQueue.push(c);
  };
  /** Settle an edge whose status now follows from its claim's label and its undercuts. */
  const tryEdge = (edge: Edge) => {
    const i = unit(edge).index;
    if (effective[i] !== UNSET) return;
    const group = edge.group;
    const from = group ? (groupOut[group.index] ? NO : groupIn[group.index] === group.edges.length ? YES : UNSET) : label[edge.from.index];
    if (from === NO || defeated[i] === YES) effective[i] = NO;
    else if (from === YES && defeated[i] === NO) effective[i] = YES;
    else return;
    edgeQueue.push(i);
  };

  // Possible support: a claim is supportable when it is grounded or a supportable claim supports it.
  // One that is not (no support at all, or support that runs only in a circle or down to claims
  // resting on nothing) can never be `in`: it is `out` from the start.
  // A linked group gives possible support once every premise has it.
  const supportable = new Uint8Array(nc);
  const groupSupportable = new Int32Array(graph.groups.length);
  const reach: number[] = [];
  for (let c = 0; c < nc; c++) {
    if (!grounded[c]) continue;
    supportable[c] = 1;
    reach.push(c);
  }
  while (reach.length > 0) {
    for (const edge of claims[reach.pop()!]!.outgoing) {
      if (edge.kind !== 'support' || supportable[edge.to.index]) continue;
      if (edge.group && ++groupSupportable[edge.group.index]! < edge.group.edges.length) continue;
      supportable[edge.to.index] = 1;
      reach.push(edge.to.index);
    }
  }

  for (const edge of edges) if (edge.undercutBy.length === 0) defeated[edge.index] = NO;
  for (let c = 0; c < nc; c++) {
    if (supportable[c]) tryClaim(c);
    else {
      label[c] = NO;
      claimQueue.push(c);
    }
  }

  while (claimQueue.length > 0 || edgeQueue.length > 0) {
    while (claimQueue.length > 0) {
      const c = claimQueue.pop()!;
      for (const edge of claims[c]!.outgoing) {
        if (edge.group) {
          if (label[c] === YES) groupIn[edge.group.index]!++;
          else groupOut[edge.group.index] = 1;
        }
        tryEdge(edge);
      }
    }
    while (edgeQueue.length > 0) {
      const edge = edges[edgeQueue.pop()!]!;
      const yes = effective[edge.index] === YES;
      if (edge.kind === 'undercut') {
        const target = edge.to;
        const t = unit(target).index;
        if (defeated[t] !== UNSET) continue;
        if (yes) defeated[t] = YES;
        else if (--undercutsOpen[t]! === 0) defeated[t] = NO;
        else continue;
        tryEdge(target);
      } else {
        const to = edge.to.index;
        if (edge.kind === 'support') {
          if (yes) supportIn[to] = 1;
          else supportsOpen[to]!--;
        } else {
          if (yes) attackIn[to] = 1;
          else attacksOpen[to]!--;
        }
        tryClaim(to);
      }
    }
  }

  const status: EdgeStatus[] = new Array<EdgeStatus>(ne);
  for (let i = 0; i < ne; i++) {
    const u = unit(edges[i]!).index;
    status[i] = effective[u] === YES ? 'effective' : effective[u] === NO ? 'ineffective' : 'undecided';
  }
  const labels: Label[] = new Array<Label>(nc);
  for (let c = 0; c < nc; c++) labels[c] = label[c] === YES ? 'in' : label[c] === NO ? 'out' : 'undecided';

  // The decisive reasons, read off the fixpoint: the first edge (in document order) that decides.
  // For a linked group: the first premise that is out (undecided), with its own edge.
  const failure = (edge: Edge): Failure => {
    const out = (edge.group?.edges ?? [edge]).find((e) => labels[e.from.index] === 'out');
    if (out) return { claim: out.from, edge: out, how: 'out' };
    const by = edge.undercutBy.find((u) => status[u.index] === 'effective')!;
    return { claim: edge.from, edge, how: 'undercut', by: by.from, undercut: by };
  };
  const pending = (edge: Edge): Pending => {
    const open = (edge.group?.edges ?? [edge]).find((e) => labels[e.from.index] === 'undecided');
    if (open) return { claim: open.from, edge: open, how: 'undecided' };
    const by = edge.undercutBy.find((u) => status[u.index] === 'undecided')!;
    return { claim: edge.from, edge, how: 'contested', by: by.from, undercut: by };
  };
  const result: ClaimEvaluation[] = new Array<ClaimEvaluation>(nc);
  for (const claim of claims) {
    const c = claim.index;
    const units = unitsInto(claim);
    const supports = units.filter((e) => e.kind === 'support');
    const attacks = units.filter((e) => e.kind === 'attack');
    let because: Because;
    if (labels[c] === 'in') {
      const answered = attacks.map(failure);
      const ground = groundedBy(claim);
      if (ground === 'assumption') because = { type: 'assumption', answered };
      else if (ground !== undefined) because = { type: 'supported-by-evidence', evidence: ground, source: ground.source!, answered };
      else {
        const edge = supports.find((e) => status[e.index] === 'effective')!;
        because = { type: 'supported-by', claim: edge.from, edge, answered };
      }
    } else if (labels[c] === 'out') {
      const edge = attacks.find((e) => status[e.index] === 'effective');
      if (edge) because = { type: 'attacked-by', claim: edge.from, edge };
      else if (supports.length === 0) because = { type: 'no-support' };
      else if (!supportable[c])
        because = { type: 'ungrounded-support', supporters: [...new Set(supports.flatMap((e) => e.group?.premises ?? [e.from]))] };
      else because = { type: 'support-fails', supporters: supports.map(failure) };
    } else if (!grounded[c] && !supports.some((e) => status[e.index] === 'effective')) {
      because = { type: 'support-undecided', pending: supports.filter((e) => status[e.index] === 'undecided').map(pending) };
    } else {
      because = { type: 'attack-undecided', pending: attacks.filter((e) => status[e.index] === 'undecided').map(pending) };
    }
    result[c] = { label: labels[c]!, because };
  }
  return { claims: result, edges: status };
}

/**
 * The claims a claim's label rests on, as its reason names them: the supporter, the attackers and
 * the undercuts that decided. `--explain` walks these to print the whole chain.
 */
export function groundsOf(because: Because): Claim[] {
  const out: Claim[] = [];
  // A linked undercut rests on every premise.
  const addFailure = (f: Failure) => {
    out.push(f.claim);
    if (f.how === 'undercut') for (const premise of f.undercut.group?.premises ?? [f.by]) out.push(premise);
  };
  const addPending = (p: Pending) => {
    out.push(p.claim);
    if (p.how === 'contested') for (const premise of p.undercut.group?.premises ?? [p.by]) out.push(premise);
  };
  switch (because.type) {
    case 'assumption':
    case 'supported-by-evidence':
      because.answered.forEach(addFailure);
      break;
    case 'supported-by':
      // A linked group rests on every premise.
      for (const premise of because.edge.group?.premises ?? [because.claim]) out.push(premise);
      because.answered.forEach(addFailure);
      break;
    case 'attacked-by':
      for (const premise of because.edge.group?.premises ?? [because.claim]) out.push(premise);
      break;
    case 'no-support':
      break;
    case 'ungrounded-support':
      for (const supporter of because.supporters) out.push(supporter);
      break;
    case 'support-fails':
      because.supporters.forEach(addFailure);
      break;
    case 'support-undecided':
    case 'attack-undecided':
      because.pending.forEach(addPending);
      break;
  }
  return out;
}
