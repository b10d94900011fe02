import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { errnoCode } from '../util/errno';

/** A path argument that yields no file to check. Reported with exit code 2. */
export interface PathProblem {
  input: string;
  code: 'not-found' | 'no-argument-files' | 'no-match' | 'unreadable' | 'not-a-file' | 'system-file';
  detail?: string;
}

export interface ResolvedFile {
  /** Absolute path, for reading. */
  absolute: string;
  /** The path shown to the user: relative to the working directory when inside it. */
  display: string;
}

export interface ResolvedPaths {
  files: ResolvedFile[];
  problems: PathProblem[];
}

const ARGUMENT_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[\]{}]/;
/** Folders never searched: dependencies and hidden folders (.git and the like). */
const SKIPPED_DIR = (name: string) => name === 'node_modules' || name.startsWith('.');

export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return absolute;
  return sep === '\\' ? rel.replace(/\\/g, '/') : rel;
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = join(dir, entry.name);
    // Symbolic links to folders are not followed: no loops, no escaping the tree.
    if (entry.isDirectory()) {
      if (!SKIPPED_DIR(entry.name)) await walk(full, out);
    } else if (ARGUMENT_FILE.test(entry.name) && entry.isFile()) {
      out.push(full);
    } else if (ARGUMENT_FILE.test(entry.name) && entry.isSymbolicLink()) {
      // A link to a regular file is read; a broken link, a loop or a link to anything else is not.
      const info = await stat(full).catch(() => undefined);
      if (info?.isFile()) out.push(full);
    }
  }
}

/**
 * Turns path arguments (files, folders searched recursively for `*.yaml` / `*.yml`, and globs) into
 * a sorted, de-duplicated list of files. Every argument that yields nothing is a problem.
 */
export async function resolvePaths(inputs: readonly string[], cwd: string): Promise<ResolvedPaths> {
  const found = new Set<string>();
  const problems: PathProblem[] = [];
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    let kind: 'file' | 'dir' | 'missing' | 'other' = 'missing';
    try {
      const info = await stat(absolute);
      kind = info.isDirectory() ? 'dir' : info.isFile() ? 'file' : 'other';
    } catch (error) {
      const code = errnoCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        problems.push({ input, code: 'unreadable', detail: code ?? String(error) });
        continue;
      }
    }
    if (kind === 'other') {
      problems.push({ input, code: 'not-a-file' });
    } else if (kind === 'file') {
      found.add(absolute);
    } else if (kind === 'dir') {
      const files: string[] = [];
      try {
        await walk(absolute, files);
      } catch (error) {
        problems.push({ input, code: 'unreadable', detail: errnoCode(error) ?? String(error) });
        continue;
      }
      if (files.length === 0) problems.push({ input, code: 'no-argument-files' });
      for (const file of files) found.add(file);
    } else if (GLOB_CHARS.test(input)) {
      // Loaded only when a glob is given: most runs name files and folders.
      const { glob } = await import('tinyglobby');
      const matches = await glob(input, { cwd, absolute: true, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
      if (matches.length === 0) problems.push({ input, code: 'no-match' });
      for (const match of matches) found.add(resolve(match));
    } else {
      problems.push({ input, code: 'not-found' });
    }
  }
  const files = [...found]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((absolute) => ({ absolute, display: displayPath(absolute, cwd) }));
  return { files, problems };
}
