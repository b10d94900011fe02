import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, argmap } from '../helpers/cli';

/** `FILE`, `<file>`, `[file]` and `[file...]` as one spelling: `[file...]`, upper case for required. */
const operand = (word: string) => {
  const m = /^(\[|<)?([a-zA-Z]+)(\.\.\.)?(\]|>)?$/.exec(word);
  if (!m) return word;
  const optional = m[1] === '[';
  return `${optional ? '[' : '<'}${m[2]!.toLowerCase()}${m[3] ?? ''}${optional ? ']' : '>'}`;
};

/** The synopsis at the top of docs/cli.md names each command's operands as `argmap help` does. */
describe('docs/cli.md and argmap help agree on operands', () => {
  const synopsis = /^```\n([\s\S]*?)^```$/m.exec(readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8'))![1]!;
  const commands = [...synopsis.matchAll(/^argmap (\w+) +(.*)$/gm)].map((m) => {
    const words = m[2]!.split(/\s+/).filter(Boolean);
    // Operands come before the first option.
    const firstOption = words.findIndex((w) => /^\[?-/.test(w));
    return { name: m[1]!, operands: words.slice(0, firstOption === -1 ? words.length : firstOption).map(operand) };
  });

  it('finds the commands', () => {
    expect(commands.map((c) => c.name)).toContain('graph');
  });

  for (const { name, operands } of commands) {
    it(`argmap ${name}`, () => {
      const help = argmap(['help', name]);
      expect(help.code).toBe(0);
      const usage = /^Usage: argmap \S+ \[options\](.*)$/m.exec(help.stdout)![1]!;
      expect(usage.split(/\s+/).filter(Boolean).map(operand)).toEqual(operands);
    });
  }
});
