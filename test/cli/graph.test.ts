import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, argmap, tempDir } from '../helpers/cli';

const OPED = join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml');

/** Every claim key of the op-ed, from `outline --format json`. */
function claimCount(): number {
  const [file] = JSON.parse(argmap(['outline', '--format', 'json']).stdout).files;
  let n = 0;
  const walk = (node: Record<string, unknown>): void => {
    if (typeof node.kind === 'string' && !('ref' in node)) n++;
    for (const key of ['reasons', 'risks', 'counterpoints', 'rebuttals', 'premises']) {
      for (const child of (node[key] as Record<string, unknown>[] | undefined) ?? []) walk(child);
    }
  };
  walk(file.recommendation);
  for (const c of (file.counterpoints as Record<string, unknown>[] | undefined) ?? []) walk(c);
  return n;
}

describe('argmap graph', () => {
  it('draws the op-ed as SVG with exactly one claim node per claim', () => {
    const r = argmap(['graph', '--format', 'svg']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<?xml')).toBe(true);
    const ids = [...r.stdout.matchAll(/<g id="(claim-[^"]*)" class="node[^"]*">/g)].map((m) => m[1]);
    expect(ids.length).toBe(claimCount());
    expect(ids.length).toBe(14);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['readiness-deterrence', 'interoperability', 'legal-basis', 'threat-perception']) {
      expect(r.stdout).toMatch(new RegExp(`<g id="claim-${id}" class="node claim [a-z]+ unsupported">`));
    }
  });

  it('writes Mermaid and DOT, and --output atomically', () => {
    const mermaid = argmap(['graph', OPED]);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout.startsWith('flowchart BT\n')).toBe(true);
    const dir = tempDir();
    const r = argmap(['graph', '--format', 'dot', '--output', join(dir, 'map.dot'), OPED]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'map.dot'), 'utf8').startsWith('digraph argmap {')).toBe(true);
    expect(readdirSync(dir)).toEqual(['map.dot']);
  });

  it('embeds the Mermaid diagram after the title with outline --diagram', () => {
    const r = argmap(['outline', '--diagram']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('# Should South Korea send weapons to Ukraine?\n\n```mermaid\nflowchart BT\n')).toBe(true);
    expect(argmap(['outline']).stdout).not.toContain('```mermaid');
  });

  it('exits 1 on a file with errors, 2 on usage errors', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.yaml'), 'argmap: 1\ntitle: Bad\nrecommendation:\n  txt: oops\n');
    writeFileSync(join(dir, 'copy.yaml'), readFileSync(OPED, 'utf8'));
    writeFileSync(join(dir, 'copy2.yaml'), readFileSync(OPED, 'utf8'));
    const bad = argmap(['graph', '--format', 'svg', 'bad.yaml'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(argmap(['graph', '--format', 'png', OPED]).code).toBe(2);
    expect(argmap(['graph', 'missing.yaml'], { cwd: dir }).code).toBe(2);
    // One path, as `argmap help graph` says: two are a usage error, and so is a glob matching two files.
    const two = argmap(['graph', 'copy.yaml', 'copy2.yaml'], { cwd: dir });
    expect(two).toMatchObject({ code: 2, stdout: '' });
    expect(two.stderr).toContain("too many arguments for 'graph'. Expected 1 argument but got 2.");
    const several = argmap(['graph', 'copy*.yaml'], { cwd: dir });
    expect(several.code).toBe(2);
    expect(several.stderr).toContain('2 files given: graph draws one file at a time');
  });
});
