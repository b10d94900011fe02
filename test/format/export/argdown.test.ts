import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toArgdown } from '../../../src/format/export/argdown';
import { SourceFile } from '../../../src/load/source-file';
import { checkSource } from '../../../src/pipeline/check-source';
import { argmapReading, readArgdown } from '../../helpers/argdown-judge';
import { FIXTURES } from '../../helpers/fixtures';
import { bigGraph } from '../../helpers/graph';

/** Exports a small argmap file and reads the export back with Argdown's own parser. */
function judged(yaml: string) {
  const report = checkSource(new SourceFile('t.yaml', yaml));
  expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const argdown = readArgdown(toArgdown(report.graph!));
  expect(argdown.errors).toEqual([]);
  return { argdown, argmap: argmapReading(report.graph!) };
}

describe('toArgdown, read by Argdown', () => {
  it('writes an undercut of an attack as an attack on the argument that carries it, never a support of the attacked claim; each undercut link once', () => {
    const { argdown, argmap } = judged(readFileSync(join(FIXTURES, 'valid', 'undercut-chains.yaml'), 'utf8'));
    expect(argdown.relations).not.toContain('support Sunday opening costs too much. → Open the library on Sundays.');
    expect(argdown.relations).toEqual(argmap.relations);
    expect(argdown.relations.filter((r) => r.startsWith('attack Sunday opening costs too much.'))).toHaveLength(1);
    expect(argdown.relations.filter((r) => r.startsWith('support Families are free on Sundays.'))).toHaveLength(1);
    // The undercut of an undercut: an undercut of the argument that carries the undercut it denies.
    expect(argdown.relations).toContain(
      'undercut Weekday figures say nothing about Sundays. → [undercut Free time does not mean library time. → [support Families are free on Sundays. → Open the library on Sundays.]]',
    );
  });

  it('gives evidence titles that no claim id can take', () => {
    const { argdown, argmap } = judged(`argmap: 1
title: Sunday opening
recommendation:
  id: foo
  text: Open the library on Sundays.
  evidence:
    - text: A survey asked for it.
  reasons:
    - id: foo-evidence-1
      text: Families are free on Sundays.
      assumption: true
`);
    expect(argdown.statements).toHaveLength(3);
    expect(argdown.statements).toEqual(argmap.statements);
    expect(argdown.relations).toEqual(argmap.relations);
  });
});

describe('toArgdown on a large graph', () => {
  it('writes every one of 150,000 relations into one claim and 150,000 sources', () => {
    const n = 150_000;
    const edges = Array.from({ length: n }, (_, i): [number, number, 'support'] => [i + 1, 0, 'support']);
    const graph = bigGraph(n + 1, edges, () => false);
    for (let i = 0; i < n; i++) graph.sources.push({ index: i, id: `s${i}`, citedBy: [], span: { start: 0, end: 0 } });
    const lines = toArgdown(graph).split('\n');
    expect(lines.filter((l) => /^ {4}\+ \[c\d+\]$/.test(l))).toHaveLength(n);
    expect(lines.filter((l) => /^ {2}- \{id: "s\d+"\}$/.test(l))).toHaveLength(n);
  });
});

describe('toArgdown with linked groups', () => {
  it('writes each group as a premise–conclusion argument with numbered premises, its undercuts under the inference line', async () => {
    const { parseDocument } = await import('yaml');
    const { buildGraph } = await import('../../../src/model/build');
    const graph = buildGraph(
      parseDocument(`argmap: 1
title: Fair
recommendation:
  id: move
  text: The fair should move indoors.
  reasons:
    - together:
        - id: rain
          text: Rain is forecast.
          assumption: true
        - id: floods
          text: The field floods.
          assumption: true
      counterpoints:
        - id: marquee
          text: A marquee keeps it dry.
          undercut: true
          assumption: true
  counterpoints:
    - together:
        - id: booked
          text: The hall is booked.
          assumption: true
        - ref: rain
`),
    );
    const text = toArgdown(graph);
    // The group's relation is its argument's: not listed again under the claim (each relation once).
    expect(text).toContain('[move]: The fair should move indoors.\n\n');
    expect(text).toContain('<move-linked-argument>\n\n(1) [rain]\n(2) [floods]\n----\n    <_ [marquee]\n(3) [move]\n');
    expect(text).toContain(
      '<move-linked-objection>\n    -> [move]\n\n(1) [booked]\n(2) [rain]\n----\n(3) [move-linked-objection]: It is not the case that: The fair should move indoors.\n',
    );
    // No premise is listed as a relation of its own.
    expect(text).not.toMatch(/^ {4}[+-] \[(rain|floods|booked)\]$/m);
  });
});
