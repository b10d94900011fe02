import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/util/terminal';
import { argmap, project } from '../helpers/cli';

const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('colorLevel: a variable counts when it is present and not empty (no-color.org, force-color.org)', () => {
  it('NO_COLOR with a value turns colour off on a terminal; NO_COLOR= (empty) is as if unset', () => {
    expect(colorLevel(tty, { NO_COLOR: '1' })).toBe(0);
    expect(colorLevel(tty, { NO_COLOR: 'false' })).toBe(0);
    expect(colorLevel(tty, { NO_COLOR: '' })).toBe(1);
    expect(colorLevel(tty, {})).toBe(1);
  });

  it('FORCE_COLOR with a value colours a pipe; FORCE_COLOR= (empty) is as if unset', () => {
    expect(colorLevel(pipe, { FORCE_COLOR: '1' })).toBe(1);
    expect(colorLevel(pipe, { FORCE_COLOR: 'yes' })).toBe(1);
    expect(colorLevel(pipe, { FORCE_COLOR: '3' })).toBe(3);
    expect(colorLevel(pipe, { FORCE_COLOR: '' })).toBe(0);
    expect(colorLevel(tty, { FORCE_COLOR: '', NO_COLOR: '1' })).toBe(0);
    expect(colorLevel(tty, { FORCE_COLOR: '0' })).toBe(0);
    expect(colorLevel(tty, { FORCE_COLOR: 'false' })).toBe(0);
  });

  it('FORCE_COLOR wins over NO_COLOR, and --color / --no-color over both', () => {
    expect(colorLevel(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(1);
    expect(colorLevel(tty, { FORCE_COLOR: '1' }, false)).toBe(0);
    expect(colorLevel(pipe, { NO_COLOR: '1' }, true)).toBe(1);
  });

  it('the built CLI: FORCE_COLOR= leaves a pipe uncoloured, FORCE_COLOR=1 colours it', () => {
    const dir = project({
      'a.yaml':
        'argmap: 1\ntitle: t\nrecommendation:\n  text: Plant trees.\n  reasons:\n    - text: x\n      evidence: [{ text: y, source: nowhere }]\n',
    });
    const empty = argmap(['check', 'a.yaml'], { cwd: dir, env: { FORCE_COLOR: '' } });
    expect(empty.code).toBe(1);
    expect(empty.stdout).not.toContain('\u001b[');
    expect(argmap(['check', 'a.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
  });

  it('docs/cli.md states the same rule for both variables', () => {
    const cli = readFileSync(new URL('../../docs/cli.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(cli).toContain('Each variable counts only when it is present and not empty');
    expect(cli).toContain('`NO_COLOR=` or `FORCE_COLOR=` is the same as leaving it unset');
    expect(cli).not.toContain('`NO_COLOR` (any value)');
  });
});
