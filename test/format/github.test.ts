import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/github';
import { totals } from '../../src/format/resolve';
import { diagnostic, faultyOpEd } from './helpers';

describe('github', () => {
  it('annotates the fault with the right file, line and column', () => {
    const { file, line, column, totals: t } = faultyOpEd('arguments/op-ed.yaml');
    const out = formatGithub([file], t);
    const end = column + 'zelenskyy-brussel'.length;
    expect(out).toContain(
      `::error file=arguments/op-ed.yaml,line=${line},col=${column},endLine=${line},endColumn=${end},title=argmap unknown-reference::unknown source \`zelenskyy-brussel\``,
    );
    expect((out.match(/^::warning /gm) ?? []).length).toBe(t.warnings);
    expect(out).not.toMatch(/GitHub shows at most/);
  });

  it('maps severities to error, warning and notice, and takes the path function', () => {
    const file = {
      file: 'x.yaml',
      diagnostics: [diagnostic({ severity: 'warning' }), diagnostic({ severity: 'info', rule: 'unanswered-counterpoint' })],
    };
    const out = formatGithub([file], totals([file]), (f) => `sub/${f}`);
    expect(out).toMatch(/^::warning file=sub\/x\.yaml,/m);
    expect(out).toMatch(/^::notice file=sub\/x\.yaml,.*title=argmap unanswered-counterpoint::/m);
  });

  it('escapes data and properties as the runner expects', () => {
    expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
    expect(escapeProperty('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab%3A c%2C d');
    const file = { file: 'a:b,c%.yaml', diagnostics: [diagnostic({ message: 'line1\nline2 100% \u001b[31mred' })] };
    const out = formatGithub([file], totals([file]));
    const [command] = out.split('\n');
    expect(command).toBe(
      '::error file=a%3Ab%2Cc%25.yaml,line=1,col=1,endLine=1,endColumn=2,title=argmap unknown-reference::line1%0Aline2 100%25 \\u{1b}[31mred',
    );
    expect(out).not.toContain('\u001b');
  });

  it('says so when more problems exist than a step annotates', () => {
    const few = { file: 'a.yaml', diagnostics: Array.from({ length: 10 }, (_, i) => diagnostic({ line: i + 1 })) };
    expect(formatGithub([few], totals([few]))).not.toMatch(/GitHub shows at most/);
    const many = { file: 'a.yaml', diagnostics: Array.from({ length: 12 }, (_, i) => diagnostic({ line: i + 1 })) };
    const out = formatGithub([many], totals([many]))
      .trimEnd()
      .split('\n');
    expect(out.filter((l) => l.startsWith('::error '))).toHaveLength(12);
    expect(out.at(-1)).toMatch(
      /^argmap: 12 problems found, but GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and 50 per job/,
    );
  });
});
