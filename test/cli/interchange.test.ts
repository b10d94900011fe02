import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH } from '../../src/load/parse';
import { ROOT, argmap, tempDir } from '../helpers/cli';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'interchange');
const OPED = join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml');

describe('argmap import', () => {
  it('writes a Kialo export as YAML that passes argmap check, and says what it mapped', () => {
    const dir = tempDir();
    const r = argmap(['import', join(FIXTURES, 'bike-lanes.txt'), '--from', 'kialo', '--output', 'bike.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/kept: 8 claims/);
    expect(r.stderr).toMatch(/not mapped: nothing/);
    // Outside a project that has argmap installed, the modeline names the schema by its $id.
    expect(readFileSync(join(dir, 'bike.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=https:\/\/argmap\.dev\/schemas\/argmap-1\.schema\.json\n/,
    );
    const check = argmap(['check', 'bike.yaml'], { cwd: dir });
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/0 errors/);
  });

  it('reads an AIF map wrapped as OVA and xAIF save it ({ "AIF": {...} }), with numeric ids and participants', () => {
    const dir = tempDir();
    const r = argmap(['import', join(FIXTURES, 'ova-wrapped.json'), '--from', 'aif', '-o', 'ova.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/kept: 3 claims, 2 relations/);
    const yaml = readFileSync(join(dir, 'ova.yaml'), 'utf8');
    expect(yaml).toContain('speaker: Bob Smith');
    expect(yaml).toContain('text: Electric cars do not pollute');
    expect(argmap(['check', 'ova.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('keeps an exported document.file only where it names a text beside the imported file, else leaves it out and says so', () => {
    const dir = tempDir();
    const editorial = join(ROOT, 'examples', 'newsroom', 'editorial.yaml');
    expect(argmap(['export', editorial, '--to', 'aif', '-o', 'editorial.json'], { cwd: dir }).code).toBe(0);
    // Elsewhere, with no texts/editorial.txt beside it: left out, said, and the file checks clean.
    const away = argmap(['import', 'editorial.json', '--from', 'aif', '-o', 'editorial.yaml'], { cwd: dir });
    expect(away.code).toBe(0);
    expect(away.stderr).toMatch(/not mapped: document\.file "texts\/editorial\.txt" left out: no such file beside editorial\.yaml/);
    const yaml = readFileSync(join(dir, 'editorial.yaml'), 'utf8');
    expect(yaml).toContain('outlet: Millbrook Courier');
    expect(yaml).not.toContain('texts/editorial.txt');
    expect(argmap(['check', 'editorial.yaml'], { cwd: dir }).code).toBe(0);
    // Beside the text, as in the folder it was exported from: kept, and the quotes are checked again.
    mkdirSync(join(dir, 'texts'));
    copyFileSync(join(ROOT, 'examples', 'newsroom', 'texts', 'editorial.txt'), join(dir, 'texts', 'editorial.txt'));
    const here = argmap(['import', 'editorial.json', '--from', 'aif', '-o', 'editorial.yaml'], { cwd: dir });
    expect(here.stderr).toMatch(/not mapped: nothing/);
    expect(readFileSync(join(dir, 'editorial.yaml'), 'utf8')).toContain('file: texts/editorial.txt');
    expect(argmap(['check', 'editorial.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('writes each separate argument of an AIF map to its own file, all passing check', () => {
    const dir = tempDir();
    const r = argmap(['import', join(FIXTURES, 'debate.json'), '--from', 'aif', '-o', 'debate.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['debate-2.yaml', 'debate-3.yaml', 'debate.yaml']);
    expect(r.stderr).toMatch(/not mapped: MA-node 14/);
    expect(argmap(['check', '.'], { cwd: dir }).code).toBe(0);
  });

  it('imports a map whose supports run in circles as a file that passes check, naming each relation it drops', () => {
    const dir = tempDir();
    const i = (nodeID: string, text: string) => ({ nodeID, text, type: 'I' });
    const ra = (nodeID: string) => ({ nodeID, text: 'Default Inference', type: 'RA' });
    // r <- a <- b <- c <- a: a circle of three below the recommendation; x <-> y: a circle with no root.
    const supports: Array<[string, string]> = [
      ['a', 'r'],
      ['b', 'a'],
      ['c', 'b'],
      ['a', 'c'],
      ['x', 'y'],
      ['y', 'x'],
    ];
    const aif = {
      nodes: [
        i('r', 'Cities should plant trees'),
        i('a', 'Trees give shade'),
        i('b', 'Shade cools streets'),
        i('c', 'Cool streets need trees'),
        i('x', 'Parks draw visitors'),
        i('y', 'Visitors fund parks'),
        ...supports.map((_, k) => ra(`s${k}`)),
      ],
      edges: supports.flatMap(([from, to], k) => [
        { edgeID: `e${k}a`, fromID: from, toID: `s${k}` },
        { edgeID: `e${k}b`, fromID: `s${k}`, toID: to },
      ]),
    };
    writeFileSync(join(dir, 'circles.json'), JSON.stringify(aif));
    const r = argmap(['import', 'circles.json', '--from', 'aif', '-o', 'circles.yaml'], { cwd: dir });
    expect(r.stderr).not.toContain('internal error');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'not mapped: relation trees-give-shade supports cool-streets-need-trees: it closes a circle of support (trees-give-shade → cool-streets-need-trees → shade-cools-streets → trees-give-shade), which argmap check rejects as circular-support (dropped)',
    );
    expect(r.stderr).toContain('not mapped: relation parks-draw-visitors supports visitors-fund-parks: it closes a circle of support');
    const check = argmap(['check', '-f', 'json', '.'], { cwd: dir });
    expect(check.stdout).not.toContain('circular-support');
    expect(check.code).toBe(0);
    // Every claim is still written: only the closing relations are gone.
    const written = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const id of [
      'cities-should-plant-trees',
      'trees-give-shade',
      'shade-cools-streets',
      'cool-streets-need-trees',
      'parks-draw-visitors',
      'visitors-fund-parks',
    ]) {
      expect(written).toContain(`id: ${id}`);
    }
  });

  it('imports a Kialo link back up the tree (a circle of support) as a file that passes check', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'k.txt'),
      'Discussion Title: Trees\n\n1. Cities should plant trees.\n1.1. Pro: Trees cool streets.\n1.1.1. Pro: -> See 1.\n',
    );
    const r = argmap(['import', 'k.txt', '--from', 'kialo', '-o', 'k.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/not mapped: relation .* closes a circle of support/);
    expect(argmap(['check', 'k.yaml'], { cwd: dir }).code).toBe(0);
  });

  it('writes an Argdown map as YAML that passes argmap check, and says what it mapped', () => {
    const dir = tempDir();
    const r = argmap(['import', join(FIXTURES, 'library.argdown'), '--from', 'argdown', '-o', 'library.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/imported .*library\.argdown \(Argdown\):/);
    expect(r.stderr).toMatch(/kept: 10 claims, 9 relations, 1 undercut,/);
    expect(r.stderr).toMatch(/not mapped: nothing/);
    expect(readFileSync(join(dir, 'library.yaml'), 'utf8')).toContain('undercut: true');
    expect(argmap(['check', 'library.yaml'], { cwd: dir }).code).toBe(0);
  });

  it("loads Argdown's parser only for an Argdown import: no other command's code imports it", () => {
    const chunks = readdirSync(join(ROOT, 'dist', 'chunks')).map((f) => join('chunks', f));
    const users = ['argmap.js', ...chunks].filter((f) => readFileSync(join(ROOT, 'dist', f), 'utf8').includes('@argdown/core'));
    expect(users).toHaveLength(1);
    expect(readFileSync(join(ROOT, 'dist', users[0]!), 'utf8')).toMatch(/import\(\s*"@argdown\/core"\s*\)/);
  });

  it('prints a single-part import to stdout, and refuses a multi-part one without --output', () => {
    expect(argmap(['import', join(FIXTURES, 'bike-lanes.txt'), '--from', 'kialo']).stdout).toMatch(/^# yaml-language-server/);
    const r = argmap(['import', join(FIXTURES, 'debate.json'), '--from', 'aif']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['bad-type.json', 'aif', /bad-type\.json:3:\d+: node 2 has type "XA"/],
    ['bad-edge.json', 'aif', /bad-edge\.json:4:\d+: edge 1 goes to node 9/],
    ['not-json.json', 'aif', /not-json\.json:3:1: not JSON/],
    ['empty.txt', 'kialo', /empty\.txt:1:1: empty Kialo file/],
    ['bad-line.txt', 'kialo', /bad-line\.txt:5:1: a numbered line/],
    ['bad.argdown', 'argdown', /bad\.argdown:3:1: not Argdown: /],
  ])('%s: exit 2 with a position, and no file written or replaced', (name, from, message) => {
    const dir = tempDir();
    copyFileSync(join(FIXTURES, name), join(dir, name));
    writeFileSync(join(dir, 'out.yaml'), 'previous\n');
    const r = argmap(['import', name, '--from', from, '-o', 'out.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('previous\n');
    expect(readdirSync(dir).sort()).toEqual([name, 'out.yaml'].sort());
  });

  it(`imports a support chain as deep as argmap check reads (${MAX_DEPTH} levels), and refuses one claim deeper`, () => {
    // The recommendation is level 2 of the YAML; each claim under it adds a list and a mapping.
    const below = (MAX_DEPTH - 2) / 2;
    /** An AIF chain of `n` claims: i1 supports i0, i2 supports i1... */
    const aif = (n: number) => {
      const nodes: object[] = Array.from({ length: n }, (_, k) => ({ nodeID: `i${k}`, text: `Claim ${k}`, type: 'I' }));
      const edges: object[] = [];
      for (let k = 1; k < n; k++) {
        nodes.push({ nodeID: `ra${k}`, text: 'Default Inference', type: 'RA' });
        edges.push({ edgeID: `e${k}a`, fromID: `i${k}`, toID: `ra${k}` }, { edgeID: `e${k}b`, fromID: `ra${k}`, toID: `i${k - 1}` });
      }
      return JSON.stringify({ nodes, edges });
    };
    /** A Kialo thesis and `n` claims under it, each a Pro of the one before. */
    const kialo = (n: number) =>
      ['Discussion Title: T', '1. Thesis', ...Array.from({ length: n }, (_, k) => `1${'.1'.repeat(k + 1)}. Pro: Claim ${k}`), ''].join(
        '\n',
      );
    const dir = tempDir();
    writeFileSync(join(dir, 'chain.json'), aif(below + 1));
    writeFileSync(join(dir, 'chain.txt'), kialo(below));
    writeFileSync(join(dir, 'deeper.json'), aif(below + 2));
    writeFileSync(join(dir, 'deeper.txt'), kialo(below + 1));
    writeFileSync(join(dir, 'deepest.json'), aif(5000));

    for (const [name, from] of [
      ['chain.json', 'aif'],
      ['chain.txt', 'kialo'],
    ] as const) {
      const r = argmap(['import', name, '--from', from, '-o', `${name}.yaml`], { cwd: dir });
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(`${below + 1} claims`);
      const check = argmap(['check', `${name}.yaml`, '--format', 'compact'], { cwd: dir });
      expect(check.code).toBe(0);
      expect(check.stdout).toMatch(/\(0 errors, \d+ warnings\)/);
    }
    for (const [name, from, depth] of [
      ['deeper.json', 'aif', MAX_DEPTH + 2],
      ['deeper.txt', 'kialo', MAX_DEPTH + 2],
      ['deepest.json', 'aif', 2 + 2 * 4999],
    ] as const) {
      writeFileSync(join(dir, 'out.yaml'), 'previous\n');
      const r = argmap(['import', name, '--from', from, '-o', 'out.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(`argmap: ${name}: nested too deep to import: the YAML would nest ${depth} levels of mappings and lists`);
      expect(r.stderr).toContain(
        `argmap check reads at most ${MAX_DEPTH} (${below} claims below the recommendation, one fewer where the deepest claim has evidence); nothing was written`,
      );
      expect(readFileSync(join(dir, 'out.yaml'), 'utf8')).toBe('previous\n');
    }
  });

  it('usage errors: missing --from, missing file', () => {
    expect(argmap(['import', join(FIXTURES, 'debate.json')]).code).toBe(2);
    expect(argmap(['import', 'nope.json', '--from', 'aif']).code).toBe(2);
  });
});

describe('argmap export', () => {
  it('writes the same AIF bytes on every run (no clock in the output)', () => {
    const first = argmap(['export', OPED, '--to', 'aif']);
    expect(first.code).toBe(0);
    expect(argmap(['export', OPED, '--to', 'aif']).stdout).toBe(first.stdout);
  });

  it('round-trips the op-ed through AIF on the command line', () => {
    const dir = tempDir();
    expect(argmap(['export', OPED, '--to', 'aif', '-o', 'oped.json'], { cwd: dir }).code).toBe(0);
    const aif = JSON.parse(readFileSync(join(dir, 'oped.json'), 'utf8'));
    expect(aif.nodes.length).toBeGreaterThan(0);
    expect(argmap(['import', 'oped.json', '--from', 'aif', '-o', 'back.yaml'], { cwd: dir }).code).toBe(0);
    const check = argmap(['check', 'back.yaml'], { cwd: dir });
    expect(check.code).toBe(0);
  });

  it('writes Argdown and JSON with positions', () => {
    const argdown = argmap(['export', OPED, '--to', 'argdown']);
    expect(argdown.code).toBe(0);
    expect(argdown.stdout).toMatch(/^\[no-hasty-arms-decision\]: /m);
    const json = argmap(['export', OPED, '--to', 'json']);
    const data = JSON.parse(json.stdout);
    expect(data.recommendation.line).toBeGreaterThan(0);
    expect(data.format).toBe('argmap-json');
  });

  it('does not export a file with errors (exit 1, nothing written)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'argmap: 1\ntitle: T\nrecommendation:\n  txt: x\n');
    const r = argmap(['export', 'bad.yaml', '--to', 'aif', '-o', 'out.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });
});
