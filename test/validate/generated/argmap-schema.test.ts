import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from '../../../src/load/parse';
import { SourceFile } from '../../../src/load/source-file';
import validateArgmap from '../../../src/validate/generated/argmap-schema.js';
import { ROOT } from '../../helpers/cli';
import { fixtureFiles, readFixture } from '../../helpers/fixtures';

// The validator that `npm run build` generates from schemas/argmap.schema.json (scripts/build.mjs).
describe('the generated argument-file validator', () => {
  const code = readFileSync(join(ROOT, 'src/validate/generated/argmap-schema.js'), 'utf8');

  it('gathers the errors of its sub-validators in place, never by copying them all with concat', () => {
    // `vErrors.concat(validate21.errors)` after every failed claim made N errors cost O(N²):
    // 80,000 unknown keys in reasons took 85 s. The build rewrites it, and fails if it cannot.
    expect(code).not.toContain('concat(');
    expect(code).toContain('argmapAppendErrors(vErrors, ');
  });

  it('reports every error of 200,000 reasons, in document order', () => {
    // More errors than a call takes arguments (about 120,000): no push(...list) either. Each
    // reason has an unknown key, and fails the two `if`/`else`s that tell a claim from a linked group
    // (the inner one) and from a `ref` (the outer one).
    const count = 200_000;
    const reasons = Array.from({ length: count }, (_, i) => ({ text: `reason ${i}`, bogus: i }));
    const data = { argmap: 1, title: 't', recommendation: { text: 't', reasons } };
    expect(validateArgmap(data)).toBe(false);
    const errors = validateArgmap.errors ?? [];
    expect(errors).toHaveLength(3 * count);
    const misplaced = errors.findIndex(
      (e, i) =>
        e.instancePath !== `/recommendation/reasons/${Math.floor(i / 3)}` || e.keyword !== (i % 3 === 0 ? 'additionalProperties' : 'if'),
    );
    expect(misplaced).toBe(-1);
  });

  // The same errors in the same order as ajv's own code, which gathers them with concat.
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  const reference = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schemas/argmap.schema.json'), 'utf8')));
  const nested = {
    argmap: 2,
    title: 't',
    extra: true,
    sources: [{ id: 'Bad_id' }, { id: 'ok', kind: 'nope' }],
    recommendation: {
      text: '',
      reasons: [
        { text: 'r', evidence: [{ text: 'e', source: 'X' }] },
        { ref: 'a', more: 1 },
      ],
      counterpoints: [{ text: 'c', rebuttals: [{ text: 'b', undercut: 'yes', targets: [] }] }],
    },
    counterpoints: [{ text: 5, reasons: [{ txt: 'x' }] }],
  };
  const files = [...fixtureFiles('invalid'), ...fixtureFiles('rules'), ...fixtureFiles('valid')];
  const inputs: Array<[string, unknown]> = [
    ['errors in nested sub-validators and in the root', nested],
    ...files.map((f): [string, unknown] => [f, parse(new SourceFile(f, readFixture(f))).data]),
  ];

  it('is checked against ajv on fixtures with schema errors', () => {
    expect(inputs.filter(([, data]) => data !== undefined && !reference(data)).length).toBeGreaterThan(30);
  });

  for (const [name, data] of inputs) {
    if (data === undefined) continue;
    it(`${name}: the errors ajv's own code gives, in its order`, () => {
      const valid = validateArgmap(data);
      const expected = reference(data);
      expect(valid).toBe(expected);
      expect(validateArgmap.errors ?? null).toEqual(reference.errors ?? null);
    });
  }
});
