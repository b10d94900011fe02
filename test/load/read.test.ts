import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readProblem, readSourceSync } from '../../src/load/read';
import { pathProblemMessage } from '../../src/diagnostics/messages';
import { tempDir } from '../helpers/cli';

// The file system as it is, with two calls a test can make lie: what a file looked like when it was
// checked (statSync, fstatSync), so that a later swap or a size of 0 can be simulated.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, statSync: vi.fn(real.statSync), fstatSync: vi.fn(real.fstatSync), readSync: vi.fn(real.readSync) };
});
const realFs = await vi.importActual<typeof import('node:fs')>('node:fs');

/** Stats of a regular file of `size` bytes: what a check made before a swap would have seen. */
function regularFile(size: number): fs.Stats {
  return Object.assign(realFs.statSync(import.meta.filename), { size });
}

const children: ChildProcess[] = [];
afterEach(() => {
  vi.mocked(fs.statSync).mockImplementation(realFs.statSync);
  vi.mocked(fs.fstatSync).mockImplementation(realFs.fstatSync);
  vi.mocked(fs.readSync).mockClear();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
});

describe('readSourceSync', () => {
  it('refuses a FIFO swapped in after a regular-file check, without waiting for a writer (issue 14, item 12)', () => {
    const dir = tempDir();
    const path = join(dir, 'swapped.yaml');
    execFileSync('mkfifo', [path]);
    // Whoever checked the name saw a regular file; by the time it is read, it is a FIFO. A writer
    // stands by, so that a reader that opens it anyway gets text rather than waiting forever.
    vi.mocked(fs.statSync).mockReturnValue(regularFile(20));
    children.push(spawn('sh', ['-c', 'printf "argmap: 1\\ntitle: t\\n" > swapped.yaml'], { cwd: dir, stdio: 'ignore' }));
    let thrown: unknown;
    try {
      readSourceSync(path, 'swapped.yaml');
    } catch (error) {
      thrown = error;
    }
    expect(pathProblemMessage(readProblem('swapped.yaml', thrown))).toBe(
      'swapped.yaml: not a regular file (a device, pipe or socket is never read)',
    );
  });

  it('keeps --max-file-size while reading: a file whose size says 0 is read no further than the limit (item 2)', () => {
    const dir = tempDir();
    const path = join(dir, 'big.yaml');
    fs.writeFileSync(path, `argmap: 1\ntitle: ${'a'.repeat(1 << 20)}\n`);
    // Files under /proc report a size of 0 whatever they hold.
    vi.mocked(fs.statSync).mockReturnValue(regularFile(0));
    vi.mocked(fs.fstatSync).mockReturnValue(regularFile(0));
    const read = readSourceSync(path, 'big.yaml', 1000);
    if (read.ok) throw new Error('a file over the limit was read');
    // It stopped at the limit, so it cannot say how large the file is, only that it is over.
    expect(read.diagnostics).toEqual([expect.objectContaining({ code: 'file-too-large', params: { limit: 1000 } })]);
    const bytesRead = vi.mocked(fs.readSync).mock.results.reduce((sum, r) => sum + (r.value as number), 0);
    expect(bytesRead).toBe(1001);
  });

  it('refuses files under /proc, /sys and /dev, however they are named', () => {
    const dir = tempDir();
    fs.symlinkSync('/proc/self/environ', join(dir, 'env.yaml'));
    for (const path of [join(dir, 'env.yaml'), '/proc/self/status', '/sys/kernel/mm/transparent_hugepage/enabled', '/proc/self/pagemap']) {
      if (!fs.existsSync(path)) continue;
      let thrown: unknown;
      try {
        readSourceSync(path, 'x.yaml');
      } catch (error) {
        thrown = error;
      }
      expect(readProblem('x.yaml', thrown)).toMatchObject({ code: 'system-file', detail: expect.stringMatching(/^\/(proc|sys)\//) });
    }
    expect(vi.mocked(fs.readSync)).not.toHaveBeenCalled();
  });
});
