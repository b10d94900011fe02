import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, chromiumForTests, screenshot } from '../helpers/browser';
import { argmap, tempDir } from '../helpers/cli';

describe('the HTML report in headless Chromium', () => {
  const chromium = chromiumForTests();
  let url: string;
  let html: string;

  beforeAll(async () => {
    const dir = tempDir();
    const r = argmap(['report', '--output', join(dir, 'report.html')]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    html = readFileSync(join(dir, 'report.html'), 'utf8');
    url = pathToFileURL(join(dir, 'report.html')).href;
  }, 60_000);

  it('is self-contained: no external URL, no script, a CSP that forbids scripts', () => {
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).toContain('<meta name="viewport"');
  });

  for (const view of [
    { name: 'desktop', width: 1280, height: 900 },
    { name: 'phone', width: 390, height: 844 },
  ]) {
    it(`shows one map node per claim, the outline and the lists, offline and without errors (${view.name})`, async (context) => {
      const page = await chromium.newPage(context, { width: view.width, height: view.height });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on('request', (req) => requests.push(req.url()));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (err) => errors.push(err.message));
      await page.goto(url);

      const nodeIds = await page.locator('svg.map g.node[id^="claim-"]').evaluateAll((els) => els.map((e) => e.id));
      expect(nodeIds).toHaveLength(14);
      expect(new Set(nodeIds).size).toBe(14);
      await expect(page.locator('svg.map').isVisible()).resolves.toBe(true);
      // Every map node has its claim in the outline, and the outline is shown.
      for (const id of nodeIds) await expect(page.locator(`[id="f1-o-${id}"]`).isVisible()).resolves.toBe(true);
      for (const heading of ['Map', 'Outline', 'Unsupported claims', 'Counterpoints', 'Sources']) {
        await expect(page.getByRole('heading', { name: heading, exact: true }).isVisible()).resolves.toBe(true);
      }
      await expect(page.locator('ul.list').first().innerText()).resolves.toContain('readiness-deterrence');
      await expect(page.locator('ol.sources > li').count()).resolves.toBe(13);
      // The page never scrolls sideways: only the map does.
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow as number).toBeLessThanOrEqual(1);

      const shot = join(ARTIFACTS, `report-${view.name}.png`);
      await screenshot(page, { path: shot, fullPage: false });
      await screenshot(page, { path: join(ARTIFACTS, `report-${view.name}-full.png`), fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      expect(requests).toEqual([url]);
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);
  }
});
