import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SPREAD_OPERANDS } from '../../src/cli/main';
import { ROOT, tempDir } from '../helpers/cli';
import { runInProcess } from '../helpers/in-process';

// In process: the operating system refuses a command line this long (E2BIG) before argmap sees it,
// but `xargs`, a shell's own limits or a script calling `main` can hand over any number.
describe('a very long list of paths after --', () => {
  it('reaches every path: 140,000 operands, where commander alone overflows the stack', async () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), join(dir, 'op-ed.yaml'));
    const missing = Array.from({ length: 140_000 }, (_, i) => `m${i % 7}.yaml`);
    const { code, stdout, stderr } = await runInProcess(['check', '-f', 'json', '--', ...missing, 'op-ed.yaml'], dir);
    expect(stderr).not.toContain('internal error');
    expect(stderr.split('\n').filter((l) => l.endsWith('m6.yaml: no such file or folder')).length).toBeGreaterThan(0);
    expect(code).toBe(2);
    // The last operand, past any cut commander could have made, was checked.
    expect(JSON.parse(stdout).files.map((f: { file: string }) => f.file)).toEqual(['op-ed.yaml']);
  });

  it('reads a `--` given as the value of an option as that value, not as the end of the options', async () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), join(dir, 'op-ed.yaml'));
    const many = Array.from({ length: MAX_SPREAD_OPERANDS + 5 }, () => 'op-ed.yaml');
    const { code, stdout, stderr } = await runInProcess(['check', '--cache-location', '--', '-f', 'json', ...many], dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).files).toHaveLength(1);
  });

  it('counts every operand for a command that takes none, and finds the command after a leading --', async () => {
    const extra = Array.from({ length: MAX_SPREAD_OPERANDS + 5 }, (_, i) => `x${i}`);
    const schema = await runInProcess(['schema', '--', ...extra], tempDir());
    expect(schema.code).toBe(2);
    expect(schema.stderr).toContain(`too many arguments for 'schema'. Expected 0 arguments but got ${extra.length}.`);
    const dir = tempDir();
    copyFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), join(dir, 'op-ed.yaml'));
    const leading = await runInProcess(['--', 'check', ...Array.from({ length: MAX_SPREAD_OPERANDS + 5 }, () => 'op-ed.yaml')], dir);
    expect(leading.code).toBe(0);
    expect(leading.stdout).toContain('4 problems (0 errors, 4 warnings) in 1 of 1 file');
  });

  it('still refuses extra operands to a command that takes one file, counting them all', async () => {
    const extra = Array.from({ length: MAX_SPREAD_OPERANDS + 5 }, (_, i) => `x${i}.json`);
    const { code, stderr } = await runInProcess(['import', '--from', 'aif', '--', ...extra], tempDir());
    expect(code).toBe(2);
    expect(stderr).toContain(`too many arguments for 'import'. Expected 1 argument but got ${extra.length}.`);
  });
});
