import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from 'node:fs';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { leavesBoundary, type Boundary } from './boundary';
import type { PathProblem } from './resolve-paths';
import { SourceFile } from './source-file';
import { errnoCode } from '../util/errno';

/** Files larger than this are refused unless the caller raises the limit (bytes). */
export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

export type ReadResult = { ok: true; source: SourceFile } | { ok: false; source: SourceFile; diagnostics: Diagnostic[] };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The first offset at which `bytes` stop being valid UTF-8. */
function firstInvalidByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the longest valid prefix; a prefix can end inside a character, so allow 3 bytes.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

/** Decodes a file's bytes as UTF-8 (a byte-order mark is dropped). Never throws on content. */
export function decode(path: string, bytes: Uint8Array, maxSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  if (bytes.length > maxSize) {
    return {
      ok: false,
      source: new SourceFile(path, ''),
      diagnostics: [fileDiagnostic('file-too-large', { size: bytes.length, limit: maxSize })],
    };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    const byte = firstInvalidByte(bytes);
    // Keep the valid prefix so the position points at the line where the bad byte sits.
    const prefix = new TextDecoder('utf-8').decode(bytes.subarray(0, byte));
    const source = new SourceFile(path, prefix);
    const diagnostic = fileDiagnostic('not-utf8', { byte });
    diagnostic.span = { start: prefix.length, end: prefix.length };
    return { ok: false, source, diagnostics: [diagnostic] };
  }
  const source = new SourceFile(path, text, bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf);
  // YAML allows no C0 control characters but tab, line feed and carriage return (nor DEL): a file
  // with them is binary, or text crafted to take over a terminal.
  const control = CONTROL.exec(text);
  if (control) {
    const char = `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      ok: false,
      source,
      diagnostics: [
        {
          rule: 'yaml-syntax',
          code: 'control-character',
          severity: 'error',
          span: { start: control.index, end: control.index + 1 },
          params: { char },
        },
      ],
    };
  }
  return { ok: true, source };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function fileDiagnostic<C extends 'file-too-large' | 'not-utf8'>(
  code: C,
  params: C extends 'not-utf8' ? { byte: number } : { size?: number; limit: number },
): Diagnostic {
  return { rule: 'yaml-syntax', code, severity: 'error', span: { start: 0, end: 0 }, params };
}

/** Folders of the kernel's and the devices' own files: never read, even when named explicitly. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** Whether a real (link-free) path is a system file: under /proc, /sys or /dev. */
export function isSystemPath(real: string): boolean {
  return SYSTEM_FOLDERS.some((folder) => real === folder || real.startsWith(`${folder}/`));
}

/**
 * A file refused for what it is rather than for an I/O error: reported as a path problem (exit 2),
 * and never opened, so no message can quote a byte of it.
 */
class RefusedFile extends Error {
  constructor(
    readonly problem: Extract<PathProblem['code'], 'not-a-file' | 'system-file' | 'link-outside' | 'link-hidden'>,
    /** The real path the name leads to. */
    readonly detail?: string,
    /** For a link that leaves its boundary: the boundary's root. */
    readonly within?: string,
  ) {
    super(problem);
  }
}

/** The path problem of a file that could not be read: refused for what it is, or an I/O error. */
export function readProblem(input: string, error: unknown): PathProblem {
  if (error instanceof RefusedFile) {
    const { problem: code, detail, within } = error;
    return { input, code, ...(detail !== undefined ? { detail } : {}), ...(within !== undefined ? { within } : {}) };
  }
  return { input, code: 'unreadable', detail: errnoCode(error) ?? String(error) };
}

/**
 * Opening never waits: a FIFO or a terminal swapped in for a file is refused, not waited on. The
 * real path is opened, and not through a link put there since it was resolved.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0) | (constants.O_NOFOLLOW ?? 0);
/** The first read's buffer when the file's size says nothing (files under /proc report 0). */
const FIRST_CHUNK = 64 * 1024;

/**
 * Reads a file's bytes, up to `maxSize`: undefined when it holds more. The file is opened first and
 * the open descriptor examined (`fstat`), so what is read is what was checked; the limit is kept
 * while reading, since a size of 0 in the metadata may hide gigabytes. I/O errors are thrown, and so
 * is a `RefusedFile` for a file that is not a regular file, lives under /proc, /sys or /dev, or, found
 * in the folder `within` (not named), leads out of it (see boundary.ts).
 */
function readBytesSync(
  path: string,
  maxSize: number,
  within: Boundary | undefined,
): { bytes: Uint8Array } | { tooLarge: number | undefined } {
  const real = realpathSync.native(path);
  if (isSystemPath(real)) throw new RefusedFile('system-file', real);
  const leaves = within && leavesBoundary(real, within);
  if (leaves) throw new RefusedFile(leaves === 'outside' ? 'link-outside' : 'link-hidden', real, within.root);
  const fd = openSync(real, OPEN_FLAGS);
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new RefusedFile('not-a-file');
    if (info.size > maxSize) return { tooLarge: info.size };
    // One byte more than the size says, to see the end (or a file that grew) in one read.
    let buffer = Buffer.allocUnsafe(Math.min(info.size > 0 ? info.size + 1 : FIRST_CHUNK, maxSize + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxSize) return { tooLarge: undefined };
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxSize + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxSize) return { tooLarge: undefined };
    return { bytes: buffer.subarray(0, length) };
  } finally {
    closeSync(fd);
  }
}

/**
 * A file's text as an editor holds it (unsaved changes included), in place of its bytes on disk: the
 * same refusal of system files (the name is resolved as a read resolves it), the same size limit and
 * decoding checks as `readSourceSync`. I/O errors and refusals are thrown for the caller.
 */
export function sourceFromText(path: string, displayPath: string, text: string, maxSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  const real = realpathSync.native(path);
  if (isSystemPath(real)) throw new RefusedFile('system-file', real);
  return decode(displayPath, Buffer.from(text, 'utf8'), maxSize);
}

/** Reads and decodes one file (see `readBytesSync`). I/O errors and refusals are thrown for the caller. */
export function readSourceSync(path: string, displayPath: string, maxSize = DEFAULT_MAX_FILE_SIZE, within?: Boundary): ReadResult {
  const read = readBytesSync(path, maxSize, within);
  if ('bytes' in read) return decode(displayPath, read.bytes, maxSize);
  return {
    ok: false,
    source: new SourceFile(displayPath, ''),
    diagnostics: [fileDiagnostic('file-too-large', { ...(read.tooLarge !== undefined ? { size: read.tooLarge } : {}), limit: maxSize })],
  };
}
