import type { Span } from '../diagnostics/diagnostic';
import type { SourceFile } from '../load/source-file';

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
  /**
   * The linked group it is written in: as one of its premises (`together`), or under its
   * `counterpoints` / `rebuttals` (its undercuts). Absent for every other claim, and for a premise
   * given by `ref` (that claim is written elsewhere; see `LinkedGroup.premises`).
   */
  group?: LinkedGroup;
  /** The `quote` value, when there is one. */
  quoteSpan?: Span;
  /** The file it is written in (absent on graphs built by hand). */
  file?: ArgFile;
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
  /** The `quote` value, when there is one. */
  quoteSpan?: Span;
  file?: ArgFile;
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
  /** What the source said, as the piece quotes it. */
  quote?: string;
  quoteSpan?: Span;
  /** Evidence that cites this source. */
  citedBy: Evidence[];
  span: Span;
  idSpan?: Span;
  file?: ArgFile;
}

export type EdgeVia = 'tree' | 'ref' | 'targets';

/** The YAML list an edge is written in. */
export type EdgeList = 'reasons' | 'risks' | 'counterpoints' | 'rebuttals' | 'targets';

interface EdgeBase {
  index: number;
  /**
   * The linked group this edge belongs to, when its claim is one premise of several that support or
   * attack `to` only together. Every edge of a group shares the group's `undercutBy` list.
   */
  group?: LinkedGroup;
  from: Claim;
  via: EdgeVia;
  list: EdgeList;
  /** Where the edge is written: the claim item, the `ref`, or the `targets` entry. */
  span: Span;
  /** Undercuts that attack this edge. */
  undercutBy: UndercutEdge[];
  /** The file the edge is written in (absent on graphs built by hand). */
  file?: ArgFile;
  /** The `note` of a `{ ref, note }` item. */
  note?: string;
}

/** `from` supports (reason, risk) or attacks (counterpoint, rebuttal) the claim `to`. */
export interface ClaimEdge extends EdgeBase {
  kind: 'support' | 'attack';
  to: Claim;
}

/** `from` denies that the edge `to` holds: "true, but it does not follow". */
export interface UndercutEdge extends EdgeBase {
  kind: 'undercut';
  to: Edge;
}

export type Edge = ClaimEdge | UndercutEdge;

/**
 * A linked argument (`together:`): premises that support (or attack) one claim only jointly, as an
 * AIF RA (CA) node with several premises. Each premise keeps its own support / attack edge to `to`
 * (so listings and cycles see it), and those edges share this object: the group holds when every
 * premise does and no undercut of it does.
 */
export interface LinkedGroup {
  /** Position in `graph.groups` (document order). */
  index: number;
  /**
   * `undercut`: a linked undercut (`undercut: true` on the group), whose premises deny a link only
   * jointly: each premise has an undercut edge to the link, and `to` is absent.
   */
  kind: 'support' | 'attack' | 'undercut';
  /** The list it is written in. */
  list: 'reasons' | 'risks' | 'counterpoints' | 'rebuttals';
  /** Where the group is written: `recommendation.reasons[1]`. */
  path: string;
  /** The claim the premises support or attack together (the recommendation, for a top-level group). */
  to?: Claim;
  /** The claim the group is written under (absent at the top level). */
  parent?: Claim;
  /** For a linked undercut: the `undercut: true` entry. */
  undercutSpan?: Span;
  /** The premises that resolved, in the order written (a repeated premise appears twice). */
  premises: Claim[];
  /** Each premise's edge to `to` (to the denied link, for a linked undercut), in the same order. */
  edges: Edge[];
  /** Where each premise is written (its claim item, or its `ref` value), in the same order. */
  premiseSpans: Span[];
  /** How many premises are written (resolved or not). */
  written: number;
  /** Undercuts of the group's inference as a whole (shared with every edge of the group). */
  undercutBy: UndercutEdge[];
  /** Claims written under the group's `counterpoints` / `rebuttals`, in order. */
  answers: Claim[];
  /** Linked undercuts written there, in order (each has `of` set to this group). */
  answerGroups: LinkedGroup[];
  /** For a linked undercut written under a group's `counterpoints` / `rebuttals`: that group. */
  of?: LinkedGroup;
  /** Items of those lists that are not undercuts (`ref`s, claims without `undercut: true`, groups). */
  misplaced: Span[];
  note?: string;
  /** The `together` key: where findings about the group are reported. */
  span: Span;
  /** The file it is written in (absent on graphs built by hand). */
  file?: ArgFile;
}

/** A mention of an id: `source:` on evidence, `ref:` in a list, or an entry of `targets`. */
export interface Reference {
  field: 'source' | 'ref' | 'targets';
  /** The id as written: `frazier-meeting`, or qualified `carroll-county#frazier-meeting`. */
  id: string;
  span: Span;
  resolved?: Claim | Source;
  /** The definition it resolved to (of this file, or of a file it uses). */
  definition?: Definition;
  /** An unqualified id defined in more than one visible file: every definition (none resolved). */
  ambiguous?: Definition[];
  /** A qualified id whose file name names no visible file (or more than one). */
  unknownFile?: { name: string; count: number };
  /** The file a qualified id names (set whether or not the id is defined there). */
  within?: ArgFile;
  file?: ArgFile;
}

export interface Definition {
  id: string;
  span: Span;
  node: Claim | Source;
  type: 'claim' | 'source';
  file?: ArgFile;
}

/**
 * One argument file whose nodes are in a graph: the checked file, or a file it uses (`uses:`),
 * directly or through another. Spans of its nodes are offsets into its own text.
 */
export interface ArgFile {
  /** The path shown to the user (relative to the working folder where possible). */
  path: string;
  /** The absolute path it was read from. */
  absolute: string;
  /** The name a qualified id uses: the file name without its extension (`carroll-county`). */
  name: string;
  source: SourceFile;
  /** Its id definitions, in document order. */
  definitions: Map<string, Definition[]>;
  /** The files whose ids it sees: those it uses, and theirs, each once (itself excluded). */
  visible: ArgFile[];
  /** A sources file: `sources` and no recommendation. */
  sourcesOnly: boolean;
  /** A file the checked one uses (its claims are named with where they come from). */
  used: boolean;
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
  /** Linked groups (`together`), in document order. */
  groups: LinkedGroup[];
  references: Reference[];
  /** Every id definition, in document order (a duplicated id has several). */
  definitions: Map<string, Definition[]>;
  /**
   * Undercuts written where there is no link to attack (on the recommendation's counterpoints): claims
   * with `undercut: true`, and linked undercuts.
   */
  danglingUndercuts: Array<Claim | LinkedGroup>;
  /**
   * The checked file, when the graph was built with files (`buildWorkspaceGraph`). Its nodes come
   * first in every list; the nodes of the files it uses follow, so that cross-file edges count in
   * every analysis. `references`, `definitions` and `danglingUndercuts` are this file's alone.
   */
  file?: ArgFile;
  /** Every file with nodes in the graph, the checked file first. */
  files?: ArgFile[];
  /** The checked file's `uses` entries, as written (when it has some). */
  uses?: string[];
  /** The text of the piece (`document.file`), when the file names one and it could be read. */
  documentText?: { path: string; text: string };
}
