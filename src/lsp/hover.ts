import type { Analyses } from '../analyses/index';
import { linkedNeedNames } from '../analyses/support';
import { needsText, UNSUPPORTED_WHY } from '../diagnostics/messages';
import { attribution } from '../format/attribution';
import { becauseText } from '../format/evaluation';
import { codeSpan, escapeMarkdown } from '../format/markdown-escape';
import { fileName } from '../model/names';
import type { Claim, Source } from '../model/types';

/**
 * What hovering an id shows, as Markdown: for a claim, its kind and id, its text, whether it rests
 * on grounded support (as `argmap unsupported` says it) and its label (as `argmap evaluate` says
 * it); for a source, who said it, where and when (the attribution every output shows).
 */
export function hoverText(node: Claim | Source, analyses: Analyses | undefined): string {
  const from = node.file?.used ? ` (${escapeMarkdown(fileName(node.file.path))})` : '';
  if ('citedBy' in node) return sourceHover(node, from);
  const claim = node;
  const lines = [
    `**${claim.kind}** ${claim.id !== undefined ? codeSpan(claim.id) : codeSpan(claim.path)}${from}`,
    '',
    escapeMarkdown(claim.text),
  ];
  if (claim.assumption) lines.push('', '_assumption_');
  if (analyses) {
    const why = analyses.support.why.get(claim.index);
    const support =
      why === undefined
        ? 'supported'
        : `unsupported: ${why === 'unsupported-linked' ? needsText(linkedNeedNames(claim, analyses.support)) : UNSUPPORTED_WHY[why]}`;
    lines.push('', `support: ${escapeMarkdown(support)}`);
    const evaluation = analyses.evaluation.claims[claim.index];
    if (evaluation) lines.push('', `evaluation: **${evaluation.label}**, ${escapeMarkdown(becauseText(evaluation.because))}`);
  }
  return lines.join('\n');
}

function sourceHover(source: Source, from: string): string {
  const lines = [`**source** ${source.id !== undefined ? codeSpan(source.id) : ''}${from}`, '', escapeMarkdown(attribution(source))];
  const more = [source.kind, source.url].filter((v): v is string => v !== undefined && v.trim() !== '');
  if (more.length > 0) lines.push('', escapeMarkdown(more.join(', ')));
  if (source.quote !== undefined) lines.push('', `> ${escapeMarkdown(source.quote)}`);
  const cited = source.citedBy.length;
  lines.push('', `cited by ${cited} ${cited === 1 ? 'piece' : 'pieces'} of evidence`);
  return lines.join('\n');
}
