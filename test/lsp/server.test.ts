import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Hover, Location } from 'vscode-languageserver/node';
import { argmap } from '../helpers/cli';
import { MAP, positionOf, repositoryServer } from '../helpers/lsp-client';

// The server as an editor drives it: the built binary over stdio, the bundled map opened, edited
// into errors and back. Run `npm run build` first.
const TEXT = readFileSync(MAP, 'utf8');
const URI = pathToFileURL(MAP).href;

const server = repositoryServer({ definitionProvider: true, hoverProvider: true });

describe('diagnostics', () => {
  it('publishes what check reports for the bundled map: same ranges, rules, severities and messages', async () => {
    const published = await server().open(MAP);
    const check = JSON.parse(argmap(['check', '-f', 'json', MAP]).stdout) as {
      files: Array<{
        diagnostics: Array<{
          line: number;
          column: number;
          endLine: number;
          endColumn: number;
          rule: string;
          severity: string;
          message: string;
        }>;
      }>;
    };
    const expected = check.files[0]!.diagnostics;
    expect(expected.length).toBe(4);
    expect(
      published.diagnostics.map((d) => ({
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        rule: d.code,
        severity: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'info',
        message: d.message,
      })),
    ).toEqual(
      expected.map(({ line, column, endLine, endColumn, rule, severity, message }) => ({
        line,
        column,
        endLine,
        endColumn,
        rule,
        severity,
        message,
      })),
    );
    expect(published.diagnostics[0]).toMatchObject({
      source: 'argmap',
      code: 'unsupported-claim',
      codeDescription: { href: 'https://argmap.dev/docs/rules.md#unsupported-claim' },
    });
  });

  it('reports a typo as it is typed, and nothing more once it is undone', async () => {
    await server().open(MAP);
    const typo = TEXT.replace('source: zelenskyy-brussels', 'source: zelensky-brussels');
    const broken = await server().change(MAP, typo);
    const error = broken.diagnostics.find((d) => d.severity === 1)!;
    expect(error).toMatchObject({
      code: 'unknown-reference',
      codeDescription: { href: 'https://argmap.dev/docs/rules.md#unknown-reference' },
      message: 'unknown source `zelensky-brussels`: no source in `sources` has this id; did you mean `zelenskyy-brussels`?',
    });
    const at = positionOf(typo, 'zelensky-brussels');
    expect(error.range).toEqual({ start: at, end: { line: at.line, character: at.character + 'zelensky-brussels'.length } });

    const syntax = await server().change(MAP, TEXT.replace('argmap: 1', 'argmap: [1'));
    expect(syntax.diagnostics.map((d) => d.code)).toContain('yaml-syntax');

    const fixed = await server().change(MAP, TEXT);
    expect(fixed.diagnostics.map((d) => d.code)).toEqual(Array(4).fill('unsupported-claim'));
  });
});

describe('definition and hover', () => {
  it('goes from a ref and a source to the id they name', async () => {
    await server().open(MAP);
    const ref = await server().request<Location>('textDocument/definition', MAP, positionOf(TEXT, 'ref: purpose-unclear', 0, 8));
    const id = positionOf(TEXT, 'id: purpose-unclear', 0, 4);
    expect(ref).toEqual({ uri: URI, range: { start: id, end: { line: id.line, character: id.character + 'purpose-unclear'.length } } });
    const source = await server().request<Location>('textDocument/definition', MAP, positionOf(TEXT, 'source: zelenskyy-brussels', 0, 10));
    expect(source.range.start).toEqual(positionOf(TEXT, 'id: zelenskyy-brussels', 0, 4));
    // Free text names nothing.
    expect(await server().request('textDocument/definition', MAP, positionOf(TEXT, 'Should South Korea'))).toBeNull();
  });

  it("shows a claim's text, support and label, and a source's attribution", async () => {
    await server().open(MAP);
    const claim = await server().request<Hover>('textDocument/hover', MAP, positionOf(TEXT, 'ref: readiness-deterrence', 0, 6));
    const text = (claim.contents as { value: string }).value;
    expect(text).toContain('**reason** `readiness-deterrence`');
    expect(text).toContain("South Korea's plan to arm Ukraine could affect Seoul's readiness");
    expect(text).toContain('support: unsupported: no support at all');
    expect(text).toContain('evaluation: **unsupported**, no evidence with a source');
    const supported = await server().request<Hover>('textDocument/hover', MAP, positionOf(TEXT, 'ref: intelligence-uncertain', 0, 6));
    expect((supported.contents as { value: string }).value).toMatch(/support: supported\n\nevaluation: \*\*in\*\*/);
    const source = await server().request<Hover>('textDocument/hover', MAP, positionOf(TEXT, 'source: zelenskyy-brussels', 0, 9));
    expect((source.contents as { value: string }).value).toContain(
      'Volodymyr Zelenskyy, Ukrainian President, press briefing at the European Council Summit, Brussels, 2024-10-17',
    );
    expect(await server().request('textDocument/hover', MAP, positionOf(TEXT, 'title: Should'))).toBeNull();
  });
});
