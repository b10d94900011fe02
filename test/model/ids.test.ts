import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ID_PATTERN, ID_REF_PATTERN, IdPool, slug } from '../../src/model/ids';
import { idsByCounting } from '../helpers/ids';

/** The definition: each base as a kebab-case start (its slug, or `claim`), then numbered as `idsByCounting` does. */
function naiveIds(bases: string[]): string[] {
  return idsByCounting(bases.map((base) => (ID_PATTERN.test(base) ? base : slug(base) || 'claim')));
}

describe('ID_PATTERN', () => {
  it('is the pattern the schema gives ids', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schemas/argmap.schema.json', import.meta.url), 'utf8'));
    expect(schema.$defs.id.pattern).toBe(ID_PATTERN.source);
    expect(schema.$defs.idRef.pattern).toBe(ID_REF_PATTERN.source);
  });
});

describe('IdPool', () => {
  it('gives the base, then the first free numbered one, as the definition does', () => {
    // Bases that collide with each other's numbered forms: `x-2` taken before `x` needs it.
    const pieces = ['x', 'x-2', 'x-3', 'y', 'x-2-2', 'Same text.', 'same-text', ''];
    let seed = 7;
    const bases = Array.from({ length: 3000 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return pieces[seed % pieces.length]!;
    });
    const pool = new IdPool();
    expect(bases.map((b) => pool.take(b, 'claim'))).toEqual(naiveIds(bases));
  });

  it('numbers 100,000 claims of the same text in order', () => {
    const pool = new IdPool();
    const ids = Array.from({ length: 100_000 }, () => pool.take('Same reason.', 'claim'));
    expect(ids[0]).toBe('same-reason');
    expect(ids[1]).toBe('same-reason-2');
    expect(ids[99_999]).toBe('same-reason-100000');
    expect(new Set(ids).size).toBe(100_000);
  });
});
