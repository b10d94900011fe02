import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_THRESHOLD } from '../../src/pipeline/check-files';
import { ROOT, argmap, tempDir } from '../helpers/cli';

const opEd = readFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), 'utf8');

/** A file with nothing to report: a worker sends no text back for it. */
const CLEAN = `argmap: 1
title: Clean
sources:
  - id: s
    speaker: Someone
recommendation:
  id: r
  text: Do it.
  evidence:
    - text: It worked before.
      source: s
`;

/** Lists nested `n` deep, on one line. */
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** Copies of the op-ed, some with faults of several kinds, and clean files, in nested folders. */
function repository(count: number): string {
  const dir = tempDir('argmap-workers-');
  const kinds = [
    (t: string) => t,
    (t: string) => t.replace('source: austin-first-reaction', 'source: austin-first-reactoin'),
    (t: string) => t.replace('argmap: 1', 'argmap: 2'),
    () => CLEAN,
    (t: string) => `${t}\nbroken: [unclosed\n`,
    (t: string) => t.replace(/^title: .*$/m, 'title:'),
    () => CLEAN,
    (t: string) => t.replace('id: interoperability', 'id: intelligence-uncertain'),
    // Several errors in one file: two nestings too deep (the yaml package's composer ran out of
    // stack inside each, at a column that depended on the thread) and a repeated key.
    (t: string) => `${t}\nx: ${deep(1200)}\ny: {a: ${deep(1200)}}\ntitle: again\n`,
  ];
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `part-${i % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `op-ed-${String(i).padStart(3, '0')}.yaml`), kinds[i % kinds.length]!(opEd));
  }
  return dir;
}

/** `checked N files in T threads: a here, b and c in workers` (ARGMAP_DEBUG=workers), as numbers. */
function shares(stderr: string): number[] {
  const line = /checked [\d,]+ files? in (\d+) threads?(?:: (\d+) here, ([\d, and]+) in (?:workers|a worker))?/.exec(stderr);
  if (!line) throw new Error(`no thread report in: ${stderr}`);
  if (line[2] === undefined) return [Number(/checked ([\d,]+)/.exec(stderr)![1]!.replace(/,/g, ''))];
  return [Number(line[2]), ...line[3]!.split(/, | and /).map(Number)];
}

describe('checking in worker threads', () => {
  const dir = repository(210);
  const many = repository(WORKER_THRESHOLD + 7);

  for (const format of ['stylish', 'compact', 'json', 'sarif']) {
    it(`gives byte-identical ${format} output to the single-threaded run`, () => {
      const serial = argmap(['check', '-f', format, '.'], { cwd: dir, env: { ARGMAP_WORKERS: '0' } });
      const parallel = argmap(['check', '-f', format, '.'], { cwd: dir, env: { ARGMAP_WORKERS: '3' } });
      expect(serial.code).toBe(1);
      expect(serial.stdout.length).toBeGreaterThan(1000);
      expect(parallel).toEqual(serial);
      if (format === 'compact') {
        // Each file with the two deep nestings: exactly two too-deep errors, where each starts.
        const deep = serial.stdout.split('\n').filter((l) => l.includes('nesting too deep'));
        const files = new Set(deep.map((l) => l.split(':')[0]));
        expect(files.size).toBeGreaterThan(10);
        expect(deep.length).toBe(2 * files.size);
        for (const line of deep) expect(line).toMatch(/:\d+:(503|506) {2}error/);
      }
    });
  }

  it('shares the files between this thread and the workers, each file once', () => {
    const r = argmap(['check', '-f', 'compact', '.'], { cwd: many, env: { ARGMAP_WORKERS: '3', ARGMAP_DEBUG: 'workers' } });
    const counts = shares(r.stderr);
    expect(counts).toHaveLength(3);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(WORKER_THRESHOLD + 7);
    expect(counts[1]! + counts[2]!).toBeGreaterThan(0);
    const serial = argmap(['check', '-f', 'compact', '.'], { cwd: many, env: { ARGMAP_WORKERS: '0', ARGMAP_DEBUG: 'workers' } });
    expect(shares(serial.stderr)).toEqual([WORKER_THRESHOLD + 7]);
    expect(r.stdout).toBe(serial.stdout);
  });

  it('uses the pool by default from WORKER_THRESHOLD files on, and says the same', () => {
    const serial = argmap(['check', '-f', 'compact', '.'], { cwd: many, env: { ARGMAP_WORKERS: '0' } });
    expect(serial.stdout.length).toBeGreaterThan(1000);
    expect(argmap(['check', '-f', 'compact', '.'], { cwd: many })).toEqual(serial);
  });

  it('gives the same output with --cache, first run and unchanged', () => {
    const serial = argmap(['check', '-f', 'compact', '.'], { cwd: dir, env: { ARGMAP_WORKERS: '0' } });
    const cache = join(tempDir('argmap-workers-cache-'), 'cache');
    for (const run of ['first', 'unchanged']) {
      const r = argmap(['check', '-f', 'compact', '--cache', '--cache-location', cache, '.'], { cwd: dir, env: { ARGMAP_WORKERS: '3' } });
      expect(r, run).toEqual(serial);
    }
  });

  it('reports unreadable paths in the same order', () => {
    const args = ['check', '.', 'missing-1.yaml', 'part-0', 'missing-2.yaml'];
    const serial = argmap(args, { cwd: dir, env: { ARGMAP_WORKERS: '0' } });
    expect(serial.code).toBe(2);
    expect(argmap(args, { cwd: dir, env: { ARGMAP_WORKERS: '2' } })).toEqual(serial);
  });
});
