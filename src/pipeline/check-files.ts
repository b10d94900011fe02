import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { PathProblem, ResolvedFile } from '../load/resolve-paths';
import { errnoCode } from '../util/errno';
import { hashText } from './cache';
import type { CheckedFile } from './check-source';
import { checkFile, outcomeOf, readOne, type Outcome, type Read, type RunOptions } from './check-file';
import { unusedAcrossFiles } from './unused-across-files';
import { Workspace } from './workspace';

export interface RunResult {
  reports: CheckedFile[];
  /** Files that could not be read at all (exit code 2). */
  problems: PathProblem[];
  /** How many files each thread checked, this one first (files the cache answered not counted). */
  threads: number[];
  /** Why the `--cache` file could not be written (an errno code, or the error's text), if it could not. */
  cacheError?: string;
}

/** Reads the files at `indices`, handing each to `use` in order. */
function readInOrder(
  files: readonly ResolvedFile[],
  indices: readonly number[],
  options: RunOptions,
  use: (i: number, read: Read) => void,
): void {
  for (const i of indices) use(i, readOne(files[i]!, options));
}

/** The content hash of each file a cached result depends on, each read once per run (null: unreadable). */
function dependencyHashes(): (path: string) => string | null {
  const known = new Map<string, string | null>();
  return (path) => {
    let hash = known.get(path);
    if (hash === undefined) {
      try {
        hash = hashText(readFileSync(path, 'latin1'));
      } catch {
        hash = null;
      }
      known.set(path, hash);
    }
    return hash;
  };
}

/**
 * From this many files on, worker threads help check them (on a machine with more than one core).
 * A worker takes ~150-250 ms to load the checker, and on the 2-core machine the benchmark runs on
 * the pool first paid off at about 400 files of the op-ed's size (npm run bench; docs/performance.md).
 */
export const WORKER_THRESHOLD = 400;

/** How many threads check `files` files: 0 (this one alone), n, or -1 (one per core). */
function threadCount(files: number, options: RunOptions, env: NodeJS.ProcessEnv): number {
  const forced =
    options.workers ?? (env.ARGMAP_WORKERS !== undefined && /^\d+$/.test(env.ARGMAP_WORKERS) ? Number(env.ARGMAP_WORKERS) : undefined);
  if (forced !== undefined) return forced > 1 ? forced : 0;
  return availableParallelism() > 1 && files >= WORKER_THRESHOLD ? -1 : 0;
}

/**
 * Reads and checks each file; the result is in the order of `files`, whichever thread checked them.
 * I/O failures become problems; content problems, diagnostics.
 */
export async function checkFiles(files: readonly ResolvedFile[], given: RunOptions = {}): Promise<RunResult> {
  // One workspace a run: a file that many files use is read and parsed once (per thread).
  const options: RunOptions = given.workspace
    ? given
    : {
        ...given,
        workspace: new Workspace({
          ...(given.maxFileSize !== undefined ? { maxFileSize: given.maxFileSize } : {}),
          ...(given.root !== undefined ? { root: given.root } : {}),
        }),
      };
  const hashOf = dependencyHashes();
  const outcomes = new Array<Outcome | undefined>(files.length);
  const cache = options.diagnosticsOnly ? options.cache : undefined;
  const hashes = new Array<string | undefined>(files.length);
  const texts = new Array<string | undefined>(files.length);
  let todo: number[] = files.map((_, i) => i);

  if (cache) {
    // Read every file here: a file whose content hash is in the cache is not checked again.
    todo = [];
    readInOrder(
      files,
      files.map((_, i) => i),
      options,
      (i, read) => {
        const file = files[i]!;
        if ('error' in read || !read.ok) {
          outcomes[i] = outcomeOf(file, read, options);
          return;
        }
        const hash = hashText(read.source.text);
        const hit = cache.get(file.absolute, hash, read.source.text.length, hashOf);
        if (hit) outcomes[i] = { report: { source: read.source, ...hit } };
        else {
          hashes[i] = hash;
          texts[i] = read.source.text;
          todo.push(i);
        }
      },
    );
  }

  const threads = options.diagnosticsOnly ? threadCount(todo.length, options, process.env) : 0;
  let checkedBy: number[] | undefined;
  if (threads !== 0 && todo.length > 0) {
    const { checkInWorkers } = await import('./worker-pool');
    checkedBy = await checkInWorkers(files, todo, texts, options, threads, outcomes);
  }
  if (!checkedBy) {
    const unread = todo.filter((i) => texts[i] === undefined);
    for (const i of todo) if (texts[i] !== undefined) outcomes[i] = checkFile(files[i]!, options, texts[i]);
    readInOrder(files, unread, options, (i, read) => {
      outcomes[i] = outcomeOf(files[i]!, read, options);
    });
  }

  const reports: CheckedFile[] = [];
  const problems: PathProblem[] = [];
  for (const [i, outcome] of outcomes.entries()) {
    if (!outcome) continue;
    if ('problem' in outcome) {
      problems.push(outcome.problem);
      continue;
    }
    reports.push(outcome.report);
    const hash = hashes[i];
    if (cache && hash !== undefined) cache.set(files[i]!.absolute, hash, outcome.report.diagnostics, outcome.report.uses, hashOf);
  }
  // After the cache is filled: what unused-source finds in a sources file depends on the other files.
  unusedAcrossFiles(reports, files, options);
  // A cache that cannot be written is no error in the input: the caller warns, with the reason.
  const cacheError = cache
    ? await cache.save().then(
        () => undefined,
        (error: unknown) => errnoCode(error) ?? String(error),
      )
    : undefined;
  return { reports, problems, threads: checkedBy ?? [todo.length], ...(cacheError !== undefined ? { cacheError } : {}) };
}
