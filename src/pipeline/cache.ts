import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { writeFileAtomic } from '../util/atomic-write';

/** The cache file's name in the working folder, as ESLint has `.eslintcache`. */
export const DEFAULT_CACHE_FILE = '.argmapcache';

const FORMAT = 1;

interface CacheData {
  format: number;
  /** Hash of argmap's version and every setting that changes a file's diagnostics. */
  settings: string;
  /** Absolute path → content hash and the diagnostics found. */
  files: Record<string, { hash: string; diagnostics: Diagnostic[] }>;
}

export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/**
 * The diagnostics of files already checked, keyed by path and content hash, valid for one argmap
 * version and one set of settings (the config's severities, the size limit). Only diagnostics are
 * stored, so a hit still needs the file's text (for line:column), which the caller reads anyway.
 * A missing, unreadable or corrupt cache file is an empty cache, never an error.
 */
export class CheckCache {
  #files: CacheData['files'] = Object.create(null);
  #dirty = false;

  private constructor(
    readonly location: string,
    readonly settings: string,
  ) {}

  static async open(location: string, version: string, settings: unknown): Promise<CheckCache> {
    const cache = new CheckCache(location, hashText(JSON.stringify([version, settings])));
    try {
      const data = JSON.parse(await readFile(location, 'utf8')) as Partial<CacheData>;
      if (
        data &&
        data.format === FORMAT &&
        data.settings === cache.settings &&
        typeof data.files === 'object' &&
        data.files !== null
      ) {
        cache.#files = Object.assign(Object.create(null), data.files);
      } else cache.#dirty = true;
    } catch {
      cache.#dirty = true; // no cache yet, or a corrupt one: start afresh
    }
    return cache;
  }

  /** The stored diagnostics of `path` when its content hash matches; undefined on a miss. */
  get(path: string, hash: string): Diagnostic[] | undefined {
    const entry = this.#files[path];
    if (!entry || entry.hash !== hash || !Array.isArray(entry.diagnostics)) return undefined;
    const valid = entry.diagnostics.every(
      (d) => d && typeof d.rule === 'string' && typeof d.code === 'string' && typeof d.span?.start === 'number',
    );
    if (!valid) return undefined;
    return entry.diagnostics.map((d) => ({ ...d, span: { ...d.span } }));
  }

  set(path: string, hash: string, diagnostics: Diagnostic[]): void {
    this.#files[path] = { hash, diagnostics };
    this.#dirty = true;
  }

  /** Writes the cache (atomically), when this run changed it. */
  async save(): Promise<void> {
    if (!this.#dirty) return;
    const data: CacheData = { format: FORMAT, settings: this.settings, files: this.#files };
    await writeFileAtomic(this.location, JSON.stringify(data));
  }
}
