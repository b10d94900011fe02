import { UniqueIds } from '../util/unique-ids';

/**
 * What an id may be (claims and sources): kebab-case, lowercase ASCII letters and digits, words
 * joined by single hyphens. The schema states it too (`$defs/id`); test/model/ids.test.ts keeps
 * the two the same.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

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
