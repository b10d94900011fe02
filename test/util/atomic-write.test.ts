import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WriteError, temporaryPath, writeFileAtomic, writeFilesAtomic } from '../../src/util/atomic-write';
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

describe('temporaryPath', () => {
  it('stays beside the target, hidden, ending in .tmp, and within 255 bytes however long the name', () => {
    for (const name of ['out.md', 'n'.repeat(250), 'é'.repeat(127), '😀'.repeat(63)]) {
      const tmp = temporaryPath(join('/some/folder', name));
      expect(tmp.startsWith('/some/folder/.')).toBe(true);
      expect(tmp.endsWith('.tmp')).toBe(true);
      expect(Buffer.byteLength(basename(tmp))).toBeLessThanOrEqual(255);
      // Cut at a character's boundary: the name survives a round trip through UTF-8.
      expect(Buffer.from(basename(tmp), 'utf8').toString('utf8')).toBe(basename(tmp));
    }
    expect(basename(temporaryPath('/f/out.md'))).toMatch(/^\.out\.md\.[0-9a-f]{8}\.tmp$/);
  });
});

describe('writeFilesAtomic', () => {
  it('renames nothing into place when one of the files cannot be written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'previous a\n');
    mkdirSync(join(dir, 'c.yaml')); // a folder in the way of the third file
    const run = writeFilesAtomic([
      { path: join(dir, 'a.yaml'), content: 'new a\n' },
      { path: join(dir, 'b.yaml'), content: 'new b\n' },
      { path: join(dir, 'c.yaml'), content: 'new c\n' },
    ]);
    await expect(run).rejects.toMatchObject({ path: join(dir, 'c.yaml'), code: 'EISDIR' });
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('previous a\n');
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'c.yaml']);
  });
});
