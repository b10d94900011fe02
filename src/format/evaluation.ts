import type { ChalkInstance } from 'chalk';
import { groundsOf, type Because, type ClaimEvaluation, type Failure, type Pending } from '../analyses/evaluate';
import { describeClaim } from '../model/names';
import type { SourceFile } from '../load/source-file';
import type { Claim, Edge } from '../model/types';
import { jsonText, safeLine, safeText } from '../util/safe-text';
import { plural } from '../util/plural';
import { viewOf, type ArgumentView, type ClaimView } from '../view/index';
import { becauseText, linkedGroup, statusOf, verdictText, type Status } from '../view/evaluation';
import type { ListedFile } from './claim-lists';

/** The claim a user passes to `--explain`: by id, or by the path of a claim written in place. */
export function findClaim(claims: readonly Claim[], id: string): Claim | undefined {
  return claims.find((c) => c.key === id) ?? claims.find((c) => c.path === id);
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

function claimJson(source: SourceFile, c: ClaimView) {
  const p = source.position(c.claim.span.start);
  const e = c.evaluation;
  return {
    id: c.claim.key,
    kind: c.kind,
    ...(c.number ? { number: c.name } : {}),
    label: e.label,
    status: e.status,
    line: p.line,
    column: p.column,
    because: becauseJson(e.because),
  };
}

/** `{ files: [ { file, recommendation: { id, label }, claims: [...] } ] }`; with `only`, just those claims. */
export function evaluationJson(files: readonly ListedFile[], only?: (file: ListedFile) => Claim[] | undefined): string {
  const out = {
    files: files.flatMap((file) => {
      const { source, analyses } = file;
      const view = viewOf(analyses);
      const shown = only ? only(file) : analyses.graph.claims.filter((c) => c.file === analyses.graph.file);
      if (!shown) return [];
      const verdict = view.verdict;
      return [
        {
          file: source.path,
          recommendation: verdict
            ? {
                id: verdict.claim.claim.key,
                label: verdict.claim.evaluation.label,
                status: verdict.claim.evaluation.status,
                verdict: verdict.verdict,
              }
            : null,
          claims: shown.map((claim) => claimJson(source, view.claims[claim.index]!)),
        },
      ];
    }),
  };
  return jsonText(out);
}

// ----- text -------------------------------------------------------------------------------------

/** A status word in its colour: green in, yellow undecided, red (bold where it is decisive) out. */
function paintStatus(chalk: ChalkInstance, status: Status): string {
  return status === 'in' ? chalk.green(status) : status === 'undecided' ? chalk.yellow(status) : chalk.red(status);
}

function verdictLine(chalk: ChalkInstance, view: ArgumentView): string {
  if (!view.verdict) return 'no recommendation';
  const { verdict, claim } = view.verdict;
  const words = verdictText(verdict);
  const painted = verdict === 'stands' ? chalk.green(words) : verdict === 'open' ? chalk.yellow(words) : chalk.red(words);
  return `${safeText(describeClaim(claim.claim))} ${chalk.bold(painted)}`;
}

export function evaluationText(files: readonly ListedFile[], chalk: ChalkInstance): string {
  const lines: string[] = [];
  const count: Record<Status, number> = { in: 0, unsupported: 0, defeated: 0, undercut: 0, undecided: 0 };
  const verdicts = { stand: 0, out: 0, open: 0 };
  for (const { source, analyses } of files) {
    const view = viewOf(analyses);
    const verdict = view.verdict?.verdict;
    if (verdict !== undefined) verdicts[verdict === 'stands' ? 'stand' : verdict === 'open' ? 'open' : 'out']++;
    lines.push(`${chalk.bold(safeLine(source.path))}: ${verdictLine(chalk, view)}`);
    for (const claim of analyses.graph.claims) {
      if (claim.file !== analyses.graph.file) continue; // listed with its own file
      const c = view.claims[claim.index]!;
      count[c.evaluation.status]++;
      const p = source.position(claim.span.start);
      lines.push(
        `${chalk.bold(`${safeLine(source.path)}:${p.line}:${p.column}`)}  ${safeText(describeClaim(claim))}  ${paintStatus(chalk, c.evaluation.status)}: ${safeText(c.evaluation.reason)}`,
      );
    }
    lines.push('');
  }
  const total = count.in + count.unsupported + count.defeated + count.undercut + count.undecided;
  lines.push(
    chalk.bold(
      `${plural(total, 'claim')} (${count.in} in; out: ${count.unsupported} unsupported, ${count.defeated} defeated, ${count.undercut} undercut; ${count.undecided} undecided) in ${plural(files.length, 'file')}; ` +
        `recommendations: ${verdicts.stand} stand, ${verdicts.out} out, ${verdicts.open} open`,
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
      lines.push(`${head} ${paintStatus(chalk, statusOf(e))} ${chalk.dim('(see above)')}`);
      continue;
    }
    seen.add(claim.index);
    lines.push(`${head} ${paintStatus(chalk, statusOf(e))}: ${safeText(becauseText(e.because))}`);
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
