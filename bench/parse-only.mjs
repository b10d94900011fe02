// Baseline: the `yaml` package's parseDocument alone on one file, in a process of its own.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';

const doc = parseDocument(readFileSync(process.argv[2], 'utf8'));
if (doc.errors.length > 0) process.exitCode = 1;
