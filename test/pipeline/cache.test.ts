import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ResolvedFile } from '../../src/load/resolve-paths';
import { CheckCache } from '../../src/pipeline/cache';
import type { RunOptions } from '../../src/pipeline/check-file';
import { checkFiles } from '../../src/pipeline/check-files';
import { ROOT, argmap, tempDir } from '../helpers/cli';

const opEd = readFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), 'utf8');

function setup(count = 3): { dir: string; files: ResolvedFile[]; location: string } {
  const dir = tempDir('argmap-cache-');
  const files: ResolvedFile[] = [];
  for (let i = 0; i < count; i++) {
    const absolute = join(dir, `op-ed-${i}.yaml`);
    writeFileSync(absolute, opEd.replace(/^title: (.*)$/m, `title: $1 ${i}`));
    files.push({ absolute, display: `op-ed-${i}.yaml` } as ResolvedFile);
  }
  return { dir, files, location: join(dir, '.argmapcache') };
}

async function run(files: ResolvedFile[], location: string, options: RunOptions = {}, version = '1.0.0') {
  const cache = await CheckCache.open(location, version, { severities: options.severities ?? {} });
  const result = await checkFiles(files, { ...options, diagnosticsOnly: true, workers: 0, cache });
  return result.reports.map((r) => r.diagnostics);
}

/** Marks every cached diagnostic, so a run that returns the mark took it from the cache. */
function mark(location: string): void {
  const data = JSON.parse(readFileSync(location, 'utf8'));
  for (const entry of Object.values(data.files) as Array<{ diagnostics: Array<{ params: Record<string, unknown> }> }>) {
    for (const d of entry.diagnostics) {
      // Every text parameter: the entry stays one argmap could have written, so the cache is used.
      for (const key of Object.keys(d.params)) if (typeof d.params[key] === 'string') d.params[key] = 'FROM-CACHE';
    }
  }
  writeFileSync(location, JSON.stringify(data));
}

const fromCache = (diagnostics: Array<Array<{ params: unknown }>>) =>
  diagnostics.map((list) => list.length > 0 && list.every((d) => Object.values(d.params as object).includes('FROM-CACHE')));

describe('the check cache', () => {
  it('gives the same diagnostics as a run without it, and hits on unchanged files', async () => {
    const { files, location } = setup();
    const plain = (await checkFiles(files, { workers: 0 })).reports.map((r) => r.diagnostics);
    expect(await run(files, location)).toEqual(plain);
    expect(existsSync(location)).toBe(true);
    mark(location);
    expect(fromCache(await run(files, location))).toEqual([true, true, true]);
  });

  it('misses on a file whose content changed, and only on it', async () => {
    const { files, location } = setup();
    await run(files, location);
    mark(location);
    writeFileSync(files[1]!.absolute, `${readFileSync(files[1]!.absolute, 'utf8')}\n# edited\n`);
    expect(fromCache(await run(files, location))).toEqual([true, false, true]);
  });

  it('misses when the config or the argmap version changes', async () => {
    const { files, location } = setup();
    await run(files, location);
    mark(location);
    const configured = await run(files, location, { severities: { 'unsupported-claim': 'error' } });
    expect(fromCache(configured)).toEqual([false, false, false]);
    expect(configured[0]!.every((d) => d.severity === 'error')).toBe(true);
    mark(location);
    expect(fromCache(await run(files, location, { severities: { 'unsupported-claim': 'error' } }, '2.0.0'))).toEqual([false, false, false]);
  });

  it('ignores a corrupt cache file, never crashing, and writes a good one in its place', async () => {
    const { files, location } = setup();
    const plain = (await checkFiles(files, { workers: 0 })).reports.map((r) => r.diagnostics);
    for (const junk of ['{not json', '', 'null', '[]', '{"format":1,"settings":"x","files":3}', '\u0000\u0001binary']) {
      writeFileSync(location, junk);
      expect(await run(files, location)).toEqual(plain);
      expect(() => JSON.parse(readFileSync(location, 'utf8'))).not.toThrow();
    }
    // Right settings, broken entries: each is a miss.
    const data = JSON.parse(readFileSync(location, 'utf8'));
    for (const key of Object.keys(data.files)) data.files[key] = { hash: data.files[key].hash, diagnostics: [{ nonsense: true }] };
    writeFileSync(location, JSON.stringify(data));
    expect(await run(files, location)).toEqual(plain);
  });

  it('writes atomically: no temporary file is left beside it', async () => {
    const { dir, files, location } = setup();
    await run(files, location);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(location, 'utf8')).files).toBeTypeOf('object');
  });

  it('ignores the whole cache when any entry is one argmap could not have written', async () => {
    const { files, location } = setup();
    const plain = (await checkFiles(files, { workers: 0 })).reports.map((r) => r.diagnostics);
    await run(files, location);
    const good = JSON.parse(readFileSync(location, 'utf8'));
    const [first, second] = Object.keys(good.files);
    const forgeries: Array<(d: Record<string, unknown>) => void> = [
      (d) => (d.code = 'no-such-code'),
      (d) => (d.code = 'constructor'),
      (d) => (d.rule = 'no-such-rule'),
      (d) => (d.code = 'duplicate-id'), // a real code, of another rule
      (d) => (d.severity = 'fatal'),
      (d) => delete d.params,
      (d) => (d.params = { name: 'x' }), // `kind` missing
      (d) => (d.params = { name: 3, kind: 'reason' }),
      (d) => (d.params = { name: 'x', kind: 'reason', extra: 'x' }),
      (d) => (d.span = { start: 5 }),
      (d) => (d.span = { start: -1, end: 2 }),
      (d) => (d.span = { start: 9, end: 2 }),
    ];
    for (const forge of forgeries) {
      const data = structuredClone(good);
      mark(location);
      const marked = JSON.parse(readFileSync(location, 'utf8'));
      data.files = marked.files;
      // One forged diagnostic in the second file: the first file's marked entry is not used either.
      forge(data.files[second!].diagnostics[0]);
      writeFileSync(location, JSON.stringify(data));
      const result = await run(files, location);
      expect(result, String(forge)).toEqual(plain);
      expect(fromCache(result)).toEqual([false, false, false]);
    }
    // A span past the end of the file: that file's entry is not used.
    mark(location);
    const data = JSON.parse(readFileSync(location, 'utf8'));
    data.files[first!].diagnostics[0].span = { start: 0, end: 10 ** 9 };
    writeFileSync(location, JSON.stringify(data));
    const result = await run(files, location);
    expect(fromCache(result)).toEqual([false, true, true]);
    expect(result[0]).toEqual(plain[0]);
  });

  describe('argmap check --cache', () => {
    /** An argmap built once, copied, so a test can give it another build id. */
    function copyOfArgmap(): string {
      const dir = tempDir('argmap-build-');
      cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
      cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
      return join(dir, 'bin', 'argmap.js');
    }
    const cli = (bin: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) => {
      const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const cached = (folder: string) => readdirSync(folder).map((f) => join(folder, f));

    it('keeps its results outside the tree: node_modules/.cache/argmap, else the user cache folder', () => {
      const { dir } = setup(2);
      const xdg = tempDir('argmap-xdg-');
      const env = { XDG_CACHE_HOME: xdg };
      const first = argmap(['check', '--cache', '.'], { cwd: dir, env });
      expect(readdirSync(dir).filter((f) => !f.endsWith('.yaml'))).toEqual([]);
      expect(cached(join(xdg, 'argmap'))).toEqual([expect.stringMatching(/argmapcache-[0-9a-f]{16}\.json$/)]);
      mark(cached(join(xdg, 'argmap'))[0]!);
      expect(argmap(['check', '--cache', '.'], { cwd: dir, env }).stdout).toContain('FROM-CACHE');
      expect(argmap(['check', '.'], { cwd: dir }).stdout).toBe(first.stdout);

      // In a project with node_modules (found from a subfolder too), the cache goes there.
      mkdirSync(join(dir, 'node_modules'));
      mkdirSync(join(dir, 'sub'));
      const inProject = argmap(['check', '--cache', '..'], { cwd: join(dir, 'sub'), env });
      expect(inProject.code).toBe(first.code);
      expect(cached(join(dir, 'node_modules', '.cache', 'argmap'))).toHaveLength(1);
      expect(cached(join(xdg, 'argmap'))).toHaveLength(1);
    });

    it('replaces a link planted at the default cache file, never writing through it', () => {
      const { dir } = setup(1);
      const victim = join(tempDir('argmap-victim-'), 'authorized_keys');
      writeFileSync(victim, 'ssh-ed25519 AAAA kept\n');
      // What a pull request that commits node_modules/ could plant where the cache will be written.
      const folder = join(dir, 'node_modules', '.cache', 'argmap');
      mkdirSync(folder, { recursive: true });
      const name = `argmapcache-${createHash('sha256').update(resolve(dir)).digest('hex').slice(0, 16)}.json`;
      symlinkSync(victim, join(folder, name));
      const r = argmap(['check', '--cache', '.'], { cwd: dir });
      expect(r.code).toBe(0);
      expect(readFileSync(victim, 'utf8')).toBe('ssh-ed25519 AAAA kept\n');
      expect(lstatSync(join(folder, name)).isFile()).toBe(true);
      // A location the user names is theirs: a link there is written through, as --output's is.
      const own = join(tempDir('argmap-own-'), 'cache.json');
      writeFileSync(own, '');
      symlinkSync(own, join(dir, 'my-cache'));
      expect(argmap(['check', '--cache', '--cache-location', 'my-cache', '.'], { cwd: dir }).code).toBe(0);
      expect(lstatSync(join(dir, 'my-cache')).isSymbolicLink()).toBe(true);
      expect(JSON.parse(readFileSync(own, 'utf8'))).toMatchObject({ format: 2 });
    });

    it('ignores a forged .argmapcache committed to the tree: a broken file still fails', () => {
      const { dir } = setup(1);
      const broken = 'argmap: 1\ntitle: Broken\nrecommendation:\n  text: Do it.\n  reasons:\n    - ref: nowhere\n';
      writeFileSync(join(dir, 'op-ed-0.yaml'), broken);
      // What argmap 0.1.0 would have read from `.argmapcache`: the file's hash, and nothing found.
      const files = { [join(dir, 'op-ed-0.yaml')]: { hash: createHash('sha1').update(broken).digest('base64'), diagnostics: [] } };
      const settings = createHash('sha1')
        .update(JSON.stringify(['0.1.0', { severities: {} }]))
        .digest('base64');
      writeFileSync(join(dir, '.argmapcache'), JSON.stringify({ format: 1, settings, files }));
      const r = argmap(['check', '--cache', '-f', 'compact', '.'], { cwd: dir, env: { XDG_CACHE_HOME: tempDir('argmap-xdg-') } });
      expect(r.stdout).toContain('unknown claim `nowhere`');
      expect(r.code).toBe(1);
    });

    it('never reuses the results of another build of argmap', () => {
      const { dir } = setup(2);
      const bin = copyOfArgmap();
      const env = { XDG_CACHE_HOME: tempDir('argmap-xdg-') };
      const first = cli(bin, ['check', '--cache', '.'], dir, env);
      const [file] = cached(join(env.XDG_CACHE_HOME, 'argmap'));
      mark(file!);
      expect(cli(bin, ['check', '--cache', '.'], dir, env).stdout).toContain('FROM-CACHE');
      // Same version, another build (a rule fixed since): the old results are not used.
      mark(file!);
      writeFileSync(join(bin, '..', '..', 'dist', 'build-id'), 'another build\n');
      expect(cli(bin, ['check', '--cache', '.'], dir, env)).toEqual(first);
    });

    it('ignores a cache with an unknown code: no internal error, the same output', () => {
      const { dir } = setup(2);
      const env = { XDG_CACHE_HOME: tempDir('argmap-xdg-') };
      const first = argmap(['check', '--cache', '.'], { cwd: dir, env });
      const [file] = cached(join(env.XDG_CACHE_HOME, 'argmap'));
      const data = JSON.parse(readFileSync(file!, 'utf8'));
      for (const entry of Object.values(data.files) as Array<{ diagnostics: Array<{ code: string }> }>)
        entry.diagnostics[0]!.code = 'no-such-code';
      writeFileSync(file!, JSON.stringify(data));
      expect(argmap(['check', '--cache', '.'], { cwd: dir, env })).toEqual(first);
    });

    it('--cache-location names the file, or a folder to keep it in (existing, or ending with /)', () => {
      const { dir } = setup(2);
      const first = argmap(['check', '.'], { cwd: dir });
      // Alone it turns nothing on.
      expect(argmap(['check', '--cache-location', 'unused-cache', '.'], { cwd: dir }).stdout).toBe(first.stdout);
      expect(existsSync(join(dir, 'unused-cache'))).toBe(false);
      expect(argmap(['check', '--cache', '--cache-location', 'other-cache', '.'], { cwd: dir }).stdout).toBe(first.stdout);
      expect(statSync(join(dir, 'other-cache')).isFile()).toBe(true);

      mkdirSync(join(dir, 'existing'));
      for (const location of ['existing', 'created/', join(dir, 'deeper', 'still') + sep]) {
        const r = argmap(['check', '--cache', '--cache-location', location, '.'], { cwd: dir });
        expect(r.stdout).toBe(first.stdout);
        const folder = resolve(dir, location);
        expect(readdirSync(folder)).toEqual([expect.stringMatching(/^argmapcache-[0-9a-f]{16}\.json$/)]);
        mark(join(folder, readdirSync(folder)[0]!));
        expect(argmap(['check', '--cache', '--cache-location', location, '.'], { cwd: dir }).stdout).toContain('FROM-CACHE');
      }
    });
  });
});
