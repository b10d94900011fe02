import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { ARTIFACTS, chromiumForTests, screenshot } from '../helpers/browser';
import { argmap, tempDir } from '../helpers/cli';

/** A small map with a document link and note, a defeated and an unsupported claim, and long unbroken words. */
const MAP = `argmap: 1
title: Should the library open on Sundays?
document:
  kind: editorial
  title: Open the library on Sundays
  author: Ada Reader
  outlet: The Town Crier
  date: 2025-03-01
  url: https://example.org/sunday-library
  note: Read in the print edition; the online text differs in one paragraph.
sources:
  - id: board-minutes
    speaker: Library board
    venue: monthly meeting
    date: 2025-02-10
    url: https://example.org/minutes/2025-02-10/a-very-long-path-that-never-breaks-anywhere-at-all-on-a-phone-screen
recommendation:
  id: open-sundays
  text: The library should open on Sundays.
  reasons:
    - id: demand
      text: Residents asked for Sunday hours.
      evidence:
        - text: Two hundred residents signed a petition.
          source: board-minutes
    - id: cheap
      text: Sunday staffing costs little (Supercalifragilisticexpialidociouslylongwordthatneverbreaksanywhereatall).
  counterpoints:
    - id: budget
      text: The budget is fixed for this year.
      assumption: true
      rebuttals:
        - id: grant
          text: A state grant covers the extra hours.
          evidence:
            - text: The grant letter names Sunday hours.
              source: board-minutes
`;

describe('reading the HTML report in headless Chromium', () => {
  const chromium = chromiumForTests();
  let url: string;
  let opEdUrl: string;

  beforeAll(async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sundays.yaml'), MAP);
    expect(argmap(['report', 'sundays.yaml', '--output', 'report.html'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
    url = pathToFileURL(join(dir, 'report.html')).href;
    expect(argmap(['report', '--output', join(dir, 'op-ed.html')])).toMatchObject({ code: 0, stderr: '' });
    opEdUrl = pathToFileURL(join(dir, 'op-ed.html')).href;
  }, 60_000);

  const open = async (context: TestContext, target: string, width = 1280, height = 900): Promise<Page> => {
    const page = await chromium.newPage(context, { width, height });
    await page.goto(target);
    return page;
  };

  it('shows the document with its link and note, and the verdict with its explanation', async (context) => {
    const page = await open(context, url);
    const doc = page.locator('.document');
    await expect(doc.innerText()).resolves.toMatch(/editorial.*Open the library on Sundays.*Ada Reader.*The Town Crier.*2025-03-01/is);
    await expect(doc.locator('a').getAttribute('href')).resolves.toBe('https://example.org/sunday-library');
    await expect(doc.innerText()).resolves.toContain('Read in the print edition; the online text differs in one paragraph.');
    const verdict = page.locator('.verdict');
    await expect(verdict.isVisible()).resolves.toBe(true);
    const text = await verdict.innerText();
    expect(text).toContain('Verdict: the recommendation stands');
    expect(text).toContain('supported by reason demand, which is in');
    expect(text).toMatch(/5 claims: 3 in · 1 unsupported · 1 defeated · 0 undercut · 0 undecided/);
    // Every claim in the outline carries its status word on its colour, and the unsupported one its mark.
    const words = await page.locator('.claim .status').allInnerTexts();
    expect(words.sort()).toEqual(['defeated', 'in', 'in', 'in', 'unsupported']);
    await expect(page.locator('[data-status="defeated"] code').first().innerText()).resolves.toBe('budget');
    await page.close();
  }, 60_000);

  it('expands and collapses with the keyboard alone, with a visible focus', async (context) => {
    const page = await open(context, url);
    const firstDetails = page.locator('ul.tree details').first();
    const inside = firstDetails.locator(':scope > ul .claim').first();
    await expect(firstDetails.getAttribute('open')).resolves.toBe('');
    await expect(inside.isVisible()).resolves.toBe(true);
    // Tab until a summary has the focus.
    let tag = '';
    for (let i = 0; i < 60 && tag !== 'SUMMARY'; i++) {
      await page.keyboard.press('Tab');
      tag = (await page.evaluate('document.activeElement && document.activeElement.tagName')) as string;
    }
    expect(tag).toBe('SUMMARY');
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(firstDetails.getAttribute('open')).resolves.toBeNull();
    await expect(inside.isVisible()).resolves.toBe(false);
    await page.keyboard.press('Space');
    await expect(firstDetails.getAttribute('open')).resolves.toBe('');
    await expect(inside.isVisible()).resolves.toBe(true);
    await page.close();
  }, 60_000);

  it('prints: plain header, every reason shown even when collapsed, status words kept, nothing past the page', async (context) => {
    const page = await open(context, url);
    // Collapse everything, as a reader might before printing.
    await page.evaluate('document.querySelectorAll("details").forEach((d) => d.removeAttribute("open"))');
    await page.emulateMedia({ media: 'print' });
    await expect(page.evaluate('getComputedStyle(document.querySelector("header.page")).backgroundColor')).resolves.toBe(
      'rgba(0, 0, 0, 0)',
    );
    for (const id of ['demand', 'cheap', 'budget', 'grant']) {
      await expect(page.locator(`.claim:has(> code:text-is("${id}"))`).isVisible(), id).resolves.toBe(true);
    }
    await expect(page.locator('summary').first().isVisible()).resolves.toBe(false);
    await expect(page.locator('.claim .status').first().isVisible()).resolves.toBe(true);
    const pdf = join(ARTIFACTS, 'report-print.pdf');
    await page.pdf({ path: pdf, format: 'A4' });
    expect(statSync(pdf).size).toBeGreaterThan(5_000);
    await page.close();
  }, 60_000);

  for (const [name, target] of [
    ['the small map with long words', () => url],
    ['the op-ed', () => opEdUrl],
  ] as const) {
    it(`reads at 375 px without scrolling sideways, except inside the drawing (${name})`, async (context) => {
      const page = await open(context, target(), 375, 812);
      const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
      expect(overflow as number).toBeLessThanOrEqual(0);
      // No element but the drawing's own reaches past the right edge.
      const wide = await page.evaluate(`[...document.querySelectorAll('main *')]
        .filter((e) => !e.closest('figure.map') && e.getBoundingClientRect().right > window.innerWidth + 0.5)
        .map((e) => e.tagName + '.' + e.className)`);
      expect(wide).toEqual([]);
      const shot = join(ARTIFACTS, `report-375-${name.replace(/\W+/g, '-')}.png`);
      await screenshot(page, { path: shot, fullPage: true });
      expect(readFileSync(shot).length).toBeGreaterThan(10_000);
      await page.close();
    }, 60_000);
  }
});
