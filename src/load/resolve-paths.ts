import { realpathSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { errnoCode } from '../util/errno';
import { boundaryOf, SKIPPED_DIR, type Boundary } from './boundary';

/** A path argument that yields no file to check. Reported with exit code 2. */
export interface PathProblem {
  input: string;
  code: 'not-found' | 'no-argument-files' | 'no-match' | 'unreadable' | 'not-a-file' | 'system-file' | 'link-outside' | 'link-hidden';
  detail?: string;
  /** For a link that leaves the folder searched: that folder's boundary (see boundary.ts). */
  within?: string;
}

export interface ResolvedFile {
  /** Absolute path, for reading. */
  absolute: string;
  /** The path shown to the user: relative to the working directory when inside it. */
  display: string;
  /**
   * For a file found in a folder or by a glob rather than named: where its real path must stay
   * (see boundary.ts). A file named on the command line may lead anywhere but to a system file.
   */
  within?: Boundary;
}

export interface ResolvedPaths {
  files: ResolvedFile[];
  problems: PathProblem[];
}

const ARGUMENT_FILE = /\.ya?ml$/i;
const GLOB_CHARS = /[*?[\]{}]/;

export function displayPath(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return absolute;
  return sep === '\\' ? rel.replace(/\\/g, '/') : rel;
}

/** What a walk looks for, and how deep (folders below the first). */
interface Search {
  /** Whether a file, by its path relative to the folder walked ('/'-separated), is wanted. */
  wanted: (path: string) => boolean;
  depth: number;
  /** Where a folder that cannot be read is reported (the walk goes on). */
  problems: PathProblem[];
  cwd: string;
}

/**
 * Collects the wanted files under `dir`. Folder links are not followed (no loops, no escaping the
 * tree), nor are hidden folders and node_modules searched; a link to a regular file is kept (its
 * boundary is checked when it is read). A subfolder that cannot be read is reported by its own name
 * and the rest searched; only the walked folder itself failing is thrown.
 */
async function walk(dir: string, rel: string, search: Search, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
    if (entry.isDirectory()) {
      if (SKIPPED_DIR(entry.name) || search.depth === 0) continue;
      await walk(full, path, { ...search, depth: search.depth - 1 }, out).catch((error: unknown) => {
        search.problems.push({ input: displayPath(full, search.cwd), code: 'unreadable', detail: errnoCode(error) ?? String(error) });
      });
    } else if (!search.wanted(path)) {
      continue;
    } else if (entry.isFile()) {
      out.push(full);
    } else if (entry.isSymbolicLink()) {
      // A link to a regular file is read; a broken link, a loop or a link to anything else is not.
      const info = await stat(full).catch(() => undefined);
      if (info?.isFile()) out.push(full);
    }
  }
}

/** Walks `dir` for `search`: the files found, and whether the folder itself could be read. */
async function walkFolder(
  input: string,
  dir: string,
  search: Omit<Search, 'problems'>,
  problems: PathProblem[],
): Promise<string[] | undefined> {
  const files: string[] = [];
  const before = problems.length;
  try {
    await walk(dir, '', { ...search, problems }, files);
  } catch (error) {
    problems.push({ input, code: 'unreadable', detail: errnoCode(error) ?? String(error) });
    return undefined;
  }
  // A folder whose subfolders could not be read may hold argument files: its problems say so.
  return files.length > 0 || problems.length > before ? files : undefined;
}

/** The files a glob matches, found by the same walk as a folder's, from the glob's fixed part. */
async function globFiles(input: string, cwd: string, problems: PathProblem[]): Promise<{ files: string[]; within: Boundary } | undefined> {
  // Loaded only when a glob is given: most runs name files and folders.
  const { default: picomatch } = await import('picomatch');
  const { base, glob } = picomatch.scan(input);
  const dir = resolve(cwd, base);
  let within: Boundary;
  try {
    if (!(await stat(dir)).isDirectory()) return undefined;
    within = boundaryOf(dir);
  } catch {
    return undefined;
  }
  const isMatch = picomatch(glob, { dot: false });
  // Without `**`, a glob reaches no deeper than its parts (a brace may hold a `/`, never more than all).
  const depth = glob.includes('**') ? Infinity : glob.split('/').length - 1;
  const files = await walkFolder(input, dir, { wanted: isMatch, depth, cwd }, problems);
  return files && { files, within };
}

/**
 * Turns path arguments (files, folders searched recursively for `*.yaml` / `*.yml`, and globs) into
 * a sorted list of files, each once by its real path. Every argument that yields nothing is a problem.
 */
export async function resolvePaths(inputs: readonly string[], cwd: string): Promise<ResolvedPaths> {
  /** Each file found, with its boundary; undefined for a file named on the command line. */
  const found = new Map<string, Boundary | undefined>();
  const add = (absolute: string, within: Boundary | undefined) => {
    if (!found.has(absolute) || within === undefined) found.set(absolute, within);
  };
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
      add(absolute, undefined);
    } else if (kind === 'dir') {
      let within: Boundary;
      try {
        within = boundaryOf(absolute);
      } catch (error) {
        problems.push({ input, code: 'unreadable', detail: errnoCode(error) ?? String(error) });
        continue;
      }
      const before = problems.length;
      const files = await walkFolder(input, absolute, { wanted: (path) => ARGUMENT_FILE.test(path), depth: Infinity, cwd }, problems);
      if (files === undefined) {
        if (problems.length === before) problems.push({ input, code: 'no-argument-files' });
        continue;
      }
      for (const file of files) add(file, within);
    } else if (GLOB_CHARS.test(input)) {
      const before = problems.length;
      const matched = await globFiles(input, cwd, problems);
      if (matched === undefined) {
        if (problems.length === before) problems.push({ input, code: 'no-match' });
        continue;
      }
      for (const file of matched.files) add(file, matched.within);
    } else {
      problems.push({ input, code: 'not-found' });
    }
  }
  return { files: oncePerRealPath(found, cwd), problems };
}

/**
 * The files sorted, each once by its real path: a file and a link to it, or a file named and also
 * found in a folder, are read once, under the name that is the file itself where there is one, as
 * named where it was named (a named file may lead anywhere).
 */
function oncePerRealPath(found: Map<string, Boundary | undefined>, cwd: string): ResolvedFile[] {
  const byReal = new Map<string, string[]>();
  for (const absolute of [...found.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    let real = absolute;
    try {
      real = realpathSync.native(absolute);
    } catch {
      // Gone, or a loop: kept under its own name, for the read to report.
    }
    const names = byReal.get(real);
    if (names) names.push(absolute);
    else byReal.set(real, [absolute]);
  }
  const files: ResolvedFile[] = [];
  for (const [real, names] of byReal) {
    const absolute = names.includes(real) ? real : names[0]!;
    const within = names.some((name) => found.get(name) === undefined) ? undefined : found.get(absolute);
    files.push({ absolute, display: displayPath(absolute, cwd), ...(within ? { within } : {}) });
  }
  return files.sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
}
