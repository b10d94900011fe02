import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, argmap, tempDir, type CliResult } from '../helpers/cli';

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
  const token = `npm_${randomBytes(12).toString('hex')}`;
  const env = { ARGMAP_CANARY: canary };

  it('the attack is real: the canary is in /proc/self/environ of a process started like argmap', () => {
    const r = spawnSync('cat', ['/proc/self/environ'], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(r.stdout).toContain(canary);
  });

  it('links to /proc/self/environ and to a secret outside the folder are refused (exit 2) by every command and format; no secret shows', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'arguments'));
    mkdirSync(join(dir, 'home'));
    writeFileSync(join(dir, 'arguments', 'ok.yaml'), VALID);
    writeFileSync(join(dir, 'home', '.npmrc'), `//registry.npmjs.org/:_authToken=${token}\n`);
    symlinkSync('/proc/self/environ', join(dir, 'arguments', 'env.yaml'));
    symlinkSync('../home/.npmrc', join(dir, 'arguments', 'npmrc.yaml'));
    for (const args of FOLDER_RUNS) {
      const r = argmap(args, { cwd: dir, env });
      const shown = everything(r, dir);
      expect(shown, args.join(' ')).not.toContain(canary);
      expect(shown, args.join(' ')).not.toContain(token);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(
        /^argmap: arguments\/env\.yaml: not read: it leads to \/proc\/\d+\/environ, and files under \/proc, \/sys and \/dev are never read$/m,
      );
      expect(r.stderr, args.join(' ')).toContain(
        `argmap: arguments/npmrc.yaml: not read: a symbolic link to ${realpathSync(dir)}/home/.npmrc, outside ${realpathSync(dir)}/arguments (the folder searched, or its git repository); name the file itself to read it\n`,
      );
    }
  });

  it("in a git repository, a link may lead anywhere in it but into a hidden file or folder (.git/config keeps a CI checkout's token)", () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.yaml'), `token: ${token}\n`);
    mkdirSync(join(dir, 'arguments'));
    mkdirSync(join(dir, 'shared'));
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'config'), `[http]\n\textraheader = AUTHORIZATION: basic ${token}\n`);
    writeFileSync(join(dir, 'shared', 'common.yaml'), VALID);
    symlinkSync('../shared/common.yaml', join(dir, 'arguments', 'common.yaml'));
    symlinkSync('../.git/config', join(dir, 'arguments', 'config.yaml'));
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'arguments', 'secret.yaml'));
    const r = argmap(['check', '-f', 'json'], { cwd: dir });
    expect(r.stdout + r.stderr).not.toContain(token);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual(['arguments/common.yaml']);
    const real = realpathSync(dir);
    expect(r.stderr.split('\n').filter(Boolean)).toEqual([
      `argmap: arguments/config.yaml: not read: a symbolic link to ${real}/.git/config, in a hidden file or folder or node_modules, which are never searched; name the file itself to read it`,
      `argmap: arguments/secret.yaml: not read: a symbolic link to ${realpathSync(outside)}/secret.yaml, outside ${real} (the folder searched, or its git repository); name the file itself to read it`,
    ]);
    // Named on the command line, a file is the user's choice: read (and its content reported).
    const named = argmap(['check', 'arguments/secret.yaml', '-f', 'compact'], { cwd: dir });
    expect(named.code).toBe(1);
    expect(named.stdout).toContain('arguments/secret.yaml:1:1');
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
      expect(r.stderr, args.join(' ')).toMatch(
        /: not read: it leads to \/proc\/\d+\/environ, and files under \/proc, \/sys and \/dev are never read$/m,
      );
    }
  });

  it('a config file found by its name, linked to /proc/self/environ or out of the folder, is refused and never quoted', () => {
    const dir = tempDir();
    const outside = tempDir();
    writeFileSync(join(outside, 'npmrc'), `//registry.npmjs.org/:_authToken=${token}\n`);
    mkdirSync(join(dir, 'arguments'));
    writeFileSync(join(dir, 'arguments', 'ok.yaml'), VALID);
    symlinkSync('/proc/self/environ', join(dir, 'argmap.config.yaml'));
    const r = argmap(['check'], { cwd: dir, env });
    expect(r.stdout + r.stderr).not.toContain(canary);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^argmap: argmap\.config\.yaml: not read: it leads to \/proc\/\d+\/environ/m);

    rmSync(join(dir, 'argmap.config.yaml'));
    symlinkSync(join(outside, 'npmrc'), join(dir, 'argmap.config.yaml'));
    const linked = argmap(['check'], { cwd: dir });
    expect(linked.stdout + linked.stderr).not.toContain(token);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/^argmap: argmap\.config\.yaml: not read: a symbolic link to .*\/npmrc, outside /m);
    // Named with --config, it is read: the user chose it.
    expect(argmap(['check', '--config', 'argmap.config.yaml'], { cwd: dir }).stderr).toMatch(
      /^argmap: invalid config file argmap\.config\.yaml/m,
    );
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

describe('globs through linked folders (issue 14, item 5)', () => {
  it('a glob follows no folder link and reads each file once, by its real path, as a folder walk does', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'arguments', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'outside'));
    writeFileSync(join(dir, 'arguments', 'a.yaml'), VALID);
    writeFileSync(join(dir, 'arguments', 'sub', 'b.yaml'), VALID);
    writeFileSync(join(dir, 'outside', 'o.yaml'), VALID);
    symlinkSync('..', join(dir, 'arguments', 'sub', 'loop'));
    symlinkSync('../../outside', join(dir, 'arguments', 'sub', 'escape'));
    symlinkSync('../a.yaml', join(dir, 'arguments', 'sub', 'again.yaml'));
    const files = (args: string[]) => {
      const r = argmap(['check', ...args, '-f', 'json'], { cwd: dir });
      expect(r).toMatchObject({ code: 0, stderr: '' });
      return JSON.parse(r.stdout).files.map((f: { file: string }) => f.file);
    };
    const once = ['arguments/a.yaml', 'arguments/sub/b.yaml'];
    expect(files(['arguments/**/*.yaml'])).toEqual(once);
    expect(files(['arguments'])).toEqual(once);
    // Named twice, through a link, by a glob and a folder: still each file once.
    expect(files(['arguments', 'arguments/**/*.yaml', 'arguments/sub/again.yaml', 'arguments/a.yaml'])).toEqual(once);
    // A glob matches names, not only argument files, and goes no deeper than its parts say.
    writeFileSync(join(dir, 'arguments', 'notes.txt'), VALID);
    expect(files(['arguments/*'])).toEqual(['arguments/a.yaml', 'arguments/notes.txt']);
  });
});

describe('one unreadable subfolder (issue 14, item 17)', () => {
  // Root reads any folder, whatever its mode: as root, argmap runs without the two capabilities that
  // allow it (setpriv), so that the permission check is real.
  const root = process.getuid?.() === 0;
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((path) => existsSync(path));
  const unprivileged = (args: string[], cwd: string): CliResult => {
    const r = spawnSync(setpriv!, ['--bounding-set=-dac_override,-dac_read_search', process.execPath, BIN, ...args], {
      cwd,
      encoding: 'utf8',
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  it.skipIf(process.platform === 'win32' || (root && !setpriv))(
    'is named, the rest is checked, and the exit code is 2 (folders and globs)',
    () => {
      const dir = tempDir();
      for (const sub of ['a', 'locked', 'z']) mkdirSync(join(dir, 'arguments', sub), { recursive: true });
      for (const sub of ['a', 'locked', 'z']) writeFileSync(join(dir, 'arguments', sub, `${sub}.yaml`), 'argmap: 1\n');
      writeFileSync(join(dir, 'arguments', 'top.yaml'), VALID);
      chmodSync(join(dir, 'arguments', 'locked'), 0o000);
      try {
        for (const paths of [[], ['arguments/**/*.yaml']]) {
          const args = ['check', ...paths, '-f', 'compact'];
          const r = root ? unprivileged(args, dir) : argmap(args, { cwd: dir });
          expect(r.stderr).toBe('argmap: arguments/locked: cannot read: permission denied (EACCES)\n');
          expect(r.code).toBe(2);
          // The files beside and after the locked folder were all checked.
          expect(r.stdout).toContain('arguments/a/a.yaml:1:1');
          expect(r.stdout).toContain('arguments/z/z.yaml:1:1');
          expect(r.stdout).toMatch(/in 2 of 3 files/);
        }
      } finally {
        chmodSync(join(dir, 'arguments', 'locked'), 0o755);
      }
    },
  );
});

describe('places argmap must not write or wait on (issue 14, review findings)', () => {
  it.skipIf(process.platform !== 'linux')('init, -o and --cache-location never write under /proc or /sys; they say why, exit 2', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), VALID);
    const runs: Array<[string[], string]> = [
      [['init', '/proc/self/environ'], '/proc/self/environ'],
      [['graph', 'a.yaml', '-o', '/proc/self/environ'], '/proc/self/environ'],
      [['init', '/sys/kernel/notes'], '/sys/kernel/notes'],
    ];
    for (const [args, path] of runs) {
      const r = argmap(args, { cwd: dir });
      expect(r.stderr).toBe(
        `argmap: cannot write ${path}: a kernel file under /proc or /sys: argmap never writes there (write to a file instead)\n`,
      );
      expect(r.code).toBe(2);
    }
    const cache = argmap(['check', 'a.yaml', '--cache', '--cache-location', '/dev/null'], { cwd: dir });
    expect(cache.stderr).toBe(
      'argmap: --cache-location /dev/null: not read: it leads to /dev/null, and files under /proc, /sys and /dev are never read\n',
    );
    expect(cache.code).toBe(2);
  });

  it.skipIf(process.platform === 'win32')('a FIFO named as the cache is refused at once instead of waited on', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), VALID);
    expect(spawnSync('mkfifo', [join(dir, 'cache.fifo')]).status).toBe(0);
    const r = argmap(['check', 'a.yaml', '--cache', '--cache-location', 'cache.fifo'], { cwd: dir });
    expect(r.stderr).toBe('argmap: --cache-location cache.fifo: not a regular file (a device, pipe or socket is never read)\n');
    expect(r.code).toBe(2);
  });

  it('a cache that cannot be written is a warning that says why; the findings and exit code stand', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), VALID);
    writeFileSync(join(dir, 'plain-file'), 'not a folder\n');
    const r = argmap(['check', 'a.yaml', '--cache', '--cache-location', 'plain-file/cache.json'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(r.stdout).toBe('✔ 1 file checked: no problems\n');
    expect(r.stderr).toMatch(
      /^argmap: warning: cannot write the cache plain-file\/cache\.json: .*\(E(NOTDIR|EXIST)\); results were not cached, so the next run checks every file again\n$/,
    );
    expect(r.code).toBe(0);
  });

  it.skipIf(!existsSync('/dev/full'))('a full disk on standard output: the reason in words, exit 2', () => {
    const r = spawnSync(`"${process.execPath}" "${BIN}" init --help > /dev/full`, { shell: true, encoding: 'utf8' });
    expect(r.stderr).toBe('argmap: cannot write to standard output: no space left on the device (ENOSPC)\n');
    expect(r.status).toBe(2);
  });

  it('import writes controls and bidirectional overrides from the map as YAML escapes: inert on a terminal, the same data', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'k.txt'),
      'Discussion Title: Bus\n\n1. Run a night bus \u202e reversed\n1.1. Pro: It helps \u009b31m riders.\n',
    );
    const r = argmap(['import', 'k.txt', '--from', 'kialo'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('text: "Run a night bus \\u202e reversed"');
    expect(r.stdout).toContain('text: "It helps \\u009b31m riders."');
    expect(r.stdout).not.toMatch(/[\u0080-\u009f\u202a-\u202e]/);
    const data = parse(r.stdout) as { recommendation: { text: string; reasons: Array<{ text: string }> } };
    expect(data.recommendation.text).toBe('Run a night bus \u202e reversed');
    expect(data.recommendation.reasons[0]!.text).toBe('It helps \u009b31m riders.');
  });

  it('import of a file with a control character says so, at its position (not "file too large")', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'k.txt'), 'Discussion Title: Bus\n\n1. Run a \u001b[31mnight bus\n');
    const r = argmap(['import', 'k.txt', '--from', 'kialo'], { cwd: dir });
    expect(r.stderr).toMatch(/^argmap: k\.txt:3:10: control character U\+001B in the file/);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.code).toBe(2);
  });
});
