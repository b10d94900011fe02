import type { Claim, Edge, LinkedGroup } from '../model/types';

/**
 * How every view words a link between claims ("that reason 1 supports the recommendation"), given
 * how it names a claim (`ref`): a Markdown reference, an HTML link, plain text.
 */

/** How many undercuts of undercuts are spelled out before the innermost link is left unsaid. */
const LINK_DEPTH = 4;

/** A linked group's premises, jointly: "reason 1(a) and reason 1(b) together". */
export function togetherText(group: LinkedGroup, ref: (claim: Claim) => string): string {
  const refs = [...new Set(group.premises)].map(ref);
  return `${refs.slice(0, -1).join(', ')} and ${refs[refs.length - 1]} together`;
}

/** The words of an edge: "that reason 1 supports the recommendation", "that x undercuts the link that …". */
export function linkText(edge: Edge, ref: (claim: Claim) => string, depth = 0): string {
  if (edge.kind === 'undercut') {
    const inner = depth < LINK_DEPTH ? ` ${linkText(edge.to, ref, depth + 1)}` : '';
    if (edge.group && new Set(edge.group.premises).size > 1) return `that ${togetherText(edge.group, ref)} undercut the link${inner}`;
    return `that ${ref(edge.from)} undercuts the link${inner}`;
  }
  if (edge.group && new Set(edge.group.premises).size > 1) {
    return `that ${togetherText(edge.group, ref)} ${edge.kind === 'support' ? 'support' : 'attack'} ${ref(edge.to)}`;
  }
  return `that ${ref(edge.from)} ${edge.kind === 'support' ? 'supports' : 'attacks'} ${ref(edge.to)}`;
}
