// The worker thread entry point, bundled as dist/argmap-worker.js: checks the files it is sent and
// posts back each file's diagnostics, with its text when there are any (graphs stay here: only
// `check` uses the pool). Posts `null` first, once loaded.
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile, type RunOptions } from './check-file';
import type { WorkerReply, WorkerTask } from './worker-pool';
import { Workspace } from './workspace';

const given = workerData as RunOptions;
// This thread's own workspace: a file many files use is parsed once here.
const options: RunOptions = {
  ...given,
  workspace: new Workspace({
    ...(given.maxFileSize !== undefined ? { maxFileSize: given.maxFileSize } : {}),
    ...(given.root !== undefined ? { root: given.root } : {}),
  }),
};

parentPort!.on('message', (tasks: WorkerTask[]) => {
  const replies: WorkerReply[] = [];
  for (const task of tasks) {
    const outcome = checkFile(task.file, options, task.text);
    if ('problem' in outcome) replies.push({ index: task.index, problem: outcome.problem });
    else {
      const { source, diagnostics, uses } = outcome.report;
      const reply: WorkerReply =
        diagnostics.length > 0
          ? { index: task.index, path: source.path, text: source.text, diagnostics }
          : { index: task.index, path: source.path, diagnostics };
      if (uses) reply.uses = uses;
      replies.push(reply);
    }
  }
  parentPort!.postMessage(replies);
});

// Loaded: ready for work.
parentPort!.postMessage(null);
