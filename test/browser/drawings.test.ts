import { appendFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumForTests } from '../helpers/browser';
import { ROOT, argmap, tempDir } from '../helpers/cli';
import { syntheticMap } from '../helpers/maps';

// The screenshots go to ARTIFACTS (gitignored): drawings-<map>.png, the first drawing of each
// report, and the measurements, a line each, to drawings.jsonl.

interface Measured {
  drawings: number;
  /** The smallest text of any drawing, in CSS px as rendered (font size times the drawing's scale). */
  smallest: number;
  /** Drawings wider than their frame (they would scroll sideways). */
  overflowing: number;
  /** Ids found more than once in the page (several drawings of one map must keep them apart). */
  repeatedIds: number;
  /** Claim boxes, and those that show their status word (the `st-` of their class) as a text of its own. */
  claimBoxes: number;
  withStatusWord: number;
}

/**
 * Issue 19: at a 1280 px wide window, the smallest label text of the report's drawings is at least
 * 9 CSS px, on the op-ed, a 60-claim and a 200-claim map; a map too large to read in one drawing is
 * shown as its top and its parts. Measured in Chromium on the rendered SVG.
 */
describe('the report draws maps legibly at 1280 px', () => {
  const chromium = chromiumForTests();
  const dir = tempDir();

  beforeAll(() => {
    rmSync(join(ARTIFACTS, 'drawings.jsonl'), { force: true });
  });

  const maps: Array<{ name: string; file: () => string; drawings: (n: number) => boolean }> = [
    { name: 'op-ed', file: () => join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), drawings: (n) => n === 1 },
    { name: '60-claims', file: () => write('sixty.yaml', syntheticMap(60)), drawings: (n) => n === 1 },
    { name: '200-claims', file: () => write('two-hundred.yaml', syntheticMap(200)), drawings: (n) => n > 1 },
  ];
  function write(name: string, text: string): string {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  }

  for (const map of maps) {
    it(`${map.name}: the smallest label text is at least 9 CSS px, and every drawing fits its frame`, async (context) => {
      const page = await chromium.newPage(context, { width: 1280, height: 900 });
      const out = join(dir, `${map.name}.html`);
      const r = argmap(['report', map.file(), '-o', out]);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      await page.goto(pathToFileURL(out).href);
      const measured = (await page.evaluate(`(() => {
        const svgs = [...document.querySelectorAll('svg.map')];
        let smallest = Infinity;
        let overflowing = 0;
        let claimBoxes = 0;
        let withStatusWord = 0;
        for (const svg of svgs) {
          for (const box of svg.querySelectorAll('g.node.claim')) {
            claimBoxes++;
            const status = [...box.classList].find((c) => c.startsWith('st-'));
            if (status && [...box.querySelectorAll('text')].some((t) => t.textContent === status.slice(3))) withStatusWord++;
          }
          for (const text of svg.querySelectorAll('text')) {
            if (text.textContent.trim() === '') continue;
            const m = text.getScreenCTM();
            const px = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
            if (px < smallest) smallest = px;
          }
          const frame = svg.closest('figure');
          if (svg.getBoundingClientRect().width > frame.clientWidth + 1) overflowing++;
        }
        const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
        return { drawings: svgs.length, smallest, overflowing, repeatedIds: ids.length - new Set(ids).size, claimBoxes, withStatusWord };
      })()`)) as Measured;
      appendFileSync(join(ARTIFACTS, 'drawings.jsonl'), `${JSON.stringify({ map: map.name, ...measured })}\n`);
      expect(map.drawings(measured.drawings)).toBe(true);
      expect(measured.smallest).toBeGreaterThanOrEqual(9);
      expect(measured.overflowing).toBe(0);
      expect(measured.repeatedIds).toBe(0);
      expect(measured.claimBoxes).toBeGreaterThan(0);
      expect(measured.withStatusWord).toBe(measured.claimBoxes);
      const shot = join(ARTIFACTS, `drawings-${map.name}.png`);
      await page.locator('figure.map').first().screenshot({ path: shot });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      await page.close();
    }, 120_000);
  }
});
