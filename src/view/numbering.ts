import type { ArgumentGraph, Claim, LinkedGroup } from '../model/types';

/**
 * The outline numbering, which every view names claims by: `reason 1.2`, `counterpoint 1`,
 * `rebuttal 1.1`, `reason 1 of counterpoint 2`, a premise of a linked group lettered under the
 * group's number (`reason 1(b)`). Reasons and risks are numbered down the recommendation's tree,
 * counterpoints through the Counterpoints section, and what is written under them from theirs.
 */

/** How a claim is numbered: `{ word: 'reason', num: '1.2' }`, `{ word: 'reason', num: '1', of: 'counterpoint 2' }`. */
export interface ClaimNumber {
  word: string;
  num: string;
  of?: string;
}

/** Counterpoints written under one claim (or, top-level, attacking it): undefined for "particular claims". */
export interface CounterpointGroup {
  against: Claim | undefined;
  counterpoints: Claim[];
}

export interface Numbering {
  /** Each claim's number, by `claim.index` (undefined for a claim the outline does not list in place: one of a used file). */
  claims: Array<ClaimNumber | undefined>;
  /** Each linked group's number (its premises are lettered under it), by `group.index`. */
  groups: Array<ClaimNumber | undefined>;
  /** The Counterpoints section: its groups, in document order of each group's first counterpoint. */
  counterpointGroups: CounterpointGroup[];
}

const isSupport = (c: Claim) => c.kind === 'reason' || c.kind === 'risk';

/** A premise written in place in a linked group (not one of the group's undercuts). */
export const premiseGroup = (c: Claim): LinkedGroup | undefined => (c.group && c.link?.group === c.group ? c.group : undefined);

/** The letter of a premise in its group: (a), (b), ... (z), (aa), ... */
export function letter(i: number): string {
  let out = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(97 + ((n - 1) % 26)) + out;
  return out;
}

/** "reason 1.2", "reason 1 of counterpoint 2", "the recommendation". */
export function numberText(number: ClaimNumber): string {
  if (number.num === '') return number.word;
  return `${number.word} ${number.num}${number.of !== undefined ? ` of ${number.of}` : ''}`;
}

/** Claims as numbered items: a linked group's premises written in place count once (its first). */
export function units(claims: readonly Claim[]): Claim[] {
  const seen = new Set<LinkedGroup>();
  return claims.filter((c) => {
    const group = premiseGroup(c);
    if (!group) return true;
    if (seen.has(group)) return false;
    seen.add(group);
    return true;
  });
}

/** Numbers every claim of the graph's own file, the way the outline lists them. */
export function numberClaims(graph: ArgumentGraph): Numbering {
  const labels = new Array<ClaimNumber | undefined>(graph.claims.length).fill(undefined);
  const groupLabels = new Array<ClaimNumber | undefined>(graph.groups.length).fill(undefined);
  const rec = graph.recommendation;

  /**
   * The rebuttals of a linked objection (or undercut), numbered under it in file order: `rebuttal
   * 2.1`; a linked undercut among them has its premises lettered: `rebuttal 2.2(a)`.
   */
  const labelAnswers = (group: LinkedGroup, groupLabel: ClaimNumber) => {
    if (group.kind === 'support') return;
    const answers = [
      ...group.answers.map((claim) => ({ start: claim.span.start, claim })),
      ...group.answerGroups.map((g) => ({ start: g.span.start, g })),
    ];
    answers.sort((a, b) => a.start - b.start);
    answers.forEach((answer, i) => {
      const label: ClaimNumber = { word: 'rebuttal', num: `${groupLabel.num}.${i + 1}`, of: groupLabel.of };
      if ('claim' in answer) {
        labels[answer.claim.index] = label;
        labelChildren(answer.claim, label);
        return;
      }
      groupLabels[answer.g.index] = label;
      labelAnswers(answer.g, label);
      answer.g.premises.forEach((premise, k) => {
        if (premiseGroup(premise) !== answer.g) return;
        const lettered = { ...label, num: `${label.num}(${letter(k)})` };
        labels[premise.index] = lettered;
        labelChildren(premise, lettered);
      });
    });
  };

  /**
   * Labels the claims written under `parent`, depth first. Counterpoints are labelled apart (they are
   * numbered through the Counterpoints section); the claims under them are labelled from theirs.
   */
  const labelChildren = (parent: Claim, parentLabel: ClaimNumber) => {
    const atRoot = parent === rec;
    const inSupportTree = !atRoot && (parentLabel.word === 'reason' || parentLabel.word === 'risk');
    const inAttackTree = parentLabel.word === 'counterpoint' || parentLabel.word === 'rebuttal';
    // Numbered per kind under this parent (reasons and risks of a reason share one count).
    let supports = 0;
    let reasons = 0;
    let risks = 0;
    let rebuttals = 0;
    let of: string | undefined;
    // A linked group takes one number; its premises written here are lettered under it: `reason 1(b)`.
    const known = new Map<LinkedGroup, ClaimNumber>();
    for (const child of parent.children) {
      if (child.kind === 'counterpoint') continue;
      if (child.group && (!premiseGroup(child) || child.group.of)) continue; // an answer of a linked group: below
      let label: ClaimNumber;
      const group = premiseGroup(child);
      const groupLabel = group && known.get(group);
      if (groupLabel) {
        label = { ...groupLabel, num: `${groupLabel.num}(${letter(group.premises.indexOf(child))})` };
        labels[child.index] = label;
        labelChildren(child, label);
        continue;
      }
      if (isSupport(child)) {
        if (inSupportTree) label = { word: parentLabel.word, num: `${parentLabel.num}.${++supports}`, of: parentLabel.of };
        else {
          const num = String(child.kind === 'reason' ? ++reasons : ++risks);
          label = { word: child.kind, num, of: atRoot ? undefined : (of ??= numberText(parentLabel)) };
        }
      } else if (inAttackTree) {
        label = { word: 'rebuttal', num: `${parentLabel.num}.${++rebuttals}`, of: parentLabel.of };
      } else {
        // A rebuttal written under a reason or risk.
        label = { word: child.kind, num: String(++rebuttals), of: (of ??= numberText(parentLabel)) };
      }
      if (group) {
        known.set(group, label);
        groupLabels[group.index] = label;
        labelAnswers(group, label);
        label = { ...label, num: `${label.num}(${letter(group.premises.indexOf(child))})` };
      }
      labels[child.index] = label;
      labelChildren(child, label);
    }
  };

  if (rec) {
    const label: ClaimNumber = { word: 'the recommendation', num: '' };
    labels[rec.index] = label;
    labelChildren(rec, label);
  }
  const counterpointGroups = groupCounterpoints(graph);
  let n = 0;
  for (const group of counterpointGroups) {
    for (const claim of group.counterpoints) {
      const linked = premiseGroup(claim);
      if (!linked) {
        labels[claim.index] = { word: 'counterpoint', num: String(++n) };
        continue;
      }
      let groupLabel = groupLabels[linked.index];
      if (!groupLabel) {
        groupLabel = groupLabels[linked.index] = { word: 'counterpoint', num: String(++n) };
        labelAnswers(linked, groupLabel);
      }
      labels[claim.index] = { ...groupLabel, num: `${groupLabel.num}(${letter(linked.premises.indexOf(claim))})` };
    }
  }
  for (const group of counterpointGroups) {
    for (const claim of group.counterpoints) labelChildren(claim, labels[claim.index]!);
  }
  return { claims: labels, groups: groupLabels, counterpointGroups };
}

/**
 * Counterpoints grouped by the claim they are written under, in document order of each group's
 * first counterpoint. Top-level ones join the recommendation's group, unless they name `targets`.
 */
function groupCounterpoints(graph: ArgumentGraph): CounterpointGroup[] {
  const groups: CounterpointGroup[] = [];
  const dangling = new Set<Claim | LinkedGroup>(graph.danglingUndercuts);
  const byKey = new Map<number, CounterpointGroup>();
  let particular: CounterpointGroup | undefined;
  for (const claim of graph.claims) {
    if (claim.kind !== 'counterpoint') continue;
    const topLevelOnRec = claim.parent === undefined && (claim.link !== undefined || dangling.has(claim));
    const against = claim.parent ?? (topLevelOnRec ? graph.recommendation : undefined);
    if (against === undefined) {
      if (!particular) {
        particular = { against: undefined, counterpoints: [] };
        groups.push(particular);
      }
      particular.counterpoints.push(claim);
      continue;
    }
    let group = byKey.get(against.index);
    if (!group) {
      group = { against, counterpoints: [] };
      byKey.set(against.index, group);
      groups.push(group);
    }
    group.counterpoints.push(claim);
  }
  return groups;
}
