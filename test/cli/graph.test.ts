import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, argmap, tempDir } from '../helpers/cli';
import { syntheticMap } from '../helpers/maps';

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
      expect(r.stdout).toMatch(new RegExp(`<g id="claim-${id}" class="node claim [a-z]+ unsupported st-unsupported">`));
    }
  });

  it("writes each claim's status word, as argmap evaluate gives it, on its box in SVG, DOT and Mermaid", () => {
    const [file] = JSON.parse(argmap(['evaluate', '--format', 'json']).stdout).files;
    const statuses = new Map((file.claims as Array<{ id: string; status: string }>).map((c) => [c.id, c.status]));
    expect(new Set(statuses.values())).toEqual(new Set(['in', 'unsupported', 'defeated']));
    const svg = argmap(['graph', '--format', 'svg']).stdout;
    const dot = argmap(['graph', '--format', 'dot']).stdout;
    const mermaid = argmap(['graph']).stdout;
    for (const [id, status] of statuses) {
      // SVG: the node's group holds a text that is the word alone (the badge), and its class says it.
      const group = new RegExp(`<g id="claim-${id}" class="node claim[a-z ]* st-${status}">([\\s\\S]*?)</g>\n</g>`).exec(svg);
      expect(group, id).not.toBeNull();
      const texts = [...group![1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      expect(texts, id).toContain(status);
      expect(dot).toMatch(new RegExp(`"claim-${id}" \\[[^\\n]*<B>${status}</B>`));
      expect(mermaid).toMatch(new RegExp(`claim_${id.replace(/-/g, '_')}[[(]"[^\\n]*<b>${status}</b></span>`));
    }
    // "unsupported" is said once on a box: the word, then why, not a second "⚠ unsupported" line.
    expect(svg).toContain('⚠ rests on nothing');
    expect(svg).not.toContain('⚠ unsupported');
  });

  it('writes Mermaid and DOT, and --output atomically', () => {
    const mermaid = argmap(['graph', OPED]);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout.startsWith('flowchart RL\n')).toBe(true);
    const dir = tempDir();
    const r = argmap(['graph', '--format', 'dot', '--output', join(dir, 'map.dot'), OPED]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'map.dot'), 'utf8').startsWith('digraph argmap {')).toBe(true);
    expect(readdirSync(dir)).toEqual(['map.dot']);
  });

  it('embeds the Mermaid diagram after the title and the document line with outline --diagram', () => {
    const r = argmap(['outline', '--diagram']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Should South Korea send weapons to Ukraine\?\n\n\*\*Document:\*\* [^\n]+\n\n```mermaid\nflowchart RL\n/);
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

describe('argmap graph: drawings that scale', () => {
  const svgWidth = (svg: string) => Number(/<svg width="([\d.]+)pt"/.exec(svg)![1]);

  // Before: 2,120 pt (the op-ed) and 7,534 pt (60 claims), drawn top to bottom and scaled down to the
  // report's 1,110 px, 10 pt text came out at 4 to 7 px. 1,233 pt keeps it at 9 px or more.
  it('draws the op-ed and a 60-claim map by default at most 1,233 pt wide', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sixty.yaml'), syntheticMap(60));
    expect(svgWidth(argmap(['graph', '-f', 'svg', OPED]).stdout)).toBeLessThanOrEqual(1233);
    const sixty = argmap(['graph', '-f', 'svg', 'sixty.yaml'], { cwd: dir });
    expect(sixty.code).toBe(0);
    expect(svgWidth(sixty.stdout)).toBeLessThanOrEqual(1233);
    expect(svgWidth(argmap(['graph', '-f', 'svg', '--direction', 'TB', 'sixty.yaml'], { cwd: dir }).stdout)).toBeGreaterThan(5000);
  });

  it('--depth, --focus and --direction in every format', () => {
    for (const format of ['mermaid', 'dot', 'svg']) {
      const r = argmap(['graph', '-f', format, '--depth', '1', '--direction', 'TB', OPED]);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain('▸ 6 more claims below');
      expect(r.stdout).not.toContain('reevaluate-evidence');
      const f = argmap(['graph', '-f', format, '--focus', 'purpose-unclear', OPED]);
      expect(f).toMatchObject({ code: 0, stderr: '' });
      // Graphviz writes `-` in SVG text as `&#45;`.
      expect(f.stdout.replace(/&#45;/g, '-')).toContain(
        'reason purpose-unclear and what supports or attacks it, 2 levels deep: 1 claim of 14, 13 not drawn',
      );
    }
  });

  it('--split writes the top of the map and one drawing per claim under it, to FILE, FILE-2, ...', () => {
    const dir = tempDir();
    const r = argmap(['graph', '-f', 'svg', '--split', '-o', 'map.svg', OPED], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(dir).sort()).toEqual([
      'map-2.svg',
      'map-3.svg',
      'map-4.svg',
      'map-5.svg',
      'map-6.svg',
      'map-7.svg',
      'map-8.svg',
      'map.svg',
    ]);
    expect(readFileSync(join(dir, 'map.svg'), 'utf8')).toContain('1 level below the recommendation: 8 claims of 14, 6 not drawn');
    expect(readFileSync(join(dir, 'map-2.svg'), 'utf8').replace(/&#45;/g, '-')).toContain(
      'reason intelligence-uncertain and what supports or attacks it',
    );
    const dot = argmap(['graph', '-f', 'dot', '--split', '-o', 'map.dot', OPED], { cwd: dir });
    expect(dot.code).toBe(0);
    expect(readFileSync(join(dir, 'map-8.dot'), 'utf8').startsWith('digraph argmap {')).toBe(true);
  });

  it('bad values: a clear message, exit 2, nothing written', () => {
    const dir = tempDir();
    const cases: Array<[string[], string]> = [
      [['--focus', 'inteligence-uncertain'], 'argmap: --focus: no claim with id `inteligence-uncertain` in '],
      [['--depth', '-1'], "error: option '--depth <n>' argument '-1' is invalid. --depth takes a whole number, got \"-1\""],
      [['--depth', 'two'], '--depth takes a whole number, got "two"'],
      [['--direction', 'up'], "error: option '--direction <dir>' argument 'up' is invalid. Allowed choices are LR, TB, RL, BT."],
      [['--split'], 'argmap: --split writes one file per drawing: name the first with --output FILE'],
      [['--split', '--focus', 'legal-basis', '-o', 'x.dot'], 'argmap: --split and --focus cannot be used together'],
    ];
    for (const [args, message] of cases) {
      const r = argmap(['graph', ...args, OPED], { cwd: dir });
      expect(r.stderr).toContain(message);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(argmap(['graph', '--focus', 'inteligence-uncertain', OPED]).stderr).toContain('did you mean `intelligence-uncertain`?');
    expect(readdirSync(dir)).toEqual([]);
  });
});
