// The language server's latency (part 5 of `npm run bench`): `argmap lsp` spawned over stdio, the
// bundled map opened, then edits sent one at a time, each timed from the `didChange` notification to
// the `publishDiagnostics` of that version (the debounce, the check and the transport included).
// The baseline, measured in the same rounds, is a hover where the cursor is on nothing: one JSON-RPC
// round trip to the same server, with next to no work.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

/**
 * Times `rounds` edits and as many baseline round trips, interleaved; returns the samples (ms).
 * Each edit replaces the whole text, alternating between the map and the map with one reference
 * misspelt, so every check reports something new.
 */
export async function measureLsp({ root, bin, node = process.execPath, rounds }) {
  const file = join(root, 'arguments/south-korea-arms-to-ukraine.yaml');
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const edited = text.replace('- ref: purpose-unclear', '- ref: purpose-uncler');
  const child = spawn(node, [bin, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let waiting;
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (waiting && params.uri === uri && params.version === waiting.version) waiting.resolve(process.hrtime.bigint());
  });
  connection.listen();
  const published = (version) => new Promise((resolve) => (waiting = { version, resolve }));
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
  await connection.sendNotification('initialized', {});
  let version = 1;
  const opened = published(version);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  await opened;
  const edits = [];
  const trips = [];
  const ms = (from, to) => Number(to - from) / 1e6;
  // Two rounds to warm up (the first checks compile the code paths), not counted.
  for (let i = -2; i < rounds; i++) {
    version++;
    const done = published(version);
    const start = process.hrtime.bigint();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text: version % 2 === 0 ? edited : text }],
    });
    const end = await done;
    const before = process.hrtime.bigint();
    await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    const after = process.hrtime.bigint();
    if (i >= 0) {
      edits.push(ms(start, end));
      trips.push(ms(before, after));
    }
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await new Promise((resolve) => child.on('exit', resolve));
  connection.dispose();
  return { edits, trips };
}

/**
 * Times find references and rename in a repository of `files` op-ed copies that use one sources
 * file (bench/generate.mjs's `generateUses`), one piece open: both asked on a source id that every
 * file cites, so every file is a file to search. Each request is timed from sending it to its
 * answer; the baseline, in the same rounds, is a hover on nothing.
 */
export async function measureReferences({ dir, bin, node = process.execPath, rounds }) {
  const root = join(dir, 'uses');
  const file = join(root, 'pieces/part-0/op-ed-0000.yaml');
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const before = text.slice(0, text.indexOf('source: rutte-no-confirmation'));
  const position = { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 + 'source: '.length + 1 };
  const child = spawn(node, [bin, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let opened;
  const published = new Promise((resolve) => (opened = resolve));
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    if (params.uri === uri) opened();
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: {} });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await published;
  const ms = (from, to) => Number(to - from) / 1e6;
  const timed = async (method, params) => {
    const start = process.hrtime.bigint();
    const result = await connection.sendRequest(method, { textDocument: { uri }, position, ...params });
    return { ms: ms(start, process.hrtime.bigint()), result };
  };
  const references = [];
  const renames = [];
  const trips = [];
  let found = 0;
  let edited = 0;
  // One round to warm up, not counted.
  for (let i = -1; i < rounds; i++) {
    const refs = await timed('textDocument/references', { context: { includeDeclaration: true } });
    const rename = await timed('textDocument/rename', { newName: 'rutte-statement' });
    const trip = await timed('textDocument/hover', { position: { line: 0, character: 0 } });
    if (i >= 0) {
      references.push(refs.ms);
      renames.push(rename.ms);
      trips.push(trip.ms);
    }
    found = refs.result.length;
    edited = Object.keys(rename.result.changes).length;
  }
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await new Promise((resolve) => child.on('exit', resolve));
  connection.dispose();
  return { references, renames, trips, found, edited };
}
