import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DRAWN_BOXES } from '../../src/format/svg';
import { argmap, tempDir } from '../helpers/cli';

/** A valid map: a recommendation and `n` reasons under it, each an assumption. */
function flatMap(n: number): string {
  const reasons = Array.from({ length: n }, (_, i) => `    - id: r${i}\n      text: Reason ${i}.\n      assumption: true\n`).join('');
  return `argmap: 1\ntitle: Wide\nrecommendation:\n  id: rec\n  text: Plant trees.\n  assumption: true\n  reasons:\n${reasons}`;
}

// Graphviz (WebAssembly) ran out of stack on 14,000 reasons: "internal error: Maximum call stack
// size exceeded". One box past the limit is refused before any layout, so this test is quick.
describe(`a map of more than ${MAX_DRAWN_BOXES} boxes`, () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'wide.yaml'), flatMap(MAX_DRAWN_BOXES));

  it('graph --format svg: refused with a clear message, exit 2, nothing written; dot is still drawn', () => {
    const r = argmap(['graph', '--format', 'svg', 'wide.yaml', '-o', 'wide.svg'], { cwd: dir });
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).toContain(
      `wide.yaml: the map has ${(MAX_DRAWN_BOXES + 1).toLocaleString('en-US')} boxes, and argmap draws at most ${MAX_DRAWN_BOXES.toLocaleString('en-US')} as SVG`,
    );
    expect(r.stderr).toContain('use --format dot or mermaid');
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'wide.svg'))).toBe(false);
    const dot = argmap(['graph', '--format', 'dot', 'wide.yaml'], { cwd: dir });
    expect(dot.code).toBe(0);
    expect(dot.stdout).toContain(`claim-r${MAX_DRAWN_BOXES - 1}`);
  });

  it('report: the page is written, with a note where the drawing would be, and the rest of it', () => {
    const r = argmap(['report', 'wide.yaml', '-o', 'wide.html'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'wide.html'), 'utf8');
    expect(html).toContain(`No drawing: the map has ${(MAX_DRAWN_BOXES + 1).toLocaleString('en-US')} boxes`);
    expect(html).not.toContain('<svg');
    // The outline is there, down to the last reason.
    expect(html).toContain(`Reason ${MAX_DRAWN_BOXES - 1}.`);
  });
});
