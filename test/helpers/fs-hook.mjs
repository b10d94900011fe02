// Preloaded into the built CLI by tests (`node --import this-file bin/argmap.js ...`) to reach, at a
// chosen moment, states a test cannot time from outside: a signal that arrives while a temporary
// file is being written, another process creating a file between a check and a write. It wraps
// `open` of node:fs/promises, the call every temporary file of an atomic write is made with;
// argmap's code runs unchanged. Set by environment variables:
//   ARGMAP_HOOK_SIGNAL=SIGTERM   send this signal to the process once the first *.tmp is opened
//   ARGMAP_HOOK_CREATE=PATH      write "created by another process\n" to PATH before a *.tmp is opened
import { writeFileSync } from 'node:fs';
import fsPromises from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';

const realOpen = fsPromises.open;
let signalled = false;
fsPromises.open = async function open(path, ...rest) {
  const temporary = String(path).endsWith('.tmp');
  if (temporary && process.env.ARGMAP_HOOK_CREATE) {
    writeFileSync(process.env.ARGMAP_HOOK_CREATE, 'created by another process\n');
  }
  const handle = await realOpen.call(this, path, ...rest);
  if (temporary && process.env.ARGMAP_HOOK_SIGNAL && !signalled) {
    signalled = true;
    process.kill(process.pid, process.env.ARGMAP_HOOK_SIGNAL);
  }
  return handle;
};
syncBuiltinESMExports();
