import { unlinkSync } from 'node:fs';

/**
 * The temporary files this process is writing (the `*.tmp` of an atomic write): a signal that ends
 * the run (Ctrl-C, a CI's timeout) removes them before the process goes, so none is left behind.
 * Kept apart from atomic-write so the CLI entry can set up its signal handling without loading it.
 */
const pending = new Set<string>();

/** Told when the first temporary file appears and when the last is gone (the CLI's signal handlers). */
let watcher: { first(): void; last(): void } | undefined;

/**
 * Calls `first` when a temporary file is being written while none was, `last` when none is left:
 * the CLI handles SIGINT and SIGTERM only then, so at any other time a signal ends the process at
 * once, as by default, even in the middle of long synchronous work.
 */
export function watchTemporaryFiles(callbacks: { first(): void; last(): void }): void {
  watcher = callbacks;
}

export function addTemporaryFile(path: string): void {
  pending.add(path);
  if (pending.size === 1) watcher?.first();
}

export function forgetTemporaryFile(path: string): void {
  if (pending.delete(path) && pending.size === 0) watcher?.last();
}

/** Removes every temporary file still being written (synchronously: called from a signal handler). */
export function removeTemporaryFiles(): void {
  for (const path of pending) {
    try {
      unlinkSync(path);
    } catch {
      // Renamed into place or removed already: nothing to clean.
    }
  }
  pending.clear();
}
