import type { Analyses } from '../analyses/index';
import { codeSpan, escapeMarkdown } from '../format/markdown-escape';
import { fileName } from '../model/names';
import type { Claim, Source } from '../model/types';
import { attribution } from '../view/attribution';
import { viewOf } from '../view/index';

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
    const view = viewOf(analyses).claims[claim.index];
    if (view) {
      const support = view.support.supported ? 'supported' : `unsupported: ${view.support.because}`;
      lines.push('', `support: ${escapeMarkdown(support)}`);
      // The status word every view leads with (unsupported / defeated / undercut rather than "out").
      lines.push('', `evaluation: **${view.evaluation.status}**, ${escapeMarkdown(view.evaluation.reason)}`);
    }
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
