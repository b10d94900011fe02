import { describe, expect, it } from 'vitest';
import { totals } from '../../src/format/resolve';
import { FRAME_WIDTH, formatStylish } from '../../src/format/stylish';
import { SourceFile } from '../../src/load/source-file';
import { chalkFor } from '../../src/util/terminal';
import { checked, diagnostic, faultyOpEd } from './helpers';

const plain = chalkFor(0);

describe('stylish', () => {
  it('groups problems under their file and draws a code frame with a caret at the column', () => {
    const { file, text, line, column, totals: t } = faultyOpEd('arguments/op-ed.yaml');
    const out = formatStylish([file, { file: 'clean.yaml', diagnostics: [] }], t, plain);
    const lines = out.split('\n');
    expect(lines[0]).toBe('arguments/op-ed.yaml');
    expect(out).not.toContain('clean.yaml');
    const head = lines.findIndex((l) => l.startsWith(`  ${line}:${column} `));
    expect(lines[head]).toMatch(/ {2}error {4}unknown source `zelenskyy-brussel`: .* {2}unknown-reference$/);
    const marked = lines.findIndex((l, i) => i > head && l.startsWith('  > '));
    expect(marked).toBe(head + 3);
    const sourceLine = text.split('\n')[line - 1]!;
    expect(lines[marked]).toBe(`  > ${line} | ${sourceLine}`);
    expect(lines[marked - 1]).toBe(`    ${line - 1} | ${text.split('\n')[line - 2]}`);
    const caret = lines[marked + 1]!;
    const prefix = `  > ${line} | `.length;
    expect(caret.indexOf('^')).toBe(prefix + column - 1);
    expect(caret.slice(prefix + column - 1)).toBe('^'.repeat('zelenskyy-brussel'.length));
    expect(lines.at(-2)).toBe('✖ 1 problem (1 error, 0 warnings) in 1 of 1 file');
  });

  it('lists every problem of a file with 150,000 of them (more than a call takes as arguments)', () => {
    const diagnostics = Array.from({ length: 150_000 }, (_, i) => diagnostic({ line: i + 1, column: 3 }));
    const files = [{ file: 'a.yaml', diagnostics }];
    const out = formatStylish(files, totals(files), plain);
    const lines = out.split('\n');
    // Positions are padded to the widest one, `150000:3`.
    expect(lines[1]).toBe(`  1:3       error    unknown source \`x\`  unknown-reference`);
    expect(lines.filter((l) => l.includes('unknown-reference'))).toHaveLength(150_000);
    expect(lines.at(-2)).toBe('✖ 150000 problems (150000 errors, 0 warnings) in 1 of 1 file');
  });

  it('writes no colour at level 0, and colour when asked', () => {
    const { file, totals: t } = faultyOpEd();
    expect(formatStylish([file], t, plain)).not.toContain('\u001b');
    expect(formatStylish([file], t, chalkFor(1))).toContain('\u001b[31m');
  });

  it('neutralises escape sequences in file text and keeps the caret under the right character', () => {
    const text = 'argmap: 1\ntitle: "\u001b[2Jboom"\nbogus: 1\nrecommendation:\n  text: t\n  assumption: true\n';
    const file = checked('x.yaml', text);
    const out = formatStylish([file], totals([file]), plain);
    expect(out).not.toContain('\u001b');
    expect(out).toContain('title: "\\u{1b}[2Jboom"');

    // A problem after the escape on the same line: the caret counts the escaped form.
    const source = new SourceFile('y.yaml', 'a: "\u001b[31mx" bad\n');
    const d = diagnostic({ file: 'y.yaml', message: 'claim \u001b[31mred\u0007', line: 1, column: 13, endColumn: 16 });
    const shown = formatStylish([{ file: 'y.yaml', diagnostics: [d], source }], totals([{ diagnostics: [d] }]), plain);
    expect(shown).toContain('claim \\u{1b}[31mred\\u{7}');
    const lines = shown.split('\n');
    const marked = lines.find((l) => l.startsWith('  > '))!;
    const caret = lines[lines.indexOf(marked) + 1]!;
    expect(marked.slice(caret.indexOf('^'), caret.lastIndexOf('^') + 1)).toBe('bad');
  });

  it('shows a window of a long line around the problem, so frames stay small however many problems share the line', () => {
    // One flow-style line of 4,000 items, a problem on every item: 4,000 frames of a 60 kB line.
    const items = Array.from({ length: 4000 }, (_, i) => `{text: R${i}}`);
    const line = `reasons: [${items.join(', ')}]`;
    const source = new SourceFile('flow.yaml', `argmap: 1\n${line}\nend: 1\n`);
    const diagnostics = items.map((item, i) => {
      const column = line.indexOf(`{text: R${i}}`) + 1;
      return diagnostic({ file: 'flow.yaml', line: 2, column, endLine: 2, endColumn: column + item.length });
    });
    const out = formatStylish([{ file: 'flow.yaml', diagnostics, source }], totals([{ diagnostics }]), plain);
    // Each frame line holds at most the window and its two `…` marks (before: 4,000 copies of the line).
    const longest = Math.max(...out.split('\n').map((l) => l.length));
    expect(longest).toBeLessThanOrEqual(12 + FRAME_WIDTH + 2);
    expect(out.length).toBeLessThan(4000 * 1000);
    const lines = out.split('\n');
    for (const i of [0, 1, 2000, 3999]) {
      const marked = lines.findIndex((l) => l.startsWith(`  2:${diagnostics[i]!.column} `));
      const frame = lines[marked + 3]!;
      const caret = lines[marked + 4]!;
      // The carets sit under exactly the item, cut or not.
      expect(frame.slice(caret.indexOf('^'), caret.lastIndexOf('^') + 1)).toBe(items[i]);
      expect(frame.startsWith('  > 2 | …')).toBe(i > 2);
      expect(frame.endsWith('…')).toBe(i < 3990);
    }
    // A short context line is shown whole, however far right the window of the long line is.
    const lastFrame = lines.findIndex((l) => l.startsWith(`  2:${diagnostics[3999]!.column} `));
    expect(lines[lastFrame + 2]).toBe('    1 | argmap: 1');
    expect(lines[lastFrame + 5]).toBe('    3 | end: 1');
  });

  it('never cuts a character in two at the edge of the window', () => {
    const line = `${'😀'.repeat(200)} bad ${'😀'.repeat(200)}`;
    const column = line.indexOf('bad') + 1;
    const source = new SourceFile('e.yaml', `${line}\n`);
    const d = diagnostic({ file: 'e.yaml', line: 1, column, endColumn: column + 3 });
    for (const shift of [0, 1]) {
      const moved = diagnostic({ ...d, column: column - shift });
      const out = formatStylish([{ file: 'e.yaml', diagnostics: [moved], source }], totals([{ diagnostics: [moved] }]), plain);
      // A lone surrogate would be replaced by U+FFFD when written as UTF-8.
      expect(Buffer.from(out).toString()).toBe(out);
      expect(out).toContain('…😀');
    }
    const out = formatStylish([{ file: 'e.yaml', diagnostics: [d], source }], totals([{ diagnostics: [d] }]), plain);
    const lines = out.split('\n');
    const marked = lines.find((l) => l.startsWith('  > '))!;
    const caret = lines[lines.indexOf(marked) + 1]!;
    // Carets count characters, so they stand under `bad` after 40 code units (20 emoji) of lead.
    expect(
      Array.from(marked)
        .slice(caret.indexOf('^'), caret.lastIndexOf('^') + 1)
        .join(''),
    ).toBe('bad');
  });

  it('prints only the summary when there is nothing to report', () => {
    const file = { file: 'a.yaml', diagnostics: [] };
    expect(formatStylish([file], totals([file]), plain)).toBe('✔ 1 file checked: no problems\n');
  });
});
