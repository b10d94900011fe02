import { claimName, describeClaim } from '../model/names';
import { defineRule } from './rule';

/**
 * A linked group (`together:`) written so its meaning is unclear: a premise listed twice, an answer
 * to the group that is not an undercut (it would deny no premise and no link), or a premise marked
 * as an undercut (a premise has no link of its own to deny). Blocking: the graph would not say what
 * the writer meant.
 */
export default defineRule({
  id: 'linked-group',
  severity: 'error',
  description:
    'A linked group (`together`) with a premise listed twice, a premise marked `undercut`, or an answer that is not an undercut.',
  codes: ['linked-repeated-premise', 'linked-answer-not-undercut', 'linked-undercut-premise'],
  analysis: false,
  check({ graph, report }) {
    for (const group of graph.groups) {
      if (group.file !== graph.file) continue; // a used file's groups are its own to report
      const seen = new Set<number>();
      group.premises.forEach((premise, i) => {
        if (seen.has(premise.index)) report('linked-repeated-premise', group.premiseSpans[i]!, { name: claimName(premise) });
        seen.add(premise.index);
        if (premise.group === group && premise.undercut) report('linked-undercut-premise', premise.undercutSpan ?? premise.span, {});
      });
      const target = group.to ? describeClaim(group.to) : 'its claim';
      for (const span of group.misplaced) {
        report('linked-answer-not-undercut', span, { list: group.kind === 'support' ? 'counterpoints' : 'rebuttals', target });
      }
    }
  },
});
