import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Location, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { argmap, project } from '../helpers/cli';
import { MAP, positionOf, repositoryServer } from '../helpers/lsp-client';

// Find references and rename, through the edit layer's IdIndex (the core `argmap rename` uses):
// in the bundled map, and across files that use files. Run `npm run build` first.
const TEXT = readFileSync(MAP, 'utf8');
const URI = pathToFileURL(MAP).href;

const server = repositoryServer({ referencesProvider: true, renameProvider: { prepareProvider: true } });

const range = (text: string, needle: string, nth = 0, delta = 0, length = needle.length - delta): Range => {
  const start = positionOf(text, needle, nth, delta);
  return { start, end: { line: start.line, character: start.character + length } };
};

function applied(text: string, uri: string, edit: WorkspaceEdit): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edit.changes![uri] as TextEdit[]);
}

describe('references', () => {
  it('finds every ref to a claim, and its definition when asked', async () => {
    await server().open(MAP);
    const at = positionOf(TEXT, 'ref: purpose-unclear', 0, 6);
    const refs = await server().request<Location[]>('textDocument/references', MAP, at, { context: { includeDeclaration: false } });
    expect(refs).toEqual([{ uri: URI, range: range(TEXT, 'ref: purpose-unclear', 0, 5) }]);
    const all = await server().request<Location[]>('textDocument/references', MAP, at, { context: { includeDeclaration: true } });
    expect(all).toContainEqual({ uri: URI, range: range(TEXT, 'id: purpose-unclear', 0, 4) });
    expect(all).toHaveLength(2);
    // From the definition: the same.
    const fromId = await server().request<Location[]>('textDocument/references', MAP, positionOf(TEXT, 'id: purpose-unclear', 0, 5), {
      context: { includeDeclaration: true },
    });
    expect(fromId).toEqual(all);
  });
});

describe('rename', () => {
  it('prepareRename gives the id under the cursor, and refuses keys and free text', async () => {
    await server().open(MAP);
    const ok = await server().request('textDocument/prepareRename', MAP, positionOf(TEXT, 'id: legal-basis', 0, 6));
    expect(ok).toEqual({ range: range(TEXT, 'id: legal-basis', 0, 4), placeholder: 'legal-basis' });
    await expect(server().request('textDocument/prepareRename', MAP, positionOf(TEXT, 'id: legal-basis', 0, 1))).rejects.toThrow(
      /only a claim or source id can be renamed/,
    );
    await expect(server().request('textDocument/prepareRename', MAP, positionOf(TEXT, 'Should South Korea'))).rejects.toThrow(
      /only a claim or source id can be renamed/,
    );
  });

  it('renames a claim at its definition and every reference, leaving the rest of the file as it was', async () => {
    await server().open(MAP);
    const edit = await server().request<WorkspaceEdit>('textDocument/rename', MAP, positionOf(TEXT, 'ref: legal-basis', 0, 7), {
      newName: 'no-legal-basis',
    });
    expect(Object.keys(edit.changes!)).toEqual([URI]);
    const renamed = applied(TEXT, URI, edit);
    expect(renamed).toBe(TEXT.replaceAll('id: legal-basis', 'id: no-legal-basis').replaceAll('ref: legal-basis', 'ref: no-legal-basis'));
    expect((await server().change(MAP, renamed)).diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    await server().change(MAP, TEXT);
  });

  it('refuses a new id that is taken or not an id', async () => {
    await server().open(MAP);
    const at = positionOf(TEXT, 'id: legal-basis', 0, 6);
    await expect(server().request('textDocument/rename', MAP, at, { newName: 'interoperability' })).rejects.toThrow(
      /`interoperability` is already an id/,
    );
    await expect(server().request('textDocument/rename', MAP, at, { newName: 'Legal Basis' })).rejects.toThrow(
      /`Legal Basis` is not a valid id/,
    );
  });

  it('refuses a new id that a reference names in vain: it would then name the renamed claim', async () => {
    const typo = TEXT.replace('- ref: interoperability', '- ref: legal-bases');
    await server().change(MAP, typo);
    const at = positionOf(typo, 'id: legal-basis', 0, 6);
    await expect(server().request('textDocument/rename', MAP, at, { newName: 'legal-bases' })).rejects.toThrow(
      /`legal-bases` is named at arguments\/south-korea-arms-to-ukraine\.yaml:390:\d+ but defined nowhere/,
    );
    await server().change(MAP, TEXT);
  });

  it('renames a source across files: the sources file open, the file that uses it on disk, file#id kept qualified', async () => {
    const sources = 'argmap: 1\ntitle: Town sources\nsources:\n  - id: budget-office\n    speaker: Town budget office\n';
    const fares = `argmap: 1
title: Fares
uses: [town.yaml]
recommendation:
  text: Cut fares.
  evidence:
    - text: The office found a surplus.
      source: town#budget-office
    - text: It said so twice.
      source: budget-office
`;
    const dir = project({
      'town.yaml': sources,
      'fares.yaml': fares,
      'other.yaml': 'argmap: 1\ntitle: Other\nrecommendation:\n  text: Go.\n',
    });
    const town = join(dir, 'town.yaml');
    await server().open(town);
    const edit = await server().request<WorkspaceEdit>('textDocument/rename', town, positionOf(sources, 'budget-office', 0, 3), {
      newName: 'finance-office',
    });
    const townUri = pathToFileURL(town).href;
    const faresUri = pathToFileURL(join(dir, 'fares.yaml')).href;
    expect(Object.keys(edit.changes!).sort()).toEqual([faresUri, townUri].sort());
    expect(applied(sources, townUri, edit)).toBe(sources.replace('budget-office', 'finance-office'));
    expect(applied(fares, faresUri, edit)).toBe(fares.replaceAll('budget-office', 'finance-office'));
    const refs = await server().request<Location[]>('textDocument/references', town, positionOf(sources, 'budget-office'), {
      context: { includeDeclaration: false },
    });
    expect(refs.map((r) => [r.uri, r.range.start.line])).toEqual([
      [faresUri, 7],
      [faresUri, 9],
    ]);
  });
});

describe('rename: the refusals of `argmap rename`, for files on disk that name only the new id', () => {
  const town = 'argmap: 1\ntitle: Town sources\nsources:\n  - id: harbour-office\n    speaker: Harbour office\n';
  const cites = (uses: string, source: string) =>
    `argmap: 1\ntitle: Fares\nuses: [${uses}]\nrecommendation:\n  text: Cut fares.\n  evidence:\n    - text: A surplus.\n      source: ${source}\n`;

  /** The editor's rename of `harbour-office` to `port-office` from a.yaml (open), and the CLI's on the folder. */
  async function bothRenames(files: Record<string, string>): Promise<{ editor: Promise<unknown>; cli: string }> {
    const dir = project({ 'town.yaml': town, 'a.yaml': cites('town.yaml', 'town#harbour-office'), ...files });
    const a = join(dir, 'a.yaml');
    await server().open(a);
    const editor = server().request('textDocument/rename', a, positionOf(readFileSync(a, 'utf8'), 'town#harbour-office', 0, 7), {
      newName: 'port-office',
    });
    const cli = argmap(['rename', 'harbour-office', 'port-office', '--dry-run', '.'], { cwd: dir });
    expect(cli.code).toBe(1);
    await server().close(a);
    return { editor, cli: cli.stderr.replace(/^argmap: /, '').trim() };
  }

  it('refuses when a closed file that sees the renamed source names the new id, which is defined nowhere', async () => {
    const { editor, cli } = await bothRenames({ 'b.yaml': cites('town.yaml', 'town#port-office') });
    expect(cli).toBe(
      'cannot rename `harbour-office` to `port-office`: `port-office` is named at b.yaml:8:20 but defined nowhere, and would then name the renamed id; correct that reference first; nothing was changed',
    );
    await expect(editor).rejects.toThrow(cli);
  });

  it('refuses when a closed file that sees the renamed source also sees a source with the new id', async () => {
    const other = 'argmap: 1\ntitle: Other sources\nsources:\n  - id: port-office\n    speaker: Port office\n';
    const { editor, cli } = await bothRenames({ 'other.yaml': other, 'b.yaml': cites('town.yaml, other.yaml', 'port-office') });
    expect(cli).toBe(
      'cannot rename `harbour-office` to `port-office`: `port-office` is already an id (other.yaml:4:9); nothing was changed',
    );
    await expect(editor).rejects.toThrow(cli);
  });

  it('refuses when a closed file that names neither id uses the file of the renamed source and a file with the new id', async () => {
    const other = 'argmap: 1\ntitle: Other sources\nsources:\n  - id: port-office\n    speaker: Port office\n';
    const both = `argmap: 1\ntitle: Both\nuses: [town.yaml, other.yaml]\nrecommendation:\n  text: Wait.\n  assumption: true\n`;
    const { editor, cli } = await bothRenames({ 'other.yaml': other, 'b.yaml': both });
    expect(cli).toBe(
      'cannot rename `harbour-office` to `port-office`: `port-office` is already an id (other.yaml:4:9); nothing was changed',
    );
    await expect(editor).rejects.toThrow(cli);
  });
});

describe('files on disk between requests', () => {
  it('reads them as they are at each request: a changed file, and a file that uses one that changed', async () => {
    const town = 'argmap: 1\ntitle: Town sources\nsources:\n  - id: budget-office\n    speaker: Town budget office\n';
    const county = 'argmap: 1\ntitle: County\nuses: [town.yaml]\nsources:\n  - id: county-clerk\n    speaker: County clerk\n';
    const cites = (uses: string, source: string) =>
      `argmap: 1\ntitle: Fares\nuses: [${uses}]\nrecommendation:\n  text: Cut fares.\n  evidence:\n    - text: A surplus.\n      source: ${source}\n`;
    const dir = project({
      'town.yaml': town,
      'county.yaml': county,
      // Sees town.yaml only through county.yaml.
      'fares.yaml': cites('county.yaml', 'budget-office'),
      'parks.yaml': cites('town.yaml', 'town#budget-office'),
    });
    const path = join(dir, 'town.yaml');
    await server().open(path);
    const at = positionOf(town, 'budget-office', 0, 3);
    const cited = async () =>
      (await server().request<Location[]>('textDocument/references', path, at, { context: { includeDeclaration: false } }))
        .map((r) => r.uri.slice(r.uri.lastIndexOf('/') + 1))
        .sort();
    expect(await cited()).toEqual(['fares.yaml', 'parks.yaml']);
    // Changed on disk with no word from the editor: parks.yaml no longer cites it, county.yaml no
    // longer uses town.yaml (fares.yaml's own text is the same, but its reference resolves no more).
    writeFileSync(join(dir, 'parks.yaml'), cites('town.yaml', 'town#budget-offices'));
    writeFileSync(join(dir, 'county.yaml'), county.replace('uses: [town.yaml]\n', ''));
    expect(await cited()).toEqual([]);
    writeFileSync(join(dir, 'county.yaml'), county);
    expect(await cited()).toEqual(['fares.yaml']);
  });
});
