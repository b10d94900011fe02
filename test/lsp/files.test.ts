import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CompletionItem, Location } from 'vscode-languageserver/node';
import { project, tempDir } from '../helpers/cli';
import { positionOf, serverPerTest, TOWN_SOURCES, USES_TOWN } from '../helpers/lsp-client';

// Config, suppression comments, positions in non-ASCII text, and files that use files: what the
// server reads and what it refuses to. Run `npm run build` first.

const SOURCES = TOWN_SOURCES;
const MAIN = USES_TOWN;
const start = serverPerTest();

describe('config and suppression comments', () => {
  it("uses the workspace's argmap.config.yaml and honours argmap-disable comments", async () => {
    const text = `argmap: 1
title: Fares
recommendation:
  text: Cut fares.
  reasons:
    - id: cheap
      text: It is cheap.
    # argmap-disable-next-line unsupported-claim
    - id: popular
      text: It is popular.
    # argmap-disable-next-line unsuported-claim
    - id: simple
      text: It is simple.
`;
    const dir = project({ 'argmap.config.yaml': 'rules:\n  unsupported-claim: error\n', 'fares.yaml': text });
    const client = await start(dir);
    const published = await client.open(join(dir, 'fares.yaml'));
    expect(published.diagnostics.map((d) => [d.range.start.line + 1, d.code, d.severity])).toEqual([
      [4, 'unsupported-claim', 1], // the recommendation rests on unsupported reasons
      [6, 'unsupported-claim', 1],
      [11, 'directive', 1],
      [12, 'unsupported-claim', 1],
    ]);
    expect(published.diagnostics[2]!.message).toContain('did you mean `unsupported-claim`');
  });

  it('shows the problems of a config it cannot use on the config file', async () => {
    const dir = project({ 'argmap.config.yaml': 'rules:\n  unsupported-claim: loud\n', 'fares.yaml': 'argmap: 1\ntitle: Fares\n' });
    const client = await start(dir);
    await client.open(join(dir, 'fares.yaml'));
    const config = await client.diagnostics(pathToFileURL(join(dir, 'argmap.config.yaml')).href);
    expect(config.diagnostics[0]).toMatchObject({ range: { start: { line: 1 } }, severity: 1, code: 'schema' });
  });
});

describe('positions', () => {
  it('counts UTF-16 code units on lines with non-ASCII text, and CRLF line ends', async () => {
    const text = [
      'argmap: 1',
      'title: Café prices',
      'sources:',
      '  - { id: café-owner, speaker: Zoë }',
      'recommendation:',
      '  text: Keep prices.',
      '  evidence:',
      '    - { text: "Zoë 😀 said so, née", source: cafe-ownr }',
      '',
    ].join('\r\n');
    const dir = project({ 'cafe.yaml': text });
    const client = await start(dir);
    const published = await client.open(join(dir, 'cafe.yaml'));
    const unknown = published.diagnostics.find((d) => d.code === 'unknown-reference')!;
    const at = positionOf(text.replaceAll('\r\n', '\n'), 'cafe-ownr');
    // 😀 is two UTF-16 code units (and four bytes): the column counts code units.
    expect(at.character).toBe(45);
    expect(unknown.range).toEqual({ start: at, end: { line: at.line, character: at.character + 'cafe-ownr'.length } });
    const schema = published.diagnostics.find((d) => d.code === 'schema')!;
    expect(schema.range.start.line).toBe(3);
  });
});

describe('files that use files', () => {
  it('goes to an id in a used file, and reads open buffers before the disk', async () => {
    const dir = project({ 'town.yaml': SOURCES, 'fares.yaml': MAIN });
    const client = await start(dir);
    const fares = join(dir, 'fares.yaml');
    const town = join(dir, 'town.yaml');
    expect((await client.open(fares)).diagnostics).toEqual([]);

    const definition = await client.request<Location>('textDocument/definition', fares, positionOf(MAIN, 'budget-office', 0, 2));
    const id = positionOf(SOURCES, 'budget-office');
    expect(definition).toEqual({
      uri: pathToFileURL(town).href,
      range: { start: id, end: { line: id.line, character: id.character + 'budget-office'.length } },
    });
    const uses = await client.request<Location>('textDocument/definition', fares, positionOf(MAIN, 'town.yaml', 0, 1));
    expect(uses.uri).toBe(pathToFileURL(town).href);

    // The sources file edited but not saved: the file that uses it sees the edit.
    await client.open(town);
    const edited = SOURCES.replace('budget-office', 'finance-office');
    const waiting = client.diagnostics(pathToFileURL(fares).href, (p) => p.diagnostics.length > 0);
    await client.change(town, edited);
    const after = await waiting;
    expect(after.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ['unknown-reference', 'unknown source `town#budget-office`: no source in `sources` of town.yaml has this id'],
    ]);
    const moved = await client.request<Location>('textDocument/definition', fares, positionOf(MAIN, 'town.yaml', 0, 1));
    expect(moved.uri).toBe(pathToFileURL(town).href);
    // Closed unsaved: the file on disk counts again.
    const back = client.diagnostics(pathToFileURL(fares).href, (p) => p.diagnostics.length === 0);
    await client.close(town);
    expect((await back).diagnostics).toEqual([]);
  });

  it('completes the ids of used files, qualified as file#id where two files define one', async () => {
    const county = SOURCES.replace('Town sources', 'County sources').replace('Town budget office', 'County budget office');
    const text = MAIN.replace('uses: [town.yaml]', 'uses: [town.yaml, county.yaml]').replace('town#budget-office', 'town#');
    const dir = project({ 'town.yaml': SOURCES, 'county.yaml': county, 'fares.yaml': text });
    const client = await start(dir);
    const fares = join(dir, 'fares.yaml');
    await client.open(fares);
    const items = await client.request<CompletionItem[]>('textDocument/completion', fares, positionOf(text, 'town#', 0, 5));
    expect(items.map((i) => [i.label, i.detail])).toEqual([
      ['town#budget-office', 'Town budget office'],
      ['county#budget-office', 'County budget office'],
    ]);
  });

  it('refuses what check refuses: a link out of the workspace', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.yaml'), SOURCES);
    const dir = project({ 'fares.yaml': MAIN });
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'town.yaml'));
    const client = await start(dir);
    const published = await client.open(join(dir, 'fares.yaml'));
    expect(published.diagnostics.map((d) => `${d.code}: ${d.message}`)).toEqual([
      'used-file: cannot use `town.yaml`: it lies outside the working folder (a used file, or the target of a symbolic link, must be inside it)',
      'unknown-reference: unknown file `town` in `town#budget-office`: neither this file nor a file it uses is called `town` (without its extension)',
    ]);
  });

  it('never reads a system file, even with the whole disk as its workspace', async () => {
    const dir = project({ 'fares.yaml': MAIN.replace('title:', 'document: { file: status.txt }\ntitle:') });
    symlinkSync('/proc/self/environ', join(dir, 'town.yaml'));
    symlinkSync('/proc/self/status', join(dir, 'status.txt'));
    const client = await start(dir, { root: '/' });
    const published = await client.open(join(dir, 'fares.yaml'));
    const messages = published.diagnostics.map((d) => `${d.code}: ${d.message}`);
    expect(messages.slice(0, 2)).toEqual([
      'document-file: cannot read the document text `status.txt`: a system file (under /proc, /sys or /dev), which argmap never reads',
      'used-file: cannot use `town.yaml`: a system file (under /proc, /sys or /dev), which argmap never reads',
    ]);
    expect(messages.join('\n')).not.toMatch(/PATH=|VmRSS/);
  });
});
