import { claimName, describeClaim, nameList } from '../model/names';
import type { Because, ClaimEvaluation, Failure, Pending } from '../analyses/evaluate';
import type { Claim, Edge, LinkedGroup, Source } from '../model/types';

/**
 * How every view words an evaluation: the status word that leads (why a claim is out, not the bare
 * label), the decisive reason as one line, and the verdict on the recommendation.
 */

/**
 * A claim's status: `in`, `undecided`, or, for a claim that is `out`, why: `unsupported` (nothing
 * holds it up: no support, support that never reaches evidence, or support that fails), `defeated`
 * (an attack on it stands) or `undercut` (every support it has is denied by an undercut that stands).
 */
export type Status = 'in' | 'unsupported' | 'defeated' | 'undercut' | 'undecided';

export const STATUSES: readonly Status[] = ['in', 'unsupported', 'defeated', 'undercut', 'undecided'];

/** What each status word means, in a few words: the drawings' legend says it after the word. */
export const STATUS_MEANING: Record<Status, string> = {
  in: 'it stands',
  unsupported: 'nothing holds it up',
  defeated: 'an attack on it stands',
  undercut: 'each link to it is denied',
  undecided: 'the map does not settle it',
};

export function statusOf(e: ClaimEvaluation): Status {
  if (e.label !== 'out') return e.label;
  const because = e.because;
  if (because.type === 'attacked-by') return 'defeated';
  if (because.type === 'support-fails' && because.supporters.length > 0 && because.supporters.every((f) => f.how === 'undercut')) {
    return 'undercut';
  }
  return 'unsupported';
}

/** What `evaluate` and the report say of the recommendation. */
export type Verdict = 'stands' | 'unsupported' | 'defeated' | 'undercut' | 'open';

export function verdictOf(status: Status): Verdict {
  return status === 'in' ? 'stands' : status === 'undecided' ? 'open' : status;
}

/** What each verdict means, as the report explains it under the verdict. */
export const VERDICT_MEANING: Record<Verdict, string> = {
  stands: 'On what the map records, its support holds and every attack on it fails.',
  unsupported: 'Nothing the map records holds it up: no support that reaches evidence with a source or an assumption.',
  defeated: 'An attack on it stands: a counterpoint (or another claim attacking it) is in.',
  undercut: 'Every link from its support is denied by an undercut that stands.',
  open: 'The map does not settle it: what supports or attacks it is itself undecided.',
};

/** "stands", "is defeated", "is open": the verdict after the recommendation's name. */
export function verdictText(verdict: Verdict): string {
  return verdict === 'stands' ? 'stands' : `is ${verdict}`;
}

// ----- the reason, as one line ------------------------------------------------------------------

function sourceName(s: Source): string {
  return s.speaker ?? s.organization ?? (s.id !== undefined ? `source \`${s.id}\`` : 'an unnamed source');
}

/** "its counterpoint `y`", "its rebuttal `y`", "its attacker `y`" (a reason written as a rebuttal). */
function attackerName(claim: Claim): string {
  const role = claim.kind === 'counterpoint' || claim.kind === 'rebuttal' ? claim.kind : 'attacker';
  return `its ${role} ${claimName(claim)}`;
}

/** A linked group's premises by name: "reasons `a` and `b` together". */
function togetherName(group: LinkedGroup): string {
  const names = [...new Set(group.premises)].map(claimName);
  return `${group.list} ${nameList(names.slice(0, -1))} and ${names[names.length - 1]} together`;
}

/** The premises, when the edge is one of a linked group of two or more. */
export function linkedGroup(edge: Edge): LinkedGroup | undefined {
  return edge.group && new Set(edge.group.premises).size > 1 ? edge.group : undefined;
}

/** Who undercuts, and that they are in: "`u`, which is in", "counterpoints `a` and `b` together, which are all in". */
function undercutterText(by: Claim, undercut: Edge): string {
  const group = linkedGroup(undercut);
  return group ? `${togetherName(group)}, which are all in` : `${claimName(by)}, which is in`;
}

/** The attacks a claim survives: ", its counterpoint `x` is out", named as `nameList` names them. */
function answeredText(answered: readonly Failure[]): string {
  if (answered.length === 0) return '';
  const parts = answered.map((f) => {
    const group = linkedGroup(f.edge);
    if (group) {
      return f.how === 'out'
        ? `its ${togetherName(group)} fail: ${claimName(f.claim)} is out`
        : `its ${togetherName(group)} are undercut by ${undercutterText(f.by, f.undercut)}`;
    }
    return f.how === 'out'
      ? `${attackerName(f.claim)} is out`
      : `${attackerName(f.claim)} is undercut by ${undercutterText(f.by, f.undercut)}`;
  });
  return `, ${nameList(parts)}`;
}

function failureText(f: Failure): string {
  const group = linkedGroup(f.edge);
  if (group) {
    return f.how === 'out'
      ? `${togetherName(group)} fail: ${describeClaim(f.claim)} is out`
      : `${togetherName(group)} are undercut by ${undercutterText(f.by, f.undercut)}`;
  }
  return f.how === 'out'
    ? `${describeClaim(f.claim)} is out`
    : `${describeClaim(f.claim)} is undercut by ${undercutterText(f.by, f.undercut)}`;
}

function pendingText(p: Pending): string {
  if (p.how === 'contested' && linkedGroup(p.undercut)) {
    const by = togetherName(linkedGroup(p.undercut)!);
    const what = linkedGroup(p.edge)
      ? `${togetherName(linkedGroup(p.edge)!)}, which are all in,`
      : `${describeClaim(p.claim)}, which is in,`;
    return `${what} over a link that ${by} undercut, and not all of them are decided`;
  }
  const group = linkedGroup(p.edge);
  if (group) {
    return p.how === 'undecided'
      ? `${togetherName(group)}: ${describeClaim(p.claim)} is undecided`
      : `${togetherName(group)}, which are all in, over a link that ${claimName(p.by)} undercuts and ${claimName(p.by)} is undecided`;
  }
  return p.how === 'undecided'
    ? `${describeClaim(p.claim)}, which is undecided`
    : `${describeClaim(p.claim)}, which is in, over a link that ${claimName(p.by)} undercuts and ${claimName(p.by)} is undecided`;
}

/** The decisive reason, without the label: "attacked by counterpoint `x`, which is in". */
export function becauseText(because: Because): string {
  switch (because.type) {
    case 'assumption':
      return `an assumption${answeredText(because.answered)}`;
    case 'supported-by-evidence':
      return `supported by evidence from ${sourceName(because.source)}${answeredText(because.answered)}`;
    case 'supported-by': {
      const group = linkedGroup(because.edge);
      const by = group ? `${togetherName(group)}, which are all in` : `${describeClaim(because.claim)}, which is in`;
      return `supported by ${by}${answeredText(because.answered)}`;
    }
    case 'attacked-by': {
      const group = linkedGroup(because.edge);
      return group ? `attacked by ${togetherName(group)}, which are all in` : `attacked by ${describeClaim(because.claim)}, which is in`;
    }
    case 'no-support':
      return 'no evidence with a source, not an assumption, and no reasons';
    case 'ungrounded-support':
      return `no possible support: its support (${nameList(because.supporters.map(describeClaim))}) never reaches evidence or an assumption`;
    case 'support-fails':
      return `all its support fails: ${nameList(because.supporters.map(failureText), '; ')}`;
    case 'support-undecided':
      return `its support is undecided: ${nameList(because.pending.map(pendingText), '; ')}`;
    case 'attack-undecided':
      return `attacked by ${nameList(because.pending.map(pendingText), '; ')}`;
  }
}
