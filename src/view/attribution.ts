import type { Evidence, Source } from '../model/types';

/**
 * Who said it, in what role, where and when, as the parts every output shows them in, empty ones
 * left out: ["Lloyd Austin", "U.S. Defense Secretary", "2024-10-23"]. One order, one place.
 */
export function attributionParts(source: Source): string[] {
  return [source.speaker, source.role, source.organization, source.venue, source.date].flatMap((v) =>
    v !== undefined && v.trim() !== '' ? [v.trim()] : [],
  );
}

/** The full attribution as one line of plain text ("no source" when there is none). */
export function attribution(source: Source | undefined): string {
  if (!source) return 'no source';
  const parts = attributionParts(source);
  return parts.length > 0 ? parts.join(', ') : (source.id ?? 'unnamed source');
}

/** A short attribution for the boxes of a drawing: who (with role, for a person) and when. */
export function shortAttribution(source: Source): string {
  const who = source.speaker ?? source.organization ?? source.venue ?? source.id ?? 'unnamed source';
  const parts = [who];
  if (source.role !== undefined && source.speaker !== undefined) parts.push(source.role);
  if (source.date !== undefined) parts.push(source.date);
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(', ');
}

/**
 * Where a piece of evidence comes from: a source the map lists (with its number in the Sources
 * list), an id that names no source, or nothing.
 */
export type EvidenceAttribution = { type: 'source'; source: Source; number?: number } | { type: 'unknown'; id: string } | { type: 'none' };

/** `numberOf`: a source's number in the Sources list, when it is listed there. */
export function evidenceAttribution(evidence: Evidence, numberOf?: (source: Source) => number | undefined): EvidenceAttribution {
  if (evidence.source) {
    const number = numberOf?.(evidence.source);
    return number !== undefined ? { type: 'source', source: evidence.source, number } : { type: 'source', source: evidence.source };
  }
  if (evidence.sourceId !== undefined) return { type: 'unknown', id: evidence.sourceId };
  return { type: 'none' };
}

/** The warning for evidence without a known source, as every view words it (the id is the caller's to quote). */
export const NO_SOURCE = { unknown: 'unknown source', none: 'no source given' } as const;

/** A source cited in short, before its number in the Sources list: "Lloyd Austin, 2024-10-23". */
export function shortReference(source: Source): string {
  const who = [source.speaker, source.organization, source.venue, source.id].find((v) => v !== undefined && v.trim() !== '');
  return [who?.trim() ?? 'unnamed source', source.date?.trim()].filter((p) => p !== undefined && p !== '').join(', ');
}
