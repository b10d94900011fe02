import type { ArgumentGraph, Claim, ClaimEdge, Edge } from '../model/types';

/** What a counterpoint attacks: a claim, or (an undercut) the link between two claims. */
export type AttackTarget =
  /** `with`: the other premises, when it attacks as one premise of a linked group. */
  | { type: 'claim'; claim: Claim; via: Edge['via']; with?: Claim[] }
  /** `with`: the other premises, when it undercuts as one premise of a linked undercut. */
  | { type: 'link'; link: ClaimEdge | Edge; with?: Claim[] };

export interface CounterpointInfo {
  claim: Claim;
  targets: AttackTarget[];
  /** Claims that attack it (rebuttals written under it, and `ref` / `targets` attacks). */
  rebuttals: Array<{ claim: Claim; via: Edge['via']; undercut: boolean }>;
  /** Answered by at least one rebuttal (a denial, or an undercut of its attack). */
  answered: boolean;
}

/** Every counterpoint of this file in document order, with what it attacks and what answers it. */
export function collectCounterpoints(graph: ArgumentGraph): CounterpointInfo[] {
  // A used file's counterpoints are listed with that file (answers from here still count there).
  return graph.claims.filter((c) => c.kind === 'counterpoint' && c.file === graph.file).map(counterpointInfo);
}

/**
 * What a counterpoint attacks and what answers it, from the graph it is part of: for a used file's
 * counterpoint, its answers there and those from the file that uses it.
 */
export function counterpointInfo(claim: Claim): CounterpointInfo {
  const targets: AttackTarget[] = [];
  for (const edge of claim.outgoing) {
    if (edge.kind === 'attack') {
      const others = edge.group ? [...new Set(edge.group.premises)].filter((p) => p !== claim) : [];
      targets.push(
        others.length > 0
          ? { type: 'claim', claim: edge.to, via: edge.via, with: others }
          : { type: 'claim', claim: edge.to, via: edge.via },
      );
    } else if (edge.kind === 'undercut') {
      const others = edge.group ? [...new Set(edge.group.premises)].filter((p) => p !== claim) : [];
      targets.push(others.length > 0 ? { type: 'link', link: edge.to, with: others } : { type: 'link', link: edge.to });
    }
  }
  const rebuttals: CounterpointInfo['rebuttals'] = [];
  for (const edge of claim.incoming) {
    if (edge.kind === 'attack') rebuttals.push({ claim: edge.from, via: edge.via, undercut: false });
  }
  for (const edge of claim.outgoing) {
    for (const undercut of edge.undercutBy) rebuttals.push({ claim: undercut.from, via: undercut.via, undercut: true });
  }
  rebuttals.sort((a, b) => a.claim.index - b.claim.index);
  return { claim, targets, rebuttals, answered: rebuttals.length > 0 };
}
