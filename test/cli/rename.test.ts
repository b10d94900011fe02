import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argmap, project, tempDir } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';

const CASES = join(FIXTURES, 'rename');

/** The files of a folder, by name. */
function contents(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

/** A copy of a fixture's `before/` folder to run in. */
function copyOf(name: string): string {
  const dir = tempDir();
  cpSync(join(CASES, name, 'before'), dir, { recursive: true });
  return dir;
}

describe('argmap rename: fixtures (before/ → after/, with the output stated in stdout)', () => {
  for (const name of readdirSync(CASES)) {
    it(name, () => {
      const dir = copyOf(name);
      const args = readFileSync(join(CASES, name, 'args'), 'utf8')
        .trim()
        .split(/\s+/);
      const result = argmap(['rename', ...args], { cwd: dir });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(readFileSync(join(CASES, name, 'stdout'), 'utf8'));
      expect(contents(dir)).toEqual(contents(join(CASES, name, 'after')));
      // The renamed files still pass check, with the same findings as before.
      expect(argmap(['check', '.'], { cwd: dir }).code).toBe(0);
    });
  }
});

const PIER = `argmap: 1
title: Should the pier be raised?
sources:
  - id: tide-table
    speaker: Port authority
recommendation:
  id: raise-pier
  text: The pier should be raised.
  evidence:
    - text: Spring tides now reach the deck.
      source: tide-table
`;

describe('argmap rename --dry-run', () => {
  it('prints a unified diff (changes closer than six lines share a hunk, as in diff -u) and writes nothing', () => {
    const dir = project({ 'pier.yaml': PIER });
    const result = argmap(['rename', 'tide-table', 'tides', 'pier.yaml', '--dry-run'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        '--- a/pier.yaml',
        '+++ b/pier.yaml',
        '@@ -1,11 +1,11 @@',
        ' argmap: 1',
        ' title: Should the pier be raised?',
        ' sources:',
        '-  - id: tide-table',
        '+  - id: tides',
        '     speaker: Port authority',
        ' recommendation:',
        '   id: raise-pier',
        '   text: The pier should be raised.',
        '   evidence:',
        '     - text: Spring tides now reach the deck.',
        '-      source: tide-table',
        '+      source: tides',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('dry run: would rename `tide-table` to `tides`: 2 changes in 1 file; nothing written\n');
    expect(readFileSync(join(dir, 'pier.yaml'), 'utf8')).toBe(PIER);
  });
});

describe('argmap rename: a new id YAML reads as a number', () => {
  it('is written quoted, and the file still checks', () => {
    const dir = project({ 'pier.yaml': PIER });
    expect(argmap(['rename', 'tide-table', '2024', 'pier.yaml'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'pier.yaml'), 'utf8')).toBe(PIER.replaceAll(/(id|source): tide-table/g, '$1: "2024"'));
    expect(argmap(['check', 'pier.yaml'], { cwd: dir }).code).toBe(0);
  });
});

describe('argmap rename: every byte but the id stays', () => {
  it('keeps a byte-order mark and CR LF line ends', () => {
    const crlf = `\uFEFF${PIER.replaceAll('\n', '\r\n')}`;
    const dir = project({ 'pier.yaml': crlf });
    expect(argmap(['rename', 'tide-table', 'tides', 'pier.yaml'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'pier.yaml'), 'utf8')).toBe(crlf.replaceAll('tide-table', 'tides'));
  });
});

describe('argmap rename: refusals leave every file as it was', () => {
  const refused = (args: string[], files: Record<string, string>, code: number, message: string) => {
    const dir = project(files);
    const result = argmap(['rename', ...args], { cwd: dir });
    expect(result.stderr).toBe(`argmap: ${message}\n`);
    expect(result.stdout).toBe('');
    expect(result.code).toBe(code);
    for (const [name, text] of Object.entries(files)) expect(readFileSync(join(dir, name), 'utf8')).toBe(text);
  };

  it('a new id that is already an id (exit 1)', () =>
    refused(
      ['tide-table', 'raise-pier', 'pier.yaml'],
      { 'pier.yaml': PIER },
      1,
      'cannot rename `tide-table` to `raise-pier`: `raise-pier` is already an id (pier.yaml:7:7); nothing was changed',
    ));
  it('a new id that a reference names but nothing defines: the rename would make it resolve (exit 1)', () =>
    refused(
      ['tide-table', 'tide-tables', 'pier.yaml'],
      { 'pier.yaml': `${PIER}    - text: Neap tides too.\n      source: tide-tables\n` },
      1,
      'cannot rename `tide-table` to `tide-tables`: `tide-tables` is named at pier.yaml:13:15 but defined nowhere, and would then name the renamed id; correct that reference first; nothing was changed',
    ));
  it('an old id that nothing defines (exit 1)', () =>
    refused(
      ['tide-tables', 'tides', 'pier.yaml'],
      { 'pier.yaml': PIER },
      1,
      'no claim or source has the id `tide-tables` in the 1 file read; nothing was changed',
    ));
  it('a new id that is not kebab-case (exit 2)', () =>
    refused(
      ['tide-table', 'Tide_Table', 'pier.yaml'],
      { 'pier.yaml': PIER },
      2,
      '`Tide_Table` is not a valid id: ids are kebab-case, lowercase letters and digits joined by single hyphens (e.g. `port-capacity`)',
    ));
  it('a file that is not readable as YAML (exit 1)', () =>
    refused(
      ['tide-table', 'tides', '.'],
      { 'pier.yaml': PIER, 'broken.yaml': 'argmap: 1\ntitle: [unclosed\n' },
      1,
      'cannot rename: broken.yaml is not readable as YAML (see "argmap check"); nothing was changed',
    ));
  it('a path that does not exist (exit 2)', () => {
    const dir = project({ 'pier.yaml': PIER });
    const result = argmap(['rename', 'tide-table', 'tides', 'missing.yaml'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing.yaml');
    expect(readFileSync(join(dir, 'pier.yaml'), 'utf8')).toBe(PIER);
  });
});
