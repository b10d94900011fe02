import { claimName } from '../model/names';
import { defineRule } from './rule';

/**
 * A counterpoint with no rebuttal, that the author has not conceded. A note, not an error: an honest
 * piece of writing may leave an objection standing.
 */
export default defineRule({
  id: 'unanswered-counterpoint',
  severity: 'info',
  description: 'A counterpoint that no rebuttal answers and that is not marked `conceded: true`.',
  codes: ['unanswered-counterpoint'],
  analysis: true,
  check({ analyses, report }) {
    for (const { claim, answered } of analyses.counterpoints) {
      if (!answered && !claim.conceded) report('unanswered-counterpoint', claim, { name: claimName(claim) });
    }
  },
});
