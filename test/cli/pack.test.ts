import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli';
import { skipOrFail } from '../helpers/needs';

interface LockEntry {
  version: string;
  resolved?: string;
  dev?: boolean;
  devOptional?: boolean;
  [key: string]: unknown;
}

/**
 * The lock file of a folder that depends on the packed tarball alone: the tarball, and our lock file's
 * runtime (non-dev) entries at the same places, each with the registry address npm would fetch it
 * from (our lock file may leave that out) and its integrity. `npm ci` then finds every tarball in the
 * npm cache by its integrity (`npm ci` of the checkout put them there), so it needs no registry.
 */
function appLock(tarball: string): object {
  const ours = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const spec = `file:${tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'app', dependencies: { argmap: spec } },
    'node_modules/argmap': {
      version: manifest.version,
      resolved: spec,
      dependencies: manifest.dependencies,
      bin: manifest.bin,
      engines: manifest.engines,
    },
  };
  for (const [path, entry] of Object.entries(ours.packages)) {
    if (path === '' || entry.dev || entry.devOptional) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const resolved = entry.resolved ?? `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
    packages[path] = { ...entry, resolved };
  }
  return { name: 'app', lockfileVersion: 3, requires: true, packages };
}

/** npm's words for "the registry could not be reached and the cache does not have it". */
const OFFLINE = /\b(ENOTCACHED|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b/;

/**
 * What users install must work, not only the checkout: pack the package, install the tarball into
 * an empty folder with the runtime dependencies our lock file pins, and run the installed binary.
 * The dependencies come from the npm cache where they are there (always after `npm ci`), so the test
 * passes offline; where they are neither cached nor reachable it is skipped, saying so (failed under CI).
 * Needs dist/ built first (`npm test` does); packing skips `prepare` so the shared tree is not rebuilt.
 */
describe('the packed package', () => {
  it('installs into an empty folder and checks files there', { timeout: 180_000 }, (context) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = (args: string[], cwd: string) => {
      const r = spawnSync(npm, args, { cwd, encoding: 'utf8', timeout: 150_000, env: { ...process.env, NO_COLOR: '1' } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    const packDir = tempDir('argmap-pack-');
    const pack = run(['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir], ROOT);
    expect(pack.code, pack.stderr).toBe(0);
    const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();

    const app = tempDir('argmap-install-');
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'app', private: true, dependencies: { argmap: `file:${join(packDir, tarball!)}` } }),
    );
    writeFileSync(join(app, 'package-lock.json'), JSON.stringify(appLock(join(packDir, tarball!))));
    const install = run(['ci', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], app);
    if (install.code !== 0 && OFFLINE.test(install.stderr)) {
      skipOrFail(
        context,
        `the packed package's dependencies are neither in the npm cache nor reachable (${OFFLINE.exec(install.stderr)![1]}); to run this test, run \`npm ci\` once while online`,
      );
    }
    expect(install.code, install.stderr).toBe(0);

    const bin = join(app, 'node_modules', '.bin', 'argmap');
    const argmap = (args: string[]) => {
      const r = spawnSync(bin, args, { cwd: app, encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };
    copyFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), join(app, 'op-ed.yaml'));
    const opEd = argmap(['check', '--format', 'compact', 'op-ed.yaml']);
    expect(opEd.stderr).toBe('');
    expect(opEd.code).toBe(0);
    expect(opEd.stdout).toMatch(/✖ 4 problems \(0 errors, 4 warnings\) in 1 of 1 file\n$/);

    expect(argmap(['init'])).toMatchObject({ code: 0 });
    const init = argmap(['check', 'arguments/argument.yaml']);
    expect(init).toMatchObject({ code: 0, stdout: '✔ 1 file checked: no problems\n', stderr: '' });

    const schema = argmap(['schema']);
    expect(schema.code).toBe(0);
    expect(schema.stdout.split('\n')[1]).toBe(join(app, 'node_modules', 'argmap', 'schemas', 'argmap.schema.json'));
    expect(argmap(['check', '--format', 'sarif', 'op-ed.yaml']).code).toBe(0);

    // Argdown's parser, a runtime dependency loaded on demand, resolves from the installed package.
    expect(argmap(['export', 'op-ed.yaml', '--to', 'argdown', '-o', 'op-ed.argdown']).code).toBe(0);
    const back = argmap(['import', 'op-ed.argdown', '--from', 'argdown', '-o', 'back.yaml']);
    expect(back.stderr).toMatch(/kept: 14 claims/); // the op-ed has 14 claims since its linked premises are two claims
    expect(back.code).toBe(0);
  });
});
