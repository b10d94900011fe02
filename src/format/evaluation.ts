import type { ChalkInstance } from 'chalk';
import { groundsOf, type Because, type ClaimEvaluation, type Failure, type Label, type Pending } from '../analyses/evaluate';
import { claimName, describeClaim, nameList } from '../model/names';
import type { SourceFile } from '../load/source-file';
import type { Claim, Edge, LinkedGroup, Source } from '../model/types';
import { jsonText, safeLine, safeText } from '../util/safe-text';
import { plural } from '../util/plural';
import type { ListedFile } from './claim-lists';

/** What `evaluate` says of the recommendation. */
export type Verdict = 'stands' | 'defeated' | 'open';

const VERDICT: Record<Label, Verdict> = { in: 'stands', out: 'defeated', undecided: 'open' };

/** The claim a user passes to `--explain`: by id, or by the path of a claim written in place. */
export function findClaim(claims: readonly Claim[], id: string): Claim | undefined {
  return claims.find((c) => c.key === id) ?? claims.find((c) => c.path === id);
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
function linkedGroup(edge: Edge): LinkedGroup | undefined {
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
      return 'no support: no evidence with a source, not an assumption, and no reasons';
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

// ----- JSON -------------------------------------------------------------------------------------

/** `premises`: every premise of the linked group the edge belongs to, when it is one. */
function premisesJson(edge: Edge) {
  const group = linkedGroup(edge);
  return group ? { premises: [...new Set(group.premises)].map((c) => c.key) } : {};
}

/** `byPremises`: every premise of a linked undercut, when `by` is the first of them. */
function byPremisesJson(undercut: Edge) {
  const group = linkedGroup(undercut);
  return group ? { byPremises: [...new Set(group.premises)].map((c) => c.key) } : {};
}

function failureJson(f: Failure) {
  return f.how === 'out'
    ? { claim: f.claim.key, how: f.how, ...premisesJson(f.edge) }
    : { claim: f.claim.key, how: f.how, by: f.by.key, ...byPremisesJson(f.undercut), ...premisesJson(f.edge) };
}

function pendingJson(p: Pending) {
  return p.how === 'undecided'
    ? { claim: p.claim.key, how: p.how, ...premisesJson(p.edge) }
    : { claim: p.claim.key, how: p.how, by: p.by.key, ...byPremisesJson(p.undercut), ...premisesJson(p.edge) };
}

function becauseJson(because: Because): Record<string, unknown> {
  switch (because.type) {
    case 'assumption':
      return { type: because.type, answered: because.answered.map(failureJson) };
    case 'supported-by-evidence':
      return { type: because.type, source: because.source.id ?? null, answered: because.answered.map(failureJson) };
    case 'supported-by':
      return { type: because.type, claim: because.claim.key, ...premisesJson(because.edge), answered: because.answered.map(failureJson) };
    case 'attacked-by':
      return { type: because.type, claim: because.claim.key, ...premisesJson(because.edge) };
    case 'no-support':
      return { type: because.type };
    case 'ungrounded-support':
      return { type: because.type, supporters: because.supporters.map((c) => c.key) };
    case 'support-fails':
      return { type: because.type, supporters: because.supporters.map(failureJson) };
    case 'support-undecided':
    case 'attack-undecided':
      return { type: because.type, pending: because.pending.map(pendingJson) };
  }
}

function claimJson(source: SourceFile, claim: Claim, e: ClaimEvaluation) {
  const p = source.position(claim.span.start);
  return { id: claim.key, kind: claim.kind, label: e.label, line: p.line, column: p.column, because: becauseJson(e.because) };
}

/** `{ files: [ { file, recommendation: { id, label }, claims: [...] } ] }`; with `only`, just those claims. */
export function evaluationJson(files: readonly ListedFile[], only?: (file: ListedFile) => Claim[] | undefined): string {
  const out = {
    files: files.flatMap((file) => {
      const { source, analyses } = file;
      const { claims } = analyses.evaluation;
      const shown = only ? only(file) : analyses.graph.claims.filter((c) => c.file === analyses.graph.file);
      if (!shown) return [];
      const rec = analyses.graph.recommendation;
      return [
        {
          file: source.path,
          recommendation: rec ? { id: rec.key, label: claims[rec.index]!.label } : null,
          claims: shown.map((claim) => claimJson(source, claim, claims[claim.index]!)),
        },
      ];
    }),
  };
  return jsonText(out);
}

// ----- text -------------------------------------------------------------------------------------

function paint(chalk: ChalkInstance, label: Label): string {
  return label === 'in' ? chalk.green(label) : label === 'out' ? chalk.red(label) : chalk.yellow(label);
}

function verdictLine(chalk: ChalkInstance, rec: Claim | undefined, label: Label | undefined): string {
  if (!rec || !label) return 'no recommendation';
  const verdict = VERDICT[label];
  const painted = verdict === 'stands' ? chalk.green(verdict) : verdict === 'defeated' ? chalk.red(verdict) : chalk.yellow(verdict);
  return `${safeText(describeClaim(rec))} ${verdict === 'stands' ? '' : 'is '}${chalk.bold(painted)}`;
}

export function evaluationText(files: readonly ListedFile[], chalk: ChalkInstance): string {
  const lines: string[] = [];
  const count: Record<Label, number> = { in: 0, out: 0, undecided: 0 };
  const verdicts: Record<Verdict, number> = { stands: 0, defeated: 0, open: 0 };
  for (const { source, analyses } of files) {
    const { claims } = analyses.evaluation;
    const rec = analyses.graph.recommendation;
    const recLabel = rec ? claims[rec.index]!.label : undefined;
    if (recLabel) verdicts[VERDICT[recLabel]]++;
    lines.push(`${chalk.bold(safeLine(source.path))}: ${verdictLine(chalk, rec, recLabel)}`);
    for (const claim of analyses.graph.claims) {
      if (claim.file !== analyses.graph.file) continue; // listed with its own file
      const e = claims[claim.index]!;
      count[e.label]++;
      const p = source.position(claim.span.start);
      lines.push(
        `${chalk.bold(`${safeLine(source.path)}:${p.line}:${p.column}`)}  ${safeText(describeClaim(claim))}  ${paint(chalk, e.label)}: ${safeText(becauseText(e.because))}`,
      );
    }
    lines.push('');
  }
  const total = count.in + count.out + count.undecided;
  lines.push(
    chalk.bold(
      `${plural(total, 'claim')} (${count.in} in, ${count.out} out, ${count.undecided} undecided) in ${plural(files.length, 'file')}; ` +
        `recommendations: ${verdicts.stands} stand, ${verdicts.defeated} defeated, ${verdicts.open} open`,
    ),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * The whole chain behind one claim: its label and reason, then, indented under it, the same for
 * every claim that reason names, down to evidence and assumptions. A claim met again is not
 * expanded twice. Iterative, so a chain of 100,000 claims cannot overflow the stack.
 */
export function explainText(source: SourceFile, claims: readonly ClaimEvaluation[], root: Claim, chalk: ChalkInstance): string {
  const lines: string[] = [];
  const seen = new Set<number>();
  const stack: Array<{ claim: Claim; depth: number }> = [{ claim: root, depth: 0 }];
  while (stack.length > 0) {
    const { claim, depth } = stack.pop()!;
    const e = claims[claim.index]!;
    const p = (claim.file?.source ?? source).position(claim.span.start);
    const indent = '  '.repeat(Math.min(depth, 16));
    const head = `${indent}${safeText(describeClaim(claim))} ${chalk.dim(`(${safeLine(claim.file?.path ?? source.path)}:${p.line}:${p.column})`)}`;
    if (seen.has(claim.index)) {
      lines.push(`${head} ${paint(chalk, e.label)} ${chalk.dim('(see above)')}`);
      continue;
    }
    seen.add(claim.index);
    lines.push(`${head} ${paint(chalk, e.label)}: ${safeText(becauseText(e.because))}`);
    const next = groundsOf(e.because);
    for (let i = next.length - 1; i >= 0; i--) stack.push({ claim: next[i]!, depth: depth + 1 });
  }
  return `${lines.join('\n')}\n`;
}

/** The claims in the chain behind one claim, in the order `explainText` shows them. */
export function chainOf(claims: readonly ClaimEvaluation[], root: Claim): Claim[] {
  const out: Claim[] = [];
  const seen = new Set<number>();
  const stack: Claim[] = [root];
  while (stack.length > 0) {
    const claim = stack.pop()!;
    if (seen.has(claim.index)) continue;
    seen.add(claim.index);
    out.push(claim);
    const next = groundsOf(claims[claim.index]!.because);
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]!);
  }
  return out;
}
