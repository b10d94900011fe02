import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { lstat, mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { validParams } from '../diagnostics/params';
import { isSystemPath } from '../load/read';
import type { PathProblem } from '../load/resolve-paths';
import { rules, ruleIds } from '../rules/index';
import { writeFileAtomic } from '../util/atomic-write';

/**
 * The format of the cache file. 2: keyed by argmap's build, entries checked before use (format 1
 * lived in `.argmapcache` in the working folder, where a pull request could commit a forged one).
 */
const FORMAT = 2;

/**
 * One file's entry: its content hash and the diagnostics found. Checked whole before use
 * (`validEntry`); a field added later (say, the hashes of files it uses) is added there too.
 */
interface CacheEntry {
  hash: string;
  diagnostics: Diagnostic[];
  /**
   * The files the results depend on besides the file itself (files it uses, its document text):
   * absolute path → content hash (null: unreadable). A change to any of them is a miss.
   */
  dependencies?: Record<string, string | null>;
  /** Sources of used sources files that the file cites (see FileReport.uses). */
  citations?: string[];
}

/** What a hit gives: the diagnostics, and for a file that uses others what it depends on and cites. */
export interface CacheHit {
  diagnostics: Diagnostic[];
  uses?: { dependencies: string[]; citations: string[] };
}

interface CacheData {
  format: number;
  /** Hash of argmap's build and every setting that changes a file's diagnostics. */
  settings: string;
  /** Absolute path → its entry. */
  files: Record<string, CacheEntry>;
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/**
 * The folder the cache goes in when `--cache-location` does not say: `node_modules/.cache/argmap`
 * in the nearest `node_modules` at or above `cwd` (as babel-loader, eslint-loader and others keep
 * theirs), else the user's cache folder: `$XDG_CACHE_HOME/argmap` or `~/.cache/argmap` on Linux,
 * `~/Library/Caches/argmap` on macOS, `%LOCALAPPDATA%\argmap\Cache` on Windows. Never a folder of
 * the tree being checked, where a pull request could commit a cache that makes broken files pass.
 */
function defaultCacheFolder(cwd: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const modules = join(dir, 'node_modules');
    if (isFolder(modules)) return join(modules, '.cache', 'argmap');
    if (dirname(dir) === dir) break;
  }
  const home = env.HOME || homedir();
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home, 'AppData', 'Local'), 'argmap', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'argmap');
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec: a relative path is invalid and ignored.
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.cache'), 'argmap');
}

/**
 * The cache file for a run in `cwd`. `location` (`--cache-location`, relative to `cwd`) names the
 * file, or, when it is an existing folder or ends with a slash, the folder it goes in (as ESLint
 * reads it). A folder holds a file per working folder, named by a hash of its path.
 */
export function cacheFile(location: string | undefined, cwd: string, env: NodeJS.ProcessEnv): string {
  const name = `argmapcache-${createHash('sha256').update(resolve(cwd)).digest('hex').slice(0, 16)}.json`;
  if (location === undefined) return join(defaultCacheFolder(cwd, env), name);
  const path = resolve(cwd, location);
  return location.endsWith('/') || location.endsWith(sep) || isFolder(path) ? join(path, name) : path;
}

/**
 * Why `location` cannot hold the cache, or undefined when it can: it must be a regular file, or
 * nothing yet, outside /proc, /sys and /dev. A FIFO or a device there would be read from and
 * written to in place (a FIFO with no reader blocks the run for ever); a system file is never read.
 * `input` is how the user wrote it, for the message.
 */
export function cacheLocationProblem(location: string, input: string): PathProblem | undefined {
  let real: string;
  try {
    real = realpathSync(location);
  } catch {
    // Nothing there yet (or a dangling link): judge the folder it would be created in.
    try {
      real = join(realpathSync(dirname(location)), '_');
    } catch {
      return undefined; // the folder is created on save; an error then is a warning
    }
    return isSystemPath(real) ? { input, code: 'system-file', detail: dirname(real) } : undefined;
  }
  if (isSystemPath(real)) return { input, code: 'system-file', detail: real };
  return statSync(real).isFile() ? undefined : { input, code: 'not-a-file' };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The id of the running build: the hash of dist/ that scripts/build.mjs writes to dist/build-id.
 * The code calling this sits in dist/ or dist/chunks/. Run from the sources (tests), `fallback`.
 */
export function buildId(fallback: string): string {
  for (const candidate of ['./build-id', '../build-id']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol !== 'file:') continue;
    const path = fileURLToPath(url);
    if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  }
  return fallback;
}

const SEVERITIES = new Set(['error', 'warning', 'info']);
const RULE_IDS = new Set(ruleIds);
/** The codes of each rule module; a stage rule's codes are any the modules do not claim. */
const CODES_OF = new Map(rules.map((r) => [r.id, new Set<string>(r.codes)]));
const MODULE_CODES = new Set(rules.flatMap((r) => r.codes as readonly string[]));

const isOffset = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** A diagnostic argmap itself could have made: a known rule, one of its codes with exactly its parameters. */
function validDiagnostic(d: unknown): boolean {
  if (typeof d !== 'object' || d === null) return false;
  const { rule, code, severity, span, params } = d as Record<string, unknown>;
  if (typeof rule !== 'string' || !RULE_IDS.has(rule) || typeof code !== 'string') return false;
  const codes = CODES_OF.get(rule);
  if (codes ? !codes.has(code) : MODULE_CODES.has(code)) return false;
  if (typeof severity !== 'string' || !SEVERITIES.has(severity)) return false;
  if (typeof span !== 'object' || span === null) return false;
  const { start, end } = span as Record<string, unknown>;
  if (!isOffset(start) || !isOffset(end) || end < start) return false;
  return validParams(code, params);
}

function validEntry(entry: unknown): entry is CacheEntry {
  if (typeof entry !== 'object' || entry === null) return false;
  const { hash, diagnostics, dependencies, citations } = entry as Record<string, unknown>;
  if (dependencies !== undefined || citations !== undefined) {
    if (typeof dependencies !== 'object' || dependencies === null || Array.isArray(dependencies)) return false;
    if (!Object.values(dependencies).every((h) => h === null || typeof h === 'string')) return false;
    if (!Array.isArray(citations) || !citations.every((c) => typeof c === 'string')) return false;
  }
  return typeof hash === 'string' && Array.isArray(diagnostics) && diagnostics.every(validDiagnostic);
}

/**
 * The diagnostics of files already checked, keyed by path and content hash, valid for one build of
 * argmap and one set of settings (the config's severities, the size limit). Only diagnostics are
 * stored, so a hit still needs the file's text (for line:column), which the caller reads anyway.
 * A missing, unreadable or corrupt cache file is an empty cache, never an error; so is one with
 * any entry argmap could not have written (an unknown rule or code, a missing or mistyped field):
 * the whole file is ignored, and replaced on save.
 */
export class CheckCache {
  #files = Object.create(null) as Record<string, CacheEntry>;
  #dirty = false;

  private constructor(
    readonly location: string,
    readonly settings: string,
    readonly named: boolean,
  ) {}

  /**
   * `build`: what identifies argmap's code (`buildId()`); `settings`: what else changes diagnostics.
   * `named`: the user gave the location (`--cache-location`); a link there is written through, as a
   * named `--output` is. The default location is not named: a link planted there (a committed
   * `node_modules/.cache/argmap/...`) is replaced by the cache file, never followed.
   */
  static async open(location: string, build: string, settings: unknown, named = true): Promise<CheckCache> {
    const cache = new CheckCache(location, hashText(JSON.stringify([FORMAT, build, settings])), named);
    try {
      // At the default location, only a regular file is read: a link planted there is replaced on save.
      if (!named && !(await lstat(location)).isFile()) throw new Error('not a cache file');
      const data = JSON.parse(await readFile(location, 'utf8')) as Partial<CacheData>;
      const files = data?.files;
      if (
        data?.format === FORMAT &&
        data.settings === cache.settings &&
        typeof files === 'object' &&
        files !== null &&
        !Array.isArray(files) &&
        Object.values(files).every(validEntry)
      ) {
        cache.#files = Object.assign(Object.create(null) as Record<string, CacheEntry>, files);
      } else cache.#dirty = true;
    } catch {
      cache.#dirty = true; // no cache yet, or a corrupt one: start afresh
    }
    return cache;
  }

  /**
   * The stored diagnostics of `path` when its content hash matches, and so does the current hash
   * (`hashOf`) of every file it depends on (files it uses, its document text); undefined on a miss.
   */
  get(path: string, hash: string, length: number, hashOf: (path: string) => string | null = () => null): CacheHit | undefined {
    const entry = this.#files[path];
    if (!entry || entry.hash !== hash) return undefined;
    if (entry.diagnostics.some((d) => d.span.end > length)) return undefined;
    const dependencies = entry.dependencies;
    if (dependencies) for (const [dependency, stored] of Object.entries(dependencies)) if (hashOf(dependency) !== stored) return undefined;
    const diagnostics = entry.diagnostics.map((d) => ({ ...d, span: { start: d.span.start, end: d.span.end } }));
    return dependencies
      ? { diagnostics, uses: { dependencies: Object.keys(dependencies), citations: [...(entry.citations ?? [])] } }
      : { diagnostics };
  }

  /** Stores a file's results; `uses` with `hashOf` for a file whose results depend on other files. */
  set(
    path: string,
    hash: string,
    diagnostics: Diagnostic[],
    uses?: { dependencies: string[]; citations: string[] },
    hashOf: (path: string) => string | null = () => null,
  ): void {
    // A copy: the caller may add findings that depend on other files (unused-source) afterwards.
    const entry: CacheEntry = { hash, diagnostics: [...diagnostics] };
    if (uses) {
      entry.dependencies = Object.fromEntries(uses.dependencies.map((d) => [d, hashOf(d)]));
      entry.citations = uses.citations;
    }
    this.#files[path] = entry;
    this.#dirty = true;
  }

  /** Writes the cache (atomically, creating its folder), when this run changed it. */
  async save(): Promise<void> {
    if (!this.#dirty) return;
    const data: CacheData = { format: FORMAT, settings: this.settings, files: this.#files };
    await mkdir(dirname(this.location), { recursive: true });
    await writeFileAtomic(this.location, JSON.stringify(data), { followLinks: this.named });
  }
}
