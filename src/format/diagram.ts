import { evidenceAttribution, NO_SOURCE, shortAttribution } from '../view/attribution';
import { STATUS_MEANING, STATUSES, type Status } from '../view/evaluation';
import { viewOf } from '../view/index';
import { UNSUPPORTED_LABEL } from '../diagnostics/messages';
import type { Analyses } from '../analyses/index';
import type { Unsupported } from '../analyses/support';
import type { Claim, ClaimKind, Edge, Evidence, LinkedGroup } from '../model/types';
import { plural } from '../util/plural';
import { UniqueIds } from '../util/unique-ids';
import { DEFAULT_DIRECTION, type Direction } from './diagram-direction';

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
  /** Its status word, as `argmap evaluate` and every view give it (from the view model). */
  status: Status;
  /** Why the claim is unsupported (the support analysis of `argmap unsupported`), when it is. */
  unsupported?: Unsupported;
  assumption: boolean;
  conceded: boolean;
  undercut: boolean;
  /** A counterpoint neither conceded nor answered by any rebuttal. */
  unanswered: boolean;
  /** Its evidence, when drawn inside the claim's box (`evidence: 'inline'`). */
  evidence: EvidenceItem[];
  /** How many claims below it are not drawn (`--depth`, `--focus`, `--split`). */
  hiddenBelow: number;
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
  /** What part of the map is drawn, when not all of it: "2 levels below the recommendation: 9 claims of 60, 51 not drawn". */
  scope?: string;
  direction: Direction;
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
export function wrap(text: string, width = LABEL_WIDTH, maxLines = 9): string[] {
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

/** The one width, in characters, at which every label of a drawing wraps. */
export const LABEL_WIDTH = 32;

export interface DiagramOptions {
  /**
   * Where evidence goes: inside its claim's box (`inline`, the default: the drawing stays narrow), in
   * boxes of its own below the claim (`nodes`), or nowhere (`none`).
   */
  evidence?: EvidenceMode;
  direction?: Direction;
  /** Draw only this claim and what supports or attacks it, to `depth` levels. */
  focus?: Claim;
  /** Draw this many levels below the recommendation (or the focus); the rest is counted on the claims it hangs from. */
  depth?: number;
}

function evidenceItem(evidence: Evidence): EvidenceItem {
  const from = evidenceAttribution(evidence);
  const attribution =
    from.type === 'source'
      ? shortAttribution(from.source)
      : from.type === 'unknown'
        ? `⚠ ${NO_SOURCE.unknown} ${from.id}`
        : `⚠ ${NO_SOURCE.none}`;
  return { evidence, text: evidence.text, attribution, sourced: evidence.source !== undefined };
}

/**
 * What is drawn below a claim, with the edge that leads there: the claims that support or attack it
 * and the undercuts of those edges.
 */
function below(claim: Claim): Array<{ claim: Claim; edge: Edge }> {
  const out: Array<{ claim: Claim; edge: Edge }> = [];
  for (const edge of claim.incoming) {
    out.push({ claim: edge.from, edge });
    for (const u of edge.undercutBy) out.push({ claim: u.from, edge: u });
  }
  return out;
}

/**
 * A claim's level in the drawing: 0 for the roots (the recommendation, or the focus), 1 for what
 * supports or attacks them, and so on. A claim written elsewhere (reached by a `ref` or `targets`
 * edge) is placed at the level it is reached, but what is below it is reached from where it is
 * written: so a focused drawing does not pull in the subtrees of claims it only refers to.
 */
/** The claims a drawing opens below `claim`: those written under it, and top-level claims that attack it. */
export function openedBelow(claim: Claim): Claim[] {
  const out = below(claim).flatMap(({ claim: child, edge }) => (edge.via === 'tree' || child.parent === undefined ? [child] : []));
  return [...new Set(out)];
}

function levelsOf(claims: readonly Claim[], roots: readonly Claim[], maxDepth: number): Map<Claim, number> {
  const level = new Map<Claim, number>();
  const expanded = new Set<Claim>();
  let frontier: Claim[] = [];
  for (const root of roots) {
    level.set(root, 0);
    frontier.push(root);
  }
  for (let depth = 0; frontier.length > 0 && depth < maxDepth; depth++) {
    const next: Claim[] = [];
    for (const claim of frontier) {
      if (expanded.has(claim)) continue;
      expanded.add(claim);
      for (const { claim: child } of below(claim)) if (!level.has(child)) level.set(child, depth + 1);
      for (const child of openedBelow(claim)) next.push(child);
    }
    frontier = next;
  }
  return level;
}

/** The claims under `claim` that are not drawn (through claims not drawn): what a collapsed box stands for. */
function hiddenBelow(claim: Claim, drawn: ReadonlyMap<Claim, number>): number {
  const seen = new Set<Claim>();
  const stack = [claim];
  while (stack.length > 0) {
    for (const { claim: child } of below(stack.pop()!)) {
      if (drawn.has(child) || seen.has(child)) continue;
      seen.add(child);
      stack.push(child);
    }
  }
  return seen.size;
}

/**
 * The claims a whole drawing starts from: those that support or attack nothing (the recommendation),
 * then, for claims no such root leads to (a cycle of support), the first of each such part.
 */
function rootsOf(claims: readonly Claim[]): Claim[] {
  const roots = claims.filter((c) => c.outgoing.length === 0);
  const reached = levelsOf(claims, roots, Infinity);
  for (const claim of claims) {
    if (reached.has(claim)) continue;
    roots.push(claim);
    for (const c of levelsOf(claims, [claim], Infinity).keys()) reached.set(c, 0);
  }
  return roots;
}

/** Builds the drawing of one file's argument from its graph and analyses. */
export function buildDiagram(analyses: Analyses, options: DiagramOptions = {}): Diagram {
  const { graph } = analyses;
  const mode = options.evidence ?? 'inline';
  const view = viewOf(analyses);

  // Which claims are drawn: all of them, or those within `depth` levels of the roots or the focus.
  const limited = options.depth !== undefined || options.focus !== undefined;
  const maxDepth = options.depth ?? Infinity;
  let drawn: Map<Claim, number> | undefined;
  if (limited) {
    drawn = levelsOf(graph.claims, options.focus ? [options.focus] : rootsOf(graph.claims), maxDepth);
  }
  const isDrawn = (claim: Claim) => drawn === undefined || drawn.has(claim);

  const nodes: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  const claimNodes: ClaimNode[] = [];
  const ids = new UniqueIds();
  const unique = (base: string) => ids.take(base);

  for (const claim of graph.claims) {
    if (!isDrawn(claim)) continue;
    const node: ClaimNode = {
      type: 'claim',
      id: unique(`claim-${keySlug(claim.key)}`),
      claim,
      kind: claim.kind,
      text: claim.text,
      status: view.claims[claim.index]!.evaluation.status,
      assumption: claim.assumption,
      conceded: claim.conceded,
      undercut: claim.undercut,
      unanswered: view.claims[claim.index]!.counterpoint === 'unanswered',
      evidence: mode === 'inline' ? claim.evidence.map(evidenceItem) : [],
      hiddenBelow: drawn !== undefined ? hiddenBelow(claim, drawn) : 0,
    };
    const why = analyses.support.why.get(claim.index);
    if (why !== undefined) node.unsupported = why;
    nodes.push(node);
    claimNodes[claim.index] = node;
  }

  if (mode === 'nodes') {
    for (const claim of graph.claims) {
      const owner = claimNodes[claim.index];
      if (!owner) continue;
      claim.evidence.forEach((evidence, i) => {
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

  // An edge is drawn when both its ends are; an undercut when the edge it attacks is, too.
  const edgeDrawn = (edge: Edge): boolean => isDrawn(edge.from) && (edge.kind === 'undercut' ? edgeDrawn(edge.to) : isDrawn(edge.to));
  // Every edge an undercut attacks is drawn through a link node of its own; every linked group's
  // edges through one junction, which leads on to the target once.
  const linkOf = new Map<Edge, LinkNode | JunctionNode>();
  for (const group of graph.groups) {
    const shown = group.edges.filter(edgeDrawn);
    if (shown.length === 0) continue;
    const node: JunctionNode = { type: 'junction', id: unique(`junction-${group.index}`), group };
    for (const edge of group.edges) linkOf.set(edge, node);
    nodes.push(node);
  }
  for (const edge of graph.edges) {
    if (edge.group || !edgeDrawn(edge) || !edge.undercutBy.some(edgeDrawn)) continue;
    const node: LinkNode = { type: 'link', id: unique(`link-${edge.index}`), edge };
    linkOf.set(edge, node);
    nodes.push(node);
  }
  const headed = new Set<JunctionNode | LinkNode>();
  for (const edge of graph.edges) {
    if (!edgeDrawn(edge)) continue;
    const from = claimNodes[edge.from.index]!.id;
    let to: string;
    if (edge.kind === 'undercut') {
      const target = linkOf.get(edge.to);
      if (!target) continue; // cannot happen: the attacked edge is drawn and lists this undercut
      to = target.id;
    } else {
      to = claimNodes[edge.to.index]!.id;
    }
    const cross = edge.via !== 'tree';
    const link = linkOf.get(edge);
    if (link) {
      edges.push({ from, to: link.id, kind: edge.kind, cross, part: 'tail' });
      if (!headed.has(link)) {
        headed.add(link);
        edges.push({ from: link.id, to, kind: edge.kind, cross: edge.group ? false : cross, part: 'head' });
      }
    } else {
      edges.push({ from, to, kind: edge.kind, cross, part: 'whole' });
    }
  }

  const drawnClaims = claimNodes.filter((n) => n !== undefined);
  const diagram: Diagram = {
    title: view.title,
    direction: options.direction ?? DEFAULT_DIRECTION,
    nodes,
    edges,
    claimNodes: drawnClaims,
  };
  if (limited) {
    const hidden = graph.claims.length - drawnClaims.length;
    const levels = options.depth !== undefined ? `, ${plural(options.depth, 'level')} deep` : '';
    const what = options.focus
      ? `${options.focus.kind} ${options.focus.key} and what supports or attacks it${levels}`
      : `${plural(options.depth ?? 0, 'level')} below the ${graph.claims.some((c) => c.kind === 'recommendation') ? 'recommendation' : 'top'}`;
    diagram.scope = `${what}: ${plural(drawnClaims.length, 'claim')} of ${graph.claims.length}${hidden > 0 ? `, ${hidden} not drawn` : ''}`;
  }
  return diagram;
}

/**
 * The drawings `--split` makes: the top of the map (its roots and what supports or attacks them
 * directly), then one drawing for each of those claims (each reason, risk and counterpoint of the
 * recommendation) with what is below it, to `depth` levels if given.
 */
export function splitDiagrams(analyses: Analyses, options: DiagramOptions = {}): Diagram[] {
  const overview = buildDiagram(analyses, { ...options, focus: undefined, depth: 1 });
  return [overview, ...splitFocuses(analyses).map((focus) => buildDiagram(analyses, { ...options, focus }))];
}

/** The claims `--split` draws one drawing each for: those under the roots, in document order. */
export function splitFocuses(analyses: Analyses): Claim[] {
  const roots = rootsOf(analyses.graph.claims);
  return [...new Set(roots.flatMap(openedBelow))].filter((c) => !roots.includes(c)).sort((a, b) => a.index - b.index);
}

/**
 * The status line of a claim: its status word (drawn on its colour), and, when the word is
 * `unsupported` and the support analysis says why, that reason ("rests on nothing"), so that a box
 * says "unsupported" once.
 */
export function statusLine(node: ClaimNode): { status: Status; why?: string } {
  if (node.status === 'unsupported' && node.unsupported !== undefined) {
    return { status: node.status, why: `⚠ ${UNSUPPORTED_LABEL[node.unsupported]}` };
  }
  return { status: node.status };
}

/**
 * The short markers shown on a claim below its text: ⚠ unsupported (only where the status word is
 * another: a claim that rests on nothing but is defeated), assumption, conceded, unanswered,
 * undercuts a link, and how many claims below it are not drawn.
 */
export function claimMarkers(node: ClaimNode): string[] {
  const out: string[] = [];
  if (node.unsupported !== undefined && node.status !== 'unsupported') out.push(`⚠ unsupported: ${UNSUPPORTED_LABEL[node.unsupported]}`);
  if (node.assumption) out.push('assumption');
  if (node.conceded) out.push('✔ conceded');
  if (node.unanswered) out.push('❗ unanswered');
  if (node.undercut) out.push('undercuts a link');
  if (node.hiddenBelow > 0) out.push(hiddenText(node.hiddenBelow));
  return out;
}

/** The marker on a claim with claims below it that are not drawn. */
function hiddenText(n: number): string {
  return `▸ ${n} more ${n === 1 ? 'claim' : 'claims'} below`;
}

/** One line of a drawing's legend: what it explains (a kind of claim, a mark, an edge) and its text. */
export interface LegendEntry {
  key: ClaimKind | `status-${Status}` | 'unsupported' | 'conceded' | 'assumption' | 'hidden' | DiagramEdgeKind | 'junction';
  text: string;
}

/**
 * The legend of a drawing, the same words in Mermaid, DOT and SVG: the kinds of claim, the status
 * words the drawing shows (each on its colour), then the marks and the edges (evidence, together
 * boxes and collapsed claims only where the drawing has them). Each writer draws its own swatch or
 * arrow beside each text.
 */
export function legendEntries(model: Diagram): LegendEntry[] {
  const entries: LegendEntry[] = (Object.keys(KIND_LABEL) as ClaimKind[]).map((kind) => ({ key: kind, text: kind }));
  const shown = new Set(model.claimNodes.map((n) => n.status));
  for (const status of STATUSES) {
    if (shown.has(status)) entries.push({ key: `status-${status}`, text: `${status}: ${STATUS_MEANING[status]}` });
  }
  entries.push(
    { key: 'unsupported', text: '⚠ red dashed border: rests on nothing grounded' },
    { key: 'conceded', text: 'conceded counterpoint: grey box' },
    { key: 'assumption', text: 'assumption: dotted border' },
    { key: 'support', text: 'supports: green arrow' },
    { key: 'attack', text: 'attacks: red line, round end' },
    { key: 'undercut', text: 'undercuts: dashed orange line onto a link' },
  );
  if (model.edges.some((e) => e.kind === 'evidence')) entries.push({ key: 'evidence', text: 'evidence: dotted grey arrow' });
  if (model.nodes.some((n) => n.type === 'junction')) entries.push({ key: 'junction', text: 'into a together box: only jointly' });
  if (model.claimNodes.some((n) => n.hiddenBelow > 0)) entries.push({ key: 'hidden', text: '▸ N more claims below: not drawn' });
  return entries;
}

/**
 * The Graphviz `rankdir` for a direction. Edges point from a reason to what it supports, so the
 * layout runs against the direction the map grows in: `TB` (recommendation at the top) is `BT`.
 */
export const RANKDIR: Record<Direction, Direction> = { TB: 'BT', BT: 'TB', LR: 'RL', RL: 'LR' };
