import { parse as parseYaml } from 'yaml';
import type { Span } from '../diagnostics/diagnostic';
import { SourceFile } from '../load/source-file';
import { ID_PATTERN } from '../model/ids';
import type { ArgFile, ArgumentGraph, Definition, Reference } from '../model/types';

/**
 * Where a claim or source id is defined and where it is named, across files, and the text edits
 * that rename it: the one implementation behind `argmap rename` and the language server's rename,
 * prepareRename and references. Pure: it reads no file and prints nothing; callers check the files
 * (`checkSource`, with the file's absolute path so that the files it uses join its graph) and hand
 * the results over.
 *
 * Use:
 *
 * ```ts
 * const index = new IdIndex([{ absolute, text, graph }, ...]); // every open or named file
 * index.at(absolute, offset);        // the id under the cursor: its definition and references
 *                                    // (undefined on a key, free text or an unresolved name:
 *                                    // what prepareRename refuses); `occurrence` is the range
 *                                    // under the cursor, the id's own characters
 * index.named('old-id');             // every definition of an id (`file#id`: in that file only)
 * index.rename(symbols, 'new-id');   // { ok: true, edits } by absolute path, or why not
 * applyEdits(text, edits);           // the new text
 * ```
 *
 * Every range is a pair of offsets into that file's text (UTF-16 code units, the yaml package's
 * unit) covering the id's own characters: in `source: town#budget-office` only `budget-office`,
 * inside quotes only what is between them. Comments, layout and every other character stay.
 *
 * What a reference names is what the model resolved (`Reference.definition`): a qualified
 * `file#id`, an id of a file used through `uses:`, an id of the file itself. A reference that does
 * not resolve (a typo, an ambiguous id) belongs to no symbol and is never renamed. Only the
 * references of the files handed over are found: a file that uses another one must be among them
 * for its references to be found (the CLI reads every file named and every file they use).
 */

/** One file: its absolute path (how files are told apart), its text, and the graph built from it. */
export interface EditFile {
  absolute: string;
  text: string;
  graph: ArgumentGraph;
}

/** A place an id is written: a definition (`id:`) or a reference (`source:`, `ref:`, a `targets` entry). */
export interface IdOccurrence {
  /** The absolute path of the file. */
  file: string;
  /** The id's own characters in that file's text. */
  start: number;
  end: number;
  role: 'definition' | Reference['field'];
  /**
   * The written value could not be found in its text (a quoted scalar with escapes): `start..end`
   * is then the whole scalar, and a rename writes the value there double-quoted, without escapes
   * (quoted, so that a comment after it stays a comment and is not read as cut-off text).
   */
  whole?: { prefix: string };
  /**
   * The id is the whole of a plain scalar (`id: harbour-log`, not quoted, not qualified): a new id
   * that YAML reads as another type when plain (`12`, `true`, `null`, `1e3`) is written quoted there.
   */
  plain?: true;
}

/** A claim or source id: its definition and every reference that resolves to it. */
export interface IdSymbol {
  id: string;
  type: 'claim' | 'source';
  /** The file name a qualified reference uses (`town` for `.../town.yaml`). */
  fileName: string;
  definition: IdOccurrence;
  references: IdOccurrence[];
}

/** Replace `start..end` of one file's text by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type RenameResult =
  | {
      ok: true;
      /** The edits of each file (absolute path), sorted and not overlapping. */
      edits: Map<string, TextEdit[]>;
    }
  | { ok: false; problem: 'invalid-id' }
  /** The new id is already defined where the renamed one is seen (the first such definition). */
  | { ok: false; problem: 'exists'; at: IdOccurrence }
  /**
   * A reference names the new id and nothing now (a typo, an id not written yet), in a file that
   * sees a renamed definition: after the rename it would name that (the first such reference).
   */
  | { ok: false; problem: 'named'; at: IdOccurrence };

/** Why a rename is refused, in the words `argmap rename` and the language server both use. */
export function renameRefusal(
  oldId: string,
  newId: string,
  refusal: Exclude<RenameResult, { ok: true }>,
  /** How a file is shown (its path as the user sees it) and its text (what the offsets count in). */
  fileOf: (absolute: string) => { display: string; text: string },
): string {
  if (refusal.problem === 'invalid-id') {
    return `\`${newId}\` is not a valid id: ids are kebab-case, lowercase letters and digits joined by single hyphens (e.g. \`port-capacity\`)`;
  }
  const file = fileOf(refusal.at.file);
  const { line, column } = new SourceFile(file.display, file.text).position(refusal.at.start);
  const where = `${file.display}:${line}:${column}`;
  const why =
    refusal.problem === 'named'
      ? `\`${newId}\` is named at ${where} but defined nowhere, and would then name the renamed id; correct that reference first`
      : `\`${newId}\` is already an id (${where})`;
  return `cannot rename \`${oldId}\` to \`${newId}\`: ${why}; nothing was changed`;
}

/**
 * Where the characters of `written` are in `scalar`, the text of the scalar node that holds it:
 * plain (the text itself), quoted (between the quotes, when nothing is escaped) or a block scalar
 * (on the line after its header, which may hold digits: `|2-`). -1 when the value is not written
 * as such (escapes: `"\x30a"` is `0a`, though `0a` is in its text).
 */
function valueAt(scalar: string, written: string): number {
  const first = scalar[0];
  if (first === '"' || first === "'") return scalar === `${first}${written}${first}` ? 1 : -1;
  if (first === '|' || first === '>') {
    const content = scalar.indexOf('\n') + 1;
    return content > 0 && scalar.slice(content).trim() === written ? scalar.indexOf(written, content) : -1;
  }
  return scalar === written ? 0 : -1;
}

/** The range of the id part of `written` inside `span` of `text` (see `IdOccurrence`). */
function idRange(text: string, span: Span, written: string): Pick<IdOccurrence, 'start' | 'end' | 'whole' | 'plain'> {
  const local = written.slice(written.indexOf('#') + 1);
  const scalar = text.slice(span.start, span.end);
  const at = valueAt(scalar, written);
  if (at === -1) return { start: span.start, end: span.end, whole: { prefix: written.slice(0, written.length - local.length) } };
  const start = span.start + at + written.length - local.length;
  return { start, end: start + local.length, ...(scalar === local ? { plain: true as const } : {}) };
}

/**
 * Whether YAML reads `id`, written plain, as the string itself: not `12`, `1e3`, `0x1f`, `true` or
 * `null` (YAML 1.2), nor `yes`, `no`, `on` or `off` (YAML 1.1, which a `%YAML 1.1` file asks for).
 */
function plainIsString(id: string): boolean {
  return parseYaml(id) === id && parseYaml(id, { version: '1.1' }) === id;
}

/** A symbol's key: the n-th definition of `id` in the file. */
const keyOf = (file: string, id: string, n: number) => `${file}\0${id}\0${n}`;

/** The file name without folders and extension, as qualified ids use it. */
function nameOf(absolute: string): string {
  const base = absolute.slice(Math.max(absolute.lastIndexOf('/'), absolute.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export class IdIndex {
  /** Symbols by `file \0 id \0 n` (the n-th definition of the id in that file). */
  readonly #symbols = new Map<string, IdSymbol>();
  /** Every occurrence of each file, with its symbol. */
  readonly #byFile = new Map<string, Array<{ occurrence: IdOccurrence; symbol: IdSymbol }>>();
  /**
   * The definitions each file sees (its own and those of the files it uses), each with the absolute
   * path of the file that makes them, for `rename`. A used file's definitions are its graph's own
   * copy: the file may also be handed over, checked on its own, with definitions of its own.
   */
  readonly #sees = new Map<string, Array<{ owner: string; definitions: Map<string, Definition[]> }>>();
  /** The files whose text is known (handed over, or the copy a graph was built with). */
  readonly #texts = new Set<string>();
  /**
   * The references that name nothing (a typo, an id not defined yet, or one defined in several
   * files the referring file sees: then `ambiguous` lists their symbols), with where they are written.
   */
  readonly #unresolved: Array<{ written: string; occurrence: IdOccurrence; ambiguous: IdSymbol[] }> = [];
  /** The files whose graph was built with the files they use: only there does `name#id` resolve. */
  readonly #qualifying = new Set<string>();

  constructor(files: readonly EditFile[]) {
    for (const f of files) this.#texts.add(f.absolute);
    // Definitions first: a file's own (its text is the one handed over), then those of the files
    // its graph was built with and that were not handed over (their text is the graph's copy).
    for (const f of files) this.#define(f.absolute, f.text, f.graph.definitions);
    for (const f of files) {
      for (const used of f.graph.files ?? []) {
        if (this.#texts.has(used.absolute)) continue;
        this.#texts.add(used.absolute);
        this.#define(used.absolute, used.source.text, used.definitions);
      }
    }
    for (const f of files) {
      if (f.graph.files !== undefined) this.#qualifying.add(f.absolute);
      const seen = [{ owner: f.absolute, definitions: f.graph.definitions }];
      for (const used of f.graph.files ?? []) {
        if (used.absolute !== f.absolute) seen.push({ owner: used.absolute, definitions: used.definitions });
      }
      this.#sees.set(f.absolute, seen);
      for (const reference of f.graph.references) this.#refer(f, reference);
    }
    for (const list of this.#byFile.values()) list.sort((a, b) => a.occurrence.start - b.occurrence.start);
  }

  #define(absolute: string, text: string, definitions: Map<string, Definition[]>) {
    for (const [id, list] of definitions) {
      list.forEach((definition, n) => {
        const key = keyOf(absolute, id, n);
        if (this.#symbols.has(key)) return;
        const occurrence: IdOccurrence = { file: absolute, ...idRange(text, definition.span, id), role: 'definition' };
        const symbol: IdSymbol = { id, type: definition.type, fileName: nameOf(absolute), definition: occurrence, references: [] };
        this.#symbols.set(key, symbol);
        this.#add(occurrence, symbol);
      });
    }
  }

  #add(occurrence: IdOccurrence, symbol: IdSymbol) {
    let list = this.#byFile.get(occurrence.file);
    if (!list) this.#byFile.set(occurrence.file, (list = []));
    list.push({ occurrence, symbol });
  }

  #refer(f: EditFile, reference: Reference) {
    const definition = reference.definition;
    if (!definition) {
      const occurrence: IdOccurrence = { file: f.absolute, ...idRange(f.text, reference.span, reference.id), role: reference.field };
      const ambiguous = (reference.ambiguous ?? []).flatMap((d) => this.#symbolOf(f, d) ?? []);
      this.#unresolved.push({ written: reference.id, occurrence, ambiguous });
      return;
    }
    const symbol = this.#symbolOf(f, definition);
    if (!symbol) return;
    const occurrence: IdOccurrence = { file: f.absolute, ...idRange(f.text, reference.span, reference.id), role: reference.field };
    symbol.references.push(occurrence);
    this.#add(occurrence, symbol);
  }

  /** The symbol of a definition that file `f`'s graph holds (its own, or a used file's copy). */
  #symbolOf(f: EditFile, definition: Definition): IdSymbol | undefined {
    const file: ArgFile | undefined = definition.file;
    const absolute = file === undefined || file.absolute === f.absolute ? f.absolute : file.absolute;
    const list = (file ?? f.graph).definitions.get(definition.id);
    const n = list ? Math.max(0, list.indexOf(definition)) : 0;
    return this.#symbols.get(keyOf(absolute, definition.id, n));
  }

  /**
   * The id written at `offset` of a file (a definition's value or a resolved reference, the
   * offset at or just after one of its characters), with the occurrence under it; undefined
   * anywhere else.
   */
  at(absolute: string, offset: number): { symbol: IdSymbol; occurrence: IdOccurrence } | undefined {
    for (const entry of this.#byFile.get(absolute) ?? []) {
      if (entry.occurrence.start > offset) break;
      if (offset <= entry.occurrence.end) return entry;
    }
    return undefined;
  }

  /** Every definition of `id` in the files known, in the order handed over; `name#id`: in files of that name only. */
  named(id: string): IdSymbol[] {
    const hash = id.indexOf('#');
    const name = hash === -1 ? undefined : id.slice(0, hash);
    const local = id.slice(hash + 1);
    return [...this.#symbols.values()].filter((s) => s.id === local && (name === undefined || s.fileName === name));
  }

  /**
   * The edits that rename the symbols (usually one; `named` may give several) to `newId`: each
   * definition and every reference to it. Refused when `newId` is not an id, or when it is already
   * defined in a file that sees one of the definitions (the file itself, a file it uses, or a file
   * that uses it), or named by a reference that names nothing now and would then name a renamed
   * definition: the rename would make a reference ambiguous or change what it names.
   */
  rename(symbols: readonly IdSymbol[], newId: string): RenameResult {
    if (!ID_PATTERN.test(newId)) return { ok: false, problem: 'invalid-id' };
    const files = new Set(symbols.map((s) => s.definition.file));
    for (const seen of this.#sees.values()) {
      if (!seen.some(({ owner }) => files.has(owner))) continue;
      for (const { owner, definitions } of seen) {
        if (!definitions.has(newId)) continue;
        const at = this.#symbols.get(keyOf(owner, newId, 0))?.definition;
        if (at) return { ok: false, problem: 'exists', at };
      }
    }
    // As the model resolves it (`lookup` in model/build.ts): `name#id` only in a file that uses
    // files, in the one file of that name it sees; a plain id in the file and every file it sees.
    for (const { written, occurrence } of this.#unresolved) {
      const hash = written.indexOf('#');
      if (written.slice(hash + 1) !== newId) continue;
      let owners = (this.#sees.get(occurrence.file) ?? []).map(({ owner }) => owner);
      if (hash !== -1) {
        if (!this.#qualifying.has(occurrence.file)) continue;
        owners = owners.filter((owner) => nameOf(owner) === written.slice(0, hash));
        if (owners.length !== 1) continue;
      }
      if (symbols.some((s) => owners.includes(s.definition.file))) return { ok: false, problem: 'named', at: occurrence };
    }
    // A reference that names several of the renamed definitions at once (ambiguous: an id defined
    // twice) names all of them after the rename too, as the same error.
    const renamed = new Set(symbols);
    const ambiguous = this.#unresolved.flatMap(({ occurrence, ambiguous }) =>
      ambiguous.length > 1 && ambiguous.every((s) => renamed.has(s)) ? [occurrence] : [],
    );
    const edits = new Map<string, TextEdit[]>();
    const seenAt = new Set<string>();
    const quoted = plainIsString(newId) ? newId : `"${newId}"`;
    for (const occurrences of [...symbols.map((s) => [s.definition, ...s.references]), ambiguous]) {
      for (const o of occurrences) {
        const key = `${o.file}\0${o.start}`;
        if (seenAt.has(key)) continue;
        seenAt.add(key);
        let list = edits.get(o.file);
        if (!list) edits.set(o.file, (list = []));
        const text = o.whole ? `"${o.whole.prefix}${newId}"` : o.plain ? quoted : newId;
        list.push({ start: o.start, end: o.end, text });
      }
    }
    for (const list of edits.values()) list.sort((a, b) => a.start - b.start);
    return { ok: true, edits };
  }
}

/** `text` with the edits applied (sorted, not overlapping, offsets into `text`). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}
