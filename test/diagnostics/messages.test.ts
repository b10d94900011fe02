import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/load/source-file';
import { checkSource } from '../../src/pipeline/check-source';
import { UNUSED_SHOWN } from '../../src/rules/unknown-reference';
import { SOURCE_FIELDS } from '../../src/validate/schema-errors';
import { ROOT, argmap } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';

/** The first line `argmap check --format compact` prints for a fixture, without the file name. */
function firstProblems(fixture: string): string[] {
  const r = argmap(['check', '--format', 'compact', join(FIXTURES, 'invalid', fixture)]);
  expect(r.code).toBe(1);
  return r.stdout
    .split('\n')
    .filter((line) => line.includes('  error  '))
    .map((line) => line.slice(line.indexOf(fixture) + fixture.length + 1));
}

/** Mistakes new users made, each answered with where the thing goes, not only what is wrong. */
describe('messages for the mistakes new users make', () => {
  it('a source field on evidence: it belongs to the source that `source:` names', () => {
    expect(firstProblems('schema-source-field-on-evidence.yaml')).toEqual([
      '14:7  error  unknown property `date` in evidence 1 of `evidence`: `date` belongs to the source; put it on the source that `source:` names  schema',
      '15:7  error  unknown property `speaker` in evidence 1 of `evidence`: `speaker` belongs to the source; put it on the source that `source:` names  schema',
    ]);
  });

  it('a list of sources on one evidence item: one evidence item per source', () => {
    expect(firstProblems('schema-evidence-source-list.yaml')).toEqual([
      '14:15  error  wrong type: `source` must be a string, not a list: one evidence item per source (write the fact again under each source)  schema',
    ]);
  });

  it('`undercut` on a `ref` item: a reference cannot carry it, and where the undercut goes instead', () => {
    expect(firstProblems('schema-undercut-on-ref.yaml')).toEqual([
      '17:11  error  unknown property `undercut` in rebuttal 1 of `rebuttals`: a `ref` item cannot carry `undercut` (a reference always attacks the claim it names); to undercut here, write the claim here in full with `undercut: true`, and `ref` it from where it was  schema',
    ]);
  });

  it('a renamed id: with no close spelling, the ids nothing refers to', () => {
    expect(firstProblems('unknown-ref-renamed.yaml')).toEqual([
      '23:16  error  unknown claim `no-change` in `ref`: no claim has this id; if it was renamed, ids nothing refers to: `late-walks-unsafe`, `crime-flat`, `cheap-to-run`  unknown-reference',
    ]);
  });

  it('names the unused ids sharing most words first, and counts the rest', () => {
    const reasons = ['cost-low', 'crime-at-night-flat', 'riders-many', 'night-bus-crime-report-data', 'bus-old']
      .map((id) => `    - id: ${id}\n      text: Claim ${id}.\n      assumption: true\n`)
      .join('');
    const text = `argmap: 1\ntitle: t\nrecommendation:\n  text: t\n  reasons:\n${reasons}    - id: used\n      text: Used.\n      assumption: true\ncounterpoints:\n  - text: c\n    assumption: true\n    targets: [used, night-crime-flat]\n`;
    const found = checkSource(new SourceFile('renamed.yaml', text)).diagnostics.filter((d) => d.code === 'unknown-claim');
    expect(found.map((d) => d.params)).toEqual([
      {
        id: 'night-crime-flat',
        field: 'targets',
        unused: ['crime-at-night-flat', 'night-bus-crime-report-data', 'cost-low'],
        moreUnused: 2,
      },
    ]);
    expect(UNUSED_SHOWN).toBe(3);
  });

  it("keeps the list of a source's fields in step with the schema", () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'argmap.schema.json'), 'utf8'));
    const fields = Object.keys(schema.$defs.source.properties).filter((p) => !(p in schema.$defs.evidence.properties) && p !== 'id');
    expect([...SOURCE_FIELDS].sort()).toEqual(fields.sort());
  });
});
