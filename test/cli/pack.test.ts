import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli';

/**
 * What users install must work, not only the checkout: pack the package, install the tarball into
 * an empty folder (runtime dependencies come from the registry), and run the installed binary.
 * Needs dist/ built first (`npm test` does); packing skips `prepare` so the shared tree is not rebuilt.
 */
describe('the packed package', () => {
  it('installs into an empty folder and checks files there', { timeout: 180_000 }, () => {
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
    const install = run(['install', '--no-audit', '--no-fund', '--ignore-scripts', join(packDir, tarball!)], app);
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
  });
});
