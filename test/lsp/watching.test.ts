import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { argmap, project } from '../helpers/cli';
import { serverPerTest, TOWN_SOURCES, USES_TOWN, WATCHING, type LspClient, type Published } from '../helpers/lsp-client';

// Files changed on disk outside the editor (a `git checkout`, another program, a save in another
// editor): the server asks the editor to watch them (`workspace/didChangeWatchedFiles`, registered
// dynamically) and checks again the open files that read them. Run `npm run build` first.

const TOWN = TOWN_SOURCES;
const FARES = USES_TOWN;
/** A file that quotes the document text texts/pool.md. */
const POOL = `argmap: 1
title: Should the pool open earlier?
document:
  kind: editorial
  file: texts/pool.md
recommendation:
  text: The pool should open at six.
  quote: The pool opens at ten.
  reasons:
    - text: Shift workers swim early.
      assumption: true
`;
const serve = serverPerTest();
const start = (dir: string, capabilities: Record<string, unknown> = WATCHING) => serve(dir, { capabilities });

const lines = (p: Published) => p.diagnostics.map((d) => `${d.range.start.line + 1} ${String(d.code)} ${d.severity}: ${d.message}`);

/** The next diagnostics of `path` that differ from `before`. */
function next(client: LspClient, path: string, before: Published): Promise<Published> {
  return client.diagnostics(pathToFileURL(path).href, (p) => p !== before);
}

describe('files changed on disk', () => {
  it('asks the editor to watch argument files and the config, and only an editor that can', async () => {
    const dir = project({ 'town.yaml': TOWN, 'fares.yaml': FARES });
    const watching = await start(dir);
    await watching.open(join(dir, 'fares.yaml'));
    expect([...watching.watchers.values()]).toEqual([['**/*.[yY][aA][mM][lL]', '**/*.[yY][mM][lL]', '**/*']]);
    // Every path, for its creation and deletion only (a folder's name matches no other glob).
    expect(watching.watchKinds.get('**/*')).toBe(1 | 4);
    const other = await start(dir, {});
    await other.open(join(dir, 'fares.yaml'));
    expect(other.watchers.size).toBe(0);
  });

  it('checks a file again when a file it uses changes, is deleted or is created on disk', async () => {
    const dir = project({ 'town.yaml': TOWN, 'fares.yaml': FARES });
    const client = await start(dir);
    const fares = join(dir, 'fares.yaml');
    const town = join(dir, 'town.yaml');
    const opened = await client.open(fares);
    expect(lines(opened)).toEqual([]);

    writeFileSync(town, TOWN.replace('budget-office', 'finance-office'));
    let waiting = next(client, fares, opened);
    await client.changedOnDisk([town, 'changed']);
    const renamed = await waiting;
    expect(lines(renamed)).toEqual([
      '8 unknown-reference 1: unknown source `town#budget-office`: no source in `sources` of town.yaml has this id',
    ]);

    rmSync(town);
    waiting = next(client, fares, renamed);
    await client.changedOnDisk([town, 'deleted']);
    const deleted = await waiting;
    expect(lines(deleted)[0]).toBe('3 used-file 1: cannot use `town.yaml`: no such file or folder (ENOENT)');

    writeFileSync(town, TOWN);
    waiting = next(client, fares, deleted);
    await client.changedOnDisk([town, 'created']);
    expect(lines(await waiting)).toEqual([]);
  });

  it('checks a file again when a file it uses is deleted or created on disk while it is open too', async () => {
    // As `argmap check` on disk: the buffer's text is read, but the file must exist to be used.
    const dir = project({ 'town.yaml': TOWN, 'fares.yaml': FARES });
    const client = await start(dir);
    const fares = join(dir, 'fares.yaml');
    const town = join(dir, 'town.yaml');
    const uri = pathToFileURL(fares).href;
    expect(lines(await client.open(fares))).toEqual([]);
    await client.open(town);

    rmSync(town);
    let waiting = client.diagnostics(uri, (p) => p.diagnostics.length > 0);
    await client.changedOnDisk([town, 'deleted']);
    const deleted = await waiting;
    expect(lines(deleted)[0]).toBe('3 used-file 1: cannot use `town.yaml`: no such file or folder (ENOENT)');
    expect(argmap(['check', 'fares.yaml'], { cwd: dir }).stdout).toContain('cannot use `town.yaml`: no such file or folder (ENOENT)');

    writeFileSync(town, TOWN);
    waiting = next(client, fares, deleted);
    await client.changedOnDisk([town, 'created']);
    expect(lines(await waiting)).toEqual([]);
  });

  it('checks a file again when a file it uses with an upper-case extension changes on disk', async () => {
    const fares = FARES.replace('[town.yaml]', '[Town.YAML]').replace('town#budget-office', 'budget-office');
    const dir = project({ 'Town.YAML': TOWN, 'fares.yaml': fares });
    const client = await start(dir);
    const path = join(dir, 'fares.yaml');
    const opened = await client.open(path);
    expect(lines(opened)).toEqual([]);

    writeFileSync(join(dir, 'Town.YAML'), TOWN.replace('budget-office', 'finance-office'));
    const waiting = next(client, path, opened);
    await client.changedOnDisk([join(dir, 'Town.YAML'), 'changed']);
    expect(lines(await waiting)).toEqual([
      '8 unknown-reference 1: unknown source `budget-office`: no source in `sources` has this id; if it was renamed, sources no evidence cites: `finance-office`',
    ]);
  });

  it('checks the quotes again when a document text with an upper-case YAML extension changes on disk', async () => {
    const dir = project({ 'pool.yaml': POOL.replace('texts/pool.md', 'texts/pool.YML'), 'texts/pool.YML': 'The pool opens at ten.\n' });
    const client = await start(dir);
    const pool = join(dir, 'pool.yaml');
    const opened = await client.open(pool);
    expect(lines(opened)).toEqual([]);

    writeFileSync(join(dir, 'texts/pool.YML'), 'The pool opens at nine.\n');
    const waiting = next(client, pool, opened);
    await client.changedOnDisk([join(dir, 'texts/pool.YML'), 'changed']);
    expect((await waiting).diagnostics.map((d) => d.code)).toEqual(['quote-not-in-document']);
  });

  it('checks a file again when the folder of a file it uses is deleted, renamed or created: one event for the folder', async () => {
    const dir = project({ 'lib/town.yaml': TOWN, 'fares.yaml': FARES.replace('[town.yaml]', '[lib/town.yaml]') });
    const client = await start(dir);
    const fares = join(dir, 'fares.yaml');
    const lib = join(dir, 'lib');
    const opened = await client.open(fares);
    expect(lines(opened)).toEqual([]);

    // A folder renamed, as VS Code reports it: the old folder deleted, the new one created.
    renameSync(lib, join(dir, 'old'));
    let waiting = next(client, fares, opened);
    await client.changedOnDisk([lib, 'deleted'], [join(dir, 'old'), 'created']);
    const deleted = await waiting;
    expect(lines(deleted)[0]).toBe('3 used-file 1: cannot use `lib/town.yaml`: no such file or folder (ENOENT)');

    renameSync(join(dir, 'old'), lib);
    waiting = next(client, fares, deleted);
    await client.changedOnDisk([join(dir, 'old'), 'deleted'], [lib, 'created']);
    expect(lines(await waiting)).toEqual([]);
  });

  it('checks the open files again when the config changes, appears or goes', async () => {
    const text = `argmap: 1
title: Night buses
recommendation:
  text: Run buses after midnight.
  reasons:
    - text: Late shifts end after midnight.
`;
    const dir = project({ 'fares.yaml': text });
    const client = await start(dir);
    const fares = join(dir, 'fares.yaml');
    const config = join(dir, 'argmap.config.yaml');
    const opened = await client.open(fares);
    expect(opened.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['unsupported-claim', 2],
      ['unsupported-claim', 2],
    ]);

    writeFileSync(config, 'rules:\n  unsupported-claim: error\n');
    let waiting = next(client, fares, opened);
    await client.changedOnDisk([config, 'created']);
    const strict = await waiting;
    expect(strict.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['unsupported-claim', 1],
      ['unsupported-claim', 1],
    ]);

    // A config that cannot be used: its problem is shown on it, and the rules keep their defaults.
    writeFileSync(config, 'rules:\n  unsupported-claim: loud\n');
    waiting = next(client, fares, strict);
    const problems = client.diagnostics(pathToFileURL(config).href, (p) => p.diagnostics.length > 0);
    await client.changedOnDisk([config, 'changed']);
    const fallback = await waiting;
    expect(fallback.diagnostics.map((d) => d.severity)).toEqual([2, 2]);
    expect((await problems).diagnostics[0]).toMatchObject({ range: { start: { line: 1 } }, code: 'schema' });

    const cleared = client.diagnostics(pathToFileURL(config).href, (p) => p.diagnostics.length === 0);
    rmSync(config);
    waiting = next(client, fares, fallback);
    await client.changedOnDisk([config, 'deleted']);
    expect((await waiting).diagnostics.map((d) => d.severity)).toEqual([2, 2]);
    await cleared;
  });

  it('watches the document text a file quotes, and checks the quotes again when it changes', async () => {
    const dir = project({ 'pool.yaml': POOL, 'texts/pool.md': 'Every morning the pool stays shut until eleven.\n' });
    const client = await start(dir);
    const pool = join(dir, 'pool.yaml');
    const document = join(dir, 'texts/pool.md');
    const opened = await client.open(pool);
    expect(opened.diagnostics.map((d) => d.code)).toEqual(['quote-not-in-document']);
    await client.watches('**/pool.md');
    expect([...client.watchers.values()]).toContainEqual(['**/pool.md']);

    writeFileSync(document, 'The pool opens at ten. Workers have gone by then.\n');
    const waiting = next(client, pool, opened);
    await client.changedOnDisk([document, 'changed']);
    expect(lines(await waiting)).toEqual([]);
  });

  it('checks the quotes again when the document text is deleted on disk while it is open too', async () => {
    const dir = project({ 'pool.yaml': POOL, 'texts/pool.md': 'The pool opens at ten.\n' });
    const client = await start(dir);
    const pool = join(dir, 'pool.yaml');
    const document = join(dir, 'texts/pool.md');
    expect(lines(await client.open(pool))).toEqual([]);
    await client.open(document);

    rmSync(document);
    const waiting = client.diagnostics(pathToFileURL(pool).href, (p) => p.diagnostics.length > 0);
    await client.changedOnDisk([document, 'deleted']);
    expect(lines(await waiting)).toEqual([
      '5 document-file 1: cannot read the document text `texts/pool.md`: no such file or folder (ENOENT)',
    ]);
  });

  it('checks the files that use a file again when an edit in the editor makes it usable', async () => {
    const dir = project({ 'town.yaml': TOWN.replace('kind: report', 'kind: tweet'), 'fares.yaml': FARES });
    const client = await start(dir, {});
    const fares = join(dir, 'fares.yaml');
    const opened = await client.open(fares);
    expect(opened.diagnostics[0]).toMatchObject({ code: 'used-file' });
    await client.open(join(dir, 'town.yaml'));
    const waiting = client.diagnostics(pathToFileURL(fares).href, (p) => p.diagnostics.length === 0);
    await client.change(join(dir, 'town.yaml'), TOWN);
    expect(lines(await waiting)).toEqual([]);
  });
});
