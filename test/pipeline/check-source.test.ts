import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/load/source-file';
import { checkSource } from '../../src/pipeline/check-source';
import { BLOCKING_RULES } from '../../src/rules/index';
import { fixtureFiles, readFixture } from '../helpers/fixtures';

/** What the listing commands act on: blocking errors, and the stages every file goes through. */
const KEPT = new Set([...BLOCKING_RULES, 'yaml-syntax', 'schema', 'truncated-text']);

describe('checkSource with blockingOnly (what outline, evaluate, graph... run)', () => {
  const files = [...fixtureFiles('invalid'), ...fixtureFiles('rules'), ...fixtureFiles('valid')];

  it('covers fixtures with blocking errors and with other findings alike', () => {
    const all = files.flatMap((f) => checkSource(new SourceFile(f, readFixture(f))).diagnostics);
    expect(all.some((d) => BLOCKING_RULES.has(d.rule))).toBe(true);
    expect(all.some((d) => !KEPT.has(d.rule))).toBe(true);
  });

  for (const file of files) {
    it(`${file}: the same blocking findings and the same graph, without the other rules' findings`, () => {
      const source = new SourceFile(file, readFixture(file));
      const full = checkSource(source);
      const blocking = checkSource(source, { blockingOnly: true });
      expect(blocking.diagnostics).toEqual(full.diagnostics.filter((d) => KEPT.has(d.rule)));
      expect(blocking.graph?.claims.map((c) => c.key)).toEqual(full.graph?.claims.map((c) => c.key));
      expect(blocking.analyses?.support.why).toEqual(full.analyses?.support.why);
    });
  }
});

describe('checkSource on a file with more findings than a call takes as arguments', () => {
  it('reports all 150,000 of them', () => {
    // Each `- a #1` is the text "a" and a comment glued to its word: a truncated-text warning.
    const text = `argmap: 1\ntitle: t\nrecommendation:\n  text: t\n  assumption: true\nnotes:\n${'  - a #1\n'.repeat(150_000)}`;
    const { diagnostics } = checkSource(new SourceFile('many.yaml', text));
    expect(diagnostics.filter((d) => d.rule === 'truncated-text')).toHaveLength(150_000);
    expect(diagnostics.filter((d) => d.rule === 'schema')).toHaveLength(1);
  });
});
