import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toArgdown } from '../../../src/format/export/argdown';
import { decode } from '../../../src/load/read';
import { checkSource } from '../../../src/pipeline/check-source';
import { BLOCKING_RULES } from '../../../src/rules/index';
import { argmapReading, readArgdown } from '../../helpers/argdown-judge';
import { ROOT } from '../../helpers/cli';
import { FIXTURES, fixtureFiles } from '../../helpers/fixtures';

/**
 * The Argdown export judged by Argdown itself: every file argmap exports (every fixture that passes
 * check, the bundled map) is parsed with @argdown/core's parser and model builder, and Argdown must
 * read the same statements and exactly the same supports, attacks and undercuts, each once, in the
 * same direction.
 */
const files = [
  ...fixtureFiles('').map((f) => join(FIXTURES, f)),
  ...readdirSync(join(ROOT, 'arguments'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => join(ROOT, 'arguments', f)),
];

function exportable(path: string) {
  const decoded = decode(path, new Uint8Array(readFileSync(path)));
  if (!decoded.ok) return undefined;
  const report = checkSource(decoded.source);
  return report.graph && !report.diagnostics.some((d) => BLOCKING_RULES.has(d.rule)) ? report.graph : undefined;
}

describe('Argdown reads the Argdown export as argmap means it', () => {
  const judged = files.flatMap((path) => {
    const graph = exportable(path);
    return graph ? [{ name: path.slice(ROOT.length), graph }] : [];
  });

  it('judges every valid fixture, the bundled map and the rule fixtures that export', () => {
    const names = judged.map((j) => j.name);
    for (const f of fixtureFiles('valid')) expect(names).toContain(join('test', 'fixtures', f));
    expect(names).toContain(join('arguments', 'south-korea-arms-to-ukraine.yaml'));
    expect(judged.length).toBeGreaterThan(15);
  });

  for (const { name, graph } of judged) {
    it(name, () => {
      const argdown = readArgdown(toArgdown(graph));
      expect(argdown.errors).toEqual([]);
      const expected = argmapReading(graph);
      expect(argdown.statements).toEqual(expected.statements);
      expect(argdown.relations).toEqual(expected.relations);
    });
  }
});
