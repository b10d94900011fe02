import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, argmap, tempDir } from '../helpers/cli';

const OPED = join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml');
const opEd = readFileSync(OPED, 'utf8');

/** A copy of the op-ed file with one edit, in a fresh folder; returns its folder and the line edited. */
function faulty(edit: (text: string) => string): { dir: string; file: string; text: string } {
  const dir = tempDir();
  const text = edit(opEd);
  expect(text).not.toBe(opEd);
  const file = join(dir, 'op-ed.yaml');
  writeFileSync(file, text);
  return { dir, file, text };
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function locate(text: string, needle: string, offsetInNeedle = 0): string {
  const at = text.indexOf(needle) + offsetInNeedle;
  expect(at).toBeGreaterThanOrEqual(offsetInNeedle);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `${line}:${column}`;
}

describe('argmap check', () => {
  it('checks the bundled arguments/ by default and exits 0', () => {
    const r = argmap(['check', '--format', 'compact']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The op-ed asserts four things without support: warnings, not errors.
    expect(r.stdout).toMatch(/^✖ 4 problems \(0 errors, 4 warnings\) in 1 of 1 file$/m);
    expect(r.stdout.match(/ {2}warning {2}unsupported (reason|risk): /g)).toHaveLength(4);
  });

  it('reports an evidence source renamed to an unknown id, at the id', () => {
    const { dir, text } = faulty((t) => t.replace('source: zelenskyy-brussels', 'source: zelenskyy-brussel'));
    const r = argmap(['check', '--format', 'compact', 'op-ed.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const at = locate(text, 'source: zelenskyy-brussel', 'source: '.length);
    expect(r.stdout).toContain(`op-ed.yaml:${at}  error  unknown source \`zelenskyy-brussel\``);
    expect(r.stdout).toContain('did you mean `zelenskyy-brussels`?');
    expect(r.stdout).toMatch(/unknown-reference\n/);
  });

  it("reports one claim's id set to another's, at the second definition", () => {
    const { dir, text } = faulty((t) => t.replace('id: interoperability', 'id: legal-basis'));
    const r = argmap(['check', '--format', 'compact', 'op-ed.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const first = locate(text, 'id: legal-basis', 4);
    const second = text.indexOf('id: legal-basis', text.indexOf('id: legal-basis') + 1);
    const secondAt = locate(text.slice(0, second) + '\u0000', '\u0000');
    const [line, column] = secondAt.split(':').map(Number);
    expect(r.stdout).toContain(`op-ed.yaml:${line}:${column! + 4}  error  duplicate id \`legal-basis\`: already used at ${first}`);
  });

  it("reports a claim's misspelled text key at that key", () => {
    const { dir, text } = faulty((t) => t.replace(/(id: readiness-deterrence\n\s+)text:/, '$1txt:'));
    const r = argmap(['check', '--format', 'compact', 'op-ed.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const at = locate(text, 'txt: ');
    expect(r.stdout).toContain(`op-ed.yaml:${at}  error  unknown property \`txt\``);
    expect(r.stdout).toContain('did you mean `text`?');
    expect(r.stdout).toMatch(/1 problem \(1 error, 0 warnings\)/);
  });

  it('reports an unclosed bracket where it opens', () => {
    const { dir, text } = faulty((t) => t.replace('- ref: readiness-deterrence', '- [ref: readiness-deterrence'));
    const r = argmap(['check', '--format', 'compact', 'op-ed.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const at = locate(text, '[ref: readiness-deterrence');
    expect(r.stdout).toContain(`op-ed.yaml:${at}  error  unclosed \`[\``);
    expect(r.stdout).toMatch(/yaml-syntax/);
  });

  it('exits 2 with a message for a missing path, and prints no success line', () => {
    const r = argmap(['check', 'no-such-file.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('argmap: no-such-file.yaml: no such file or folder\n');
    expect(r.stdout).toBe('');
  });

  it('exits 2 for a glob that matches nothing and for a folder without argument files', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    const r = argmap(['check', 'nothing/**/*.yaml', 'empty'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('argmap: nothing/**/*.yaml: pattern matches no file');
    expect(r.stderr).toContain('argmap: empty: folder holds no argument files (*.yaml, *.yml)');
  });

  it('checks folders recursively and globs, in a stable order', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'b', 'deep'), { recursive: true });
    copyFileSync(OPED, join(dir, 'b', 'deep', 'z.yaml'));
    copyFileSync(OPED, join(dir, 'b', 'a.yml'));
    writeFileSync(join(dir, 'b', 'notes.txt'), 'not an argument file');
    const folder = argmap(['check', 'b', '--format', 'json'], { cwd: dir });
    expect(folder.code).toBe(0);
    expect(JSON.parse(folder.stdout).files.map((f: { file: string }) => f.file)).toEqual(['b/a.yml', 'b/deep/z.yaml']);
    const glob = argmap(['check', 'b/**/*.yaml', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(glob.stdout).files.map((f: { file: string }) => f.file)).toEqual(['b/deep/z.yaml']);
  });

  it('exits 2 with a usage message for an unknown option or format', () => {
    const r = argmap(['check', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: option '-f, --format <format>' argument 'xml' is invalid/);
    expect(argmap(['check', '--frobnicate']).code).toBe(2);
    expect(argmap(['nonsense']).code).toBe(2);
  });

  it('prints --version and --help with exit 0', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(argmap(['--version'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = argmap(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: argmap check [options] [paths...]');
  });

  it('turns on Node’s compile cache where Node has one (22.1+), and runs without it on Node 20', () => {
    // Stand in for Node 22's module.enableCompileCache, to see that the binary calls it first.
    const preload = 'data:text/javascript,import m from "node:module"; m.enableCompileCache = () => process.stderr.write("cache on\\n");';
    const withCache = spawnSync(process.execPath, ['--import', preload, BIN, '--version'], { encoding: 'utf8' });
    expect(withCache.status).toBe(0);
    expect(withCache.stderr).toBe('cache on\n');
    const without = spawnSync(
      process.execPath,
      ['--import', 'data:text/javascript,import m from "node:module"; delete m.enableCompileCache;', BIN, '--version'],
      { encoding: 'utf8' },
    );
    expect(without).toMatchObject({ status: 0, stderr: '' });
    expect(without.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('writes JSON with 1-based positions', () => {
    const { dir, text } = faulty((t) => t.replace('source: zelenskyy-brussels', 'source: nobody'));
    const r = argmap(['check', '--format', 'json', 'op-ed.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const [line, column] = locate(text, 'nobody').split(':').map(Number);
    expect(report.errorCount).toBe(1);
    const diagnostic = report.files[0].diagnostics.find((d: { severity: string }) => d.severity === 'error');
    expect(diagnostic).toMatchObject({
      rule: 'unknown-reference',
      severity: 'error',
      line,
      column,
      endLine: line,
      endColumn: column! + 'nobody'.length,
    });
  });

  it('colours only on a terminal or when FORCE_COLOR is set, and never with NO_COLOR', () => {
    const { dir } = faulty((t) => t.replace('source: zelenskyy-brussels', 'source: nobody'));
    expect(argmap(['check', 'op-ed.yaml'], { cwd: dir }).stdout).not.toContain('\u001b[');
    expect(argmap(['check', 'op-ed.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
    expect(argmap(['check', 'op-ed.yaml'], { cwd: dir, env: { FORCE_COLOR: '0' } }).stdout).not.toContain('\u001b[');
    expect(argmap(['check', '--no-color', 'op-ed.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('writes --output atomically and leaves no temporary file behind', () => {
    const { dir } = faulty((t) => t.replace('source: zelenskyy-brussels', 'source: nobody'));
    const r = argmap(['check', 'op-ed.yaml', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).errorCount).toBe(1);
  });
});
