#!/usr/bin/env node
// The argmap command. The CLI is bundled into dist/ by `npm run build` (run by `npm ci` and `npm test`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/argmap.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('argmap: dist/argmap.js is missing: run "npm run build" in the argmap folder first\n');
  process.exitCode = 2;
} else {
  await import(entry.href);
}
