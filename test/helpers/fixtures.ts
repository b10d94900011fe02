import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** One expected diagnostic, as a fixture states it in a `# expect:` comment. */
export interface Expected {
  line: number;
  column: number;
  rule: string;
  /** The diagnostic code, when the fixture pins it. */
  code?: string;
}

/**
 * Reads the expectations a fixture carries in comments of the form
 * `# expect: <line>:<column> <rule> [<code>]`, one per diagnostic it must produce.
 */
export function expectations(text: string): Expected[] {
  const out: Expected[] = [];
  for (const match of text.matchAll(/^#\s*expect:\s*(\d+):(\d+)\s+([a-z0-9-]+)(?:\s+([a-z0-9-]+))?\s*$/gm)) {
    out.push({
      line: Number(match[1]),
      column: Number(match[2]),
      rule: match[3]!,
      ...(match[4] ? { code: match[4] } : {}),
    });
  }
  return out;
}

/** Every fixture file under a folder of test/fixtures, relative paths, sorted. */
export function fixtureFiles(folder: string): string[] {
  const root = join(FIXTURES, folder);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) out.push(relative(FIXTURES, full));
    }
  };
  walk(root);
  return out;
}

export function readFixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}
