// Baseline: the `yaml` package's parseDocument alone, in a process of its own, on each file named
// (a folder: every .yaml file under it), one after another. Exit 1 if any file has a YAML error.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

function* files(path) {
  if (!statSync(path).isDirectory()) yield path;
  else for (const entry of readdirSync(path, { recursive: true })) if (entry.endsWith('.yaml')) yield join(path, entry);
}

let errors = 0;
for (const arg of process.argv.slice(2)) for (const file of files(arg)) errors += parseDocument(readFileSync(file, 'utf8')).errors.length;
if (errors > 0) process.exitCode = 1;
