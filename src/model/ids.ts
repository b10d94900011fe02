import { UniqueIds } from '../util/unique-ids';

/**
 * What an id may be (claims and sources): kebab-case, lowercase ASCII letters and digits, words
 * joined by single hyphens. The schema states it too (`$defs/id`); test/model/ids.test.ts keeps
 * the two the same.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What `source`, `ref` and `targets` may name: an id, or one qualified with the name (without
 * extension) of the file that defines it, `carroll-county#frazier-meeting` (see `uses`). The schema
 * states it too (`$defs/idRef`).
 */
export const ID_REF_PATTERN = /^(?:[A-Za-z0-9_][A-Za-z0-9._-]*#)?[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A kebab-case id from free text: its first words, lowercased, ASCII letters and digits only. */
export function slug(text: string, maxWords = 6): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.slice(0, maxWords).join('-');
}

/** Hands out unique kebab-case ids: `claim`, `claim-2`, ... (see `UniqueIds`). */
export class IdPool {
  readonly #ids = new UniqueIds();

  take(base: string, fallback: string): string {
    return this.#ids.take(ID_PATTERN.test(base) ? base : slug(base) || fallback);
  }
}
