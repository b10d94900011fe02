import { randomBytes } from 'node:crypto';
import { constants, writeSync } from 'node:fs';
import { access, link, lstat, open, readlink, realpath, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errnoCode } from './errno';
import { addTemporaryFile, forgetTemporaryFile } from './temporary-files';

/** Writing an output file failed (a missing folder, a folder in the way, no permission...). */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    /**
     * An errno code (`ENOENT`, `EEXIST`...), `READONLY`: a file with no write permission, left as it
     * is, `DESCRIPTOR`: a descriptor path past the standard streams (/dev/fd/3...), or `SYSTEM`: a
     * kernel file under /proc or /sys.
     */
    readonly code: string,
  ) {
    super(`cannot write ${path}: ${code}`);
    this.name = 'WriteError';
  }
}

/** The error's errno code, or the error itself as text when it has none. */
function errnoOf(error: unknown): string {
  return errnoCode(error) ?? String(error);
}

function errnoError(code: string): Error {
  return Object.assign(new Error(code), { code });
}

/** Text produced in chunks: called once, it hands each chunk to `write` as it is made. */
export type ChunkProducer = (write: (chunk: string) => void) => void;

export interface WriteOptions {
  /**
   * Create the file only if nothing is at the path (not even a link): of several runs racing to
   * create it, exactly one succeeds; the others fail with the code `EEXIST`. Never follows a link.
   */
  exclusive?: boolean;
  /**
   * false: a symbolic link at the path is replaced by the file, not written through. For a path
   * the user did not name (report.html by default), where a link planted in a repository could
   * otherwise aim argmap's output at any file the run can write.
   */
  followLinks?: boolean;
}

/** One file of `writeFilesAtomic`. */
export interface FileToWrite {
  path: string;
  content: string | ChunkProducer;
}

/**
 * Writes a file atomically: the text goes to a temporary file in the same folder, is flushed to disk,
 * then renamed over the target. A failed or interrupted run leaves the previous file as it was.
 * The text is a string, or a producer whose chunks are written as they come (a large output is
 * never held whole); an error the producer throws is passed on as it is, after the cleanup.
 *
 * What is at the path is respected: a symbolic link is written through, the file it points to
 * replaced atomically in its own folder; an existing file keeps its permissions, and one without
 * write permission is refused (`READONLY`), not replaced; a FIFO, a device or a descriptor path such
 * as /dev/stdout is written to in place (descriptors 0 to 2 only: `DESCRIPTOR` past them), as any program writing to it would.
 */
export async function writeFileAtomic(path: string, content: string | ChunkProducer, options: WriteOptions = {}): Promise<void> {
  await writeFilesAtomic([{ path, content }], options);
}

/**
 * Writes several files all or nothing: each goes to its temporary file first, and the temporary
 * files are renamed into place only when every one of them was written (targets that cannot be
 * replaced, a folder, a read-only file, are found before anything is renamed).
 */
export async function writeFilesAtomic(files: readonly FileToWrite[], options: WriteOptions = {}): Promise<void> {
  const prepared: Prepared[] = [];
  let current = files[0]?.path ?? '';
  const produced: { error?: unknown } = {};
  try {
    for (const file of files) {
      current = file.path;
      prepared.push(await prepare(file.path, file.content, options, produced));
    }
    for (const [i, part] of prepared.entries()) {
      current = files[i]!.path;
      await part.commit();
    }
  } catch (error) {
    for (const part of prepared) await part.abort();
    if (error === produced.error) throw error;
    if (error instanceof WriteError) throw error;
    throw new WriteError(current, errnoOf(error));
  }
}

/** A file written to its temporary file, waiting to be renamed into place (or dropped). */
interface Prepared {
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** What an output path leads to: a file to replace atomically, or something to write to in place. */
type Target = { replace: string; mode?: number } | { through: string } | { descriptor: number };

/** Links followed before giving up with ELOOP, as the kernel does (Linux: 40). */
const MAX_LINKS = 40;

/** /dev/fd/N, /proc/self/fd/N, /proc/<this pid>/fd/N: an open descriptor of this process. */
function descriptorOf(path: string): number | undefined {
  const m = /^\/(?:dev\/fd|proc\/(?:self|thread-self|(\d+))\/fd)\/(\d+)$/.exec(path);
  if (!m || (m[1] !== undefined && Number(m[1]) !== process.pid)) return undefined;
  return Number(m[2]);
}

/** Folders of the kernel's own files: never written (a process's descriptors under /proc/self/fd aside). */
const KERNEL_FOLDERS = ['/proc', '/sys'];

async function targetOf(path: string, options: WriteOptions): Promise<Target> {
  let at = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    if (process.platform !== 'win32') {
      const fd = descriptorOf(at);
      // Past 2, a number not inherited is one of Node's own (its event loop's pipes, eventfd,
      // epoll): writing there crashed the process or lost the output with exit 0. Only the
      // standard streams are known to be the caller's.
      if (fd !== undefined && fd > 2) throw new WriteError(path, 'DESCRIPTOR');
      if (fd !== undefined && !options.exclusive) return { descriptor: fd };
      // Anything else under /proc or /sys is the kernel's: a process's settings, not a file to write.
      if (fd === undefined && KERNEL_FOLDERS.some((folder) => at === folder || at.startsWith(`${folder}/`)))
        throw new WriteError(path, 'SYSTEM');
    }
    if (options.exclusive) return { replace: path };
    let stats;
    try {
      stats = await lstat(at);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return { replace: at };
      throw error;
    }
    if (stats.isSymbolicLink() && options.followLinks === false) return { replace: at };
    if (stats.isSymbolicLink()) {
      // Relative to the link's real folder, as the kernel reads `..` in a link's target.
      const folder = await realpath(dirname(at)).catch(() => dirname(at));
      at = resolve(folder, await readlink(at));
      continue;
    }
    if (stats.isDirectory()) throw errnoError('EISDIR');
    if (!stats.isFile()) return { through: at }; // a FIFO, a device, a socket
    const writable =
      (stats.mode & 0o222) !== 0 &&
      (await access(at, constants.W_OK).then(
        () => true,
        () => false,
      ));
    if (!writable) throw new WriteError(path, 'READONLY');
    return { replace: at, mode: stats.mode & 0o7777 };
  }
  throw errnoError('ELOOP');
}

/** The longest file name most file systems take (NAME_MAX: ext4, btrfs, xfs, APFS, NTFS), in bytes. */
const NAME_MAX = 255;

/**
 * `.NAME.1a2b3c4d.tmp` beside `path`: hidden, marked temporary, unique; NAME is shortened (at a
 * character boundary) so the whole name stays within NAME_MAX bytes whatever the target's length.
 */
export function temporaryPath(path: string): string {
  const suffix = `.${randomBytes(4).toString('hex')}.tmp`;
  let name = basename(path);
  const room = NAME_MAX - 1 - suffix.length;
  if (Buffer.byteLength(name) > room) {
    let kept = '';
    let bytes = 0;
    for (const char of name) {
      const size = Buffer.byteLength(char);
      if (bytes + size > room) break;
      kept += char;
      bytes += size;
    }
    name = kept;
  }
  return join(dirname(path), `.${name}${suffix}`);
}

/** Writes `content` to the open file, chunk by chunk when it is produced so. */
async function fill(handle: FileHandle | number, content: string | ChunkProducer, produced: { error?: unknown }): Promise<void> {
  const fd = typeof handle === 'number' ? handle : handle.fd;
  if (typeof content === 'string' && typeof handle !== 'number') {
    await handle.writeFile(content, 'utf8');
    return;
  }
  const put = (chunk: string) => {
    // writeSync may write less than asked (a full disk, a file-size limit, a pipe): write the rest,
    // and let the next call raise the error that stops it.
    const bytes = Buffer.from(chunk, 'utf8');
    for (let at = 0; at < bytes.length;) {
      try {
        at += writeSync(fd, bytes, at, bytes.length - at);
      } catch (error) {
        // A descriptor in non-blocking mode (a pipe shared with a parent): wait for room.
        if (errnoOf(error) !== 'EAGAIN') throw error;
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
      }
    }
  };
  if (typeof content === 'string') {
    put(content);
    return;
  }
  // A failed write (disk full...) is thrown through the producer, which stops there.
  let failed: unknown;
  try {
    content((chunk) => {
      try {
        put(chunk);
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

const done: Prepared = { commit: async () => {}, abort: async () => {} };

async function prepare(
  path: string,
  content: string | ChunkProducer,
  options: WriteOptions,
  produced: { error?: unknown },
): Promise<Prepared> {
  const target = await targetOf(path, options);
  if ('descriptor' in target) {
    await fill(target.descriptor, content, produced);
    return done;
  }
  if ('through' in target) {
    // No O_CREAT, no O_TRUNC: what is there is written to, not made anew.
    const handle = await open(target.through, constants.O_WRONLY | constants.O_APPEND);
    try {
      await fill(handle.fd, content, produced);
    } finally {
      await handle.close();
    }
    return done;
  }

  const final = target.replace;
  const tmp = temporaryPath(final);
  // Known before it exists: a signal that comes while it is being created still finds it.
  addTemporaryFile(tmp);
  const drop = async () => {
    await unlink(tmp).catch(() => {});
    forgetTemporaryFile(tmp);
  };
  let handle: FileHandle;
  try {
    handle = await open(tmp, 'wx', target.mode ?? 0o666);
  } catch (error) {
    forgetTemporaryFile(tmp);
    throw error;
  }
  try {
    // The mode of the file replaced, exactly (open's mode is reduced by the umask).
    if (target.mode !== undefined) await handle.chmod(target.mode);
    await fill(handle, content, produced);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => {});
    await drop();
    throw error;
  }
  await handle.close();
  return {
    abort: drop,
    commit: async () => {
      try {
        if (options.exclusive) await createFrom(tmp, final, content);
        else await rename(tmp, final);
      } catch (error) {
        await drop();
        throw error;
      }
      if (options.exclusive) await unlink(tmp).catch(() => {});
      forgetTemporaryFile(tmp);
    },
  };
}

/**
 * Puts the written temporary file at `path` only if nothing is there: a hard link fails with
 * EEXIST when something is, and makes the whole file appear at once when not. Where the file
 * system has no hard links, the file is created with O_EXCL ('wx') and written.
 */
async function createFrom(tmp: string, path: string, content: string | ChunkProducer): Promise<void> {
  try {
    await link(tmp, path);
  } catch (error) {
    const code = errnoOf(error);
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(code) || typeof content !== 'string') throw error;
    const handle = await open(path, 'wx');
    try {
      await handle.writeFile(content, 'utf8');
    } finally {
      await handle.close();
    }
  }
}
