import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../src/load/parse';
import { ROOT, argmap, tempDir } from '../helpers/cli';

/**
 * Issue 8: every hostile or broken input gets a clear message naming the file (and line:column
 * where there is one), a documented exit code, no stack trace, and no partial output file, from
 * every command.
 */
const OPED = readFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), 'utf8');
const COMMANDS = ['check', 'outline', 'unsupported', 'counterpoints'];

const billionLaughs = [
  'argmap: 1',
  'title: lol',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'recommendation: {text: x, note: *f}',
  '',
].join('\n');

/** name → [file content, expected message fragment, line:column or undefined] */
const CASES: Record<string, [string | Buffer, RegExp, string | undefined]> = {
  'binary.yaml': [
    Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256)),
    /not UTF-8 text: invalid byte sequence at byte 128/,
    undefined,
  ],
  'invalid-utf8.yaml': [
    Buffer.concat([Buffer.from('argmap: 1\ntitle: caf'), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
    /not UTF-8 text: invalid byte sequence at byte 21/,
    '2:12',
  ],
  'nul.yaml': ['argmap: 1\ntitle: a\u0000b\n', /control character U\+0000/, '2:9'],
  'escape.yaml': ['argmap: 1\ntitle: \u001b[2J\n', /control character U\+001B/, '2:8'],
  'empty.yaml': ['', /empty file/, '1:1'],
  'comments.yaml': ['# nothing here\n# at all\n', /empty file/, '1:1'],
  'two-docs.yaml': [`${OPED}\n---\nargmap: 1\n`, /several YAML documents in one file/, undefined],
  'billion-laughs.yaml': [billionLaughs, /YAML alias `\*a` is not allowed/, '4:8'],
  'deep-flow.yaml': [
    `argmap: 1\ntitle: t\nrecommendation: {text: x, note: ${'['.repeat(20000)}${']'.repeat(20000)}}\n`,
    /nesting too deep/,
    undefined,
  ],
  'js-function.yaml': [
    'argmap: 1\ntitle: !!js/function "function(){ process.exit(9) }"\nrecommendation: {text: x, assumption: true}\n',
    /unsupported YAML tag `!!js\/function`/,
    '2:8',
  ],
  'proto.yaml': [
    'argmap: 1\ntitle: t\n__proto__: {polluted: true}\nconstructor: {prototype: {polluted: true}}\nrecommendation: {text: x, assumption: true}\n',
    /unknown property `__proto__` in the file/,
    '3:1',
  ],
  'duplicate-key.yaml': ['argmap: 1\ntitle: a\ntitle: b\nrecommendation: {text: x, assumption: true}\n', /map keys must be unique/, '3:1'],
  'merge-key.yaml': ['argmap: 1\ntitle: t\nrecommendation:\n  <<: {text: x}\n  assumption: true\n', /unknown property `<<`/, '4:3'],
  'json.yaml': [
    '{"argmap": 1, "title": "t", "recommendation": {"text": "x", "evidnce": []}}',
    /unknown property `evidnce`.*did you mean `evidence`/,
    '1:61',
  ],
  'self-target.yaml': [
    'argmap: 1\ntitle: t\nrecommendation:\n  text: x\n  assumption: true\n  counterpoints:\n    - id: c\n      text: y\n      assumption: true\n      targets: [c]\n',
    /self-attack: `c` attacks itself/,
    '10:17',
  ],
};

function expectClean(output: string) {
  // No stack trace, no "internal error", nothing undefined.
  expect(output).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(output).not.toMatch(/internal error|TypeError|RangeError|ReferenceError|undefined/);
}

describe('hostile files', () => {
  const dir = tempDir();
  for (const [name, [content]] of Object.entries(CASES)) writeFileSync(join(dir, name), content);

  for (const [name, [, message, position]] of Object.entries(CASES)) {
    for (const command of COMMANDS) {
      it(`${command} ${name}`, () => {
        const out = join(dir, `${command}-${name}.out`);
        writeFileSync(out, 'previous\n');
        const format = command === 'check' ? ['--format', 'compact'] : [];
        const r = argmap([command, name, ...format, '--output', out], { cwd: dir });
        const text = r.stdout + r.stderr + readFileSync(out, 'utf8');
        expectClean(text);
        const check = command === 'check';
        // check reports content problems with 1; the other commands skip the file with errors (1),
        // except findings of analysis rules, which do not stop them.
        if (name === 'self-target.yaml' && !check) {
          expect(r.code).toBe(0);
          return;
        }
        expect(r.code).toBe(1);
        const report = check ? readFileSync(out, 'utf8') : r.stderr;
        expect(report).toMatch(message);
        expect(report).toContain(position ? `${name}:${position}` : `${name}:`);
        // A command that could not analyse the file leaves the previous output untouched.
        if (!check) expect(readFileSync(out, 'utf8')).toBe('previous\n');
      });
    }
  }

  it('never executes a custom tag', () => {
    const r = argmap(['check', 'js-function.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
  });

  it('refuses a file over --max-file-size with a clear message', () => {
    writeFileSync(join(dir, 'big.yaml'), OPED);
    const r = argmap(['check', 'big.yaml', '--format', 'compact', '--max-file-size', '1000'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/big\.yaml:1:1 {2}error {2}file too large: \d+ bytes is over the limit of 1000 bytes/);
  });

  it('reads a very long line', () => {
    writeFileSync(join(dir, 'long.yaml'), `argmap: 1\ntitle: ${'a'.repeat(2_000_000)}\nrecommendation: {text: x, assumption: true}\n`);
    expect(argmap(['check', 'long.yaml'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
  });

  it(`reads a file nested ${MAX_DEPTH} levels deep (block or flow style) with every command, and refuses one level more`, () => {
    // The recommendation's mapping is level 2 (the document's is 1); each reason under it adds a list
    // and a mapping, so the claim `levels` reasons down is at level 2 + 2 * levels.
    const levels = (MAX_DEPTH - 2) / 2;
    const block = (deeper: boolean) => {
      const lines = ['argmap: 1', 'title: t', 'recommendation:'];
      lines.push('  text: r');
      for (let i = 1; i <= levels; i++) lines.push(`${' '.repeat(4 * i - 2)}reasons:`, `${' '.repeat(4 * i)}- text: reason ${i}`);
      const pad = ' '.repeat(4 * levels + 2);
      lines.push(deeper ? `${pad}reasons: [{text: one too deep, assumption: true}]` : `${pad}assumption: true`);
      return `${lines.join('\n')}\n`;
    };
    const leaf = (deeper: boolean) => (deeper ? 'reasons: [{text: one too deep, assumption: true}]' : 'assumption: true');
    const flow = (deeper: boolean) =>
      `argmap: 1\ntitle: t\nrecommendation: ${'{text: r, reasons: ['.repeat(levels)}{text: r, ${leaf(deeper)}}${']}'.repeat(levels)}\n`;
    writeFileSync(join(dir, 'deep-block.yaml'), block(false));
    writeFileSync(join(dir, 'deep-flow-limit.yaml'), flow(false));
    for (const command of COMMANDS) expect(argmap([command, 'deep-block.yaml'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
    expect(argmap(['check', 'deep-flow-limit.yaml'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });

    writeFileSync(join(dir, 'deeper-block.yaml'), block(true));
    writeFileSync(join(dir, 'deeper-flow.yaml'), flow(true));
    for (const name of ['deeper-block.yaml', 'deeper-flow.yaml']) {
      const r = argmap(['check', name, '--format', 'compact'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`${name}:\\d+:\\d+ {2}error {2}nesting too deep: more than ${MAX_DEPTH} levels`));
    }
  });

  it('handles thousands of dangling references, and a support cycle through thousands of claims', () => {
    const n = 3000;
    const dangling = Array.from(
      { length: n },
      (_, i) => `    - id: c${i}\n      text: claim ${i}\n      reasons:\n        - ref: missing-${i}`,
    );
    writeFileSync(join(dir, 'dangling.yaml'), `argmap: 1\ntitle: t\nrecommendation:\n  text: x\n  reasons:\n${dangling.join('\n')}\n`);
    const r = argmap(['check', 'dangling.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const found = JSON.parse(r.stdout).files[0].diagnostics as { rule: string; message: string }[];
    expect(found.filter((d) => d.rule === 'unknown-reference')).toHaveLength(n);
    // Unresolved references leave the graph unreliable: the analysis rules wait, one fault one message.
    expect(found.every((d) => d.rule === 'unknown-reference')).toBe(true);

    const cycle = Array.from(
      { length: n },
      (_, i) => `    - id: c${i}\n      text: claim ${i}\n      reasons:\n        - ref: c${(i + 1) % n}`,
    );
    writeFileSync(join(dir, 'cycle.yaml'), `argmap: 1\ntitle: t\nrecommendation:\n  text: x\n  reasons:\n${cycle.join('\n')}\n`);
    const c = argmap(['check', 'cycle.yaml', '--format', 'json'], { cwd: dir });
    expect(c.code).toBe(1);
    const cycles = (JSON.parse(c.stdout).files[0].diagnostics as { rule: string; message: string }[]).filter(
      (d) => d.rule === 'circular-support',
    );
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.message).toContain(`(${n} claims support each other in a circle)`);
  });
});

describe('hostile paths', () => {
  it('reports a missing path, a folder without argument files, a glob matching nothing, a symlink loop and a pipe', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty folder'));
    symlinkSync('loop.yaml', join(dir, 'loop.yaml'));
    execFileSync('mkfifo', [join(dir, 'pipe.yaml')]);
    for (const command of COMMANDS) {
      const r = argmap([command, 'missing.yaml', 'empty folder', 'none/*.yaml', 'loop.yaml', 'pipe.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n').filter(Boolean)).toEqual([
        'argmap: missing.yaml: no such file or folder',
        'argmap: empty folder: folder holds no argument files (*.yaml, *.yml)',
        'argmap: none/*.yaml: pattern matches no file',
        'argmap: loop.yaml: cannot read: symbolic link loop (ELOOP)',
        'argmap: pipe.yaml: not a regular file (a device, pipe or socket is never read)',
      ]);
    }
  });

  it('reads names with spaces and unicode, and does not follow a folder symlink loop', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'débats 2024', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'débats 2024', 'sub', 'séoul & kyiv.yaml'), OPED);
    symlinkSync('..', join(dir, 'débats 2024', 'sub', 'up'));
    const r = argmap(['check', 'débats 2024', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { file: string }) => f.file)).toEqual(['débats 2024/sub/séoul & kyiv.yaml']);
  });
});

describe('terminal safety', () => {
  it('neutralises escape sequences and bidi controls from claim text in terminal output', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), 'argmap: 1\ntitle: t\nrecommendation:\n  text: "\\e[2J\\e]0;owned\\a wipe \\u202Eevil"\n');
    for (const command of ['unsupported', 'counterpoints', 'check']) {
      const r = argmap([command, 'a.yaml'], { cwd: dir, env: { FORCE_COLOR: '0' } });
      expect(r.stdout + r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/);
    }
    expect(argmap(['unsupported', 'a.yaml'], { cwd: dir }).stdout).toContain('\\u{1b}[2J');
  });
});

describe('output files', () => {
  it('--output into a missing folder or onto a folder: a plain message and exit 2, for every command', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), OPED);
    for (const command of [...COMMANDS, 'evaluate']) {
      const missing = argmap([command, 'a.yaml', '--output', 'no/such/folder/out.txt'], { cwd: dir });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(`argmap: cannot write ${join(dir, 'no/such/folder/out.txt')}: no such file or folder (ENOENT)\n`);
      const folder = argmap([command, 'a.yaml', '--output', '.'], { cwd: dir });
      expect(folder.code).toBe(2);
      expect(folder.stderr).toBe(`argmap: cannot write ${dir}: is a folder (EISDIR)\n`);
    }
    expect(readdirSync(dir)).toEqual(['a.yaml']);
    // init, whose folder cannot be made because a file stands in its way.
    const init = argmap(['init', 'a.yaml/new.yaml'], { cwd: dir });
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/^argmap: cannot write .*a\.yaml: /);
  });
});

describe('a write cut short', () => {
  it('--output past a file-size limit: exit 2 and a message, and the previous file kept, for a streamed outline too', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.yaml'), OPED);
    for (const command of ['outline', 'graph']) {
      writeFileSync(join(dir, 'out.md'), 'previous\n');
      // 2 KiB (the outline and the drawing are larger): the output is written only in part, which must
      // not pass as done.
      const r = spawnSync('bash', ['-c', `ulimit -f 2; node '${join(ROOT, 'bin', 'argmap.js')}' ${command} a.yaml --output out.md`], {
        cwd: dir,
        encoding: 'utf8',
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^argmap: cannot write .*out\.md: .*EFBIG/);
      expect(readFileSync(join(dir, 'out.md'), 'utf8')).toBe('previous\n');
      expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'out.md']);
    }
  });
});

describe('interrupted writes', () => {
  it('a run killed while writing --output leaves the previous file intact', () => {
    const dir = tempDir();
    // A large input makes the run long enough to be killed at various points.
    const reasons = Array.from({ length: 4000 }, (_, i) => `    - text: reason number ${i}\n      assumption: true`);
    writeFileSync(join(dir, 'big.yaml'), `argmap: 1\ntitle: t\nrecommendation:\n  text: x\n  reasons:\n${reasons.join('\n')}\n`);
    const complete = argmap(['outline', 'big.yaml'], { cwd: dir }).stdout;
    for (const delay of [50, 150, 300, 600]) {
      writeFileSync(join(dir, 'out.md'), 'previous\n');
      execFileSync(
        'bash',
        [
          '-c',
          `node '${join(ROOT, 'bin', 'argmap.js')}' outline big.yaml --output out.md & pid=$!; sleep ${delay / 1000}; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null; true`,
        ],
        { cwd: dir },
      );
      const after = readFileSync(join(dir, 'out.md'), 'utf8');
      expect([complete, 'previous\n']).toContain(after);
    }
    // Only the output file (and inputs) remain besides any temporary file a SIGKILL left behind.
    expect(readdirSync(dir).filter((f) => !f.startsWith('.out.md.'))).toEqual(['big.yaml', 'out.md']);
  });
});
