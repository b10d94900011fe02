import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toArgdown } from '../../../src/format/export/argdown';
import { argmapReading, readArgdown } from '../../helpers/argdown-judge';
import { exportableFiles } from '../../helpers/exportable';
import { fixtureFiles } from '../../helpers/fixtures';

/**
 * The Argdown export judged by Argdown itself: every file argmap exports (every fixture that passes
 * check, the bundled map) is parsed with @argdown/core's parser and model builder, and Argdown must
 * read the same statements and exactly the same supports, attacks and undercuts, each once, in the
 * same direction.
 */
describe('Argdown reads the Argdown export as argmap means it', () => {
  const judged = exportableFiles();

  it('judges every valid fixture, the bundled map and the rule fixtures that export', () => {
    const names = judged.map((j) => j.name);
    for (const f of fixtureFiles('valid')) expect(names).toContain(join('test', 'fixtures', f));
    // Linked groups (premise–conclusion arguments of several premises) are judged too.
    expect(judged.filter(({ report }) => report.graph.groups.length > 0).map((j) => j.name)).toContain(
      join('test', 'fixtures', 'valid', 'linked-groups.yaml'),
    );
    expect(names).toContain(join('arguments', 'south-korea-arms-to-ukraine.yaml'));
    expect(judged.length).toBeGreaterThan(15);
  });

  for (const { name, report } of judged) {
    it(name, () => {
      const argdown = readArgdown(toArgdown(report.graph));
      expect(argdown.errors).toEqual([]);
      const expected = argmapReading(report.graph);
      expect(argdown.statements).toEqual(expected.statements);
      expect(argdown.relations).toEqual(expected.relations);
    });
  }
});
