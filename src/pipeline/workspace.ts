import { realpathSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic';
import { parse, scanDocument } from '../load/parse';
import { DEFAULT_MAX_FILE_SIZE, readSourceSync, sourceFromText } from '../load/read';
import type { SourceFile } from '../load/source-file';
import { spanOf } from '../load/yaml-span';
import type { FileToBuild } from '../model/build';
import type { ArgFile, Definition } from '../model/types';
import { errnoCode } from '../util/errno';
import { validate } from '../validate/validate';

/**
 * The files that files use (`uses:`) and the document texts they name (`document.file`), each read,
 * parsed and validated once per run however many files use it: checking 1,000 files that use one
 * sources file parses the sources file once (per thread).
 */

/** One argument file as the workspace knows it: read once, parsed once. */
export interface Unit {
  absolute: string;
  /** The path shown to the user. */
  display: string;
  /** Why it could not be read (an errno code, or `outside`). */
  problem?: string;
  source?: SourceFile;
  scanned?: FileToBuild['scanned'];
  /** How many YAML and schema errors it has (a file with any is not used). */
  errors: number;
  /** Its `uses` entries: the path as written, where, and the file it names. */
  uses: UsesEntry[];
  /** Its `document.file`, when it names one. */
  documentFile?: { path: string; span: Span };
  sourcesOnly: boolean;
}

export interface UsesEntry {
  path: string;
  span: Span;
  absolute: string;
  display: string;
}

/** A document text, read once. */
export type DocumentText = { text: string } | { problem: string };

export interface WorkspaceOptions {
  maxFileSize?: number;
  /**
   * The folder used files and document texts must lie in (after following symbolic links): the
   * working folder. A checked file outside it may use files in its own folder and below.
   */
  root?: string;
  /**
   * The text an editor holds for a file (by absolute path), unsaved changes included: read instead
   * of the file on disk (the language server's open buffers). The file must still exist, inside the
   * working folder, and not be a system file.
   */
  open?: (absolute: string) => string | undefined;
}

/** What the checked file's `uses` resolve to: the files to build, and the problems at its entries. */
export interface UsesResult {
  used: FileToBuild[];
  root: ArgFile;
  diagnostics: Diagnostic[];
  /** Every file the checked one sees (absolute paths), and the document text's: what its results depend on. */
  dependencies: string[];
}

/** An error's errno code, or the refusal (read.ts's `system-file`, `not-a-file`), or its text. */
const codeOf = (error: unknown): string => errnoCode(error) ?? (error instanceof Error ? error.message : String(error));

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The path shown for a file named relative to another: joined to the other's shown path. */
function displayOf(fromDisplay: string, written: string, absolute: string): string {
  if (isAbsolute(written) || isAbsolute(fromDisplay)) return absolute;
  const joined = posix.normalize(posix.join(posix.dirname(fromDisplay.split(sep).join('/')), written.split(sep).join('/')));
  return joined;
}

export class Workspace {
  readonly #units = new Map<string, Unit>();
  readonly #documents = new Map<string, DocumentText>();
  readonly #real = new Map<string, string | undefined>();
  readonly #maxFileSize: number;
  readonly #root: string | undefined;
  readonly #open: WorkspaceOptions['open'];

  constructor(options: WorkspaceOptions = {}) {
    this.#maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    this.#root = options.root;
    this.#open = options.open;
  }

  /** A file this workspace has read or registered (the checked file, a used file), by absolute path. */
  unit(absolute: string): Unit | undefined {
    return this.#units.get(absolute);
  }

  /**
   * Every path this workspace read or tried to read: the files used (readable or not, a missing
   * one too), the document texts, and the real paths of the symbolic links among them. A check
   * made with this workspace may change when any of them changes on disk (what the language
   * server watches for).
   */
  paths(): Set<string> {
    const out = new Set<string>([...this.#units.keys(), ...this.#documents.keys()]);
    for (const [path, real] of this.#real) {
      out.add(path);
      if (real !== undefined) out.add(real);
    }
    return out;
  }

  /**
   * The text of a file as the file at `from` would read it through `uses` (an open buffer first,
   * then the disk, read once), or undefined where it may not be read or cannot be: what a result
   * built from that file depended on, to tell whether it still holds.
   */
  textOf(path: string, from: string): string | undefined {
    if (this.#refused(path, from) !== undefined) return undefined;
    return this.load(path, path).source?.text;
  }

  /** The real path (symbolic links followed), or undefined when there is none. */
  #realpath(path: string): string | undefined {
    if (!this.#real.has(path)) {
      let real: string | undefined;
      try {
        real = realpathSync(path);
      } catch {
        real = undefined;
      }
      this.#real.set(path, real);
    }
    return this.#real.get(path);
  }

  /**
   * Whether `path` (named by the file at `from`) may be read: its real path lies in the working
   * folder, or, for a file checked from outside it, in that file's folder. Undefined when allowed,
   * else the problem (`outside`, or the errno code of a path that does not resolve).
   */
  #refused(path: string, from: string): string | undefined {
    const real = this.#realpath(path);
    if (real === undefined) {
      try {
        realpathSync(path);
      } catch (error) {
        return codeOf(error);
      }
      return 'ENOENT';
    }
    const root = this.#root !== undefined ? (this.#realpath(this.#root) ?? this.#root) : undefined;
    const fromReal = this.#realpath(from) ?? from;
    const allowed = root !== undefined && inside(root, fromReal) ? root : dirname(fromReal);
    return inside(allowed, real) ? undefined : 'outside';
  }

  /** Registers the checked file's own parse, so a file both checked and used is parsed once. */
  register(absolute: string, display: string, source: SourceFile, doc: Document, scanned: FileToBuild['scanned'], errors: number): Unit {
    const known = this.#units.get(absolute);
    if (known) return known;
    const unit = this.#unitOf(absolute, display, source, doc, scanned, errors);
    this.#units.set(absolute, unit);
    return unit;
  }

  #unitOf(absolute: string, display: string, source: SourceFile, doc: Document, scanned: FileToBuild['scanned'], errors: number): Unit {
    const unit: Unit = { absolute, display, source, scanned, errors, uses: [], sourcesOnly: false };
    const top = doc.contents;
    if (!isMap(top)) return unit;
    const uses = top.get('uses', true);
    if (isSeq(uses)) {
      for (const item of uses.items) {
        if (!isScalar(item) || typeof item.value !== 'string' || item.value === '') continue;
        const written = item.value;
        const target = resolve(dirname(absolute), written);
        unit.uses.push({ path: written, span: spanOf(item), absolute: target, display: displayOf(display, written, target) });
      }
    }
    const document = top.get('document', true);
    if (isMap(document)) {
      const file = document.get('file', true);
      if (isScalar(file) && typeof file.value === 'string' && file.value !== '') {
        unit.documentFile = { path: file.value, span: spanOf(file) };
      }
    }
    unit.sourcesOnly = top.has('sources') && !top.has('recommendation') && !top.has('counterpoints');
    return unit;
  }

  /** A used file, read, parsed and validated on first use. */
  load(absolute: string, display: string): Unit {
    const known = this.#units.get(absolute);
    if (known) return known;
    let unit: Unit;
    try {
      const open = this.#open?.(absolute);
      const read =
        open !== undefined
          ? sourceFromText(absolute, display, open, this.#maxFileSize)
          : readSourceSync(absolute, display, this.#maxFileSize);
      if (!read.ok) unit = { absolute, display, source: read.source, errors: read.diagnostics.length, uses: [], sourcesOnly: false };
      else {
        const parsed = parse(read.source);
        if (parsed.data === undefined) {
          unit = { absolute, display, source: read.source, errors: Math.max(1, parsed.diagnostics.length), uses: [], sourcesOnly: false };
        } else {
          const errors = parsed.diagnostics.filter((d) => d.severity === 'error').length + validate(parsed.doc, parsed.data).length;
          unit = this.#unitOf(absolute, display, read.source, parsed.doc, parsed.scanned ?? scanDocument(parsed.doc), errors);
        }
      }
    } catch (error) {
      unit = { absolute, display, problem: codeOf(error), errors: 0, uses: [], sourcesOnly: false };
    }
    this.#units.set(absolute, unit);
    return unit;
  }

  /** The unit an entry names, or the problem that keeps it from being used. */
  #target(entry: UsesEntry, from: Unit): Unit | { problem: string } {
    const refused = this.#refused(entry.absolute, from.absolute);
    if (refused !== undefined) return { problem: refused };
    const unit = this.load(entry.absolute, entry.display);
    return unit.problem !== undefined ? { problem: unit.problem } : unit;
  }

  /** The usable files `unit` uses directly (readable, inside the tree, without errors). */
  #usable(unit: Unit): Unit[] {
    const out: Unit[] = [];
    for (const entry of unit.uses) {
      const target = this.#target(entry, unit);
      if ('problem' in target || target.errors > 0 || target.scanned === undefined) continue;
      out.push(target);
    }
    return out;
  }

  /** Every usable file `unit` sees, each once, in the order first reached (itself excluded). */
  closure(unit: Unit): Unit[] {
    const seen = new Set<Unit>([unit]);
    const out: Unit[] = [];
    const stack = this.#usable(unit).reverse();
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      out.push(next);
      const more = this.#usable(next);
      for (let i = more.length - 1; i >= 0; i--) stack.push(more[i]!);
    }
    return out;
  }

  /** The chain of files from `from` back to `to` through usable `uses`, when there is one. */
  #pathTo(from: Unit, to: Unit): Unit[] | undefined {
    const parent = new Map<Unit, Unit | undefined>([[from, undefined]]);
    const queue = [from];
    for (let i = 0; i < queue.length; i++) {
      const unit = queue[i]!;
      for (const next of this.#usable(unit)) {
        if (next === to) {
          const chain = [unit];
          for (let p = parent.get(unit); p !== undefined; p = parent.get(p)) chain.unshift(p);
          return chain;
        }
        if (!parent.has(next)) {
          parent.set(next, unit);
          queue.push(next);
        }
      }
    }
    return undefined;
  }

  /**
   * Resolves the `uses` of the checked file: the files whose nodes join its graph (each once, with
   * what each of them sees), and an error at each entry that cannot be used.
   */
  resolveUses(unit: Unit): UsesResult {
    const diagnostics: Diagnostic[] = [];
    const report = (code: Diagnostic['code'], span: Span, params: object) =>
      diagnostics.push({ rule: 'used-file', code, severity: 'error', span, params } as Diagnostic);
    for (const entry of unit.uses) {
      const target = this.#target(entry, unit);
      if ('problem' in target) {
        if (target.problem === 'outside') report('uses-outside', entry.span, { path: entry.path });
        else report('uses-unreadable', entry.span, { path: entry.path, detail: target.problem });
        continue;
      }
      if (target === unit) {
        report('uses-cycle', entry.span, { cycle: `${unit.display} → ${unit.display}` });
        continue;
      }
      if (target.errors > 0 || target.scanned === undefined) {
        report('uses-invalid', entry.span, { path: entry.display, count: Math.max(1, target.errors) });
        continue;
      }
      const back = this.#pathTo(target, unit);
      if (back) report('uses-cycle', entry.span, { cycle: [unit, ...back, unit].map((u) => u.display).join(' → ') });
    }
    const units = this.closure(unit).filter((u) => u !== unit);
    const files = new Map<Unit, ArgFile>();
    const fileOf = (u: Unit): ArgFile => {
      let file = files.get(u);
      if (!file) {
        file = {
          path: u.display,
          absolute: u.absolute,
          name: basename(u.display, extname(u.display)),
          source: u.source!,
          definitions: new Map<string, Definition[]>(),
          visible: [],
          sourcesOnly: u.sourcesOnly,
          used: u !== unit,
        };
        files.set(u, file);
      }
      return file;
    };
    const root = fileOf(unit);
    root.visible = units.map(fileOf);
    for (const u of units)
      fileOf(u).visible = this.closure(u)
        .filter((v) => v !== u && v !== unit)
        .map(fileOf);
    const dependencies = units.map((u) => u.absolute);
    return { root, used: units.map((u) => ({ file: fileOf(u), scanned: u.scanned! })), diagnostics, dependencies };
  }

  /** The document text a file names (`document.file`), read once; undefined when it names none. */
  documentText(unit: Unit): { path: string; span: Span; absolute: string; text?: string; problem?: string } | undefined {
    const named = unit.documentFile;
    if (!named) return undefined;
    const absolute = resolve(dirname(unit.absolute), named.path);
    let found = this.#documents.get(absolute);
    if (!found) {
      const refused = this.#refused(absolute, unit.absolute);
      if (refused !== undefined) found = { problem: refused };
      else {
        try {
          const open = this.#open?.(absolute);
          const read =
            open !== undefined
              ? sourceFromText(absolute, named.path, open, this.#maxFileSize)
              : readSourceSync(absolute, named.path, this.#maxFileSize);
          found = read.ok ? { text: read.source.text } : { problem: read.diagnostics[0]?.code ?? 'unreadable' };
        } catch (error) {
          found = { problem: codeOf(error) };
        }
      }
      this.#documents.set(absolute, found);
    }
    return { ...named, absolute, ...found };
  }
}
