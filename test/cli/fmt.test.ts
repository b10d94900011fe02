import { cpSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argmap, project, ROOT, tempDir } from '../helpers/cli';

const MESSY = `argmap: 1
recommendation:
    text: The pool should open at six.
    assumption: true
    id: open-at-six   # the thesis
title: Should the pool open at six?
`;
const TIDY = `argmap: 1
title: Should the pool open at six?
recommendation:
  id: open-at-six # the thesis
  text: The pool should open at six.
  assumption: true
`;

describe('argmap fmt', () => {
  it('writes the canonical layout, and only the files it changes', () => {
    const dir = project({ 'messy.yaml': MESSY, 'tidy.yaml': TIDY });
    const tidyBefore = statSync(join(dir, 'tidy.yaml'));
    const result = argmap(['fmt', '.'], { cwd: dir });
    expect(result).toEqual({ code: 0, stdout: 'formatted messy.yaml\n1 file formatted, 1 already formatted\n', stderr: '' });
    expect(readFileSync(join(dir, 'messy.yaml'), 'utf8')).toBe(TIDY);
    // The unchanged file was not replaced: same inode, same modification time.
    const tidyAfter = statSync(join(dir, 'tidy.yaml'));
    expect([tidyAfter.ino, tidyAfter.mtimeMs]).toEqual([tidyBefore.ino, tidyBefore.mtimeMs]);
  });

  it('--check lists the files that would change and exits 1, writing nothing; 0 when all are formatted', () => {
    const dir = project({ 'messy.yaml': MESSY, 'tidy.yaml': TIDY });
    const result = argmap(['fmt', '--check', '.'], { cwd: dir });
    expect(result).toEqual({ code: 1, stdout: 'messy.yaml\n', stderr: '1 file of 2 not formatted: run argmap fmt to format it\n' });
    expect(readFileSync(join(dir, 'messy.yaml'), 'utf8')).toBe(MESSY);
    expect(argmap(['fmt', '--check', 'tidy.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: 'all 1 file formatted\n' });
  });

  it('leaves a file with YAML errors as it is, says why (exit 1), and formats the others', () => {
    const dir = project({ 'broken.yaml': 'argmap: 1\ntitle: [unclosed\n', 'messy.yaml': MESSY });
    const result = argmap(['fmt', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('argmap: not formatted: broken.yaml has YAML errors:\nbroken.yaml:2:8  error  ');
    expect(readFileSync(join(dir, 'broken.yaml'), 'utf8')).toBe('argmap: 1\ntitle: [unclosed\n');
    expect(readFileSync(join(dir, 'messy.yaml'), 'utf8')).toBe(TIDY);
  });

  it('leaves a file with a carriage return alone in a comment, says where (exit 1), and formats the others', () => {
    const dir = project({ 'cr.yaml': '#\r note\nargmap: 1\ntitle:   T\n', 'messy.yaml': MESSY });
    const result = argmap(['fmt', '.'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('argmap: not formatted: cr.yaml:1:2: a carriage return without a line feed in a comment;');
    expect(result.stderr).not.toContain('bug');
    expect(readFileSync(join(dir, 'cr.yaml'), 'utf8')).toBe('#\r note\nargmap: 1\ntitle:   T\n');
    expect(readFileSync(join(dir, 'messy.yaml'), 'utf8')).toBe(TIDY);
  });

  it('refuses what check refuses: a missing path (exit 2), a link found in a folder that leads out', () => {
    const outside = project({ 'secret.yaml': MESSY });
    const dir = tempDir();
    writeFileSync(join(dir, 'messy.yaml'), MESSY);
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'link.yaml'));
    const result = argmap(['fmt', '.'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('link.yaml: not read: a symbolic link to');
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toBe(MESSY);
    expect(argmap(['fmt', 'missing.yaml'], { cwd: dir }).code).toBe(2);
  });
});

describe('the bundled arguments/ and examples/ are formatted', () => {
  it('fmt --check passes on them (as .ci/run checks), and fmt keeps what check finds there', () => {
    expect(argmap(['fmt', '--check', 'arguments', 'examples'])).toEqual({ code: 0, stdout: '', stderr: 'all 4 files formatted\n' });
    const dir = tempDir();
    cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
    const before = argmap(['check', '-f', 'json', 'examples'], { cwd: dir });
    // Scrambled by hand (key order, indentation, folding), then formatted back: the same findings.
    const editorial = join(dir, 'examples', 'newsroom', 'editorial.yaml');
    const text = readFileSync(editorial, 'utf8');
    const title = /^title: .*\n/m.exec(text)![0];
    writeFileSync(
      editorial,
      text.replace(title, '').replace(/^( *)(- )?/gm, (_m, indent: string, dash?: string) => `${indent}${indent}${dash ? '-   ' : ''}`) +
        title,
    );
    expect(argmap(['fmt', 'examples'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(editorial, 'utf8')).toBe(readFileSync(join(ROOT, 'examples', 'newsroom', 'editorial.yaml'), 'utf8'));
    expect(argmap(['check', '-f', 'json', 'examples'], { cwd: dir }).stdout).toBe(before.stdout);
  });
});
