import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
    for (const d of entry.diagnostics) d.params = { ...d.params, name: 'FROM-CACHE' };
  }
  writeFileSync(location, JSON.stringify(data));
}

const fromCache = (diagnostics: Array<Array<{ params: unknown }>>) =>
  diagnostics.map((list) => list.length > 0 && list.every((d) => (d.params as { name?: string }).name === 'FROM-CACHE'));

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

  it('argmap check --cache keeps .argmapcache in the working folder, with the same output', () => {
    const { dir } = setup(2);
    const first = argmap(['check', '--cache', '.'], { cwd: dir });
    expect(existsSync(join(dir, '.argmapcache'))).toBe(true);
    const second = argmap(['check', '--cache', '.'], { cwd: dir });
    expect(second).toEqual(first);
    expect(argmap(['check', '.'], { cwd: dir }).stdout).toBe(first.stdout);
    // --cache-location says where --cache keeps its results; alone it turns nothing on.
    expect(argmap(['check', '--cache-location', 'unused-cache', '.'], { cwd: dir }).stdout).toBe(first.stdout);
    expect(existsSync(join(dir, 'unused-cache'))).toBe(false);
    const elsewhere = argmap(['check', '--cache', '--cache-location', 'other-cache', '.'], { cwd: dir });
    expect(elsewhere.stdout).toBe(first.stdout);
    expect(existsSync(join(dir, 'other-cache'))).toBe(true);
  });
});
