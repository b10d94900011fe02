import { isMap, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/load/parse';
import { SourceFile } from '../../src/load/source-file';
import { validate } from '../../src/validate/validate';

/** Replaces a map's items with a proxy that counts how many times an item is read. */
function countReads(map: YAMLMap): { reads: number } {
  const counter = { reads: 0 };
  map.items = new Proxy(map.items, {
    get(target, property, receiver) {
      if (typeof property === 'string' && /^\d+$/.test(property)) counter.reads++;
      return Reflect.get(target, property, receiver);
    },
  });
  return counter;
}

describe('validate on a mapping with thousands of unknown keys', () => {
  const count = 3000;
  const keys = Array.from({ length: count }, (_, i) => `  bogus${i}: 1\n`).join('');
  const text = `argmap: 1\ntitle: t\nrecommendation:\n  text: t\n${keys}`;

  it('points each unknown key at its own line, reading the mapping once, not once per key', () => {
    const parsed = parse(new SourceFile('many-keys.yaml', text));
    const recommendation = isMap(parsed.doc.contents) ? parsed.doc.contents.get('recommendation') : undefined;
    if (!isMap(recommendation)) throw new Error('no recommendation mapping');
    const counter = countReads(recommendation);

    const diagnostics = validate(parsed.doc, parsed.data);

    expect(diagnostics).toHaveLength(count);
    diagnostics.forEach((d, i) => {
      expect(d.code).toBe('schema-unknown-property');
      expect(text.slice(d.span.start, d.span.end)).toBe(`bogus${i}`);
    });
    // A scan of the mapping per key read its items about count² / 2 times (4,500,000 here), which
    // made 20,000 unknown keys take seconds; an index of its keys reads each item once.
    expect(counter.reads).toBeLessThanOrEqual(2 * (count + 1));
  });
});
