// The process entry point bundled as dist/argmap.js: real streams in, exit code out.
import type { CliIO } from './io';
import { main } from './main';

// A closed pipe (`argmap check | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Any other failure of a standard stream: a short message where one can still be written, exit 2.
    try {
      process.stderr.write(`argmap: cannot write output: ${error.code ?? error.message}\n`);
    } finally {
      process.exit(2);
    }
  });
}

const io: CliIO = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr };
process.exitCode = await main(process.argv.slice(2), io);
