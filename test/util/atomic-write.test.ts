import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteError, writeFileAtomic } from '../../src/util/atomic-write';
import { tempDir } from '../helpers/cli';

describe('writeFileAtomic with a producer of chunks', () => {
  it('writes the chunks in order and leaves only the file', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.md');
    writeFileSync(path, 'previous\n');
    await writeFileAtomic(path, (write) => {
      for (let i = 0; i < 1000; i++) write(`line ${i} ✓\n`);
    });
    const text = readFileSync(path, 'utf8');
    expect(text.split('\n')).toHaveLength(1001);
    expect(text.startsWith('line 0 ✓\nline 1 ✓\n')).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.md']);
  });

  it('passes on an error the producer throws, keeping the previous file and no temporary one', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.md');
    writeFileSync(path, 'previous\n');
    const boom = new Error('boom');
    const run = writeFileAtomic(path, (write) => {
      write('half of it\n');
      throw boom;
    });
    await expect(run).rejects.toBe(boom);
    expect(readFileSync(path, 'utf8')).toBe('previous\n');
    expect(readdirSync(dir)).toEqual(['out.md']);
  });

  it('reports a file it cannot write as a WriteError, with the path and the error code', async () => {
    const dir = tempDir();
    const path = join(dir, 'missing', 'out.md');
    const run = writeFileAtomic(path, (write) => write('x\n'));
    await expect(run).rejects.toBeInstanceOf(WriteError);
    await expect(run).rejects.toMatchObject({ path, code: 'ENOENT' });
  });
});
