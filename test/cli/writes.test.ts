import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, argmap, tempDir, type CliResult } from '../helpers/cli';

/**
 * What argmap does to what is already on disk when it writes: `--output` onto links, FIFOs,
 * devices and protected files, signals in the middle of a write, and `init` racing itself.
 */

const OPED = join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml');
const HOOK = join(ROOT, 'test', 'helpers', 'fs-hook.mjs');
const CLEAN = '✔ 1 file checked: no problems\n';

/** A folder holding one argument file that checks clean (the template `argmap init` writes). */
function folder(): string {
  const dir = tempDir('argmap-writes-');
  expect(argmap(['init', 'clean.yaml'], { cwd: dir }).code).toBe(0);
  return dir;
}

/** The built CLI with test/helpers/fs-hook.mjs preloaded, configured by `env`. */
function hooked(args: string[], cwd: string, env: Record<string, string>): CliResult & { signal: NodeJS.Signals | null } {
  const r = spawnSync(process.execPath, ['--import', HOOK, BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('--output respects what is at the path', () => {
  it('writes through a symbolic link: the file it points to is replaced, the link stays', () => {
    const dir = folder();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'reports', 'real.txt'), 'previous\n');
    symlinkSync(join('reports', 'real.txt'), join(dir, 'link.txt'));
    const r = argmap(['check', 'clean.yaml', '-o', 'link.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.txt'))).toBe(join('reports', 'real.txt'));
    expect(readFileSync(join(dir, 'reports', 'real.txt'), 'utf8')).toBe(CLEAN);
    // Replaced atomically in the target's own folder: no temporary file left in either.
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(join(dir, 'reports'))).toEqual(['real.txt']);
    // A link to a file not there yet: the file is created where the link points.
    symlinkSync('made-later.txt', join(dir, 'dangling.txt'));
    expect(argmap(['check', 'clean.yaml', '-o', 'dangling.txt'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'made-later.txt'), 'utf8')).toBe(CLEAN);
    expect(lstatSync(join(dir, 'dangling.txt')).isSymbolicLink()).toBe(true);
    // `..` in a link inside a linked folder is the real folder's parent, as the kernel reads it.
    mkdirSync(join(dir, 'reports', 'deep'));
    symlinkSync(join('reports', 'deep'), join(dir, 'alias'));
    symlinkSync(join('..', 'up.txt'), join(dir, 'reports', 'deep', 'up-link.txt'));
    expect(argmap(['check', 'clean.yaml', '-o', join('alias', 'up-link.txt')], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'reports', 'up.txt'), 'utf8')).toBe(CLEAN);
  });

  it('report.html, written when no --output is named, replaces a link there instead of following it', () => {
    const dir = folder();
    mkdirSync(join(dir, 'home'));
    writeFileSync(join(dir, 'home', '.bashrc'), 'previous\n');
    // A link a pull request could commit, aiming the default output at a file of the CI runner's.
    symlinkSync(join('home', '.bashrc'), join(dir, 'report.html'));
    const r = argmap(['report', 'clean.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'home', '.bashrc'), 'utf8')).toBe('previous\n');
    expect(lstatSync(join(dir, 'report.html')).isFile()).toBe(true);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  it("keeps an existing file's permissions", () => {
    const dir = folder();
    for (const mode of [0o600, 0o640, 0o755]) {
      const path = join(dir, `mode-${mode.toString(8)}.txt`);
      writeFileSync(path, 'previous\n');
      chmodSync(path, mode);
      expect(argmap(['check', 'clean.yaml', '-o', path], { cwd: dir }).code).toBe(0);
      expect(readFileSync(path, 'utf8')).toBe(CLEAN);
      expect(statSync(path).mode & 0o777).toBe(mode);
    }
  });

  it('refuses a read-only file: a clear message, exit 2, the file as it was', () => {
    const dir = folder();
    writeFileSync(join(dir, 'locked.txt'), 'previous\n');
    chmodSync(join(dir, 'locked.txt'), 0o444);
    for (const command of [
      ['check', 'clean.yaml'],
      ['outline', 'clean.yaml'],
      ['export', 'clean.yaml', '--to', 'json'],
    ]) {
      const r = argmap([...command, '-o', 'locked.txt'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `argmap: cannot write ${join(dir, 'locked.txt')}: the file is read-only; argmap does not replace a file without write permission (make it writable, or write elsewhere)\n`,
      );
      expect(readFileSync(join(dir, 'locked.txt'), 'utf8')).toBe('previous\n');
      expect(statSync(join(dir, 'locked.txt')).mode & 0o777).toBe(0o444);
    }
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes into a FIFO (to whoever reads it), not over it', async () => {
    const dir = folder();
    const fifo = join(dir, 'pipe');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here (Windows)
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    let read = '';
    reader.stdout.on('data', (chunk) => (read += chunk));
    const closed = new Promise((done) => reader.on('close', done));
    const r = argmap(['check', 'clean.yaml', '-o', 'pipe'], { cwd: dir });
    await closed;
    expect(r.code).toBe(0);
    expect(read).toBe(CLEAN);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes into a character device, not over it', () => {
    const dir = folder();
    const device = join(dir, 'null');
    // A /dev/null of the test's own (making one needs root): the real /dev/null is never risked.
    if (spawnSync('mknod', [device, 'c', '1', '3']).status !== 0) return;
    expect(argmap(['check', 'clean.yaml', '-o', 'null'], { cwd: dir }).code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['clean.yaml', 'null']);
  });

  it('writes to standard output when told /dev/fd/1 or /dev/stdout', () => {
    const dir = folder();
    if (process.platform === 'win32') return;
    expect(argmap(['check', 'clean.yaml', '-o', '/dev/fd/1'], { cwd: dir })).toEqual({ code: 0, stdout: CLEAN, stderr: '' });
    expect(argmap(['check', 'clean.yaml', '-o', '/dev/stdout'], { cwd: dir })).toEqual({ code: 0, stdout: CLEAN, stderr: '' });
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it("refuses a descriptor path past the standard streams: it may be one of Node's own", () => {
    const dir = folder();
    if (process.platform === 'win32') return;
    // Numbers not inherited from the caller: Node's event loop holds pipes, eventfd and epoll there;
    // writing to them crashed argmap (SIGSEGV) or lost the output with exit 0.
    for (const path of ['/dev/fd/5', '/dev/fd/7', '/proc/self/fd/12', '/dev/fd/16']) {
      const r = argmap(['check', 'clean.yaml', '-o', path], { cwd: dir });
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: `argmap: cannot write ${path}: argmap writes only to the descriptors of the standard streams (/dev/stdout, /dev/stderr, /dev/fd/0 to 2); a higher one may be one of its own (write to a file instead)\n`,
      });
    }
    expect(readdirSync(dir)).toEqual(['clean.yaml']);
  });

  it('writes a file whose name is as long as the file system allows (250 characters)', () => {
    const dir = folder();
    for (const name of [`${'n'.repeat(245)}.yaml`, `${'é'.repeat(120)}.txt`]) {
      const r = argmap(['check', 'clean.yaml', '-o', name], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(readFileSync(join(dir, name), 'utf8')).toBe(CLEAN);
    }
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('--output onto an argument file the command reads', () => {
  it('is refused (exit 2, the file as it was), by its name, through a hard link, and for a file that is used', () => {
    const dir = folder();
    writeFileSync(
      join(dir, 'reply.yaml'),
      'argmap: 1\ntitle: Reply\nuses: [clean.yaml]\nrecommendation:\n  id: reply-rec\n  text: Wait.\n  assumption: true\n',
    );
    const before = readFileSync(join(dir, 'clean.yaml'), 'utf8');
    linkSync(join(dir, 'clean.yaml'), join(dir, 'same.yaml'));
    for (const args of [
      ['outline', 'clean.yaml', '-o', 'clean.yaml'],
      ['check', 'clean.yaml', '-o', './same.yaml'],
      ['export', '--to', 'json', 'clean.yaml', '-o', 'clean.yaml'],
      ['graph', 'clean.yaml', '--split', '-o', 'clean.yaml'],
      ['report', 'reply.yaml', '-o', 'clean.yaml'],
    ]) {
      const r = argmap(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(
        /^argmap: will not write (clean|same)\.yaml: it is clean\.yaml, a file this command reads; name another output file\n$/,
      );
      expect(readFileSync(join(dir, 'clean.yaml'), 'utf8')).toBe(before);
    }
    expect(argmap(['outline', 'clean.yaml', '-o', 'clean.md'], { cwd: dir }).code).toBe(0);
    // The document text a file quotes is its author's too.
    writeFileSync(join(dir, 'piece.md'), 'The piece, as published.\n');
    writeFileSync(
      join(dir, 'quoted.yaml'),
      'argmap: 1\ntitle: Q\ndocument:\n  file: piece.md\nrecommendation:\n  id: q\n  text: Q.\n  assumption: true\n',
    );
    for (const args of [
      ['check', 'quoted.yaml', '-o', 'piece.md'],
      ['outline', 'quoted.yaml', '-o', 'piece.md'],
    ]) {
      const r = argmap(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe('argmap: will not write piece.md: it is piece.md, a file this command reads; name another output file\n');
    }
    expect(readFileSync(join(dir, 'piece.md'), 'utf8')).toBe('The piece, as published.\n');
  });
});

describe('a signal in the middle of a write', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s while --output is written: the temporary file is removed, the previous file kept, the run ends by the signal',
    (signal) => {
      const dir = folder();
      writeFileSync(join(dir, 'report.txt'), 'previous\n');
      const r = hooked(['check', 'clean.yaml', '-o', 'report.txt'], dir, { ARGMAP_HOOK_SIGNAL: signal });
      expect(r.signal).toBe(signal);
      expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe('previous\n');
      expect(leftovers(dir)).toEqual([]);
    },
  );

  it('SIGTERM while the --cache file is written: no temporary file left beside it', () => {
    const dir = folder();
    const r = hooked(['check', 'clean.yaml', '--cache', '--cache-location', 'cache.json'], dir, { ARGMAP_HOOK_SIGNAL: 'SIGTERM' });
    expect(r.signal).toBe('SIGTERM');
    expect(readdirSync(dir)).toEqual(['clean.yaml']);
  });
});

describe('argmap import of a map of several parts', () => {
  const DEBATE = join(ROOT, 'test', 'fixtures', 'interchange', 'debate.json');
  const PARTS = ['debate-2.yaml', 'debate-3.yaml', 'debate.yaml'];

  it('refuses when a further part exists: exit 2, nothing written; --force replaces it', () => {
    const dir = tempDir('argmap-writes-');
    writeFileSync(join(dir, 'debate.yaml'), 'previous 1\n');
    writeFileSync(join(dir, 'debate-3.yaml'), 'previous 3\n');
    const r = argmap(['import', DEBATE, '--from', 'aif', '-o', 'debate.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^argmap: .*debate\.json: the map holds 3 separate arguments, written as debate\.yaml and debate-2\.yaml, debate-3\.yaml, but debate-3\.yaml exists already; nothing was written \(use --force to replace it\)\n$/,
    );
    expect(readdirSync(dir).sort()).toEqual(['debate-3.yaml', 'debate.yaml']);
    expect(readFileSync(join(dir, 'debate.yaml'), 'utf8')).toBe('previous 1\n');
    expect(readFileSync(join(dir, 'debate-3.yaml'), 'utf8')).toBe('previous 3\n');

    const forced = argmap(['import', DEBATE, '--from', 'aif', '-o', 'debate.yaml', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(PARTS);
    expect(argmap(['check', '.'], { cwd: dir }).code).toBe(0);
    // --output itself is replaced as every command's --output is, without --force.
    writeFileSync(join(dir, 'again.yaml'), 'previous\n');
    expect(argmap(['import', DEBATE, '--from', 'aif', '-o', 'again.yaml'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'again.yaml'), 'utf8')).toBe(readFileSync(join(dir, 'debate.yaml'), 'utf8').replace(/debate/g, 'again'));
  });

  it('writes all parts or none: a third part that cannot be written leaves the first two as they were', () => {
    const dir = tempDir('argmap-writes-');
    writeFileSync(join(dir, 'debate.yaml'), 'previous 1\n');
    writeFileSync(join(dir, 'debate-2.yaml'), 'previous 2\n');
    writeFileSync(join(dir, 'debate-3.yaml'), 'previous 3\n');
    chmodSync(join(dir, 'debate-3.yaml'), 0o444);
    const r = argmap(['import', DEBATE, '--from', 'aif', '-o', 'debate.yaml', '--force'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`argmap: cannot write ${join(dir, 'debate-3.yaml')}: the file is read-only`);
    expect(readdirSync(dir).sort()).toEqual(PARTS);
    for (const [name, text] of [
      ['debate.yaml', 'previous 1\n'],
      ['debate-2.yaml', 'previous 2\n'],
      ['debate-3.yaml', 'previous 3\n'],
    ]) {
      expect(readFileSync(join(dir, name!), 'utf8')).toBe(text);
    }
  });
});

describe('argmap init', () => {
  it('creates the file exclusively: one created between the check and the write is not replaced', () => {
    const dir = tempDir('argmap-writes-');
    const r = hooked(['init', 'same.yaml'], dir, { ARGMAP_HOOK_CREATE: join(dir, 'same.yaml') });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('argmap: same.yaml already exists; not overwriting it (use --force to replace it)\n');
    expect(readFileSync(join(dir, 'same.yaml'), 'utf8')).toBe('created by another process\n');
    expect(leftovers(dir)).toEqual([]);
  });

  it('run by 5 processes at once: exactly one writes the file, the others say it exists', async () => {
    const dir = tempDir('argmap-writes-');
    const runs = await Promise.all(
      Array.from(
        { length: 5 },
        () =>
          new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
            const child = spawn(process.execPath, [BIN, 'init', 'same.yaml'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (c) => (stdout += c));
            child.stderr.on('data', (c) => (stderr += c));
            child.on('close', (code) => done({ code, stdout, stderr }));
          }),
      ),
    );
    expect(runs.filter((r) => r.code === 0).map((r) => r.stdout)).toEqual(['wrote same.yaml: edit it, then run argmap check same.yaml\n']);
    expect(runs.filter((r) => r.code === 2).map((r) => r.stderr)).toEqual(
      Array(4).fill('argmap: same.yaml already exists; not overwriting it (use --force to replace it)\n'),
    );
    expect(readdirSync(dir)).toEqual(['same.yaml']);
    expect(argmap(['check', 'same.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('--force still replaces the file; a folder at the path is named as such', () => {
    const dir = tempDir('argmap-writes-');
    copyFileSync(OPED, join(dir, 'same.yaml'));
    expect(argmap(['init', 'same.yaml', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'same.yaml'), 'utf8')).toMatch(/^# yaml-language-server/);
    mkdirSync(join(dir, 'sub'));
    expect(argmap(['init', 'sub'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'argmap: sub is a folder: name the file to write\n' });
  });
});
