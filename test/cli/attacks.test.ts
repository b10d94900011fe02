import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argmap, tempDir, type CliResult } from '../helpers/cli';

/**
 * Issue 14, attacked end to end through the built CLI: a pull request adds files to the tree argmap
 * checks in CI, and argmap's output ends up in a public log. Each `describe` names the item it
 * attacks; SECURITY.md states the promise each keeps.
 */

const VALID = 'argmap: 1\ntitle: A small map\nrecommendation:\n  text: Walk to work\n  assumption: true\n';

/** Every command that reads argument files, in every output format, on the folder `arguments/`. */
const FOLDER_RUNS: string[][] = [
  ...['stylish', 'compact', 'json', 'sarif', 'github', 'junit'].map((f) => ['check', '-f', f]),
  ...['markdown', 'json'].map((f) => ['outline', '-f', f]),
  ['outline', '--diagram'],
  ...['text', 'json'].map((f) => ['unsupported', '-f', f]),
  ...['text', 'json'].map((f) => ['counterpoints', '-f', f]),
  ...['text', 'json'].map((f) => ['evaluate', '-f', f]),
  ...['mermaid', 'dot', 'svg'].map((f) => ['graph', 'arguments', '-f', f]),
  ['report', 'arguments', '-o', 'report.html'],
];

/** Commands that take one file, given the linked file by name. */
function namedRuns(file: string): string[][] {
  return [
    ['check', file, '-f', 'json'],
    ['graph', file],
    ...['aif', 'argdown', 'json'].map((to) => ['export', file, '--to', to]),
    ...['aif', 'kialo'].map((from) => ['import', file, '--from', from]),
    ['check', 'arguments/ok.yaml', '--config', file],
  ];
}

/** Everything a run shows or writes: its stdout, stderr, and any file it left in `dir`. */
function everything(r: CliResult, dir: string): string {
  const written = readdirSync(dir)
    .filter((name) => name.endsWith('.html'))
    .map((name) => readFileSync(join(dir, name), 'utf8'));
  return [r.stdout, r.stderr, ...written].join('\n');
}

describe('secrets through symbolic links (issue 14, item 1)', () => {
  const canary = `canary-${randomBytes(12).toString('hex')}`;
  const env = { ARGMAP_CANARY: canary };

  it('the attack is real: the canary is in /proc/self/environ of a process started like argmap', () => {
    const r = spawnSync('cat', ['/proc/self/environ'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(r.stdout).toContain(canary);
  });

  it('a link to /proc/self/environ inside arguments/ is refused (exit 2) by every command and format, and the canary never shows', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'arguments'));
    writeFileSync(join(dir, 'arguments', 'ok.yaml'), VALID);
    symlinkSync('/proc/self/environ', join(dir, 'arguments', 'env.yaml'));
    for (const args of FOLDER_RUNS) {
      const r = argmap(args, { cwd: dir, env });
      const shown = everything(r, dir);
      expect(shown, args.join(' ')).not.toContain(canary);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(
        /^argmap: arguments\/env\.yaml: not read: it leads to \/proc\/\d+\/environ, and files under \/proc, \/sys and \/dev are never read$/m,
      );
    }
  });

  it('named explicitly, a file under /proc is still never read: argument file, exported, imported or used as config', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'arguments'));
    writeFileSync(join(dir, 'arguments', 'ok.yaml'), VALID);
    symlinkSync('/proc/self/environ', join(dir, 'env.yaml'));
    for (const args of [...namedRuns('env.yaml'), ['check', '/proc/self/environ']]) {
      const r = argmap(args, { cwd: dir, env });
      expect(everything(r, dir), args.join(' ')).not.toContain(canary);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/: not read: it leads to \/proc\/\d+\/environ, and files under \/proc, \/sys and \/dev are never read$/m);
    }
  });

  it('a config file found by its name, linked to /proc/self/environ, is refused and never quoted', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'arguments'));
    writeFileSync(join(dir, 'arguments', 'ok.yaml'), VALID);
    symlinkSync('/proc/self/environ', join(dir, 'argmap.config.yaml'));
    const r = argmap(['check'], { cwd: dir, env });
    expect(r.stdout + r.stderr).not.toContain(canary);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^argmap: argmap\.config\.yaml: not read: it leads to \/proc\/\d+\/environ/m);
  });
});

describe('size limit bypass (issue 14, item 2)', () => {
  it('/proc/self/pagemap, which reports a size of 0, is refused at once rather than read', () => {
    if (!existsSync('/proc/self/pagemap')) return;
    const r = argmap(['check', '/proc/self/pagemap', '--max-file-size', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^argmap: \/proc\/self\/pagemap: not read: it leads to \/proc\/\d+\/pagemap/m);
  });
});
