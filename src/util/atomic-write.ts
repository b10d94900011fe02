import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writing an output file failed (a missing folder, a folder in the way, no permission...). */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot write ${path}: ${code}`);
    this.name = 'WriteError';
  }
}

function errnoOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
}

/**
 * Writes a file atomically: the text goes to a temporary file in the same folder, is flushed to disk,
 * then renamed over the target. A failed or interrupted run leaves the previous file as it was.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  try {
    await write(path, text);
  } catch (error) {
    throw new WriteError(path, errnoOf(error));
  }
}

async function write(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx');
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw error;
  }
  await handle.close();
  try {
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => {});
    throw error;
  }
}
