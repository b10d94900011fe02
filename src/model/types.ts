import type { Span } from '../diagnostics/diagnostic';

/**
 * The argument graph: claims, evidence and sources as nodes; support, attack and undercut as edges.
 * Built once per file from the YAML document and shared by every rule, analysis and command.
 * Every node keeps the span of the YAML it came from, so findings can be located late.
 */

export type ClaimKind = 'recommendation' | 'reason' | 'risk' | 'counterpoint' | 'rebuttal';

export interface Claim {
  /** Position in `graph.claims` (document order). */
  index: number;
  /** The explicit `id`, or a stable path such as `recommendation.reasons[1]`. */
  key: string;
  id?: string;
  /** Where the claim is written: `recommendation.reasons[1]`. */
  path: string;
  kind: ClaimKind;
  text: string;
  quote?: string;
  note?: string;
  assumption: boolean;
  undercut: boolean;
  conceded: boolean;
  /** The claim it is written under (undefined for the recommendation and top-level counterpoints). */
  parent?: Claim;
  /** The edge by which it supports or attacks where it is written (absent for the recommendation). */
  link?: Edge;
  evidence: Evidence[];
  /** Claims written under this one, in order (reasons, risks, counterpoints, rebuttals). */
  children: Claim[];
  /** Edges from this claim. */
  outgoing: Edge[];
  /** Support and attack edges into this claim. */
  incoming: ClaimEdge[];
  /** The first line of the claim's mapping: where findings about it are reported. */
  span: Span;
  /** The `id` value, when there is one. */
  idSpan?: Span;
  /** The `undercut: true` entry, when there is one. */
  undercutSpan?: Span;
}

export interface Evidence {
  index: number;
  claim: Claim;
  text: string;
  /** The cited source id as written; `undefined` when the evidence names no source. */
  sourceId?: string;
  /** The source it resolves to, when it does. */
  source?: Source;
  quote?: string;
  note?: string;
  span: Span;
  sourceSpan?: Span;
}

export interface Source {
  index: number;
  id?: string;
  speaker?: string;
  role?: string;
  organization?: string;
  venue?: string;
  date?: string;
  url?: string;
  kind?: string;
  note?: string;
  /** Evidence that cites this source. */
  citedBy: Evidence[];
  span: Span;
  idSpan?: Span;
}

export type EdgeVia = 'tree' | 'ref' | 'targets';

/** The YAML list an edge is written in. */
export type EdgeList = 'reasons' | 'risks' | 'counterpoints' | 'rebuttals' | 'targets';

interface EdgeBase {
  index: number;
  from: Claim;
  via: EdgeVia;
  list: EdgeList;
  /** Where the edge is written: the claim item, the `ref`, or the `targets` entry. */
  span: Span;
  /** Undercuts that attack this edge. */
  undercutBy: UndercutEdge[];
}

/** `from` supports (reason, risk) or attacks (counterpoint, rebuttal) the claim `to`. */
export interface ClaimEdge extends EdgeBase {
  kind: 'support' | 'attack';
  to: Claim;
  /** The `note` of a `{ ref, note }` item. */
  note?: string;
}

/** `from` denies that the edge `to` holds: "true, but it does not follow". */
export interface UndercutEdge extends EdgeBase {
  kind: 'undercut';
  to: Edge;
}

export type Edge = ClaimEdge | UndercutEdge;

/** A mention of an id: `source:` on evidence, `ref:` in a list, or an entry of `targets`. */
export interface Reference {
  field: 'source' | 'ref' | 'targets';
  id: string;
  span: Span;
  resolved?: Claim | Source;
}

export interface Definition {
  id: string;
  span: Span;
  node: Claim | Source;
  type: 'claim' | 'source';
}

export interface ArgumentGraph {
  title?: string;
  description?: string;
  /** What was analysed: kind, title, author, outlet, date, url, note (the fields present). */
  document: Record<string, string>;
  recommendation?: Claim;
  claims: Claim[];
  evidence: Evidence[];
  sources: Source[];
  edges: Edge[];
  references: Reference[];
  /** Every id definition, in document order (a duplicated id has several). */
  definitions: Map<string, Definition[]>;
  /** Undercuts written where there is no link to attack (on the recommendation's counterpoints). */
  danglingUndercuts: Claim[];
}
