import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { formatSarif, LONG_LINE } from '../../src/format/sarif';
import { RULES_DOCS_URL } from '../../src/rules/rule';
import { ruleIds } from '../../src/rules/index';
import { ROOT } from '../helpers/cli';
import { checked, faultyOpEd, OPED_TEXT } from './helpers';

/**
 * The official SARIF 2.1.0 schema is draft-04; ajv 8 speaks draft-07, which reads it the same once
 * its draft-04 `id` is called `$id` (the schema uses no keyword whose meaning changed). One of its
 * patterns is not valid as a Unicode regular expression, hence `unicodeRegExp: false`.
 */
function sarifValidator() {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const { $schema: _draft, id, ...rest } = schema;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false });
  return ajv.compile({ $id: id, ...rest });
}

const location = (file: string) => ({ relative: file });

describe('sarif', () => {
  const validate = sarifValidator();

  it('validates against the official SARIF 2.1.0 schema and points at the fault', () => {
    // The validator does reject: a driver needs a name.
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    const { file, line, column } = faultyOpEd('arguments/op-ed.yaml');
    const log = JSON.parse(formatSarif([file], { version: '9.9.9', location }));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    const errors = run.results.filter((r: { level: string }) => r.level === 'error');
    expect(errors).toHaveLength(1);
    const [result] = errors;
    expect(result.ruleId).toBe('unknown-reference');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('unknown-reference');
    expect(result.message.text).toContain('unknown source `zelenskyy-brussel`');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'arguments/op-ed.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: line, startColumn: column, endLine: line, endColumn: column + 'zelenskyy-brussel'.length },
    });
    // Warnings and notes keep their own levels.
    // A dangling reference leaves the graph unreliable: the analysis rules wait, so the one fault is alone.
    expect(new Set(run.results.map((r: { level: string }) => r.level))).toEqual(new Set(['error']));
  });

  it('describes every rule, with help pointing at docs/rules.md', () => {
    const log = JSON.parse(formatSarif([], { version: '1.2.3', location }));
    expect(validate(log)).toBe(true);
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'argmap', version: '1.2.3' });
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(ruleIds);
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toBe('');
      expect(rule.help.text).not.toBe('');
      expect(rule.help.markdown).toContain(`#${rule.id}`);
      expect(rule.helpUri).toBe(`${RULES_DOCS_URL}#${rule.id}`);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
    expect(driver.rules.find((r: { id: string }) => r.id === 'unanswered-counterpoint').defaultConfiguration.level).toBe('note');
  });

  it('keeps fingerprints when lines move, and tells identical problems apart', () => {
    const fingerprints = (text: string) =>
      JSON.parse(formatSarif([checked('a.yaml', text)], { version: '1', location })).runs[0].results.map(
        (r: { partialFingerprints: Record<string, string>; locations: [{ physicalLocation: { region: { startLine: number } } }] }) => ({
          fp: Object.values(r.partialFingerprints)[0],
          line: r.locations[0].physicalLocation.region.startLine,
        }),
      );
    const before = fingerprints(OPED_TEXT);
    const after = fingerprints(OPED_TEXT.replace('argmap: 1\n', 'argmap: 1\n# a comment\n# another\n'));
    expect(after.map((r: { fp: string }) => r.fp)).toEqual(before.map((r: { fp: string }) => r.fp));
    expect(after[0].line).toBe(before[0].line + 2);
    expect(new Set(before.map((r: { fp: string }) => r.fp)).size).toBe(before.length);
  });

  it('fingerprints as docs/ci.md defines them, hashing a long line once for all its problems', () => {
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const results = (text: string) =>
      JSON.parse(formatSarif([checked('a.yaml', text)], { version: '1', location })).runs[0].results as Array<{
        ruleId: string;
        message: { text: string };
        partialFingerprints: Record<string, string>;
        locations: [{ physicalLocation: { region: { startLine: number } } }];
      }>;
    const expected = (r: ReturnType<typeof results>[number], line: string) =>
      `${sha([r.ruleId, 'a.yaml', r.message.text, line].join('\u0000')).slice(0, 32)}:1`;

    // An ordinary line: the hash of rule, file, message and the trimmed line (stable across versions).
    const short = 'argmap: 1\ntitle: T\nrecommendation: {text: R., reasons: [{text: A.}]}\n';
    const [first] = results(short);
    expect(Object.values(first!.partialFingerprints)).toEqual([expected(first!, short.split('\n')[2]!)]);

    // A line past LONG_LINE enters as its own hash; 3,000 problems on it stay told apart.
    const items = Array.from({ length: 3000 }, (_, i) => `{text: Reason ${i}.}`);
    const line = `recommendation: {text: R., reasons: [${items.join(', ')}]}`;
    expect(line.length).toBeGreaterThan(LONG_LINE);
    const long = results(`argmap: 1\ntitle: T\n${line}\n`);
    expect(long.length).toBe(3001);
    const fps = long.map((r) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(fps).size).toBe(long.length);
    expect(fps[5]).toBe(expected(long[5]!, `sha256:${sha(line)}`));
  });

  it('encodes paths as URIs and gives files outside the root an absolute URI', () => {
    const file = checked('my args/x y.yaml', 'argmap: 1\ntitle: t\n');
    const rel = JSON.parse(formatSarif([file], { version: '1', location }));
    expect(validate(rel)).toBe(true);
    expect(rel.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('my%20args/x%20y.yaml');
    const abs = JSON.parse(formatSarif([file], { version: '1', location: () => ({ absoluteUri: 'file:///elsewhere/x.yaml' }) }));
    expect(validate(abs)).toBe(true);
    expect(abs.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/x.yaml' });
  });
});
