import { describe, expect, it } from 'vitest';
import { APPEND, appendErrorsInPlace } from '../../scripts/append-errors.mjs';

// What ajv 8 emits after a failed call of a sub-validator, and what the build makes of it.
const GATHER = (fn: string) => `vErrors = vErrors === null ? ${fn}.errors : vErrors.concat(${fn}.errors);errors = vErrors.length;`;

describe('appendErrorsInPlace (run by the build on the generated validators)', () => {
  it('rewrites every concat of a sub-validator’s errors into an append in place, and adds the helper', () => {
    const code = `function v(){${GATHER('validate21')}if(x){${GATHER('wrapper0.validate')}}}`;
    const { code: out, rewritten } = appendErrorsInPlace(code, { name: 'test', expected: true });
    expect(rewritten).toBe(2);
    expect(out).not.toContain('concat(');
    expect(out).toContain(`vErrors = vErrors === null ? validate21.errors : ${APPEND}(vErrors, validate21.errors);`);
    expect(out).toContain(`vErrors = vErrors === null ? wrapper0.validate.errors : ${APPEND}(vErrors, wrapper0.validate.errors);`);
    expect(out).toContain(`function ${APPEND}(`);
  });

  it('appends after the errors gathered so far, in order, without spreading them into a call', () => {
    const { code } = appendErrorsInPlace(`let vErrors = [1, 2];const sub = { errors: [3, 4] };${GATHER('sub')}`, {
      name: 'test',
      expected: true,
    });
    const run = new Function(`${code}\nreturn [vErrors, errors];`) as () => [number[], number];
    expect(run()).toEqual([[1, 2, 3, 4], 4]);
    // More than a call takes as arguments.
    const many = appendErrorsInPlace(
      `let vErrors = [0];const sub = { errors: Array.from({ length: 200000 }, (_, i) => i + 1) };${GATHER('sub')}`,
      {
        name: 'test',
        expected: true,
      },
    ).code;
    const [errors, count] = (new Function(`${many}\nreturn [vErrors, errors];`) as () => [number[], number])();
    expect(count).toBe(200_001);
    expect(errors[200_000]).toBe(200_000);
  });

  it('fails the build when ajv’s code has changed and there is nothing to rewrite', () => {
    const changed = 'vErrors = vErrors === null ? validate21.errors : [...vErrors, ...validate21.errors];';
    expect(() => appendErrorsInPlace(changed, { name: 'argmap-schema.js', expected: true })).toThrow(
      /argmap-schema\.js: ajv's code for gathering a sub-validator's errors .* was not found/,
    );
  });

  it('fails the build when any concat( is left', () => {
    const left = `${GATHER('validate21')}vErrors = vErrors.concat(other.errors);`;
    expect(() => appendErrorsInPlace(left, { name: 'argmap-schema.js', expected: true })).toThrow(/a "concat\(" is left/);
    expect(() => appendErrorsInPlace('x = a.concat(b);', { name: 'config-schema.js', expected: false })).toThrow(/a "concat\(" is left/);
  });

  it('leaves code without sub-validators as it is, when none are expected', () => {
    expect(appendErrorsInPlace('let vErrors = null;', { name: 'config-schema.js', expected: false })).toEqual({
      code: 'let vErrors = null;',
      rewritten: 0,
    });
  });
});
