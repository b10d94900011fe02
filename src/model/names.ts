import type { Claim } from './types';

/** How messages name a claim: its id, or where it is written; the recommendation by its role. */
export function claimName(claim: Claim): string {
  const name = claim.id !== undefined ? `\`${claim.id}\`` : claim.kind === 'recommendation' ? 'the recommendation' : `\`${claim.path}\``;
  return claim.file?.used ? `${name} (from ${fileName(claim.file.path)})` : name;
}

/** The last part of a path: `carroll-english-ordinance.yaml`. */
export function fileName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** A claim with its kind: "reason `focus`", "the recommendation". */
export function describeClaim(claim: Claim): string {
  if (claim.kind === 'recommendation' && claim.id === undefined && !claim.file?.used) return 'the recommendation';
  return `${claim.kind} ${claimName(claim)}`;
}

/** A chain of claims, shortened in the middle when long: `a` → `b` → … → `z`. */
export function chain(claims: readonly Claim[], max = 6): string {
  return nameChain(
    claims.map((c) => (c.id !== undefined ? `\`${c.id}\`` : `\`${c.path}\``)),
    max,
  );
}

/** Names joined by arrows, shortened in the middle when long: a → b → … (3 more) → z. */
export function nameChain(names: readonly string[], max = 6): string {
  if (names.length <= max) return names.join(' → ');
  return [...names.slice(0, max - 2), `… (${names.length - max + 1} more)`, names[names.length - 1]].join(' → ');
}

/** Names in a message, shortened at the end when long: `a`, `b`, `c`, `d`, `e` and 95 more. */
export function nameList(names: readonly string[], separator = ', ', max = 6): string {
  if (names.length <= max) return names.join(separator);
  return `${names.slice(0, max - 1).join(separator)} and ${names.length - max + 1} more`;
}
