import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, DocumentSymbol, TextEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { project } from '../helpers/cli';
import { MAP, positionOf, repositoryServer } from '../helpers/lsp-client';

// What the server offers while a file is written: completion of ids, the outline, and quick fixes
// whose edits, applied, leave a file that checks clean. Run `npm run build` first.
const TEXT = readFileSync(MAP, 'utf8');

const server = repositoryServer({ documentSymbolProvider: true, completionProvider: {}, codeActionProvider: {} });

/** The text after an action's edits. */
function applied(text: string, uri: string, action: CodeAction): string {
  const edits = action.edit!.changes![uri] as TextEdit[];
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
}

describe('completion', () => {
  it('offers claims after ref:, with their text, and replaces what is typed', async () => {
    const typed = TEXT.replace('        - ref: readiness-deterrence\n', '        - ref: read\n');
    await server().open(MAP);
    await server().change(MAP, typed);
    const at = positionOf(typed, '- ref: read\n', 0, '- ref: read'.length);
    const items = await server().request<CompletionItem[]>('textDocument/completion', MAP, at);
    const labels = items.map((i) => i.label);
    expect(labels).toContain('readiness-deterrence');
    expect(labels).toContain('no-hasty-arms-decision');
    expect(labels).not.toContain('zelenskyy-brussels');
    const item = items.find((i) => i.label === 'readiness-deterrence')!;
    expect(item.detail).toBe(
      "South Korea's plan to arm Ukraine could affect Seoul's readiness and conventional deterrence against North Korea.",
    );
    expect(item.textEdit).toEqual({
      range: { start: { line: at.line, character: at.character - 4 }, end: at },
      newText: 'readiness-deterrence',
    });
    // Asked for right after the colon: the id comes with the space YAML needs.
    const bare = TEXT.replace('        - ref: readiness-deterrence\n', '        - ref:\n');
    await server().change(MAP, bare);
    const colon = positionOf(bare, '- ref:\n', 0, '- ref:'.length);
    const after = await server().request<CompletionItem[]>('textDocument/completion', MAP, colon);
    expect(after.find((i) => i.label === 'legal-basis')!.textEdit).toEqual({
      range: { start: colon, end: colon },
      newText: ' legal-basis',
    });
    await server().change(MAP, TEXT);
  });

  it('offers sources after source:, with their attribution, and claims in targets lists', async () => {
    await server().open(MAP);
    const items = await server().request<CompletionItem[]>(
      'textDocument/completion',
      MAP,
      positionOf(TEXT, 'source: zelenskyy-brussels', 0, 8),
    );
    expect(items.map((i) => i.label)).toContain('putin-red-line');
    expect(items.map((i) => i.label)).not.toContain('legal-basis');
    expect(items.find((i) => i.label === 'zelenskyy-brussels')!.detail).toBe(
      'Volodymyr Zelenskyy, Ukrainian President, press briefing at the European Council Summit, Brussels, 2024-10-17',
    );
    const dir = project({
      'a.yaml': 'argmap: 1\ntitle: T\nrecommendation:\n  id: go\n  text: Go.\ncounterpoints:\n  - text: No.\n    targets:\n      - \n',
    });
    const file = join(dir, 'a.yaml');
    const text = readFileSync(file, 'utf8');
    await server().open(file);
    const inList = await server().request<CompletionItem[]>('textDocument/completion', file, positionOf(text, '      - \n', 0, 8));
    expect(inList.map((i) => i.label)).toEqual(['go']);
    // Free text is no id slot.
    expect(await server().request('textDocument/completion', file, positionOf(text, 'text: Go', 0, 7))).toEqual([]);
  });
});

describe('document symbols', () => {
  it('outlines the recommendation, its reasons and risks, and the counterpoints', async () => {
    await server().open(MAP);
    const symbols = await server().request<DocumentSymbol[]>('textDocument/documentSymbol', MAP, { line: 0, character: 0 });
    expect(symbols.map((s) => [s.name, s.detail])).toEqual([['no-hasty-arms-decision', 'recommendation']]);
    const under = symbols[0]!.children!.map((s) => [s.name, s.detail]);
    expect(under).toContainEqual(['intelligence-uncertain', 'reason']);
    expect(under).toContainEqual(['threat-perception', 'risk']);
    expect(under.at(-1)).toEqual(['south-korea-retaliation', 'counterpoint']);
    const uncertain = symbols[0]!.children!.find((s) => s.name === 'intelligence-uncertain')!;
    expect(uncertain.selectionRange.start).toEqual(positionOf(TEXT, 'intelligence-uncertain'));
    // The whole mapping: its nested claims lie inside it.
    const nested = uncertain.children!.find((s) => s.name === 'reevaluate-evidence')!;
    expect(nested.range.start.line).toBeGreaterThan(uncertain.range.start.line);
    expect(nested.range.end.line).toBeLessThanOrEqual(uncertain.range.end.line);
  });
});

describe('code actions', () => {
  it('applies a did-you-mean suggestion', async () => {
    await server().open(MAP);
    const typo = TEXT.replace('- ref: purpose-unclear', '- ref: purpose-uncler');
    const published = await server().change(MAP, typo);
    const diagnostic = published.diagnostics.find((d) => d.code === 'unknown-reference')!;
    const actions = await server().connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: pathToFileURL(MAP).href },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const fix = actions.find((a) => a.title === 'Change to `purpose-unclear`')!;
    expect(fix).toMatchObject({ kind: 'quickfix', isPreferred: true, diagnostics: [{ code: 'unknown-reference' }] });
    const fixed = applied(typo, pathToFileURL(MAP).href, fix);
    expect(fixed).toBe(TEXT);
    expect((await server().change(MAP, fixed)).diagnostics.map((d) => d.code)).not.toContain('unknown-reference');
  });

  it('adds a missing source, and marks an unsupported claim as an assumption', async () => {
    const text = `argmap: 1
title: Fares
sources:
  - id: survey
    speaker: Riders
recommendation:
  text: Cut fares.
  reasons:
    - id: cheap
      text: >-
        It is cheap.
      evidence:
        - text: The office says so.
          source: budget-office
    - id: popular
      text: It is popular.
      note: No evidence given.
      evidence:
        - text: Riders said so.
          source: survey
`;
    const dir = project({ 'fares.yaml': text });
    const file = join(dir, 'fares.yaml');
    const uri = pathToFileURL(file).href;
    const published = await server().open(file);
    const unknown = published.diagnostics.find((d) => d.code === 'unknown-reference')!;
    const ask = (range: unknown) =>
      server().connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range,
        context: { diagnostics: [] },
      });
    const add = (await ask(unknown.range)).find((a) => a.title === 'Add source `budget-office` to `sources`')!;
    const withSource = applied(text, uri, add);
    expect(withSource).toContain('  - id: survey\n    speaker: Riders\n  - id: budget-office\nrecommendation:');
    const next = await server().change(file, withSource);
    expect(next.diagnostics.map((d) => d.code)).toEqual([]);

    // Without evidence, `cheap` is unsupported (and so is the recommendation it alone supported).
    const bare = withSource.replace('      evidence:\n        - text: The office says so.\n          source: budget-office\n', '');
    const unsupported = await server().change(file, bare);
    const cheap = unsupported.diagnostics.find((d) => d.code === 'unsupported-claim' && String(d.message).includes('`cheap`'))!;
    const mark = (await ask(cheap.range)).find((a) => a.title === 'Mark `cheap` as an assumption (`assumption: true`)')!;
    const marked = applied(bare, uri, mark);
    expect(marked).toContain('    - id: cheap\n      text: >-\n        It is cheap.\n      assumption: true\n    - id: popular');
    expect((await server().change(file, marked)).diagnostics.filter((d) => String(d.message).includes('`cheap`'))).toEqual([]);
  });

  it('fixes a misspelt rule in an argmap-disable comment', async () => {
    const text = 'argmap: 1\ntitle: T\nrecommendation:\n  # argmap-disable-next-line unsuported-claim\n  text: Go.\n';
    const dir = project({ 'a.yaml': text });
    const file = join(dir, 'a.yaml');
    const uri = pathToFileURL(file).href;
    const published = await server().open(file);
    const directive = published.diagnostics.find((d) => d.code === 'directive')!;
    const actions = await server().connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: directive.range,
      context: { diagnostics: [directive] },
    });
    const fix = actions.find((a) => a.title === 'Change to `unsupported-claim`')!;
    expect(applied(text, uri, fix)).toBe(text.replace('unsuported-claim', 'unsupported-claim'));
  });
});
