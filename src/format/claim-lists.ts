import type { ChalkInstance } from 'chalk';
import type { Analyses } from '../analyses/index';
import type { AttackTarget } from '../analyses/counterpoints';
import { linkedNeeds } from '../analyses/support';
import { claimName, describeClaim } from '../model/names';
import type { SourceFile } from '../load/source-file';
import type { Claim, Evidence, Source } from '../model/types';
import { plural } from '../util/plural';
import { jsonText, safeLine, safeText } from '../util/safe-text';
import { attribution } from '../view/attribution';
import { viewOf } from '../view/index';
import { linkText } from '../view/links';

/** One checked file, as the listing commands receive it. */
export interface ListedFile {
  source: SourceFile;
  analyses: Analyses;
}

/** Where a claim is: in its own file (a claim of a used file is in that file). */
function where(source: SourceFile, claim: Claim) {
  return (claim.file?.source ?? source).position(claim.span.start);
}

function claimJson(source: SourceFile, claim: Claim) {
  const p = where(source, claim);
  return {
    id: claim.key,
    ...(claim.id !== undefined ? {} : { path: claim.path }),
    kind: claim.kind,
    text: claim.text,
    file: claim.file?.path ?? source.path,
    line: p.line,
    column: p.column,
  };
}

function sourceJson(s: Source | undefined) {
  if (!s) return null;
  const out: Record<string, string> = {};
  for (const key of ['id', 'speaker', 'role', 'organization', 'venue', 'date', 'kind', 'url'] as const) {
    const value = s[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

// ----- argmap unsupported -----------------------------------------------------------------------

export function unsupportedJson(files: readonly ListedFile[]): string {
  const out = {
    files: files.map(({ source, analyses }) => ({
      file: source.path,
      claims: analyses.graph.claims.flatMap((claim) => {
        if (claim.file !== analyses.graph.file) return [];
        const support = viewOf(analyses).claims[claim.index]!.support;
        if (support.supported) return [];
        const why = support.why;
        const needs =
          why === 'unsupported-linked'
            ? {
                needs: linkedNeeds(claim, analyses.support).map((n) => ({
                  premises: n.premises.map((c) => c.key),
                  lacking: n.lacking.map((c) => c.key),
                })),
              }
            : {};
        return [{ ...claimJson(source, claim), why, because: support.because, ...needs }];
      }),
    })),
  };
  return jsonText(out);
}

export function unsupportedText(files: readonly ListedFile[], chalk: ChalkInstance): string {
  const lines: string[] = [];
  let total = 0;
  for (const { source, analyses } of files) {
    const view = viewOf(analyses);
    for (const claim of analyses.graph.claims) {
      const support = view.claims[claim.index]!.support;
      if (support.supported || claim.file !== analyses.graph.file) continue;
      total++;
      const p = where(source, claim);
      const because = support.because;
      lines.push(
        `${chalk.bold(`${safeLine(source.path)}:${p.line}:${p.column}`)}  ${safeText(describeClaim(claim))}: ${chalk.yellow(safeText(because))}`,
      );
      lines.push(`    ${safeText(claim.text)}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(
    total === 0
      ? chalk.green(`✔ no unsupported claims in ${plural(files.length, 'file')}`)
      : chalk.bold(`${plural(total, 'unsupported claim')} in ${plural(files.length, 'file')}`),
  );
  return `${lines.join('\n')}\n`;
}

// ----- argmap counterpoints ---------------------------------------------------------------------

function targetJson(source: SourceFile, target: AttackTarget) {
  if (target.type === 'claim') {
    const together = target.with ? { together: target.with.map((c) => c.key) } : {};
    return { type: 'claim', via: target.via, claim: claimJson(source, target.claim), ...together };
  }
  const link = target.link;
  const together = target.with ? { together: target.with.map((c) => c.key) } : {};
  const premises = link.group && link.group.premises.length > 1 ? { premises: [...new Set(link.group.premises)].map((c) => c.key) } : {};
  if (link.kind === 'undercut') return { type: 'link', relation: 'undercut', from: claimJson(source, link.from), ...premises, ...together };
  return {
    type: 'link',
    relation: link.kind,
    from: claimJson(source, link.from),
    to: claimJson(source, link.to),
    ...premises,
    ...together,
  };
}

function evidenceJson(source: SourceFile, e: Evidence) {
  const p = (e.file?.source ?? source).position(e.span.start);
  return {
    text: e.text,
    source: sourceJson(e.source),
    ...(e.quote !== undefined ? { quote: e.quote } : {}),
    file: e.file?.path ?? source.path,
    line: p.line,
    column: p.column,
  };
}

export function counterpointsJson(files: readonly ListedFile[]): string {
  const out = {
    files: files.map(({ source, analyses }) => ({
      file: source.path,
      counterpoints: analyses.counterpoints.map((info) => ({
        ...claimJson(source, info.claim),
        conceded: info.claim.conceded,
        undercut: info.claim.undercut,
        supported: analyses.support.supported[info.claim.index] === true,
        attacks: info.targets.map((t) => targetJson(source, t)),
        evidence: info.claim.evidence.map((e) => evidenceJson(source, e)),
        rebuttals: info.rebuttals.map((r) => ({ ...claimJson(source, r.claim), via: r.via, undercut: r.undercut })),
        answered: info.answered,
        state: viewOf(analyses).claims[info.claim.index]!.counterpoint,
      })),
    })),
  };
  return jsonText(out);
}

function describeTarget(target: AttackTarget): string {
  if (target.type === 'claim') {
    return `${describeClaim(target.claim)}${target.with ? `, together with ${target.with.map(claimName).join(' and ')}` : ''}`;
  }
  const link = target.link;
  const joint = target.with ? `, together with ${target.with.map(claimName).join(' and ')}` : '';
  if (link.kind === 'undercut') {
    const premises = link.group ? [...new Set(link.group.premises)] : [];
    return `${premises.length > 1 ? `the undercut by ${premises.map(claimName).join(' and ')} together` : `the undercut by ${claimName(link.from)}`}${joint}`;
  }
  return `the link: ${linkText(link, claimName)}${joint}`;
}

export function counterpointsText(files: readonly ListedFile[], chalk: ChalkInstance): string {
  const lines: string[] = [];
  let total = 0;
  let unanswered = 0;
  for (const { source, analyses } of files) {
    const view = viewOf(analyses);
    for (const info of analyses.counterpoints) {
      total++;
      const { claim } = info;
      const p = where(source, claim);
      const state = view.claims[claim.index]!.counterpoint!;
      const status = state === 'answered' ? chalk.green(state) : state === 'conceded' ? chalk.cyan(state) : chalk.yellow(state);
      if (state === 'unanswered') unanswered++;
      lines.push(
        `${chalk.bold(`${safeLine(source.path)}:${p.line}:${p.column}`)}  counterpoint ${safeText(claimName(claim))}${claim.undercut ? ' (undercut)' : ''}: ${status}`,
      );
      lines.push(`    ${safeText(claim.text)}`);
      for (const target of info.targets) lines.push(`    ${chalk.dim('attacks')} ${safeText(describeTarget(target))}`);
      for (const e of claim.evidence)
        lines.push(`    ${chalk.dim('evidence')} ${safeText(e.text)} ${chalk.dim(`— ${safeText(attribution(e.source))}`)}`);
      for (const r of info.rebuttals) {
        const how = r.undercut ? 'undercut' : 'rebuttal';
        lines.push(`    ${chalk.dim(how)} ${safeText(claimName(r.claim))}: ${safeText(r.claim.text)}`);
      }
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(chalk.bold(`${plural(total, 'counterpoint')} (${unanswered} unanswered) in ${plural(files.length, 'file')}`));
  return `${lines.join('\n')}\n`;
}
