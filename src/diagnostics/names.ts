import type { Claim } from '../model/types';

/** How messages name a claim: its id, or its kind and where it is written. */
export function claimName(claim: Claim): string {
  return claim.id !== undefined ? `\`${claim.id}\`` : `${claim.kind} \`${claim.path}\``;
}

/** A chain of claims, shortened in the middle when long: `a` → `b` → … → `z`. */
export function chain(claims: readonly Claim[], max = 6): string {
  const names = claims.map((c) => (c.id !== undefined ? `\`${c.id}\`` : `\`${c.path}\``));
  if (names.length <= max) return names.join(' → ');
  return [...names.slice(0, max - 2), `… (${names.length - max + 1} more)`, names[names.length - 1]].join(' → ');
}
