import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

/**
 * `f(...list)` passes every item as an argument, and V8 throws RangeError past about 120,000 of them:
 * a file with 200,000 warnings once crashed `check` that way. No call in src/ spreads a list into
 * its arguments (array and object literals may spread: they have no such limit).
 */
function spreadArguments(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isSpreadElement(node) && (ts.isCallExpression(node.parent) || ts.isNewExpression(node.parent))) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${relative(ROOT, file)}:${line + 1}: ${node.parent.getText().slice(0, 80)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no call spreads a list into its arguments', () => {
  const src = join(ROOT, 'src');
  const files = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !f.includes('generated'))
    .map((f) => join(src, f));

  it('reads the sources', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('finds none in src/', () => {
    expect(files.flatMap(spreadArguments)).toEqual([]);
  });
});
