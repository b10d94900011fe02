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

/**
 * Issue 8's property tests: random byte-level and structure-level mutations of the bundled argument
 * file never crash any stage, every diagnostic has a 1-based position inside the file, and the
 * analysis keeps its invariants. FUZZ_RUNS raises the number of runs (default: thousands in total).
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/** Room for the runs on a loaded 2-core machine (about 10 ms each), never less than a minute. */
const TIMEOUT = Math.max(60_000, RUNS * 30);
const OPED = readFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'));
const SPECIAL = [...'[]{}:-#&*!|>\'"%@`,?\t\n\r \\'].map((c) => c.charCodeAt(0));

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

const byteMutation = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...SPECIAL)),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), to: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), byte: fc.constantFrom(...SPECIAL) }),
);

function applyBytes(source: Uint8Array, mutations: Array<Record<string, number | string>>): Uint8Array {
  const bytes = Array.from(source);
  for (const m of mutations) {
    const at = (m.at as number) % (bytes.length + 1);
    if (m.kind === 'insert') bytes.splice(at, 0, m.byte as number);
    else if (m.kind === 'delete') bytes.splice(at, m.length as number);
    else if (m.kind === 'replace') bytes[Math.min(at, bytes.length - 1)] = m.byte as number;
    else {
      const piece = bytes.slice(at, at + (m.length as number));
      bytes.splice((m.to as number) % (bytes.length + 1), 0, ...piece);
    }
  }
  return Uint8Array.from(bytes);
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

/** A random path into a JS value, and an edit there. */
const structureEdit = fc.record({
  pick: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
  op: fc.constantFrom('delete', 'set', 'rename', 'duplicate', 'ref', 'target', 'swap-id'),
  value: fc.oneof(
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.boolean(),
    fc.constantFrom(
      '',
      ' ',
      'interoperability',
      'legal-basis',
      'zelenskyy-brussels',
      '__proto__',
      '2024-02-30',
      'x'.repeat(5000),
      '\u202e',
      '{}',
      '[]',
    ),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('text', 'id', 'ref', 'source', 'evidnce', 'undercut', '__proto__'), fc.string(), { maxKeys: 3 }),
  ),
});

function editStructure(root: unknown, edit: { pick: number[]; op: string; value: unknown }): unknown {
  const data = structuredClone(root) as Record<string, unknown>;
  let parent: Record<string, unknown> | unknown[] = data;
  let key: string | number = 'title';
  for (const step of edit.pick) {
    const container: unknown = (parent as Record<string, unknown>)[key as string];
    if (container === null || typeof container !== 'object') break;
    const keys = Array.isArray(container) ? container.map((_, i) => i) : Object.keys(container);
    if (keys.length === 0) break;
    parent = container as Record<string, unknown>;
    key = keys[step % keys.length]!;
  }
  const target = parent as Record<string | number, unknown>;
  switch (edit.op) {
    case 'delete':
      if (Array.isArray(target)) target.splice(key as number, 1);
      else delete target[key];
      break;
    case 'set':
      target[key] = edit.value;
      break;
    case 'rename':
      if (!Array.isArray(target)) {
        target[`${String(key)}x`] = target[key];
        delete target[key];
      }
      break;
    case 'duplicate':
      if (Array.isArray(target)) target.push(structuredClone(target[key as number]));
      break;
    case 'ref':
      if (Array.isArray(target)) target.push({ ref: typeof edit.value === 'string' ? edit.value : 'legal-basis' });
      break;
    case 'target':
      if (!Array.isArray(target) && target[key] !== null && typeof target[key] === 'object')
        (target[key] as Record<string, unknown>).targets = ['interoperability', edit.value];
      break;
    case 'swap-id':
      if (!Array.isArray(target)) target.id = 'interoperability';
      break;
  }
  return data;
}

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
