import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_THRESHOLD } from '../../src/pipeline/check-files';
import { ROOT, argmap, tempDir } from '../helpers/cli';

const opEd = readFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), 'utf8');

/** Copies of the op-ed, some with faults of several kinds, in nested folders. */
function repository(count: number): string {
  const dir = tempDir('argmap-workers-');
  const faults = [
    (t: string) => t,
    (t: string) => t.replace('source: austin-first-reaction', 'source: austin-first-reactoin'),
    (t: string) => t.replace('argmap: 1', 'argmap: 2'),
    (t: string) => `${t}\nbroken: [unclosed\n`,
    (t: string) => t.replace(/^title: .*$/m, 'title:'),
    (t: string) => t,
    (t: string) => t.replace('id: interoperability', 'id: intelligence-uncertain'),
  ];
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `part-${i % 7}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `op-ed-${String(i).padStart(3, '0')}.yaml`), faults[i % faults.length]!(opEd));
  }
  return dir;
}

describe('checking in worker threads', () => {
  const dir = repository(210);
  for (const format of ['compact', 'json']) {
    it(`gives byte-identical ${format} output to the single-threaded run`, () => {
      const serial = argmap(['check', '-f', format, '.'], { cwd: dir, env: { ARGMAP_WORKERS: '0' } });
      const parallel = argmap(['check', '-f', format, '.'], { cwd: dir, env: { ARGMAP_WORKERS: '3' } });
      expect(serial.code).toBe(1);
      expect(serial.stdout.length).toBeGreaterThan(1000);
      expect(parallel).toEqual(serial);
    });
  }

  it('uses the pool by default from WORKER_THRESHOLD files on, and says the same', () => {
    const many = repository(WORKER_THRESHOLD + 7);
    const serial = argmap(['check', '-f', 'compact', '.'], { cwd: many, env: { ARGMAP_WORKERS: '0' } });
    expect(serial.stdout.length).toBeGreaterThan(1000);
    expect(argmap(['check', '-f', 'compact', '.'], { cwd: many })).toEqual(serial);
  });

  it('reports unreadable paths in the same order', () => {
    const args = ['check', '.', 'missing-1.yaml', 'part-0', 'missing-2.yaml'];
    const serial = argmap(args, { cwd: dir, env: { ARGMAP_WORKERS: '0' } });
    expect(serial.code).toBe(2);
    expect(argmap(args, { cwd: dir, env: { ARGMAP_WORKERS: '2' } })).toEqual(serial);
  });
});
