import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic';
import type { PathProblem, ResolvedFile } from '../load/resolve-paths';
import { SourceFile } from '../load/source-file';
import type { Outcome, RunOptions } from './check-files';

export interface WorkerTask {
  index: number;
  file: ResolvedFile;
  /** The text, when the main thread has read it already (for the cache). */
  text?: string;
}

export type WorkerReply =
  | { index: number; problem: PathProblem }
  | { index: number; path: string; text: string; diagnostics: Diagnostic[] };

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
 * Checks the files numbered `todo` in a pool of worker threads, writing each outcome at its index,
 * so the merged result is in the same order as a serial run. `count` -1 means one worker per core.
 * Returns false (nothing done) when there is no worker script to run: the caller checks serially.
 */
export async function checkInWorkers(
  files: readonly ResolvedFile[],
  todo: readonly number[],
  texts: ReadonlyArray<string | undefined>,
  options: RunOptions,
  count: number,
  outcomes: Array<Outcome | undefined>,
): Promise<boolean> {
  const script = workerScript();
  if (!script) return false;
  const size = Math.max(1, Math.min(count === -1 ? availableParallelism() : count, Math.ceil(todo.length / BATCH)));
  const workerOptions: RunOptions = {
    ...(options.severities ? { severities: options.severities } : {}),
    ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
  };
  let next = 0;
  const batch = (): WorkerTask[] => {
    const tasks: WorkerTask[] = [];
    while (next < todo.length && tasks.length < BATCH) {
      const index = todo[next++]!;
      const text = texts[index];
      tasks.push(text !== undefined ? { index, file: files[index]!, text } : { index, file: files[index]! });
    }
    return tasks;
  };
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        const tasks = batch();
        if (tasks.length === 0) resolve();
        else worker.postMessage(tasks);
      };
      worker.on('message', (replies: WorkerReply[]) => {
        for (const reply of replies) {
          outcomes[reply.index] =
            'problem' in reply
              ? { problem: reply.problem }
              : { report: { source: new SourceFile(reply.path, reply.text), diagnostics: reply.diagnostics } };
        }
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`argmap worker exited with code ${code}`))));
      send();
    });
  const pool = Array.from({ length: size }, () => new Worker(script, { workerData: workerOptions }));
  try {
    await Promise.all(pool.map(run));
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
  return true;
}
