import { randomBytes } from 'node:crypto';
import { writeSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoCode } from './errno';

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

/** Text produced in chunks: called once, it hands each chunk to `write` as it is made. */
export type ChunkProducer = (write: (chunk: string) => void) => void;

/**
 * Writes a file atomically: the text goes to a temporary file in the same folder, is flushed to disk,
 * then renamed over the target. A failed or interrupted run leaves the previous file as it was.
 * The text is a string, or a producer whose chunks are written as they come (a large output is
 * never held whole); an error the producer throws is passed on as it is, after the cleanup.
 */
export async function writeFileAtomic(path: string, content: string | ChunkProducer): Promise<void> {
  const produced: { error?: unknown } = {};
  try {
    await write(path, content, produced);
  } catch (error) {
    if (error === produced.error) throw error;
    throw new WriteError(path, errnoCode(error) ?? String(error));
  }
}

async function write(path: string, content: string | ChunkProducer, produced: { error?: unknown }): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(tmp, 'wx');
  try {
    if (typeof content === 'string') await handle.writeFile(content, 'utf8');
    else {
      // A failed write (disk full...) is thrown through the producer, which stops there.
      let failed: unknown;
      try {
        content((chunk) => {
          try {
            // writeSync may write less than asked (a full disk, a file-size limit): write the rest,
            // and let the next call raise the error that stops it.
            const bytes = Buffer.from(chunk, 'utf8');
            for (let at = 0; at < bytes.length; ) at += writeSync(handle.fd, bytes, at, bytes.length - at);
          } catch (error) {
            failed = error;
            throw error;
          }
        });
      } catch (error) {
        if (error !== failed) produced.error = error;
        throw error;
      }
    }
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
