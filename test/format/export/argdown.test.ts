import { describe, expect, it } from 'vitest';
import { toArgdown } from '../../../src/format/export/argdown';
import { bigGraph } from '../../helpers/graph';

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
    expect(text).toContain('[move]: The fair should move indoors.\n    + <move-linked-argument>\n    - <move-linked-objection>\n');
    expect(text).toContain('<move-linked-argument>\n\n(1) [rain]\n(2) [floods]\n----\n    <_ [marquee]\n(3) [move]\n');
    expect(text).toContain('<move-linked-objection>\n\n(1) [booked]\n(2) [rain]\n----\n(3) [move-linked-objection-conclusion]: Not: The fair should move indoors.\n    >< [move]\n');
    // No premise is listed as a relation of its own.
    expect(text).not.toMatch(/^ {4}[+-] \[(rain|floods|booked)\]$/m);
  });
});
