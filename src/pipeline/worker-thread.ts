// The worker thread entry point, bundled as dist/argmap-worker.js: checks the files it is sent and
// posts back each file's diagnostics, with its text when there are any (graphs stay here: only
// `check` uses the pool). Posts `null` first, once loaded.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type RunOptions } from './check-file';
import type { WorkerReply, WorkerTask } from './worker-pool';

const options = workerData as RunOptions;

parentPort!.on('message', (tasks: WorkerTask[]) => {
  const replies: WorkerReply[] = [];
  for (const task of tasks) {
    const outcome = checkFile(task.file, options, task.text);
    if ('problem' in outcome) replies.push({ index: task.index, problem: outcome.problem });
    else {
      const { source, diagnostics } = outcome.report;
      replies.push(
        diagnostics.length > 0
          ? { index: task.index, path: source.path, text: source.text, diagnostics }
          : { index: task.index, path: source.path, diagnostics },
      );
    }
  }
  parentPort!.postMessage(replies);
});

// Loaded: ready for work.
parentPort!.postMessage(null);
