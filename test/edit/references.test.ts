import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, IdIndex, type EditFile, type RenameResult } from '../../src/edit/references';
import { SourceFile } from '../../src/load/source-file';
import { checkSource } from '../../src/pipeline/check-source';
import { project } from '../helpers/cli';

/** Checks files as the CLI does (absolute paths, so used files join each graph) for the index. */
function filesOf(dir: string, names: string[], texts: Record<string, string>): EditFile[] {
  return names.map((name) => {
    const absolute = join(dir, name);
    const report = checkSource(new SourceFile(name, texts[name]!), { absolute, root: dir });
    return { absolute, text: texts[name]!, graph: report.graph! };
  });
}

const ONE = `argmap: 1
title: Should the ferry run at night?
sources:
  - id: harbour-log   # the harbour master's log
    speaker: Harbour master
recommendation:
  text: The ferry should run at night.
  reasons:
    - id: night-workers
      text: "Night workers need the ferry: harbour-log shows it."
      evidence:
        - text: The log counts forty night crossings a week.
          source: "harbour-log"
    - ref: night-workers
counterpoints:
  - text: Night crossings are unsafe.
    targets: [ night-workers ]
    rebuttals:
      - text: The ferry has radar.
        assumption: true
`;

describe('IdIndex: one file', () => {
  const dir = project({ 'ferry.yaml': ONE });
  const [file] = filesOf(dir, ['ferry.yaml'], { 'ferry.yaml': ONE });
  const index = new IdIndex([file!]);
  const offsetOf = (needle: string, nth = 0) => {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = ONE.indexOf(needle, at + 1);
    return at;
  };

  it('finds the id under the cursor at its definition and at each reference, covering the id alone', () => {
    const found = index.at(file!.absolute, offsetOf('night-workers') + 3)!;
    expect(found.symbol.id).toBe('night-workers');
    expect(found.symbol.type).toBe('claim');
    expect(found.occurrence.role).toBe('definition');
    const texts = [found.symbol.definition, ...found.symbol.references].map((o) => ONE.slice(o.start, o.end));
    expect(texts).toEqual(['night-workers', 'night-workers', 'night-workers']);
    expect(found.symbol.references.map((r) => r.role)).toEqual(['ref', 'targets']);
    // The cursor just after the last character still names it (as editors place it).
    const ref = offsetOf('ref: night-workers') + 5;
    expect(index.at(file!.absolute, ref + 'night-workers'.length)?.symbol).toBe(found.symbol);
  });

  it('finds a quoted reference inside its quotes', () => {
    const quoted = offsetOf('"harbour-log"');
    const found = index.at(file!.absolute, quoted + 2)!;
    expect(found.symbol.type).toBe('source');
    expect(found.occurrence).toMatchObject({ start: quoted + 1, end: quoted + 1 + 'harbour-log'.length, role: 'source' });
  });

  it('names nothing on a key, in free text that looks like an id, or in a comment', () => {
    expect(index.at(file!.absolute, offsetOf('reasons:') + 2)).toBeUndefined();
    expect(index.at(file!.absolute, offsetOf('harbour-log shows') + 2)).toBeUndefined();
    expect(index.at(file!.absolute, offsetOf("harbour master's") + 2)).toBeUndefined();
  });

  it('renames the definition and every reference, keeping comments, quotes and spacing', () => {
    const result = index.rename(index.named('harbour-log'), 'port-log');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const after = applyEdits(ONE, result.edits.get(file!.absolute)!);
    expect(after).toBe(ONE.replace('id: harbour-log   #', 'id: port-log   #').replace('source: "harbour-log"', 'source: "port-log"'));
    // The free text that mentions the id is not a reference.
    expect(after).toContain('harbour-log shows it');
  });

  it('refuses a new id that exists or is not an id', () => {
    const symbols = index.named('night-workers');
    expect(index.rename(symbols, 'harbour-log')).toMatchObject({ ok: false, problem: 'exists', at: { role: 'definition' } });
    expect(index.rename(symbols, 'Night_Workers')).toEqual({ ok: false, problem: 'invalid-id' });
    expect(index.named('no-such-id')).toEqual([]);
  });
});

const SOURCES = `argmap: 1
sources:
  - id: tide-table
    speaker: Port authority
`;
const PIECE = `argmap: 1
title: Should the pier be raised?
uses: [sources.yaml]
recommendation:
  id: raise-pier
  text: The pier should be raised.
  evidence:
    - text: Spring tides now reach the deck.
      source: sources#tide-table
`;
const REPLY = `argmap: 1
title: A reply on the pier
uses: [piece.yaml]
recommendation:
  text: The pier can wait.
  evidence:
    - text: The tide table shows two high tides a year.
      source: tide-table
counterpoints:
  - text: Raising it costs more than the damage.
    targets: [piece#raise-pier, raise-pier]
    rebuttals:
      - text: Damage grows every year.
        assumption: true
`;

describe('IdIndex: files that use files', () => {
  const texts = { 'sources.yaml': SOURCES, 'piece.yaml': PIECE, 'reply.yaml': REPLY };
  const dir = project(texts);

  it('renames across files: plain, qualified and through a used file, in every file handed over', () => {
    const files = filesOf(dir, ['reply.yaml', 'piece.yaml', 'sources.yaml'], texts);
    const index = new IdIndex(files);
    const symbols = index.named('tide-table');
    expect(symbols).toHaveLength(1);
    expect(symbols[0]!.references.map((r) => [r.file.slice(dir.length + 1), r.role])).toEqual([
      ['reply.yaml', 'source'],
      ['piece.yaml', 'source'],
    ]);
    const result = index.rename(symbols, 'tides');
    if (!result.ok) throw new Error('refused');
    const after = (name: keyof typeof texts) => applyEdits(texts[name], result.edits.get(join(dir, name)) ?? []);
    expect(after('sources.yaml')).toBe(SOURCES.replace('id: tide-table', 'id: tides'));
    expect(after('piece.yaml')).toBe(PIECE.replace('sources#tide-table', 'sources#tides'));
    expect(after('reply.yaml')).toBe(REPLY.replace('source: tide-table', 'source: tides'));
  });

  it('keeps the file part of a qualified reference and renames both forms of a claim id', () => {
    const files = filesOf(dir, ['reply.yaml', 'piece.yaml'], texts);
    const index = new IdIndex(files);
    const reply = files[0]!;
    const found = index.at(reply.absolute, REPLY.indexOf('piece#raise-pier') + 8)!;
    expect(REPLY.slice(found.occurrence.start, found.occurrence.end)).toBe('raise-pier');
    const result = index.rename([found.symbol], 'lift-pier');
    if (!result.ok) throw new Error('refused');
    expect(applyEdits(REPLY, result.edits.get(reply.absolute)!)).toContain('targets: [piece#lift-pier, lift-pier]');
    expect(applyEdits(PIECE, result.edits.get(join(dir, 'piece.yaml'))!)).toContain('id: lift-pier');
  });

  it('knows a used file it was not handed from the graph, and refuses an id a used file defines', () => {
    const files = filesOf(dir, ['reply.yaml'], texts);
    const index = new IdIndex(files);
    expect(index.named('sources#tide-table')).toHaveLength(1);
    expect(index.named('piece#tide-table')).toEqual([]);
    const refused = index.rename(index.named('raise-pier'), 'tide-table');
    expect(refused).toMatchObject({ ok: false, problem: 'exists', at: { file: join(dir, 'sources.yaml') } });
  });
});

/** Renames `oldId` to `newId` in one file, as the CLI does; the new text, or why not. */
function renamedOne(text: string, oldId: string, newId: string): string | RenameResult {
  const dir = project({ 'one.yaml': text });
  const files = filesOf(dir, ['one.yaml'], { 'one.yaml': text });
  const result = new IdIndex(files).rename(new IdIndex(files).named(oldId), newId);
  return result.ok ? applyEdits(text, result.edits.get(join(dir, 'one.yaml')) ?? []) : result;
}

/** What `check` finds in a text, by rule and code. */
const findingsOf = (text: string) => checkSource(new SourceFile('one.yaml', text)).diagnostics.map((d) => `${d.rule} ${d.code}`);

// The cases below are the shrunk counterexamples of test/edit/references.property.test.ts.
describe('IdIndex: ids YAML would not read back as written', () => {
  const ASSUMED = `argmap: 1
title: T
sources:
  - id: tide   # the tide table
    speaker: Port authority
recommendation:
  id: pier
  text: The pier should be raised.
  evidence:
    - text: Tides reach the deck.
      source: tide
counterpoints:
  - text: It costs too much.
    targets: [pier]
    assumption: true
`;

  it('quotes a new id that YAML reads as a number or a boolean where the old one was plain', () => {
    for (const newId of ['12', '0', '1e3', '0x1f', 'true', 'null', 'no', 'on']) {
      const after = renamedOne(ASSUMED, 'tide', newId) as string;
      expect(after).toBe(ASSUMED.replace('id: tide   #', `id: "${newId}"   #`).replace('source: tide', `source: "${newId}"`));
      expect(findingsOf(after)).toEqual(findingsOf(ASSUMED));
    }
    // In a flow sequence too; inside quotes the id's characters alone change, as ever.
    expect(renamedOne(ASSUMED, 'pier', '12')).toContain('targets: ["12"]');
    expect(renamedOne(ASSUMED.replace('source: tide', "source: 'tide'"), 'tide', '12')).toContain("source: '12'");
  });

  it('finds an escaped id by its value, not by its characters elsewhere in the scalar', () => {
    // "\x30a" is `0a`, and its text holds `0a` too, inside the escape.
    const text = ASSUMED.replace('id: pier', 'id: 0a').replace('targets: [pier]', 'targets: ["\\x30a"]');
    const after = renamedOne(text, '0a', 'b') as string;
    expect(after).toContain('targets: ["b"]');
    expect(after).toContain('id: b\n');
    expect(findingsOf(after)).toEqual(findingsOf(text));
  });

  it('finds an id in a block scalar on its line, not in a header that holds a digit', () => {
    const text = ASSUMED.replace('id: pier', 'id: |2-\n    2').replace('targets: [pier]', 'targets: ["2"]');
    const after = renamedOne(text, '2', 'pier') as string;
    expect(after).toContain('id: |2-\n    pier\n');
    expect(after).toContain('targets: ["pier"]');
    expect(findingsOf(after)).toEqual(findingsOf(text));
  });

  it('writes an escaped id again quoted, so that a comment after it stays a comment', () => {
    const text = ASSUMED.replace('id: pier', 'id: "\\x70ier" #3');
    const after = renamedOne(text, 'pier', 'deck') as string;
    expect(after).toContain('id: "deck" #3');
    expect(findingsOf(after)).toEqual(findingsOf(text));
  });

  it('refuses a new id that a reference names in vain: the rename would make it name the renamed id', () => {
    const text = ASSUMED.replace('targets: [pier]', 'targets: [pier, peir]');
    expect(renamedOne(text, 'pier', 'peir')).toMatchObject({ ok: false, problem: 'named', at: { role: 'targets' } });
    // Qualified with a file nothing is called, it would name nothing still.
    expect(renamedOne(text.replace('peir]', 'elsewhere#peir]'), 'pier', 'peir')).toEqual(expect.any(String));
    // Nor qualified with its own name in a file that uses no files: only there does `one#` count.
    expect(renamedOne(text.replace('peir]', 'one#peir]'), 'pier', 'peir')).toEqual(expect.any(String));
  });
});

describe('IdIndex: a used file handed over too (as the CLI hands every file it reads)', () => {
  const texts = {
    'sources.yaml': 'argmap: 1\ntitle: S\nsources:\n  - id: b\n    speaker: X\n',
    'piece.yaml': 'argmap: 1\ntitle: P\nuses: [sources.yaml]\nrecommendation:\n  text: P.\n  assumption: true\n',
    'reply.yaml':
      'argmap: 1\ntitle: R\nuses: [piece.yaml]\nrecommendation:\n  text: R.\n  assumption: true\ncounterpoints:\n  - id: 1-1\n    text: C.\n    assumption: true\n',
  };
  const dir = project(texts);

  it('refuses an id defined in a file that sees the renamed one through another', () => {
    const files = filesOf(dir, ['sources.yaml', 'piece.yaml', 'reply.yaml'], texts);
    const index = new IdIndex(files);
    expect(index.rename(index.named('b'), '1-1')).toMatchObject({ ok: false, problem: 'exists', at: { file: join(dir, 'reply.yaml') } });
    expect(index.rename(index.named('1-1'), 'b')).toMatchObject({ ok: false, problem: 'exists', at: { file: join(dir, 'sources.yaml') } });
  });
});

describe('IdIndex: an id defined twice, and a reference that names both', () => {
  const texts = {
    'sources.yaml': 'argmap: 1\ntitle: S\nsources:\n  - id: 1-1\n    speaker: X\n',
    'piece.yaml':
      'argmap: 1\ntitle: P\nuses: [sources.yaml]\nsources:\n  - id: 1-1\n    speaker: Y\nrecommendation:\n  text: P.\n  evidence:\n    - text: E.\n      source: 1-1\n',
  };
  const dir = project(texts);
  const files = filesOf(dir, ['sources.yaml', 'piece.yaml'], texts);
  const index = new IdIndex(files);
  const edited = (result: RenameResult, name: keyof typeof texts) => {
    if (!result.ok) throw new Error('refused');
    return applyEdits(texts[name], result.edits.get(join(dir, name)) ?? []);
  };

  it('renames the ambiguous reference with both definitions: it stays the same error, not an unknown id', () => {
    const result = index.rename(index.named('1-1'), 'c');
    expect(edited(result, 'sources.yaml')).toBe(texts['sources.yaml'].replace('id: 1-1', 'id: c'));
    expect(edited(result, 'piece.yaml')).toBe(texts['piece.yaml'].replace('id: 1-1', 'id: c').replace('source: 1-1', 'source: c'));
  });

  it('leaves it when only one of them is renamed (sources#1-1): it then names the other', () => {
    const result = index.rename(index.named('sources#1-1'), 'c');
    expect(edited(result, 'sources.yaml')).toBe(texts['sources.yaml'].replace('id: 1-1', 'id: c'));
    expect(edited(result, 'piece.yaml')).toBe(texts['piece.yaml']);
  });
});
