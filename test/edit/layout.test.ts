import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatSource, KEY_ORDER, LINE_WIDTH } from '../../src/edit/layout';
import { SourceFile } from '../../src/load/source-file';
import { ROOT } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';

const CASES = join(FIXTURES, 'fmt');
const format = (text: string) => formatSource(new SourceFile('t.yaml', text));
const formatted = (text: string) => {
  const result = format(text);
  if (!result.ok) throw new Error(`not formatted: ${result.problem}`);
  return result.text;
};

describe('formatSource: fixtures (NAME.input.yaml → NAME.expected.yaml)', () => {
  for (const name of readdirSync(CASES).filter((f) => f.endsWith('.input.yaml'))) {
    it(name, () => {
      const expected = readFileSync(join(CASES, name.replace('.input.', '.expected.')), 'utf8');
      expect(formatted(readFileSync(join(CASES, name), 'utf8'))).toBe(expected);
      expect(format(expected)).toEqual({ ok: true, text: expected, changed: false });
    });
  }
});

describe('formatSource', () => {
  it('folds text that does not fit on its line at the fixed width, and unfolds text that fits', () => {
    const long = 'Word '.repeat(30).trim();
    const out = formatted(`argmap: 1\ntitle: T\nrecommendation:\n  text: ${long}\n  note: >-\n    Short.\n  assumption: true\n`);
    expect(out).toContain('  text: >-\n    Word Word');
    expect(out).toContain('  note: Short.\n');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(LINE_WIDTH);
  });

  it("keeps an argmap-disable-next-line comment on the line above its item when the item's keys move", () => {
    const out = formatted(
      'argmap: 1\ntitle: T\nrecommendation:\n  text: R\n  assumption: true\n  reasons:\n    # argmap-disable-next-line unsupported-claim\n    - text: A\n      id: a\n',
    );
    expect(out).toContain('    # argmap-disable-next-line unsupported-claim\n    - id: a\n      text: A\n');
  });

  it('leaves a file with YAML errors alone and hands back the errors check reports', () => {
    const result = format('argmap: 1\ntitle: [unclosed\n');
    expect(result).toMatchObject({ ok: false, problem: 'syntax', diagnostics: [{ code: 'yaml-unclosed' }] });
    expect(format('argmap: 1\ntitle: &a T\ndescription: *a\n')).toMatchObject({
      ok: false,
      problem: 'syntax',
      diagnostics: [{ code: 'yaml-alias' }],
    });
  });

  it('leaves a file alone that has a carriage return without a line feed in a comment, and says where', () => {
    // Found by the byte-level property test: `#\r` at the top of the bundled map. The yaml package
    // reads the CR as part of the comment and writes it as a line break, so the comment would change.
    expect(format('#\r note\nargmap: 1\ntitle: T\n')).toEqual({ ok: false, problem: 'carriage-return', offset: 1 });
    const trailing = 'argmap: 1\ntitle: T # a\r b\n';
    expect(format(trailing)).toEqual({ ok: false, problem: 'carriage-return', offset: trailing.indexOf('\r') });
    // In a scalar it is text, kept as it is; CRLF line breaks are line breaks.
    expect(format('argmap: 1\ntitle: "a\r b"\n')).toMatchObject({ ok: true });
    expect(format('argmap: 1\r\n# note\r\ntitle: T\r\n')).toMatchObject({ ok: true });
  });

  it('keeps text a >- block cannot give back exactly (leading or trailing spaces) quoted, instead of refusing the file', () => {
    const words = 'word '.repeat(16);
    for (const text of [`  ${words}end`, `${words}end  `]) {
      const out = formatted(`argmap: 1\ntitle: T\nrecommendation:\n  id: rec\n  text: ${JSON.stringify(text)}\n  assumption: true\n`);
      expect(out).not.toContain('>');
      expect((parseYaml(out) as { recommendation: { text: string } }).recommendation.text).toBe(text);
      expect(format(out)).toEqual({ ok: true, text: out, changed: false });
    }
  });

  it('formats text nested 20 levels deep without folding it one word a line', () => {
    const text = 'word '.repeat(40).trim();
    let claims = '';
    for (let depth = 20; depth >= 1; depth--) {
      const inner = claims ? `reasons:\n${claims.replace(/^/gm, '  ')}` : 'assumption: true\n';
      claims = `- id: r${depth}\n  text: ${text}\n${inner.replace(/^/gm, '  ')}`;
    }
    const out = formatted(`argmap: 1\ntitle: T\nrecommendation:\n  id: rec\n  text: R\n  reasons:\n${claims.replace(/^/gm, '    ')}`);
    expect(out).toMatch(/^ {80,}- id: r20$/m);
    // Each line of text holds several words (the last line of a text may hold one).
    const lines = out.split('\n').map((line) => line.trim());
    for (const [i, line] of lines.entries()) if (line === 'word') expect(lines[i - 1]).not.toBe('word');
    expect(format(out)).toEqual({ ok: true, text: out, changed: false });
  });

  it('formats a flow list with comments between its items once: formatting the result again changes nothing', () => {
    // Formatted once, `# c2` went above b; read again, the yaml package gave it to a, indented into a.
    const out = formatted(
      'argmap: 1\ntitle: T\nrecommendation:\n  id: rec\n  text: R\n  reasons: [{id: a, text: A, assumption: true}, # c1\n    # c2\n    {id: b, text: B, assumption: true}]\n',
    );
    expect(out).toContain('      assumption: true\n      # c1\n    # c2\n    - id: b\n');
    expect(format(out)).toEqual({ ok: true, text: out, changed: false });
  });

  it('orders every property the schema allows, each list matching a definition of the schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'argmap.schema.json'), 'utf8')) as {
      properties: Record<string, unknown>;
      $defs: Record<string, { properties?: Record<string, unknown> }>;
    };
    const keys = (o: { properties?: Record<string, unknown> } | undefined) => Object.keys(o?.properties ?? {}).sort();
    const d = schema.$defs;
    expect([...KEY_ORDER.top].sort()).toEqual(keys(schema));
    expect([...KEY_ORDER.document].sort()).toEqual(keys(d.document));
    expect([...KEY_ORDER.source].sort()).toEqual(keys(d.source));
    expect([...KEY_ORDER.evidence].sort()).toEqual(keys(d.evidence));
    expect([...KEY_ORDER.reference].sort()).toEqual(keys(d.reference));
    expect([...KEY_ORDER.group].sort()).toEqual([...new Set([...keys(d.linkedSupport), ...keys(d.linkedAttack)])].sort());
    expect([...KEY_ORDER.claim].sort()).toEqual([...new Set([...keys(d.claim), ...keys(d.attack)])].sort());
    for (const order of Object.values(KEY_ORDER)) if (order.includes('id')) expect(order[0]).toBe('id');
  });
});
