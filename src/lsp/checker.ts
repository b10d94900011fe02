import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findConfig, loadConfig, type Config } from '../config/load-config';
import type { FileReport } from '../diagnostics/report';
import { boundaryOf } from '../load/boundary';
import { displayPath } from '../load/resolve-paths';
import { checkText } from '../pipeline/check-file';
import type { CheckedFile } from '../pipeline/check-source';
import { Workspace } from '../pipeline/workspace';

/** A file path from a `file:` URI; undefined for any other scheme (an unsaved, untitled buffer). */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The config in force for a file, or the problems of a config that could not be used. */
export type ConfigState = { config: Config } | { config: Config; invalid: { path: string; report?: FileReport; problem?: string } };

/** One check of an open buffer: what the pipeline returned, and the workspace it resolved `uses` in. */
export interface Checked {
  /** The buffer's version that was checked. */
  version: number;
  absolute: string;
  result: CheckedFile;
  workspace: Workspace;
  /** The config file in force when it was checked (undefined: none). */
  config: string | undefined;
  /**
   * Every other file the check read or tried to read (used files, a missing one too, document
   * texts, the targets of symbolic links): a change to any of them on disk may change the result.
   */
  reads: Set<string>;
}

export interface CheckerOptions {
  /** The folder argmap would run in: used when the editor names no workspace folder. */
  cwd: string;
  maxFileSize?: number;
}

/**
 * Checks buffers as `argmap check` would check the saved files, run from the workspace folder that
 * holds them: the config found from that folder (as `check` finds it from the working folder), the
 * same size limit, and `uses` / `document.file` resolved in that folder, from the editor's open
 * buffers first, then the disk, with the same refusals (outside the folder, system files).
 */
export class Checker {
  /** Workspace folders (absolute paths), the deepest first. */
  #folders: string[] = [];
  readonly #options: CheckerOptions;
  readonly #configs = new Map<string, { stamp: string; state: ConfigState }>();
  /** Config files said to have changed since they were read. */
  readonly #stale = new Set<string>();

  constructor(options: CheckerOptions) {
    this.#options = options;
  }

  setFolders(folders: readonly string[]): void {
    this.#folders = [...folders].sort((a, b) => b.length - a.length);
  }

  /** The folder a file is checked from: the deepest workspace folder holding it, else the working folder. */
  rootOf(absolute: string): string {
    return this.#folders.find((f) => inside(f, absolute)) ?? this.#options.cwd;
  }

  /**
   * The folder searched for the files that may name an id (references, rename): the file's root,
   * or, for a file outside it, the file's own folder (whose files it may use).
   */
  searchFolderOf(absolute: string): string {
    const root = this.rootOf(absolute);
    return inside(root, absolute) ? root : dirname(absolute);
  }

  /**
   * The config `check` would use from `root` (reloaded when the file changes): its severities, or,
   * for a config that cannot be used, its problems, with every rule at its default as a fallback.
   */
  configFor(root: string): ConfigState {
    const path = findConfig(root);
    if (path === undefined) return { config: { severities: {} } };
    let stamp: string;
    try {
      const info = statSync(path);
      stamp = `${info.mtimeMs}:${info.size}`;
    } catch {
      stamp = 'missing';
    }
    const known = this.#configs.get(path);
    if (known && known.stamp === stamp && !this.#stale.has(path)) return known.state;
    let state: ConfigState;
    const shown = displayPath(path, root);
    try {
      const loaded = loadConfig(path, shown, boundaryOf(dirname(path)));
      state = loaded.ok ? { config: loaded.config } : { config: { severities: {} }, invalid: { path, report: loaded.report } };
    } catch (error) {
      state = { config: { severities: {} }, invalid: { path, problem: error instanceof Error ? error.message : String(error) } };
    }
    this.#configs.set(path, { stamp, state });
    this.#stale.delete(path);
    return state;
  }

  /**
   * Forgets what is known of a config file that changed on disk (the editor says so): it is read
   * again when next used, even where its time stamp and size did not change.
   */
  forgetConfig(path: string): void {
    this.#stale.add(path);
  }

  /** The config file `check` would use from `root`, if any. */
  configPathFor(root: string): string | undefined {
    return findConfig(root);
  }

  /**
   * Checks one buffer. `open` gives the text of other open buffers by absolute path, read instead of
   * the disk where a file uses them.
   */
  check(uri: string, version: number, text: string, open: (absolute: string) => string | undefined): Checked {
    const path = pathOf(uri);
    // An untitled buffer is checked as a file in the folder argmap runs in.
    const absolute = path ?? resolve(this.#options.cwd, 'untitled.yaml');
    const root = this.rootOf(absolute);
    const { config } = this.configFor(root);
    const configPath = findConfig(root);
    const maxFileSize = this.#options.maxFileSize;
    const workspace = new Workspace({ root, open, ...(maxFileSize !== undefined ? { maxFileSize } : {}) });
    const display = path === undefined ? uri : displayPath(absolute, root);
    const result = checkText(absolute, display, text, {
      severities: config.severities,
      root,
      workspace,
      ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    });
    const reads = workspace.paths();
    reads.delete(absolute);
    return { version, absolute, result, workspace, config: configPath, reads };
  }
}
