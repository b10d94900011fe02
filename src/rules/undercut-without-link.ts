import { defineRule } from './rule';

/**
 * `undercut: true` denies the link between a claim and what it supports or attacks. On a
 * counterpoint to the recommendation (or to a top-level counterpoint that only has `targets`)
 * there is no such link, so the undercut attacks nothing.
 */
export default defineRule({
  id: 'undercut-without-link',
  severity: 'error',
  description: 'An `undercut: true` counterpoint or rebuttal (or linked group) whose parent has no link for it to deny.',
  codes: ['undercut-without-link', 'undercut-top-level-targets'],
  analysis: false,
  check({ graph, report }) {
    for (const claim of graph.danglingUndercuts) {
      const parent = claim.parent;
      const span = claim.undercutSpan ?? claim.span;
      // A claim with `targets` only (a linked undercut, a group, takes no `targets`).
      if (!parent && 'outgoing' in claim && claim.outgoing.some((e) => e.via === 'targets')) {
        report('undercut-top-level-targets', span, {});
        continue;
      }
      const name = !parent
        ? 'the recommendation'
        : parent.kind === 'recommendation'
          ? 'the recommendation'
          : `${parent.kind} ${parent.id ? `\`${parent.id}\`` : `at ${parent.path}`}`;
      report('undercut-without-link', span, { parent: name });
    }
  },
});
