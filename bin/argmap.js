#!/usr/bin/env node
// The argmap command. The CLI is bundled into dist/ by `npm run build` (run by `npm ci` and `npm test`).
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ keeps the compiled bundle on disk between runs (as tsc does since TypeScript 5.7), which
// shortens every later start; Node 20 has no such cache, and this is skipped there.
module.enableCompileCache?.();

const entry = new URL('../dist/argmap.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('argmap: dist/argmap.js is missing: run "npm run build" in the argmap folder first\n');
  process.exitCode = 2;
} else {
  await import(entry.href);
}
