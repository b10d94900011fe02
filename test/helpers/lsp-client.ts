import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type Position,
  type ProtocolConnection,
  type Registration,
} from 'vscode-languageserver/node';
import { BIN, ROOT } from './cli';

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/**
 * An editor's side of `argmap lsp`: the built binary spawned over stdio, a JSON-RPC connection to
 * it, and the diagnostics it publishes, kept by URI. Waiting is by event, never by time.
 */
export class LspClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  readonly published = new Map<string, Published>();
  readonly #waiters: Array<{ test: (p: Published) => boolean; resolve: (p: Published) => void }> = [];
  readonly #versions = new Map<string, number>();
  stderr = '';
  /** The file watchers the server registered (`client/registerCapability`), by registration id. */
  readonly watchers = new Map<string, string[]>();
  /** The kinds of events each glob registered is watched for (`WatchKind`: 1 create, 2 change, 4 delete; 7 when not said). */
  readonly watchKinds = new Map<string, number>();
  /** Each glob registered, compiled (LSP globs are matched against the whole path, as VS Code does). */
  readonly #matchers = new Map<string, (path: string) => boolean>();
  /** The exit code, once the server has ended. */
  readonly exited: Promise<number | null>;

  constructor(cwd: string, args: string[] = []) {
    this.child = spawn(process.execPath, [BIN, 'lsp', '--stdio', ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.published.set(params.uri, params);
      for (let i = this.#waiters.length - 1; i >= 0; i--) {
        const waiter = this.#waiters[i]!;
        if (waiter.test(params)) {
          this.#waiters.splice(i, 1);
          waiter.resolve(params);
        }
      }
    });
    // An editor that watches files for its servers: it keeps what they ask to be watched.
    this.connection.onRequest('client/registerCapability', (params: { registrations: Registration[] }) => {
      for (const r of params.registrations) {
        if (r.method !== 'workspace/didChangeWatchedFiles') continue;
        const options = r.registerOptions as { watchers: Array<{ globPattern: string; kind?: number }> };
        this.watchers.set(
          r.id,
          options.watchers.map((w) => w.globPattern),
        );
        for (const w of options.watchers) {
          this.watchKinds.set(w.globPattern, w.kind ?? 7);
          this.#matchers.set(w.globPattern, picomatch(w.globPattern, { dot: true }));
        }
      }
      this.#watched();
      return null;
    });
    this.connection.onRequest('client/unregisterCapability', (params: { unregisterations: Array<{ id: string }> }) => {
      for (const u of params.unregisterations) {
        const globs = this.watchers.get(u.id) ?? [];
        this.watchers.delete(u.id);
        const kept = new Set([...this.watchers.values()].flat());
        for (const glob of globs) if (!kept.has(glob)) this.#matchers.delete(glob);
      }
      return null;
    });
    this.connection.listen();
  }

  readonly #watchWaiters: Array<() => boolean> = [];

  #watched(): void {
    for (let i = this.#watchWaiters.length - 1; i >= 0; i--) if (this.#watchWaiters[i]!()) this.#watchWaiters.splice(i, 1);
  }

  /** Resolves once the globs the server asked to be watched include `glob`. */
  watches(glob: string): Promise<void> {
    return new Promise((resolve) => {
      const test = () => {
        const found = [...this.watchers.values()].some((globs) => globs.includes(glob));
        if (found) resolve();
        return found;
      };
      if (!test()) this.#watchWaiters.push(test);
    });
  }

  /** `capabilities`: the client's (none by default; `WATCHING` for an editor that watches files). */
  async initialize(rootPath: string, capabilities: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(rootPath).href,
      workspaceFolders: [{ uri: pathToFileURL(rootPath).href, name: 'test' }],
      capabilities,
    });
    await this.connection.sendNotification('initialized', {});
    return (result as { capabilities: Record<string, unknown> }).capabilities;
  }

  /** The next diagnostics published for `uri` that pass `test` (or the ones already published). */
  diagnostics(uri: string, test: (p: Published) => boolean = () => true): Promise<Published> {
    const known = this.published.get(uri);
    if (known && test(known)) return Promise.resolve(known);
    return new Promise((resolve) => this.#waiters.push({ test: (p) => p.uri === uri && test(p), resolve }));
  }

  /** Opens a file as an editor would (its text, or the file's), and waits for its diagnostics. */
  async open(path: string, text = readFileSync(path, 'utf8')): Promise<Published> {
    const uri = pathToFileURL(path).href;
    this.#versions.set(uri, 1);
    this.published.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return this.diagnostics(uri, (p) => p.version === 1);
  }

  /** Replaces a buffer's whole text, and waits for the diagnostics of that version. */
  async change(path: string, text: string): Promise<Published> {
    const uri = pathToFileURL(path).href;
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return this.diagnostics(uri, (p) => p.version === version);
  }

  /**
   * Tells the server that files changed on disk (`workspace/didChangeWatchedFiles`), as a watching
   * editor does: only the changes a watcher the server registered asks for (its glob matches the
   * path, and its kind the change); nothing when none does.
   */
  async changedOnDisk(...changes: Array<[path: string, type: 'created' | 'changed' | 'deleted']>): Promise<void> {
    const TYPE = { created: 1, changed: 2, deleted: 3 };
    const KIND = { created: 1, changed: 2, deleted: 4 };
    const watched = changes.filter(([path, type]) =>
      [...this.#matchers].some(([glob, matches]) => (this.watchKinds.get(glob)! & KIND[type]) !== 0 && matches(path)),
    );
    if (watched.length === 0) return;
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: watched.map(([path, type]) => ({ uri: pathToFileURL(path).href, type: TYPE[type] })),
    });
  }

  async close(path: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: pathToFileURL(path).href } });
  }

  request<R>(method: string, path: string, position: Position, extra: Record<string, unknown> = {}): Promise<R> {
    return this.connection.sendRequest(method, { textDocument: { uri: pathToFileURL(path).href }, position, ...extra }) as Promise<R>;
  }

  /** shutdown, then exit: the server ends with code 0. */
  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}

/** The capabilities of an editor that watches files for its servers (registered dynamically). */
export const WATCHING = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };

/** The LSP position (0-based line, UTF-16 character) of the `nth` occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, nth = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`no ${nth + 1}th "${needle}" in the text`);
  }
  at += delta;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}

/** The bundled map, which the tests open in a server run in the repository. */
export const MAP = join(ROOT, 'arguments/south-korea-arms-to-ukraine.yaml');

/**
 * One server for a test file, run in the repository: started before its tests (its capabilities
 * checked against `capabilities`), stopped after them with shutdown and exit (exit code 0).
 */
export function repositoryServer(capabilities: Record<string, unknown>): () => LspClient {
  let client: LspClient | undefined;
  beforeAll(async () => {
    client = new LspClient(ROOT);
    expect(await client.initialize(ROOT)).toMatchObject(capabilities);
  });
  afterAll(async () => {
    if (client) expect(await client.stop()).toBe(0);
  });
  return () => client!;
}

/** A sources file, `town.yaml`, for the tests of files that use files. */
export const TOWN_SOURCES = `argmap: 1
title: Town sources
sources:
  - id: budget-office
    speaker: Town budget office
    kind: report
`;

/** A file that uses `town.yaml` and cites its source as `town#budget-office`. */
export const USES_TOWN = `argmap: 1
title: Should the town cut bus fares?
uses: [town.yaml]
recommendation:
  text: The town should cut bus fares.
  evidence:
    - text: The budget office found a surplus.
      source: town#budget-office
`;

/**
 * Servers started for one test each, run in the folder they are started for and stopped after the
 * test: `start(dir)` spawns one, initialized with `dir` (or `root`) as its workspace folder and the
 * client `capabilities` given (none by default).
 */
export function serverPerTest(): (dir: string, options?: { capabilities?: Record<string, unknown>; root?: string }) => Promise<LspClient> {
  let clients: LspClient[] = [];
  afterEach(async () => {
    for (const c of clients) await c.stop();
    clients = [];
  });
  return async (dir, options = {}) => {
    const client = new LspClient(dir);
    clients.push(client);
    await client.initialize(options.root ?? dir, options.capabilities);
    return client;
  };
}
