import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { commentsOf, formatSource } from '../../src/edit/layout';
import { parse } from '../../src/load/parse';
import { decode } from '../../src/load/read';
import { SourceFile } from '../../src/load/source-file';
import { checkSource } from '../../src/pipeline/check-source';
import { ROOT } from '../helpers/cli';
import { FIXTURES, fixtureFiles } from '../helpers/fixtures';
import { applyBytes, byteMutation, editStructure, structureEdit } from '../helpers/mutations';

/**
 * Issue 20's properties of `argmap fmt`: on every file it formats, formatting again changes nothing,
 * the data parsed back is the data parsed before, every comment is kept, and `check` finds the same
 * problems (rule, code and wording; only their lines move). Run on every fixture, the bundled map
 * and examples, and on random mutations of the bundled map (FUZZ_RUNS raises their number).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const TIMEOUT = Math.max(60_000, RUNS * 100);
const OPED = join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml');

/** What check says of a text, without positions. */
function findings(text: string): string[] {
  return checkSource(new SourceFile('t.yaml', text))
    .diagnostics.map((d) => `${d.rule} ${d.code} ${JSON.stringify(d.params)}`)
    .sort();
}

/** Asserts the properties on one text; false when fmt leaves it alone (it is not readable YAML). */
function holds(text: string, withFindings = true): boolean {
  const once = formatSource(new SourceFile('t.yaml', text));
  if (!once.ok) {
    // Not readable YAML, or a carriage return alone in a comment (left alone, with its place).
    expect(once.problem === 'syntax' || (once.problem === 'carriage-return' && text[once.offset] === '\r')).toBe(true);
    return false;
  }
  const twice = formatSource(new SourceFile('t.yaml', once.text));
  expect(twice).toEqual({ ok: true, text: once.text, changed: false });
  const before = parse(new SourceFile('t.yaml', text)).data;
  expect(isDeepStrictEqual(parse(new SourceFile('t.yaml', once.text)).data, before)).toBe(true);
  expect(commentsOf(once.text).sort()).toEqual(commentsOf(text).sort());
  if (withFindings) expect(findings(once.text)).toEqual(findings(text));
  return true;
}

describe('fmt on every file that parses', () => {
  const files = [
    ...fixtureFiles('').map((f) => join(FIXTURES, f)),
    OPED,
    ...['editorial', 'reply', 'sources'].map((f) => join(ROOT, 'examples', 'newsroom', `${f}.yaml`)),
  ];
  it('covers the fixtures, the bundled map and the examples', () => expect(files.length).toBeGreaterThan(100));
  for (const path of files) {
    it(path.slice(ROOT.length), () => {
      const decoded = decode(path, new Uint8Array(readFileSync(path)));
      // Findings that depend on a file's neighbours (uses:, document.file) are compared by the CLI
      // test. An explicit key with no value (`? ref`) is written `ref: null`: the same data, which
      // the model of an invalid file reads differently (schema-ref-explicit-key.yaml).
      const text = decoded.ok ? decoded.source.text : '';
      if (decoded.ok) holds(text, !/^uses:|^ {2}file:|^[ -]*\? /m.test(text));
    });
  }
});

/** A comment inserted at the start of a line, indented as the line is: where an author writes one. */
const commentInsert = fc.record({ line: fc.nat(), text: fc.constantFrom('# note', '#', '# argmap-disable-next-line', '#: x', '# ---') });

describe('fmt on mutations of the bundled map', () => {
  const oped = readFileSync(OPED);
  it(
    `byte-level mutations (${RUNS} runs)`,
    () => {
      let formatted = 0;
      fc.assert(
        fc.property(fc.array(byteMutation, { minLength: 1, maxLength: 4 }), (mutations) => {
          const decoded = decode('fuzz.yaml', applyBytes(oped, mutations as Array<Record<string, number | string>>));
          if (decoded.ok && holds(decoded.source.text, false)) formatted++;
        }),
        { numRuns: RUNS },
      );
      expect(formatted).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
  it(
    `structure-level mutations, written in the yaml package's default style (${RUNS} runs)`,
    () => {
      const data = parseYaml(oped.toString('utf8')) as unknown;
      fc.assert(
        fc.property(fc.array(structureEdit, { minLength: 1, maxLength: 4 }), fc.integer({ min: 40, max: 200 }), (edits, width) => {
          let mutated: unknown = data;
          for (const edit of edits) mutated = editStructure(mutated, edit);
          expect(holds(stringify(mutated, { lineWidth: width }), false)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
  it(
    `comments inserted anywhere (${RUNS} runs)`,
    () => {
      const lines = oped.toString('utf8').split('\n');
      fc.assert(
        fc.property(fc.array(commentInsert, { minLength: 1, maxLength: 6 }), (inserts) => {
          const copy = [...lines];
          for (const { line, text } of inserts) {
            const at = line % copy.length;
            const indent = /^ */.exec(copy[at]!)![0];
            copy.splice(at, 0, `${indent}${text}`);
          }
          holds(copy.join('\n'), false);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
