import { claimName } from '../model/names';
import { defineRule } from './rule';

/**
 * A counterpoint marked `conceded: true` is granted by the author; a rebuttal that denies it
 * contradicts the concession. Only an undercut ("true, but it does not follow") fits.
 */
export default defineRule({
  id: 'conceded-rebutted',
  severity: 'warn',
  description: 'A conceded counterpoint is attacked by a rebuttal that is not an undercut.',
  codes: ['conceded-rebutted'],
  analysis: true,
  check({ graph, report }) {
    for (const claim of graph.claims) {
      if (!claim.conceded) continue;
      // A claim attacking itself is self-attack's finding, not a denial of the concession.
      const denial = claim.incoming.find((e) => e.kind === 'attack' && e.from !== claim);
      if (denial) report('conceded-rebutted', denial, { name: claimName(claim) });
    }
  },
});
