import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { argmap, tempDir } from '../helpers/cli';

/** A line a CI runner obeys: GitHub `::command` first on the line, `##[command]` or Azure `##vso[` anywhere. */
const COMMAND_LINE = /^\s*::|##(vso)?\[/m;
/** What a terminal acts on: ESC and the other C0 controls but tab and line feed, C1 (CSI, OSC), bidi overrides. */

const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** A broken argument: an unknown source, so every format names the file. */
const BROKEN =
  'argmap: 1\ntitle: t\nrecommendation:\n  text: Plant trees.\n  reasons:\n    - text: Shade.\n      evidence: [{ text: y, source: nowhere }]\n';
/** A valid one whose texts carry what a terminal or a log would act on. */
const HOSTILE_TEXT = [
  'argmap: 1',
  'title: "Trees \\e]52;c;aGk=\\a"',
  'recommendation:',
  '  id: rec',
  '  text: "Plant \\x9b31m trees \\x9d0;title\\x07 now \\u202Eevil"',
  '  reasons:',
  '    - id: shade',
  '      text: "Shade\\n::error file=x.yaml::forged\\n##[error]old form ##vso[task.setvariable variable=x]1"',
  '  counterpoints:',
  '    - id: cost',
  '      text: "::warning::cost"',
  '',
].join('\n');

// Linux file names may hold a line break, ESC and other controls: a pull request can add such a file.
const FORGED = 'a\n::error file=README.md,line=1::forged\n##[error]b.yaml';
const CONTROLS = 'c\u001b[31m\u0001d.yaml';

describe('file names and texts cannot hijack a CI log or a terminal', () => {
  const dir = tempDir();
  writeFileSync(join(dir, FORGED), BROKEN);
  writeFileSync(join(dir, CONTROLS), BROKEN);
  writeFileSync(join(dir, 'text.yaml'), HOSTILE_TEXT);
  writeFileSync(join(dir, `ok\n::error::x.yaml`), HOSTILE_TEXT);

  for (const format of ['stylish', 'compact', 'json', 'sarif', 'junit']) {
    it(`check -f ${format}: no line a runner obeys, no raw control, the files still named`, () => {
      const r = argmap(['check', '-f', format, '.'], { cwd: dir });
      expect(r.code).toBe(1);
      for (const out of [r.stdout, r.stderr]) {
        expect(out).not.toMatch(COMMAND_LINE);
        expect(out).not.toMatch(TERMINAL_UNSAFE);
      }
      expect(r.stdout).toContain('forged');
      expect(r.stdout).toContain('unknown source');
    });
  }

  it('check -f github: one command per problem, and no raw control in file= or the message', () => {
    const r = argmap(['check', '-f', 'github', FORGED, CONTROLS], { cwd: dir });
    const commands = r.stdout.split('\n').filter((l) => /^\s*::/.test(l));
    expect(commands).toHaveLength(2);
    for (const line of commands)
      expect(line).toMatch(/^::error file=[^\n]*,line=7,col=\d+,endLine=7,endColumn=\d+,title=argmap unknown-reference::unknown source/);
    expect(r.stdout).not.toMatch(TERMINAL_UNSAFE);
    expect(r.stdout).not.toMatch(/##(vso)?\[/);
    // The name's line break is shown, not obeyed, and ESC and \x01 are visible code points.
    expect(r.stdout).toContain('file=a\\u{a}%3A%3Aerror file=README.md%2Cline=1%3A%3Aforged\\u{a}');
    expect(r.stdout).toContain('file=c\\u{1b}[31m\\u{1}d.yaml');
  });

  for (const args of [
    ['unsupported'],
    ['counterpoints'],
    ['evaluate'],
    ['outline'],
    ['unsupported', '-f', 'json'],
    ['counterpoints', '-f', 'json'],
    ['evaluate', '-f', 'json'],
    ['outline', '-f', 'json'],
  ]) {
    it(`${args.join(' ')}: no line a runner obeys, no raw control`, () => {
      const r = argmap([...args, 'text.yaml', `ok\n::error::x.yaml`], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(50);
      expect(r.stdout).not.toMatch(COMMAND_LINE);
      expect(r.stdout).not.toMatch(TERMINAL_UNSAFE);
      if (args.includes('json') && args[0] !== 'evaluate') expect(JSON.stringify(JSON.parse(r.stdout))).toContain('Plant \u009b31m trees');
    });
  }

  for (const args of [
    ['graph', '-f', 'mermaid'],
    ['graph', '-f', 'dot'],
    ['graph', '-f', 'svg'],
    ['export', '--to', 'json'],
    ['export', '--to', 'aif'],
  ]) {
    it(`${args.join(' ')}: no raw C1 control or bidi override, whatever the output goes to, and the same text`, () => {
      const r = argmap([...args.slice(0, 1), 'text.yaml', ...args.slice(1)], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(COMMAND_LINE);
      expect(r.stdout).not.toMatch(TERMINAL_UNSAFE);
      if (args[0] === 'export') expect(JSON.stringify(JSON.parse(r.stdout))).toContain('now \u202eevil');
      else expect(r.stdout).toContain(args[2] === 'mermaid' ? '#155;31m' : '&#155;31m');
    });
  }

  it('export --to argdown: terminal-safe on a terminal, the text as written into a pipe, never a runner command', async () => {
    const run = async (isTTY: boolean) => {
      let stdout = '';
      const io: CliIO = {
        cwd: dir,
        env: {},
        stdout: { write: (s) => void (stdout += s), isTTY },
        stderr: { write: () => undefined, isTTY: false },
      };
      expect(await main(['export', 'text.yaml', '--to', 'argdown'], io)).toBe(0);
      return stdout;
    };
    const terminal = await run(true);
    expect(terminal).not.toMatch(TERMINAL_UNSAFE);
    expect(terminal).toContain('\\u{9b}31m');
    const pipe = await run(false);
    expect(pipe).toContain('\u009b31m');
    for (const out of [terminal, pipe]) expect(out).not.toMatch(COMMAND_LINE);
  });
});
