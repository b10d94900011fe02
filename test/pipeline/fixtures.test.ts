import { describe, expect, it } from 'vitest';
import { resolveDiagnostics } from '../../src/format/resolve';
import { decode } from '../../src/load/read';
import { checkSource } from '../../src/pipeline/check-source';
import { expectations, fixtureFiles, readFixture } from '../helpers/fixtures';

/**
 * Every fixture states, in `# expect:` comments, exactly the diagnostics it must produce (line,
 * column, rule, and optionally code). Valid fixtures state none, or warnings only.
 */
function run(path: string) {
  const text = readFixture(path);
  // Decoded as the CLI decodes files: UTF-8, byte-order mark dropped.
  const decoded = decode(path, new TextEncoder().encode(text));
  expect(decoded.ok).toBe(true);
  const report = checkSource(decoded.source);
  const actual = resolveDiagnostics(report);
  const expected = expectations(text);
  const shown = actual.map((d) => ({
    line: d.line,
    column: d.column,
    rule: d.rule,
    ...(expected.some((e) => e.line === d.line && e.column === d.column && e.rule === d.rule && e.code) ? { code: d.code } : {}),
  }));
  const order = (a: { line: number; column: number; rule: string }, b: typeof a) =>
    a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
  return { actual, shown: shown.sort(order), expected: expected.sort(order) };
}

describe('rule fixtures produce exactly the diagnostics they state', () => {
  for (const path of fixtureFiles('rules')) {
    it(path, () => {
      const { shown, expected } = run(path);
      expect(shown).toEqual(expected);
    });
  }
});

describe('invalid fixtures produce exactly the diagnostics they state', () => {
  const files = fixtureFiles('invalid');
  it('has invalid fixtures', () => expect(files.length).toBeGreaterThan(10));
  for (const path of files) {
    it(path, () => {
      const { shown, expected, actual } = run(path);
      expect(expected.length, 'an invalid fixture must state what it expects').toBeGreaterThan(0);
      expect(shown).toEqual(expected);
      for (const d of actual) {
        expect(d.message.length).toBeGreaterThan(10);
        expect(d.message).not.toMatch(/undefined|\[object Object\]/);
      }
    });
  }
});

describe('valid fixtures have no errors', () => {
  const files = fixtureFiles('valid');
  it('has valid fixtures', () => expect(files.length).toBeGreaterThan(3));
  for (const path of files) {
    it(path, () => {
      const { shown, expected, actual } = run(path);
      expect(actual.filter((d) => d.severity === 'error')).toEqual([]);
      expect(shown).toEqual(expected);
    });
  }
});
