import { chmodSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, findOnPath } from '../helpers/browser';
import { tempDir } from '../helpers/cli';
import { underCi } from '../helpers/needs';

/** How the browser tests find a Chromium (test/helpers/browser.ts), and when they may skip. */
describe('finding a Chromium for the browser tests', () => {
  const executable = (dir: string, name: string) => {
    const file = join(dir, name);
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o755);
    return file;
  };

  it('takes the CHROMIUM variable first, and refuses a path with no executable behind it', async () => {
    const dir = tempDir();
    const mine = executable(dir, 'my-chrome');
    executable(dir, 'chromium');
    await expect(findChromium({ CHROMIUM: mine, PATH: dir })).resolves.toMatchObject({
      browser: { executablePath: mine, from: 'CHROMIUM' },
    });
    await expect(findChromium({ CHROMIUM: join(dir, 'nothing'), PATH: dir })).rejects.toThrow(
      `CHROMIUM=${join(dir, 'nothing')}: no executable file there`,
    );
  });

  it('then looks for chromium, chromium-browser and google-chrome on PATH, in that order', async () => {
    const [a, b] = [tempDir(), tempDir()];
    const chrome = executable(a, 'google-chrome');
    writeFileSync(join(a, 'chromium'), 'not executable');
    expect(findOnPath(['chromium', 'chromium-browser', 'google-chrome'], [a, b].join(delimiter))).toBe(chrome);
    const browser = executable(b, 'chromium-browser');
    await expect(findChromium({ PATH: [a, b].join(delimiter) })).resolves.toMatchObject({
      browser: { executablePath: browser, from: 'PATH' },
    });
  });

  it('treats CI as set unless it is empty, 0 or false', () => {
    expect([undefined, '', '0', 'false', 'FALSE'].map((CI) => underCi({ CI }))).toEqual([false, false, false, false, false]);
    expect(['true', '1', 'yes'].map((CI) => underCi({ CI }))).toEqual([true, true, true]);
  });
});
