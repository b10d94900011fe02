import type { Source } from '../model/types';

/**
 * What an import reads, before it is placed into the argmap tree: claims, support and attack
 * relations between them, undercuts of relations, and sources. Both importers (AIF, Kialo) build
 * one; `place.ts` turns it into one or more argmap documents.
 */

/** A source as the import finds it: the model's source fields, with an id always. */
export type ImportSource = { id: string } & Pick<Source, 'speaker' | 'role' | 'organization' | 'venue' | 'date' | 'url' | 'kind' | 'note'>;

export interface ImportEvidence {
  text: string;
  source?: string;
  quote?: string;
  note?: string;
}

export interface ImportClaim {
  /** The claim's id in the written file (kebab-case, unique). */
  id: string;
  text: string;
  /** Where it came from (AIF node id, Kialo number), for the import summary. */
  origin: string;
  note?: string;
  quote?: string;
  assumption?: boolean;
  conceded?: boolean;
  /** A support written in `risks` rather than `reasons` (argmap's own AIF extension says so). */
  risk?: boolean;
  evidence: ImportEvidence[];
}

export interface ImportRelation {
  from: string;
  to: string;
  kind: 'support' | 'attack';
  /** Kialo `-> See` links and the like: prefer writing the claim elsewhere and referring to it here. */
  link?: boolean;
  /** The `note` of the `{ ref, note }` item this relation is written as. */
  note?: string;
  /**
   * A linked argument: the relations that share this number are the premises of one argument (an AIF
   * RA / CA node with several premises) and are written as one `together` group.
   */
  group?: number;
  /** The `note` of the linked group this relation is a premise of (on its first relation). */
  groupNote?: string;
}

export interface ImportUndercut {
  /** The undercutting claim. */
  from: string;
  /**
   * Index into `relations` of the relation it denies (for a linked group, any of its relations: the
   * undercut denies the group's inference); or, for an undercut of an undercut, index into
   * `undercuts` of the undercut it denies.
   */
  relation?: number;
  undercut?: number;
  /**
   * A linked undercut: the undercuts that share this number (consecutive in `undercuts`) are the
   * premises of one (an AIF CA node with several premises aimed at a scheme node), written as one
   * `together` group with `undercut: true`. An undercut of it names its first.
   */
  group?: number;
  /** The `note` of that linked undercut (on its first). */
  groupNote?: string;
}

export interface ImportGraph {
  title?: string;
  description?: string;
  document?: Record<string, string>;
  sources: ImportSource[];
  claims: ImportClaim[];
  relations: ImportRelation[];
  undercuts: ImportUndercut[];
  /** What the import could not map, one line each, for the summary. */
  unmapped: string[];
  /** How things were mapped (counts and notes), one line each, for the summary. */
  mapped: string[];
}
