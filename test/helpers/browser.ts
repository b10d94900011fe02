import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser as Chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, type TestContext } from 'vitest';
import { ROOT } from './cli';
import { skipOrFail } from './needs';

/**
 * Finds a Chromium for the browser tests, in this order:
 * 1. the `CHROMIUM` environment variable (a path to the executable; a wrong path is an error, not a skip);
 * 2. `chromium`, `chromium-browser` or `google-chrome` on PATH;
 * 3. on linux-x64, the build shipped inside the `@sparticuz/chromium` dev dependency, unpacked once
 *    under `node_modules/.cache/argmap-chromium/<version>/`.
 * Where none can be had it says why, for the test to skip (or fail under CI).
 */

export interface Browser {
  executablePath: string;
  /** Where it was found, for messages: `CHROMIUM`, `PATH` or `@sparticuz/chromium <version>`. */
  from: string;
  /** The environment to launch it with. */
  env: NodeJS.ProcessEnv;
}

export type BrowserSearch = { browser: Browser } | { missing: string };

const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome'] as const;

/** Flags for a quiet headless run that touches no network and keeps no profile state. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const HOW_TO_RUN = `to run it, set CHROMIUM=/path/to/chromium-or-chrome (or put ${PATH_NAMES.join(', ')} on PATH)`;

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<BrowserSearch> {
  const fromEnv = env.CHROMIUM;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM=${fromEnv}: no executable file there`);
    return { browser: { executablePath: fromEnv, from: 'CHROMIUM', env } };
  }
  const onPath = findOnPath(PATH_NAMES, env.PATH ?? '');
  if (onPath) return { browser: { executablePath: onPath, from: 'PATH', env } };
  const platform = `${process.platform}-${process.arch}`;
  if (platform !== 'linux-x64') {
    return {
      missing: `no Chromium found: CHROMIUM is not set, none of ${PATH_NAMES.join(', ')} is on PATH, and the npm build (@sparticuz/chromium) runs on linux-x64 only, not ${platform}; ${HOW_TO_RUN}`,
    };
  }
  const packageDir = join(ROOT, 'node_modules', '@sparticuz', 'chromium');
  if (!existsSync(join(packageDir, 'package.json'))) {
    return {
      missing: `no Chromium found: CHROMIUM is not set, none of ${PATH_NAMES.join(', ')} is on PATH, and @sparticuz/chromium is not installed (run \`npm ci\`); ${HOW_TO_RUN}`,
    };
  }
  return { browser: await unpackNpmBuild(packageDir, env) };
}

/** The first of `names` that is an executable file in a folder of `path`. */
export function findOnPath(names: readonly string[], path: string): string | undefined {
  const dirs = path.split(delimiter).filter((d) => d !== '');
  for (const name of names) {
    for (const dir of dirs) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * `@sparticuz/chromium` unpacks into `os.tmpdir()` and reuses any `chromium` it finds there, so files
 * left by another version would be launched (and crash). It gets a folder of its own per version: it
 * unpacks into a fresh staging folder (TMPDIR pointed there for the call), which is then renamed into
 * place whole, so a half-unpacked folder is never reused. Other versions' folders are removed.
 */
async function unpackNpmBuild(packageDir: string, env: NodeJS.ProcessEnv): Promise<Browser> {
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const cache = join(ROOT, 'node_modules', '.cache', 'argmap-chromium');
  const dir = join(cache, version);
  const from = `@sparticuz/chromium ${version}`;
  if (!existsSync(join(dir, 'chromium'))) {
    mkdirSync(cache, { recursive: true });
    for (const old of readdirSync(cache)) if (old !== version) rmSync(join(cache, old), { recursive: true, force: true });
    const staging = mkdtempSync(join(cache, `${version}.partial-`));
    const { default: npmChromium } = await import('@sparticuz/chromium');
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      const unpacked = await npmChromium.executablePath();
      if (unpacked !== join(staging, 'chromium')) throw new Error(`${from} unpacked to ${unpacked}, not into ${staging}`);
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    try {
      renameSync(staging, dir);
    } catch (error) {
      // Another run put the same version in place first: use that one.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(dir, 'chromium'))) throw error;
    }
  }
  // The package's own fonts.conf names Lambda's folders: one that adds its fonts to the system's.
  const fontsConf = join(dir, 'argmap-fonts.conf');
  if (!existsSync(fontsConf)) {
    writeFileSync(
      fontsConf,
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${join(dir, 'fonts')}</dir>\n  <cachedir>${join(dir, 'fonts-cache')}</cachedir>\n</fontconfig>\n`,
    );
  }
  return { executablePath: join(dir, 'chromium'), from, env: { ...env, FONTCONFIG_FILE: fontsConf } };
}

/** Where the browser tests keep their screenshots, PDFs and measurements (gitignored). */
export const ARTIFACTS = join(ROOT, 'test', 'artifacts');

export interface ChromiumForTests {
  /**
   * A new page of this size in the shared Chromium; where none could be had, skips the test saying
   * why (a failure under CI, `skipOrFail`).
   */
  newPage(context: TestContext, viewport: { width: number; height: number }): Promise<Page>;
}

/**
 * One headless Chromium for the tests of the `describe` block it is called in: found
 * (`findChromium`) and launched before them, with ARTIFACTS made, and closed after them.
 */
export function chromiumForTests(): ChromiumForTests {
  let browser: Chromium | undefined;
  let missing: string | undefined;
  beforeAll(async () => {
    const search = await findChromium();
    if ('missing' in search) {
      missing = search.missing;
      return;
    }
    const { executablePath, from, env } = search.browser;
    browser = await chromium.launch({ executablePath, env, args: CHROMIUM_ARGS }).catch((error: unknown) => {
      throw new Error(
        `Chromium from ${from} (${executablePath}) did not launch: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    newPage(context, viewport) {
      if (missing !== undefined) skipOrFail(context, missing);
      return browser!.newPage({ viewport });
    },
  };
}

/**
 * A screenshot, tried up to three times: on a busy machine headless Chromium (seen with the
 * @sparticuz/chromium build, once in a full run) now and then answers "Unable to capture screenshot".
 */
export async function screenshot(page: Page, options: { path: string; fullPage: boolean }): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.screenshot(options);
      return;
    } catch (error) {
      if (attempt === 3 || !String(error).includes('Unable to capture screenshot')) throw error;
    }
  }
}
