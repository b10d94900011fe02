import type { Source } from '../model/types';

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
