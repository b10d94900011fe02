import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { SourceFile } from './source-file';

/** Files larger than this are refused unless the caller raises the limit (bytes). */
export const DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024;

export type ReadResult =
  | { ok: true; source: SourceFile }
  | { ok: false; source: SourceFile; diagnostics: Diagnostic[] };

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
  const source = new SourceFile(path, text);
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
  params: C extends 'not-utf8' ? { byte: number } : { size: number; limit: number },
): Diagnostic {
  return { rule: 'yaml-syntax', code, severity: 'error', span: { start: 0, end: 0 }, params } as Diagnostic;
}

/** What the file's metadata decides before it is read: not a regular file (thrown), or too large. */
function beforeReading(info: Stats, displayPath: string, maxSize: number): ReadResult | undefined {
  if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'not a regular file' });
  if (info.size <= maxSize) return undefined;
  return {
    ok: false,
    source: new SourceFile(displayPath, ''),
    diagnostics: [fileDiagnostic('file-too-large', { size: info.size, limit: maxSize })],
  };
}

/** Reads and decodes one file. I/O errors (missing, unreadable) are thrown for the caller to report. */
export async function readSource(
  path: string,
  displayPath: string,
  maxSize = DEFAULT_MAX_FILE_SIZE,
): Promise<ReadResult> {
  return beforeReading(await stat(path), displayPath, maxSize) ?? decode(displayPath, await readFile(path), maxSize);
}

/**
 * `readSource` without the event loop: for a worker thread, which has nothing else to do while a
 * file is read, and for which the thread-pool round trips of an asynchronous read (stat, open, fstat,
 * read, close) cost more than the reading itself.
 */
export function readSourceSync(path: string, displayPath: string, maxSize = DEFAULT_MAX_FILE_SIZE): ReadResult {
  return beforeReading(statSync(path), displayPath, maxSize) ?? decode(displayPath, readFileSync(path), maxSize);
}
