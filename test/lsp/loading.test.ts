import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli';

// The language server's libraries are bundled into the chunk `argmap lsp` loads, and into nothing
// the other commands load: their start-up is unchanged. Run `npm run build` first.

/** A bundled file and every file it imports statically, transitively (dynamic `import()` not followed). */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*"(\.[^"]+)"/gm)) staticClosure(join(dirname(file), m[1]!), seen);
  for (const m of text.matchAll(/^import\s*"(\.[^"]+)"/gm)) staticClosure(join(dirname(file), m[1]!), seen);
  return seen;
}

const entry = join(ROOT, 'dist', 'argmap.js');
const dynamic = (name: string) => {
  const m = new RegExp(`import\\("(\\./chunks/${name}-[^"]+)"\\)`).exec(readFileSync(entry, 'utf8'));
  return join(ROOT, 'dist', m![1]!);
};
const bundles = (files: Set<string>) => [...files].some((f) => readFileSync(f, 'utf8').includes('node_modules/vscode-languageserver'));

describe('vscode-languageserver is loaded only by argmap lsp', () => {
  it('is not in start-up, nor in what check loads', () => {
    expect(bundles(staticClosure(entry))).toBe(false);
    expect(bundles(staticClosure(dynamic('check')))).toBe(false);
  });

  it('is in what argmap lsp loads', () => {
    expect(bundles(staticClosure(dynamic('lsp')))).toBe(true);
  });
});
