import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parse } from '../../src/load/parse';
import { SourceFile } from '../../src/load/source-file';

/** Where the yaml package itself, with `uniqueKeys` on, reports a repeated key. */
function byYaml(text: string): number[] {
  return parseDocument(text, { uniqueKeys: true, merge: false, strict: true, logLevel: 'error' })
    .errors.filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => e.pos[0]);
}

/** Where argmap reports one. */
function byArgmap(text: string): number[] {
  return parse(new SourceFile('a.yaml', text))
    .diagnostics.filter((d) => d.code === 'yaml-error' && /keys must be unique/.test(String((d.params as { detail?: string }).detail)))
    .map((d) => d.span.start)
    .sort((a, b) => a - b);
}

describe('parse: repeated keys', () => {
  it('reports them where the yaml package’s own uniqueKeys does, for keys of every kind', () => {
    const docs = [
      'argmap: 1\ntitle: a\ntitle: b\n',
      'recommendation: {text: x, text: y, "text": z}\n',
      '1: a\n"1": b\n1: c\n0x1: d\n',
      '.nan: a\n.nan: b\n~: 1\nnull: 2\n: 3\n',
      '!!str title: a\n&k title: b\ntitle: c\n',
      'true: 1\nTrue: 2\n"true": 3\n',
      '? [a]\n: 1\n? [a]\n: 2\n',
      '- {a: 1, a: 2}\n- a: 1\n  b: 2\n  a: 3\n',
      `${Array.from({ length: 60 }, (_, i) => `k${i % 25}: ${i}`).join('\n')}\n`,
    ];
    for (const text of docs) expect(byArgmap(text), text).toEqual(byYaml(text));
  });

  it('agrees with the yaml package on random small and large mappings', () => {
    const key = fc.constantFrom('a', 'b', '"a"', "'b'", '1', '"1"', '01', 'null', '~', '.nan', 'true', 'x y');
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 40 }), fc.boolean(), (keys, flow) => {
        const text = flow ? `{${keys.map((k, i) => `${k}: ${i}`).join(', ')}}\n` : `${keys.map((k, i) => `${k}: ${i}`).join('\n')}\n`;
        expect(byArgmap(text)).toEqual(byYaml(text));
      }),
      { numRuns: 1500 },
    );
  });

  it('reports repeats in the rest of a file that is also nested too deep, or has other errors', () => {
    const deep = `a: ${'['.repeat(600)}${']'.repeat(600)}\nb:\n  x: 1\n  x: 2\n`;
    expect(byArgmap(deep)).toEqual(byYaml(deep));
    const codes = parse(new SourceFile('a.yaml', deep)).diagnostics.map((d) => d.code);
    expect(codes).toContain('yaml-too-deep');
    const unclosed = `b:\n  x: 1\n  x: 2\nc: [1\n`;
    expect(byArgmap(unclosed)).toEqual(byYaml(unclosed));
  });

  it('points at the repeated key itself, also where the yaml package points at the empty value before it', () => {
    // yaml reports the third `a` at the end of the line above, after the empty value (offset 7).
    expect(byYaml('a: 1\na:\na: 2\n')).toEqual([5, 7]);
    expect(byArgmap('a: 1\na:\na: 2\n')).toEqual([5, 8]);
  });

  it('finds 10,000 repeats in a mapping of 20,000 keys (the parser’s own check is quadratic there)', () => {
    const text = `${Array.from({ length: 20_000 }, (_, i) => `k${i % 10_000}: ${i}`).join('\n')}\n`;
    const found = byArgmap(text);
    expect(found).toHaveLength(10_000);
    expect(found[0]).toBe(text.indexOf('k0: 10000'));
  });
});
