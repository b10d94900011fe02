import { shortAttribution } from './attribution';
import { UNSUPPORTED_LABEL } from '../diagnostics/messages';
import type { Analyses } from '../analyses/index';
import type { Unsupported } from '../analyses/support';
import type { Claim, ClaimKind, Edge, Evidence, LinkedGroup } from '../model/types';
import { UniqueIds } from '../util/unique-ids';

/**
 * The drawing of an argument, independent of any layout or output language: one node per claim, one
 * per piece of evidence, one small "link" node for every edge that an undercut attacks, and the
 * edges between them. `mermaid.ts`, `dot.ts` (and through it `svg.ts`) only translate this list, so
 * the three drawings always agree. Text is kept raw here; each output language escapes its own.
 */

export interface ClaimNode {
  type: 'claim';
  /** `claim-<slug of the claim key>`: stable across runs, unique in the drawing. */
  id: string;
  claim: Claim;
  kind: ClaimKind;
  text: string;
  /** Why the claim is unsupported, when it is. */
  unsupported?: Unsupported;
  assumption: boolean;
  conceded: boolean;
  undercut: boolean;
  /** A counterpoint neither conceded nor answered by any rebuttal. */
  unanswered: boolean;
  /** Its evidence, when drawn inside the claim's box (`evidence: 'inline'`). */
  evidence: EvidenceItem[];
}

/** A piece of evidence with who said it and when. */
export interface EvidenceItem {
  evidence: Evidence;
  text: string;
  /** "Lloyd Austin, 2024-10-23", or a warning when the evidence names no (known) source. */
  attribution: string;
  sourced: boolean;
}

export interface EvidenceNode extends EvidenceItem {
  type: 'evidence';
  /** `evidence-<claim slug>-<n>`. */
  id: string;
}

/** A point on an edge that an undercut attacks: the edge is drawn through it, the undercut onto it. */
export interface LinkNode {
  type: 'link';
  /** `link-<edge index>`. */
  id: string;
  edge: Edge;
}

/**
 * A linked group's junction, as AIF and Argdown draw one: each premise points into it, and one edge
 * leads from it to the claim the premises support (attack) together; an undercut of the group
 * points at it.
 */
export interface JunctionNode {
  type: 'junction';
  /** `junction-<group index>`. */
  id: string;
  group: LinkedGroup;
}

export type DiagramNode = ClaimNode | EvidenceNode | LinkNode | JunctionNode;

export type DiagramEdgeKind = 'support' | 'attack' | 'undercut' | 'evidence';

export interface DiagramEdge {
  from: string;
  to: string;
  kind: DiagramEdgeKind;
  /** Written by `ref` or `targets` rather than by nesting: drawn without pulling the layout. */
  cross: boolean;
  /**
   * Which part of an edge split by a link node this is: `tail` runs from the claim to the link node
   * (no arrowhead), `head` from the link node to the target. `whole` for an edge drawn in one piece.
   */
  part: 'whole' | 'tail' | 'head';
}

export interface Diagram {
  title: string;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  /** The claim nodes by claim index. */
  claimNodes: ClaimNode[];
}

export const KIND_LABEL: Record<ClaimKind, string> = {
  recommendation: 'RECOMMENDATION',
  reason: 'REASON',
  risk: 'RISK',
  counterpoint: 'COUNTERPOINT',
  rebuttal: 'REBUTTAL',
};

/** A claim key as an id fragment: letters, digits and single hyphens (`recommendation-reasons-1`). */
export function keySlug(key: string): string {
  const s = key.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s === '' ? 'x' : s;
}

/** Collapses runs of whitespace (newlines included) to one space: labels are wrapped by the writer. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029\s]+/g, ' ').trim();
}

/**
 * Breaks text into lines of at most `width` characters at spaces (a longer word gets a line of its
 * own, cut if it is longer still), and shortens it to `maxLines` lines with an ellipsis.
 */
export function wrap(text: string, width = 42, maxLines = 9): string[] {
  const words = oneLine(text)
    .split(' ')
    .filter((w) => w !== '');
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    // Past the last line shown, the rest of a long text only costs time.
    if (lines.length > maxLines) break;
    while (word.length > width && lines.length <= maxLines) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.slice(0, width - 1)}…`;
    return kept;
  }
  return lines.length > 0 ? lines : [''];
}

export type EvidenceMode = 'inline' | 'nodes' | 'none';

export interface DiagramOptions {
  /**
   * Where evidence goes: inside its claim's box (`inline`, the default: the drawing stays narrow), in
   * boxes of its own below the claim (`nodes`), or nowhere (`none`).
   */
  evidence?: EvidenceMode;
}

function evidenceItem(evidence: Evidence): EvidenceItem {
  let attribution: string;
  if (evidence.source) attribution = shortAttribution(evidence.source);
  else if (evidence.sourceId !== undefined) attribution = `⚠ unknown source ${evidence.sourceId}`;
  else attribution = '⚠ no source given';
  return { evidence, text: evidence.text, attribution, sourced: evidence.source !== undefined };
}

/** Builds the drawing of one file's argument from its graph and analyses. */
export function buildDiagram(analyses: Analyses, options: DiagramOptions = {}): Diagram {
  const { graph } = analyses;
  const mode = options.evidence ?? 'inline';
  const answered = new Map<Claim, boolean>();
  for (const info of analyses.counterpoints) answered.set(info.claim, info.answered);

  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const claimNodes: ClaimNode[] = [];
  const ids = new UniqueIds();
  const unique = (base: string) => ids.take(base);

  for (const claim of graph.claims) {
    const node: ClaimNode = {
      type: 'claim',
      id: unique(`claim-${keySlug(claim.key)}`),
      claim,
      kind: claim.kind,
      text: claim.text,
      assumption: claim.assumption,
      conceded: claim.conceded,
      undercut: claim.undercut,
      unanswered: claim.kind === 'counterpoint' && !claim.conceded && answered.get(claim) === false,
      evidence: mode === 'inline' ? claim.evidence.map(evidenceItem) : [],
    };
    const why = analyses.support.why.get(claim.index);
    if (why !== undefined) node.unsupported = why;
    nodes.push(node);
    claimNodes[claim.index] = node;
  }

  if (mode === 'nodes') {
    for (const claim of graph.claims) {
      claim.evidence.forEach((evidence, i) => {
        const owner = claimNodes[claim.index]!;
        const node: EvidenceNode = {
          type: 'evidence',
          id: unique(`evidence-${owner.id.slice('claim-'.length)}-${i + 1}`),
          ...evidenceItem(evidence),
        };
        nodes.push(node);
        edges.push({ from: node.id, to: owner.id, kind: 'evidence', cross: false, part: 'whole' });
      });
    }
  }

  // Every edge an undercut attacks is drawn through a link node of its own; every linked group's
  // edges through one junction, whose first edge stands for the group.
  const linkOf = new Map<Edge, LinkNode | JunctionNode>();
  for (const group of graph.groups) {
    const first = group.edges[0];
    if (!first) continue;
    const node: JunctionNode = { type: 'junction', id: unique(`junction-${group.index}`), group };
    for (const edge of group.edges) linkOf.set(edge, node);
    nodes.push(node);
  }
  for (const edge of graph.edges) {
    if (edge.undercutBy.length === 0 || edge.group) continue;
    const node: LinkNode = { type: 'link', id: unique(`link-${edge.index}`), edge };
    linkOf.set(edge, node);
    nodes.push(node);
  }
  for (const edge of graph.edges) {
    const from = claimNodes[edge.from.index]!.id;
    let to: string;
    if (edge.kind === 'undercut') {
      const target = linkOf.get(edge.to);
      if (!target) continue; // cannot happen: the attacked edge lists this undercut
      to = target.id;
    } else {
      to = claimNodes[edge.to.index]!.id;
    }
    const cross = edge.via !== 'tree';
    const link = linkOf.get(edge);
    if (link) {
      edges.push({ from, to: link.id, kind: edge.kind, cross, part: 'tail' });
      // A group's junction leads on to the target once, from its first edge.
      if (!edge.group || edge.group.edges[0] === edge)
        edges.push({ from: link.id, to, kind: edge.kind, cross: edge.group ? false : cross, part: 'head' });
    } else {
      edges.push({ from, to, kind: edge.kind, cross, part: 'whole' });
    }
  }

  const title = graph.title !== undefined && graph.title.trim() !== '' ? graph.title : 'Argument map';
  return { title, nodes, edges, claimNodes: claimNodes.filter((n) => n !== undefined) };
}

/** The short markers shown on a claim: ⚠ unsupported, assumption, conceded, unanswered, undercut. */
export function claimMarkers(node: ClaimNode): string[] {
  const out: string[] = [];
  if (node.unsupported !== undefined) out.push(`⚠ ${UNSUPPORTED_LABEL[node.unsupported]}`);
  if (node.assumption) out.push('assumption');
  if (node.conceded) out.push('✔ conceded');
  if (node.unanswered) out.push('❗ unanswered');
  if (node.undercut) out.push('undercut');
  return out;
}
