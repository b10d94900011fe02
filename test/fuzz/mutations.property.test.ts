import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { counterpointsJson, unsupportedJson } from '../../src/format/claim-lists';
import { formatOutline } from '../../src/format/outline';
import { resolveDiagnostics } from '../../src/format/resolve';
import { treeJson } from '../../src/format/tree-json';
import { parse } from '../../src/load/parse';
import { decode } from '../../src/load/read';
import { checkSource } from '../../src/pipeline/check-source';
import { BLOCKING_RULES } from '../../src/rules/index';
import { ROOT, tempDir } from '../helpers/cli';
import { runInProcess } from '../helpers/in-process';
import { applyBytes, byteMutation, editStructure, structureEdit } from '../helpers/mutations';

/**
 * Issue 8's property tests: random byte-level and structure-level mutations of the bundled argument
 * file never crash any stage, every diagnostic has a 1-based position inside the file, and the
 * analysis keeps its invariants. FUZZ_RUNS raises the number of runs (default: thousands in total).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** Room for the runs on a loaded 2-core machine (about 10 ms each), never less than a minute. */
const TIMEOUT = Math.max(60_000, RUNS * 30);
const OPED = readFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'));

/** Runs every stage and every formatter on some bytes; returns what a user would see, or throws. */
function everything(bytes: Uint8Array) {
  const read = decode('fuzz.yaml', bytes);
  if (read.ok) {
    // The data built in the parse stage's one walk is what the yaml package's own toJS gives.
    const parsed = parse(read.source);
    if (parsed.data !== undefined) expect(parsed.data).toStrictEqual(parsed.doc.toJS());
  }
  const report = read.ok ? checkSource(read.source) : { source: read.source, diagnostics: read.diagnostics };
  const resolved = resolveDiagnostics(report);
  const lines = report.source.text.split('\n');
  for (const d of resolved) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines.length);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
    expect(d.endLine * 1e7 + d.endColumn).toBeGreaterThanOrEqual(d.line * 1e7 + d.column);
    expect(d.message).not.toMatch(/undefined|\[object Object\]|NaN/);
  }
  const blocked = report.diagnostics.some((d) => d.severity === 'error' && BLOCKING_RULES.has(d.rule));
  if ('analyses' in report && report.analyses && !blocked) {
    const files = [{ source: report.source, analyses: report.analyses }];
    formatOutline(report.analyses.graph, report.analyses, { file: 'fuzz.yaml' });
    JSON.parse(unsupportedJson(files));
    JSON.parse(counterpointsJson(files));
    JSON.stringify(treeJson(report.source, report.analyses));
    // A claim with evidence that cites a real source is never unsupported.
    for (const claim of report.analyses.graph.claims) {
      if (claim.evidence.some((e) => e.source !== undefined)) expect(report.analyses.support.supported[claim.index]).toBe(true);
    }
  }
  return resolved;
}

describe('byte-level mutations of the op-ed file', () => {
  it(
    `never crash a stage and keep every position inside the file (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(fc.array(byteMutation, { minLength: 1, maxLength: 6 }), (mutations) => {
          everything(applyBytes(OPED, mutations as Array<Record<string, number | string>>));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('structure-level mutations of the op-ed file', () => {
  const data = parseYaml(OPED.toString('utf8'));
  it(
    `never crash a stage and keep every position inside the file (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(fc.array(structureEdit, { minLength: 1, maxLength: 4 }), (edits) => {
          let mutated: unknown = data;
          for (const edit of edits) mutated = editStructure(mutated, edit);
          everything(new TextEncoder().encode(stringify(mutated)));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});

describe('the whole command line on mutated files', () => {
  it(
    'exits 0, 1 or 2 with no stack trace for every command',
    async () => {
      const dir = tempDir();
      const file = join(dir, 'fuzz.yaml');
      await fc.assert(
        fc.asyncProperty(
          fc.array(byteMutation, { minLength: 1, maxLength: 4 }),
          fc.constantFrom('check', 'outline', 'unsupported', 'counterpoints'),
          async (mutations, command) => {
            writeFileSync(file, applyBytes(OPED, mutations as Array<Record<string, number | string>>));
            const r = await runInProcess([command, 'fuzz.yaml', '--format', 'json'], dir);
            expect([0, 1, 2]).toContain(r.code);
            expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
          },
        ),
        { numRuns: Math.max(50, Math.floor(RUNS / 5)) },
      );
    },
    TIMEOUT,
  );
});
