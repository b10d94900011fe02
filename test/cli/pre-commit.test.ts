import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, project } from '../helpers/cli';

interface Hook {
  id: string;
  entry: string;
  args?: string[];
  pass_filenames?: boolean;
}

/**
 * The command line pre-commit runs for a hook: `shlex.split(entry)`, then `args`, then the file
 * names (pre-commit's `lang_base.run_xargs`). Our entry has no quotes, so splitting on white space is
 * shlex's result; the test refuses an entry with quotes rather than split it wrongly.
 */
function commandLine(hook: Hook, files: string[]): string[] {
  expect(hook.entry).not.toMatch(/["'\\]/);
  return [...hook.entry.trim().split(/\s+/), ...(hook.args ?? []), ...(hook.pass_filenames === false ? [] : files)];
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = hooks.find((h) => h.id === 'argmap-check')!;

describe('.pre-commit-hooks.yaml, run the way pre-commit runs it', () => {
  it('checks a file named like an option (`--output=x.yaml`) as a file, and writes nothing', () => {
    const broken =
      'argmap: 1\ntitle: t\nrecommendation:\n  text: Plant trees.\n  reasons:\n    - text: Shade.\n      evidence: [{ text: y, source: nowhere }]\n';
    const good = 'argmap: 1\ntitle: t\nrecommendation:\n  text: Plant trees.\n  assumption: true\n';
    const dir = project({ '--output=x.yaml': broken, 'good.yaml': good });
    const [program, ...rest] = commandLine(hook, ['--output=x.yaml', 'good.yaml']);
    expect(program).toBe('argmap');
    const r = spawnSync(process.execPath, [BIN, ...rest], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    // Read as an option, the name made argmap write its report to x.yaml and pass the broken file.
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
    expect(r.stdout).toContain('--output=x.yaml');
    expect(r.stdout).toContain('unknown source `nowhere`');
    expect(r.status).toBe(1);
  });
});
