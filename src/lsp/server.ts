import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type DidChangeWatchedFilesParams,
  type Disposable,
  type DocumentSymbolParams,
  type FileSystemWatcher,
  type Hover,
  type InitializeResult,
  type Location,
  type PrepareRenameParams,
  type Range,
  type ReferenceParams,
  type RenameParams,
  type TextDocumentPositionParams,
  type TextEdit,
  type WorkspaceEdit,
  WatchKind,
} from 'vscode-languageserver';
import { basename, sep } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Severity, Span } from '../diagnostics/diagnostic';
import type { FileReport } from '../diagnostics/report';
import { resolveDiagnostics } from '../format/resolve';
import { allRules } from '../rules/index';
import { displayPath } from '../load/resolve-paths';
import { isConfigName } from '../config/load-config';
import { Workspace } from '../pipeline/workspace';
import { renameRefusal, type IdOccurrence, type IdSymbol } from '../edit/references';
import { parse } from '../load/parse';
import type { ArgumentGraph } from '../model/types';
import { quickFixes } from './actions';
import { Checker, pathOf, uriOf, type Checked } from './checker';
import { idCompletions, idSlot } from './completion';
import { FolderIndex, openIndex, type IndexedFiles } from './references';
import { hoverText } from './hover';
import { definitionAt, locate, nodeAt } from './locate';
import { documentSymbols } from './symbols';
import { EditorText } from './text';

/**
 * How long the server waits after an edit before checking: edits that come closer together than
 * this (typing, an editor's burst of changes) are checked once, after the last. Short, since a check
 * of the bundled map takes a few milliseconds and diagnostics should follow the typing.
 */
const DEBOUNCE_MS = 15;

/**
 * The files every check may read, watched from the start: argument files (which files use: `.yaml`
 * or `.yml` in any case, as the schema and `check` take them) and the config (`argmap.config.yaml` /
 * `.yml`). Document texts (`document.file`, any name) are watched by
 * name once a check has read one. And every path created or deleted: a folder deleted, created or
 * renamed is reported as one event for the folder, none for the files in it (VS Code:
 * microsoft/vscode#109754), and a folder's name matches none of the globs above.
 */
const WATCHED: FileSystemWatcher[] = [
  { globPattern: '**/*.[yY][aA][mM][lL]' },
  { globPattern: '**/*.[yY][mM][lL]' },
  { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
];

/**
 * A glob that matches a file of this name in any folder; for a name with glob characters in it,
 * any file with its extension (glob syntax differs between editors, so nothing is escaped).
 */
function anywhere(name: string): string {
  if (!/[*?[\]{}!\\]/.test(name)) return `**/${name}`;
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1];
  return ext !== undefined ? `**/*.${ext}` : '**/*';
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Each rule's documentation link, by id. */
const DOCS = new Map(allRules.map((r) => [r.id, r.docs.url]));

/** The diagnostics of a report as LSP diagnostics in a text: the ranges, codes and messages `check` reports. */
function lspDiagnostics(report: FileReport, text: EditorText): LspDiagnostic[] {
  const resolved = resolveDiagnostics(report);
  return report.diagnostics.map((d, i) => {
    const href = DOCS.get(d.rule);
    return {
      range: text.range(d.span),
      severity: SEVERITY[d.severity],
      code: d.rule,
      ...(href !== undefined ? { codeDescription: { href } } : {}),
      source: 'argmap',
      message: resolved[i]!.message,
      data: { code: d.code },
    };
  });
}

export interface ServerOptions {
  /** The folder argmap runs in: the root when the editor names no workspace folder. */
  cwd: string;
  maxFileSize?: number;
}

/**
 * The language server: argmap's checks and what its model knows, offered to an editor over a
 * connection the CLI opens (`argmap lsp`). Every finding comes from the check pipeline; this layer
 * only turns offsets into positions and answers the editor's requests.
 */
export class ArgmapServer {
  readonly #connection: Connection;
  readonly #documents = new TextDocuments(TextDocument);
  readonly #checker: Checker;
  readonly #options: ServerOptions;
  readonly #checked = new Map<string, Checked>();
  /** The last graph of each buffer, kept while an edit leaves it unparsable (for completion). */
  readonly #lastGraph = new Map<string, ArgumentGraph>();
  readonly #timers = new Map<string, { timer: ReturnType<typeof setTimeout>; dependents: boolean }>();
  /** Whether the editor watches files for the server (it registers watchers dynamically). */
  #watching = false;
  /** The names of the document texts watched (sorted, joined), and their registration. */
  #watchedTexts = '';
  #textWatch: Promise<Disposable | undefined> | undefined;
  /** The files of the workspace folders on disk, as references and rename last checked them. */
  readonly #folderIndex = new FolderIndex();
  /** Config files whose problems are shown (by URI), to clear them once fixed. */
  readonly #configProblems = new Set<string>();

  constructor(connection: Connection, options: ServerOptions) {
    this.#connection = connection;
    this.#checker = new Checker(options);
    this.#options = options;
    connection.onInitialize((params): InitializeResult => {
      const folders = params.workspaceFolders?.map((f) => pathOf(f.uri)) ?? [params.rootUri ? pathOf(params.rootUri) : undefined];
      this.#checker.setFolders(folders.filter((f): f is string => f !== undefined));
      this.#watching = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      return {
        capabilities: {
          textDocumentSync: TextDocumentSyncKind.Incremental,
          definitionProvider: true,
          hoverProvider: true,
          completionProvider: { triggerCharacters: [' ', '[', ',', '#'] },
          documentSymbolProvider: true,
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
          referencesProvider: true,
          renameProvider: { prepareProvider: true },
        },
        serverInfo: { name: 'argmap' },
      };
    });
    connection.onInitialized(() => {
      if (this.#watching) void this.#watch(WATCHED);
    });
    connection.onDidChangeWatchedFiles((params) => this.#changedOnDisk(params));
    this.#documents.onDidOpen((e) => this.#checkNow(e.document.uri));
    this.#documents.onDidChangeContent((e) => {
      // Fired on open too, right after onDidOpen checked that version: nothing new to check.
      if (this.#checked.get(e.document.uri)?.version !== e.document.version) this.#schedule(e.document.uri);
    });
    this.#documents.onDidClose((e) => this.#closed(e.document.uri));
    connection.onDefinition((params) => this.#definition(params));
    connection.onHover((params) => this.#hover(params));
    connection.onCompletion((params) => this.#completion(params));
    connection.onDocumentSymbol((params) => this.#symbols(params));
    connection.onCodeAction((params) => this.#codeActions(params));
    connection.onReferences((params) => this.#references(params));
    connection.onPrepareRename((params) => this.#prepareRename(params));
    connection.onRenameRequest((params) => this.#rename(params));
    this.#documents.listen(connection);
  }

  /** The text of an open buffer by absolute path (what files that use it read). */
  #openText = (absolute: string): string | undefined => {
    for (const document of this.#documents.all()) if (pathOf(document.uri) === absolute) return document.getText();
    return undefined;
  };

  #openDocument(absolute: string): TextDocument | undefined {
    return this.#documents.all().find((d) => pathOf(d.uri) === absolute);
  }

  /**
   * Checks a buffer after the debounce; `dependents`: then the open buffers that use it (after an
   * edit of it, not after a change on disk of a file it reads).
   */
  #schedule(uri: string, dependents = true): void {
    const pending = this.#timers.get(uri);
    clearTimeout(pending?.timer);
    const all = dependents || pending?.dependents === true;
    this.#timers.set(uri, { timer: setTimeout(() => this.#checkNow(uri, all), DEBOUNCE_MS), dependents: all });
  }

  /** Asks the editor to watch files for the server; resolves to undefined if it refuses. */
  async #watch(watchers: FileSystemWatcher[]): Promise<Disposable | undefined> {
    try {
      return await this.#connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
    } catch {
      // An editor that announced watching and then refused: files changed on disk are seen at the next edit.
      return undefined;
    }
  }

  /** Watches the document texts the open buffers read (by name), when that set of names changed. */
  #watchTexts(): void {
    if (!this.#watching) return;
    const names = new Set<string>();
    for (const checked of this.#checked.values()) {
      const named = checked.workspace.unit(checked.absolute)?.documentFile;
      if (named) names.add(basename(named.path));
    }
    for (const name of names) if (/\.ya?ml$/i.test(name)) names.delete(name);
    const key = [...names].sort().join('\0');
    if (key === this.#watchedTexts) return;
    this.#watchedTexts = key;
    const previous = this.#textWatch;
    this.#textWatch = (async () => {
      (await previous)?.dispose();
      return names.size > 0 ? this.#watch([...names].sort().map((name) => ({ globPattern: anywhere(name) }))) : undefined;
    })();
  }

  /**
   * Files changed on disk (created, changed, deleted), as the editor reports them: the config is
   * read again, and every open buffer that read one of them (a file it uses, a document text it
   * quotes, the config in force) is checked again. A file open in the editor is read from its
   * buffer, not the disk, so a change of its text on disk changes nothing; but it is used (or quoted)
   * only while it exists on disk, as `argmap check` uses it, so its creation or deletion does. A
   * path reported touches every path under it (a folder deleted, created or renamed).
   */
  #changedOnDisk(params: DidChangeWatchedFilesParams): void {
    const changed: string[] = [];
    const all: string[] = [];
    const configs = new Set<string>();
    for (const change of params.changes) {
      const path = pathOf(change.uri);
      if (path === undefined) continue;
      all.push(path);
      if (isConfigName(basename(path))) configs.add(path);
      if (change.type !== FileChangeType.Changed || !this.#openDocument(path)) changed.push(path);
    }
    const touches = (paths: readonly string[]) => (path: string | undefined) =>
      path !== undefined && paths.some((p) => path === p || path.startsWith(p + sep));
    for (const [uri, checked] of this.#checked) {
      const reads = [...checked.reads].some(touches(changed));
      // The config in force changed or went (itself, or a folder it was in), or one appeared where check would find it.
      const config = checked.config !== undefined && touches(all)(checked.config);
      if (config) this.#checker.forgetConfig(checked.config!);
      const appeared = configs.size > 0 && configs.has(this.#checker.configPathFor(this.#checker.rootOf(checked.absolute)) ?? '');
      if (reads || config || appeared) this.#schedule(uri, false);
    }
    for (const path of configs) this.#checker.forgetConfig(path);
  }

  /** Checks a buffer now and publishes its diagnostics; then the open buffers that use it. */
  #checkNow(uri: string, dependents = true): Checked | undefined {
    clearTimeout(this.#timers.get(uri)?.timer);
    this.#timers.delete(uri);
    const document = this.#documents.get(uri);
    if (!document) return undefined;
    const checked = this.#checker.check(uri, document.version, document.getText(), this.#openText);
    this.#checked.set(uri, checked);
    if (checked.result.graph) this.#lastGraph.set(uri, checked.result.graph);
    void this.#connection.sendDiagnostics({
      uri,
      version: document.version,
      diagnostics: lspDiagnostics(checked.result, new EditorText(document)),
    });
    this.#publishConfig(checked.absolute);
    if (dependents) this.#checkDependents(checked.absolute, uri);
    this.#watchTexts();
    return checked;
  }

  /** Re-checks the open buffers whose results depend on a file that changed (they use it). */
  #checkDependents(absolute: string, except: string): void {
    for (const [uri, checked] of this.#checked) {
      if (uri !== except && checked.reads.has(absolute)) this.#checkNow(uri, false);
    }
  }

  /** Shows the problems of a config that cannot be used on the config file itself. */
  #publishConfig(absolute: string): void {
    const state = this.#checker.configFor(this.#checker.rootOf(absolute));
    const shown = new Set<string>();
    if ('invalid' in state) {
      const uri = uriOf(state.invalid.path);
      shown.add(uri);
      const report = state.invalid.report;
      const diagnostics = report
        ? lspDiagnostics(report, EditorText.of(uri, report.source.text))
        : [
            {
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              severity: DiagnosticSeverity.Error,
              source: 'argmap',
              message: `cannot read config: ${state.invalid.problem ?? ''}`,
            },
          ];
      void this.#connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of this.#configProblems) if (!shown.has(uri)) void this.#connection.sendDiagnostics({ uri, diagnostics: [] });
    this.#configProblems.clear();
    for (const uri of shown) this.#configProblems.add(uri);
  }

  #closed(uri: string): void {
    clearTimeout(this.#timers.get(uri)?.timer);
    this.#timers.delete(uri);
    const checked = this.#checked.get(uri);
    this.#checked.delete(uri);
    this.#lastGraph.delete(uri);
    void this.#connection.sendDiagnostics({ uri, diagnostics: [] });
    // Files that use it now read it from the disk.
    if (checked) this.#checkDependents(checked.absolute, uri);
    this.#watchTexts();
  }

  /** The check of a buffer's current text (checked now when an edit has not been checked yet). */
  #current(uri: string): { checked: Checked; text: EditorText } | undefined {
    const document = this.#documents.get(uri);
    if (!document) return undefined;
    let checked = this.#checked.get(uri);
    if (!checked || checked.version !== document.version) checked = this.#checkNow(uri);
    return checked ? { checked, text: new EditorText(document) } : undefined;
  }

  /** The editor's text of a file: its open buffer, else the text the pipeline read. */
  #textOf(absolute: string, read: string): EditorText {
    const open = this.#openDocument(absolute);
    return open ? new EditorText(open) : EditorText.of(uriOf(absolute), read);
  }

  #location(absolute: string, read: string, span: Span): Location {
    const text = this.#textOf(absolute, read);
    return { uri: text.uri, range: text.range(span) };
  }

  #definition(params: TextDocumentPositionParams): Location | null {
    const current = this.#current(params.textDocument.uri);
    if (!current) return null;
    const { checked, text } = current;
    const located = locate(checked, text.offset(params.position));
    if (!located) return null;
    if (located.kind === 'uses' || located.kind === 'document-file') {
      const absolute = located.kind === 'uses' ? located.entry.absolute : located.absolute;
      return { uri: uriOf(absolute), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    }
    const definition = definitionAt(located);
    if (!definition) return null;
    const file = definition.file;
    if (!file || file.absolute === checked.absolute) return { uri: text.uri, range: text.range(definition.span) };
    return this.#location(file.absolute, file.source.text, definition.span);
  }

  #hover(params: TextDocumentPositionParams): Hover | null {
    const current = this.#current(params.textDocument.uri);
    if (!current) return null;
    const { checked, text } = current;
    const located = locate(checked, text.offset(params.position));
    const node = nodeAt(located);
    if (!node || !located) return null;
    return { contents: { kind: 'markdown', value: hoverText(node, checked.result.analyses) }, range: text.range(located.span) };
  }

  #completion(params: TextDocumentPositionParams): CompletionItem[] {
    const current = this.#current(params.textDocument.uri);
    if (!current) return [];
    const { text } = current;
    const offset = text.document.offsetAt(params.position);
    const slot = idSlot(text.document.getText(), offset);
    const graph = current.checked.result.graph ?? this.#lastGraph.get(params.textDocument.uri);
    if (!slot || !graph) return [];
    const range = { start: text.document.positionAt(slot.start), end: params.position };
    // Asked for right after the colon (`ref:|`), the id gets the space YAML needs before a value.
    const pad = text.document.getText()[slot.start - 1] === ':' ? ' ' : '';
    return idCompletions(graph, slot.field).map((item) => ({ ...item, textEdit: { range, newText: `${pad}${item.label}` } }));
  }

  #symbols(params: DocumentSymbolParams): DocumentSymbol[] {
    const current = this.#current(params.textDocument.uri);
    const graph = current?.checked.result.graph;
    if (!current || !graph) return [];
    return documentSymbols(graph, current.checked.result.source, current.text);
  }

  #codeActions(params: CodeActionParams): CodeAction[] {
    const current = this.#current(params.textDocument.uri);
    if (!current) return [];
    const { checked, text } = current;
    const { source, graph, diagnostics } = checked.result;
    const range = { start: text.offset(params.range.start), end: text.offset(params.range.end) };
    const fixes = quickFixes(source.text, parse(source).doc, graph, diagnostics, range);
    const lsp = (d: Diagnostic) => lspDiagnostics({ source, diagnostics: [d] }, text)[0]!;
    return fixes.map((fix) => ({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [lsp(fix.diagnostic)],
      ...(fix.preferred ? { isPreferred: true } : {}),
      edit: { changes: { [text.uri]: [{ range: text.range(fix.edit), newText: fix.edit.text }] } },
    }));
  }

  /** The checks of every open buffer, each current. */
  #allCurrent(): Checked[] {
    const out: Checked[] = [];
    for (const document of this.#documents.all()) {
      const current = this.#current(document.uri);
      if (current) out.push(current.checked);
    }
    return out;
  }

  /** The id under the cursor in the open buffers: what prepareRename offers (undefined: refused). */
  #idAt(params: TextDocumentPositionParams): { symbol: IdSymbol; occurrence: IdOccurrence; range: Range; absolute: string } | undefined {
    const current = this.#current(params.textDocument.uri);
    if (!current) return undefined;
    const here = openIndex(this.#allCurrent()).index.at(current.checked.absolute, current.text.offset(params.position));
    return here && { ...here, range: current.text.range(here.occurrence), absolute: current.checked.absolute };
  }

  /**
   * The id under the cursor and every place it is written: in the open buffers, and in the argument
   * files of the workspace folder on disk that mention it, or the new id of a rename (see
   * `FolderIndex.search`).
   */
  async #everywhere(
    params: TextDocumentPositionParams,
    newId?: string,
  ): Promise<{ found: IndexedFiles; symbol: IdSymbol; folder: string } | undefined> {
    const here = this.#idAt(params);
    if (!here) return undefined;
    const root = this.#checker.rootOf(here.absolute);
    const { maxFileSize } = this.#options;
    const ids = newId === undefined ? [here.symbol.id] : [here.symbol.id, newId];
    const folder = this.#checker.searchFolderOf(here.absolute);
    const found = await this.#folderIndex.search(ids, folder, this.#allCurrent(), {
      severities: this.#checker.configFor(root).config.severities,
      blockingOnly: true,
      workspace: new Workspace({ root, open: this.#openText, ...(maxFileSize !== undefined ? { maxFileSize } : {}) }),
      ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    });
    const symbol = found.index.at(here.absolute, here.occurrence.start)?.symbol;
    return symbol && { found, symbol, folder };
  }

  /** Where an occurrence is, in the editor's terms; `texts` keeps each file's lines, worked out once per request. */
  #occurrenceLocation(found: IndexedFiles, o: IdOccurrence, texts = new Map<string, EditorText>()): Location {
    let text = texts.get(o.file);
    if (!text) texts.set(o.file, (text = this.#textOf(o.file, found.texts.get(o.file) ?? '')));
    return { uri: text.uri, range: text.range(o) };
  }

  async #references(params: ReferenceParams): Promise<Location[]> {
    const at = await this.#everywhere(params);
    if (!at) return [];
    const { symbol, found } = at;
    const occurrences = params.context.includeDeclaration ? [symbol.definition, ...symbol.references] : symbol.references;
    const texts = new Map<string, EditorText>();
    return occurrences.map((o) => this.#occurrenceLocation(found, o, texts));
  }

  #prepareRename(params: PrepareRenameParams): { range: Range; placeholder: string } {
    const here = this.#idAt(params);
    if (!here) {
      throw new ResponseError(
        LSPErrorCodes.RequestFailed,
        'only a claim or source id can be renamed: put the cursor on an id where it is defined (`id:`) or named (`ref:`, `source:`, a `targets` entry)',
      );
    }
    return { range: here.range, placeholder: here.symbol.id };
  }

  async #rename(params: RenameParams): Promise<WorkspaceEdit> {
    this.#prepareRename(params);
    const newId = params.newName;
    const at = await this.#everywhere(params, newId);
    if (!at) return { changes: {} };
    const { symbol, found, folder } = at;
    const result = found.index.rename([symbol], newId);
    if (!result.ok) {
      // What `argmap rename` says, run in the folder searched.
      const fileOf = (absolute: string) => ({
        display: displayPath(absolute, folder),
        text: found.texts.get(absolute) ?? '',
      });
      throw new ResponseError(LSPErrorCodes.RequestFailed, renameRefusal(symbol.id, newId, result, fileOf));
    }
    const changes: Record<string, TextEdit[]> = {};
    for (const [absolute, edits] of result.edits) {
      const text = this.#textOf(absolute, found.texts.get(absolute) ?? '');
      changes[text.uri] = edits.map((e) => ({ range: text.range(e), newText: e.text }));
    }
    return { changes };
  }
}
