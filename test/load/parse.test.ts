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

describe('nesting too deep', () => {
  /** Runs `f` below `frames` calls of its own, so it has that much less stack left. */
  function withLessStack<T>(frames: number, f: () => T): T {
    const down = (n: number): T => (n === 0 ? f() : [down(n - 1)][0]!);
    return down(frames);
  }
  const tooDeep = (text: string) =>
    parse(new SourceFile('a.yaml', text))
      .diagnostics.map((d) => `${d.code}@${d.span.start}`)
      .sort();

  it('reports each too-deep collection once, where it starts, however much stack is left (workers have more)', () => {
    // Two nestings of 3,000 lists (the yaml package's composer ran out of stack inside each, at a
    // column that depended on the stack left: 800 in one thread, 814 in another) and a block one.
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const block = Array.from({ length: 700 }, (_, i) => `${'  '.repeat(i)}- `).join('\n') + 'x';
    const text = `argmap: 1\nx: ${deep(3000)}\ny: {a: ${deep(3000)}}\nz:\n${block}\n`;
    const x = text.indexOf('[');
    const y = text.indexOf('{a: ') + 4;
    // Depth: the document's mapping is 1, so the 500th list from `x:` is at depth 501.
    const expected = [`yaml-too-deep@${x + 499}`, `yaml-too-deep@${y + 498}`];
    const blockStart = text.indexOf('z:\n') + 3;
    const lines = text.slice(blockStart).split('\n');
    // The block list at depth 501 is the 500th `- ` line's item.
    const at = blockStart + lines.slice(0, 499).join('\n').length + 1 + 2 * 499;
    expected.push(`yaml-too-deep@${at}`);
    const found = tooDeep(text);
    expect(found).toEqual(expected.sort());
    for (const frames of [200, 1000, 2000]) expect(withLessStack(frames, () => tooDeep(text))).toEqual(found);
  });

  it('counts a pair written in a flow list as the mapping it is: `[a: [b: ...]]` is two levels a step', () => {
    const pairs = (n: number) => `${'[a: '.repeat(n)}x${']'.repeat(n)}`;
    // Document 1, then list k at depth 2k and its pair's mapping at 2k + 1: list 250's is at 501.
    expect(tooDeep(`x: ${pairs(249)}\n`)).toEqual([]);
    const at = `yaml-too-deep@${3 + 4 * 249 + 1}`;
    expect(tooDeep(`x: ${pairs(250)}\n`)).toEqual([at]);
    // Deeper still: that mapping is the one fault, and the composer never recurses below it.
    expect(tooDeep(`x: ${pairs(3000)}\n`)).toEqual([at]);
    expect(withLessStack(1000, () => tooDeep(`x: ${pairs(3000)}\n`))).toEqual([at]);
  });
});
