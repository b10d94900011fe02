import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * Where a file found (not named) may lead. A folder walk, a glob or the config search finds files
 * that the tree's authors put there, symbolic links included, and a link may point anywhere on the
 * machine (`~/.npmrc`; `.git/config`, where a CI checkout keeps its token). A file so found is read
 * only when its real path is inside the boundary, the git repository the folder is in (or the folder
 * itself outside one), and not in a hidden file or folder or node_modules there, which no walk
 * searches.
 */
export interface Boundary {
  /** The real path of the folder searched (a walked folder, a glob's fixed part, the config's folder). */
  folder: string;
  /** The real path of the git repository's root around it, or the folder itself. */
  root: string;
}

/** Folders never searched: dependencies and hidden folders (.git and the like). */
export const SKIPPED_DIR = (name: string) => name === 'node_modules' || name.startsWith('.');

/** The nearest folder at or above `dir` that holds `.git` (a folder, or a file in a worktree). */
function repositoryRoot(dir: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, '.git'))) return at;
    if (dirname(at) === at) return undefined;
  }
}

/** The boundary of files found under `folder`. I/O errors are thrown. */
export function boundaryOf(folder: string): Boundary {
  const real = realpathSync(folder);
  return { folder: real, root: repositoryRoot(real) ?? real };
}

function segments(from: string, to: string): string[] | undefined {
  const rel = relative(from, to);
  if (rel === '') return [];
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep);
}

/**
 * Why a found file's real path may not be read: it lies outside the boundary, or in a hidden file or
 * folder or node_modules below the boundary's root (the folder searched may itself be hidden).
 * Undefined when it may be read.
 */
export function leavesBoundary(real: string, boundary: Boundary): 'outside' | 'hidden' | undefined {
  const path = segments(boundary.root, real);
  if (path === undefined || path.length === 0) return 'outside';
  const folder = segments(boundary.root, boundary.folder) ?? [];
  const shared = folder.every((name, i) => path[i] === name) ? folder.length : 0;
  return path.slice(shared).some(SKIPPED_DIR) ? 'hidden' : undefined;
}
