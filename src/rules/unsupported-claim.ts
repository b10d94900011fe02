import { claimName, nameList } from '../model/names';
import { linkedNeedNames, supportersOf } from '../analyses/support';
import { needsText } from '../diagnostics/messages';
import { defineRule } from './rule';

/**
 * A claim that rests on nothing: no evidence with a source, no supported reason, not an assumption.
 * Support is grounded (a least fixpoint): support only from unsupported claims, or only through a
 * circle of claims, does not count. A warning by default: an honest encoding records what an author
 * asserts without support.
 */
export default defineRule({
  id: 'unsupported-claim',
  severity: 'warn',
  description: 'A claim rests on no evidence with a source, no supported reason, and is not an assumption.',
  codes: ['unsupported-none', 'unsupported-unsourced-evidence', 'unsupported-reasons', 'unsupported-linked', 'unsupported-circular'],
  analysis: true,
  check({ graph, analyses, report }) {
    const { why } = analyses.support;
    for (const claim of graph.claims) {
      const reason = why.get(claim.index);
      if (reason === undefined) continue;
      const base = { name: claimName(claim), kind: claim.kind };
      if (reason === 'none') report('unsupported-none', claim, base);
      else if (reason === 'unsourced-evidence') report('unsupported-unsourced-evidence', claim, base);
      else if (reason === 'circular') report('unsupported-circular', claim, base);
      else if (reason === 'unsupported-linked')
        report('unsupported-linked', claim, { ...base, needs: needsText(linkedNeedNames(claim, analyses.support)) });
      else {
        const supporters = supportersOf(claim).map((e) => claimName(e.from));
        report('unsupported-reasons', claim, { ...base, supporters: nameList([...new Set(supporters)]) });
      }
    }
  },
});
