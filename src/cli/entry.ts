// The process entry point bundled as dist/argmap.js: real streams in, exit code out.
import { errnoText } from '../diagnostics/messages';
import type { CliIO } from './io';
import { main } from './main';
import { removeTemporaryFiles, watchTemporaryFiles } from '../util/temporary-files';

// A closed pipe (`argmap check | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Any other failure of a standard stream: a short message where one can still be written, exit 2.
    try {
      const name = stream === process.stdout ? 'standard output' : 'standard error';
      process.stderr.write(`argmap: cannot write to ${name}: ${error.code !== undefined ? errnoText(error.code) : error.message}\n`);
    } finally {
      process.exit(2);
    }
  });
}

// Ctrl-C or a CI's timeout while a file is being written: remove the temporary files (*.tmp) of
// --output and --cache, then end by the same signal, as the default would (the shell sees 130 or
// 143). Handled only while such a file exists: at any other time the default ends the run at once.
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
function cleanUpAndEnd(signal: NodeJS.Signals): void {
  removeTemporaryFiles();
  for (const s of SIGNALS) process.removeListener(s, cleanUpAndEnd);
  process.kill(process.pid, signal);
}
watchTemporaryFiles({
  first: () => SIGNALS.forEach((s) => process.on(s, cleanUpAndEnd)),
  last: () => SIGNALS.forEach((s) => process.removeListener(s, cleanUpAndEnd)),
});

const io: CliIO = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
process.exitCode = await main(process.argv.slice(2), io);
