import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { PathProblem, ResolvedFile } from '../load/resolve-paths';
import { SourceFile } from '../load/source-file';
import type { FileReport } from '../diagnostics/report';
import { checkFile, type Outcome, type RunOptions } from './check-file';

export interface WorkerTask {
  index: number;
  file: ResolvedFile;
  /** The text, when the main thread has read it already (for the cache). */
  text?: string;
}

/**
 * A file's outcome. The text comes back only with diagnostics: here it serves to place them (line,
 * column, code frame), and copying every clean file's text between threads cost more than checking.
 */
export type WorkerReply =
  | { index: number; problem: PathProblem }
  | { index: number; path: string; text?: string; diagnostics: Diagnostic[]; uses?: FileReport['uses'] };

/** Files sent to a worker at a time: enough to amortise a message, few enough to balance the load. */
const BATCH = 8;

/**
 * The bundled worker script. The code calling this sits in dist/ or dist/chunks/ (esbuild's
 * chunks); the worker is dist/argmap-worker.js. Undefined when not built (tests run from src/).
 */
function workerScript(): URL | undefined {
  for (const candidate of ['./argmap-worker.js', '../argmap-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/**
 * Checks the files numbered `todo` in `threads` threads: this one and threads − 1 workers (`threads`
 * -1: one per core). Outcomes are written at their index, so the merged result is in the same order
 * as a serial run. This thread checks files too, from the start: a worker takes a while to load the
 * checker (measured ~150 ms on 2 cores), and without that the pool lost to one thread below ~450 files.
 * A worker gets batches once it has loaded, two in hand so it never waits. Returns how many files
 * each thread checked (this one first), or undefined (nothing done) when there is no worker script
 * to run: the caller then checks serially. A worker that fails stops the run (the promise rejects).
 */
export async function checkInWorkers(
  files: readonly ResolvedFile[],
  todo: readonly number[],
  texts: ReadonlyArray<string | undefined>,
  options: RunOptions,
  threads: number,
  outcomes: Array<Outcome | undefined>,
): Promise<number[] | undefined> {
  const script = workerScript();
  if (!script) return undefined;
  const wanted = (threads === -1 ? availableParallelism() : threads) - 1;
  const size = Math.max(1, Math.min(wanted, Math.floor(todo.length / (2 * BATCH))));
  // Only `check` uses the pool, and it runs every rule: severities and the size limit are all a
  // worker needs (not `blockingOnly`, nor the cache, which stays in this thread).
  const workerOptions: RunOptions = {
    ...(options.severities ? { severities: options.severities } : {}),
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
    ...(options.root !== undefined ? { root: options.root } : {}),
  };
  const checked = new Array<number>(size + 1).fill(0);
  let next = 0;
  let failed = false;
  const batch = (): WorkerTask[] => {
    const tasks: WorkerTask[] = [];
    while (!failed && next < todo.length && tasks.length < BATCH) {
      const index = todo[next++]!;
      const text = texts[index];
      tasks.push(text !== undefined ? { index, file: files[index]!, text } : { index, file: files[index]! });
    }
    return tasks;
  };
  /** Workers not yet loaded, and how to let each go once nothing is left for it. */
  const idle = new Set<() => void>();
  const run = (worker: Worker, slot: number) =>
    new Promise<void>((resolve, reject) => {
      let inHand = 0;
      const release = () => resolve();
      idle.add(release);
      const fail = (error: Error) => {
        failed = true; // this thread stops taking batches too
        reject(error);
      };
      const send = () => {
        const tasks = batch();
        if (tasks.length > 0) {
          inHand++;
          worker.postMessage(tasks);
        } else if (inHand === 0) resolve();
      };
      // `null` says the worker has loaded: only then is it given work (two batches, so it never
      // waits for the next); meanwhile this thread checks what it would have been given.
      worker.on('message', (replies: WorkerReply[] | null) => {
        if (replies === null) {
          idle.delete(release);
          send();
          send();
          return;
        }
        inHand--;
        checked[slot]! += replies.length;
        for (const reply of replies) {
          outcomes[reply.index] =
            'problem' in reply
              ? { problem: reply.problem }
              : {
                  report: {
                    source: new SourceFile(reply.path, reply.text ?? texts[reply.index] ?? ''),
                    diagnostics: reply.diagnostics,
                    ...(reply.uses ? { uses: reply.uses } : {}),
                  },
                };
        }
        send();
      });
      worker.on('error', fail);
      worker.on('exit', (code) => {
        // Exiting with files in hand loses them: never a silent pass.
        if (code !== 0 || inHand > 0) fail(new Error(`argmap worker exited with code ${code}, ${inHand} batches unchecked`));
        else resolve();
      });
    });
  /**
   * This thread's share: a batch at a time, letting the workers' replies in between. When nothing is
   * left, a worker still loading is not waited for.
   */
  const here = async () => {
    for (let tasks = batch(); tasks.length > 0; tasks = batch()) {
      for (const task of tasks) outcomes[task.index] = checkFile(task.file, options, task.text);
      checked[0]! += tasks.length;
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const release of idle) release();
  };
  const pool = Array.from({ length: size }, () => new Worker(script, { workerData: workerOptions }));
  try {
    await Promise.all([...pool.map((worker, i) => run(worker, i + 1)), here()]);
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return checked;
}
