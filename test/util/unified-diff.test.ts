import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/util/unified-diff';

const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}\n`).join('');

describe('unifiedDiff', () => {
  it('is empty for equal texts', () => expect(unifiedDiff('a.yaml', 'x\n', 'x\n')).toBe(''));

  it('keeps a file name with a line break on its header line: the diff stays one file, nothing forged', () => {
    const diff = unifiedDiff('x\n::error file=a::pwn\n+++ b.yaml', 'a\n', 'b\n');
    expect(diff.split('\n').slice(0, 3)).toEqual([
      '--- a/x\\u{a}::error file=a::pwn\\u{a}+++ b.yaml',
      '+++ b/x\\u{a}::error file=a::pwn\\u{a}+++ b.yaml',
      '@@ -1,1 +1,1 @@',
    ]);
  });

  it('keeps changes far apart in separate hunks with three lines of context, and counts inserted and deleted lines', () => {
    const before = lines(30);
    const after = before.replace('line 3\n', 'line three\n').replace('line 20\n', '').replace('line 25\n', 'line 25\nadded\n');
    expect(unifiedDiff('a.yaml', before, after)).toBe(
      [
        '--- a/a.yaml',
        '+++ b/a.yaml',
        '@@ -1,6 +1,6 @@',
        ' line 1',
        ' line 2',
        '-line 3',
        '+line three',
        ' line 4',
        ' line 5',
        ' line 6',
        '@@ -17,12 +17,12 @@',
        ' line 17',
        ' line 18',
        ' line 19',
        '-line 20',
        ' line 21',
        ' line 22',
        ' line 23',
        ' line 24',
        ' line 25',
        '+added',
        ' line 26',
        ' line 27',
        ' line 28',
        '',
      ].join('\n'),
    );
  });

  it('marks a last line without a line break', () => {
    expect(unifiedDiff('b', 'a\nb', 'a\nc')).toBe(
      '--- a/b\n+++ b/b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n',
    );
  });

  it('diffs from and to an empty text', () => {
    expect(unifiedDiff('c', '', 'x\n')).toBe('--- a/c\n+++ b/c\n@@ -0,0 +1,1 @@\n+x\n');
    expect(unifiedDiff('c', 'x\n', '')).toBe('--- a/c\n+++ b/c\n@@ -1,1 +0,0 @@\n-x\n');
  });
});
