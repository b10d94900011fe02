import { describe, expect, it } from 'vitest';
import { escapeXml, formatJunit } from '../../src/format/junit';
import { diagnostic, faultyOpEd } from './helpers';

/**
 * A small structural check of XML: one declaration, then balanced tags, attributes quoted, no raw
 * `<` or `&` outside tags and entities. Returns the element names in document order.
 */
function parseXml(xml: string): string[] {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  const names: string[] = [];
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = token.exec(body))) {
    consumed = token.lastIndex;
    const [, closing, name, , selfClosing, text] = m;
    if (text !== undefined) {
      expect(text.replace(/&(amp|lt|gt|quot|apos);/g, '')).not.toMatch(/[&<>]/);
      if (stack.length === 0) expect(text.trim()).toBe('');
      continue;
    }
    if (closing) expect(stack.pop()).toBe(name);
    else {
      names.push(name!);
      if (!selfClosing) stack.push(name!);
    }
  }
  expect(consumed).toBe(body.length);
  expect(stack).toEqual([]);
  return names;
}

describe('junit', () => {
  it('writes a testsuite per file and a failure per error, well formed', () => {
    const { file } = faultyOpEd('arguments/op-ed.yaml');
    const clean = { file: 'clean.yaml', diagnostics: [] };
    const xml = formatJunit([file, clean]);
    const names = parseXml(xml);
    expect(names[0]).toBe('testsuites');
    expect(names.filter((n) => n === 'testsuite')).toHaveLength(2);
    expect(names.filter((n) => n === 'failure')).toHaveLength(1);
    expect(xml).toMatch(/<testsuites name="argmap check" tests="\d+" failures="1"/);
    expect(xml).toContain('<testsuite name="arguments/op-ed.yaml"');
    expect(xml).toContain('<failure message="unknown source `zelenskyy-brussel`');
    expect(xml).toContain('<testsuite name="clean.yaml" tests="1" failures="0"');
    expect(xml).toContain('<testcase classname="clean.yaml" name="argmap check"');
  });

  it('escapes <, &, " and characters XML cannot carry', () => {
    expect(escapeXml(`a<b & "c" 'd' >`)).toBe('a&lt;b &amp; &quot;c&quot; &apos;d&apos; &gt;');
    // A tab (like a line break) as a character reference: XML would make it a space in an attribute.
    expect(escapeXml('esc\u001b[31m nul\u0000 tab\tok')).toBe('esc\\u{1b}[31m nul\\u{0} tab&#9;ok');
    const file = {
      file: 'we<ird>&"name".yaml',
      diagnostics: [diagnostic({ message: 'a <b> & "c" \u001b[2J</failure>' }), diagnostic({ severity: 'warning', message: '<&>' })],
    };
    const xml = formatJunit([file]);
    parseXml(xml);
    expect(xml).toContain('name="we&lt;ird&gt;&amp;&quot;name&quot;.yaml"');
    expect(xml).toContain('message="a &lt;b&gt; &amp; &quot;c&quot; \\u{1b}[2J&lt;/failure&gt;"');
    expect(xml).toContain('<system-out>');
    expect(xml).not.toContain('\u001b');
  });
});
