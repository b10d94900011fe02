import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/load/source-file';
import { checkSource } from '../../src/pipeline/check-source';

const pad = (i: number) => String(i).padStart(6, '0');

/** `count` reasons with ids `claim-000000`..., and `count` counterpoints, each targeting a misspelt id. */
function manyUnknownTargets(count: number, target: (i: number) => string): string {
  const lines = ['argmap: 1', 'title: t', 'recommendation:', '  text: t', '  assumption: true', '  reasons:'];
  for (let i = 0; i < count; i++) lines.push(`    - id: claim-${pad(i)}`, `      text: reason ${i}`, '      assumption: true');
  lines.push('counterpoints:');
  for (let i = 0; i < count; i++) lines.push(`  - text: counterpoint ${i}`, '    assumption: true', `    targets: [${target(i)}]`);
  return `${lines.join('\n')}\n`;
}

function unknownClaims(text: string) {
  return checkSource(new SourceFile('many.yaml', text)).diagnostics.filter((d) => d.code === 'unknown-claim');
}

describe('unknown-reference: "did you mean" on a file with thousands of unknown references', () => {
  it('suggests for the first references, none past the budget, and finishes', () => {
    // 2,000 ids and 2,000 misspelt references of the same length: every id is within reach of
    // every reference. Compared all against all, this took seconds; 8,000 of each took minutes.
    const count = 2_000;
    const diagnostics = unknownClaims(manyUnknownTargets(count, (i) => `clam-${pad(i)}x`));
    expect(diagnostics).toHaveLength(count);
    const suggestions = diagnostics.map((d) => (d.params as { suggestion?: string }).suggestion);
    const given = suggestions.findIndex((s) => s === undefined);
    expect(given).toBeGreaterThan(10);
    expect(suggestions.slice(0, given)).toEqual(Array.from({ length: given }, (_, i) => `claim-${pad(i)}`));
    expect(suggestions.slice(given).every((s) => s === undefined)).toBe(true);
    // The same on every run: counted, not timed.
    expect(unknownClaims(manyUnknownTargets(count, (i) => `clam-${pad(i)}x`)).map((d) => d.params)).toEqual(
      diagnostics.map((d) => d.params),
    );
  });

  it('looks each distinct unknown id up once: the same misspelling everywhere is suggested everywhere', () => {
    // Looked up afresh each time, 2,000 look-ups among 2,000 ids would spend the budget.
    const diagnostics = unknownClaims(manyUnknownTargets(2_000, () => 'clam-000042x'));
    expect(diagnostics).toHaveLength(2_000);
    expect(diagnostics.every((d) => (d.params as { suggestion?: string }).suggestion === 'claim-000042')).toBe(true);
  });

  it('keeps every suggestion of an ordinary file: 300 ids, 100 misspellings', () => {
    const diagnostics = unknownClaims(
      manyUnknownTargets(300, (i) => (i < 100 ? `claim-${pad(i * 3)}`.replace('claim', 'cliam') : `claim-${pad(i)}`)),
    );
    expect(diagnostics).toHaveLength(100);
    expect(diagnostics.map((d) => (d.params as { suggestion?: string }).suggestion)).toEqual(
      Array.from({ length: 100 }, (_, i) => `claim-${pad(i * 3)}`),
    );
  });
});
