import { describe, expect, it } from 'vitest';
import { totals } from '../../src/format/resolve';
import { formatStylish } from '../../src/format/stylish';
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

  it('prints only the summary when there is nothing to report', () => {
    const file = { file: 'a.yaml', diagnostics: [] };
    expect(formatStylish([file], totals([file]), plain)).toBe('✔ 1 file checked: no problems\n');
  });
});
