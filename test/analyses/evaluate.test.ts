import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { evaluate, groundsOf, type Label } from '../../src/analyses/evaluate';
import { buildGraph } from '../../src/model/build';
import type { ArgumentGraph } from '../../src/model/types';
import { bigGraph } from '../helpers/graph';
import { ROOT } from '../helpers/cli';

function graphOf(text: string): ArgumentGraph {
  return buildGraph(parseDocument(text));
}

/** Labels by claim key. */
function labels(text: string): Record<string, Label> {
  const graph = graphOf(text);
  const { claims } = evaluate(graph);
  return Object.fromEntries(graph.claims.map((c) => [c.key, claims[c.index]!.label]));
}

/**
 * An abstract framework as an argmap file: every argument an assumption; one that attacks others is a
 * top-level counterpoint with `targets`, one that attacks nothing a reason of an unattacked topic.
 */
function framework(attacks: Record<string, string[]>): string {
  const lines = ['argmap: 1', 'title: Framework', 'recommendation:', '  id: topic', '  text: The topic.', '  assumption: true'];
  const quiet = Object.keys(attacks).filter((a) => attacks[a]!.length === 0);
  const loud = Object.keys(attacks).filter((a) => attacks[a]!.length > 0);
  if (quiet.length > 0) {
    lines.push('  reasons:');
    for (const a of quiet) lines.push(`    - id: ${a}`, `      text: ${a}.`, '      assumption: true');
  }
  if (loud.length > 0) {
    lines.push('counterpoints:');
    for (const a of loud) lines.push(`  - id: ${a}`, `    text: ${a}.`, '    assumption: true', `    targets: [${attacks[a]!.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function frameworkLabels(attacks: Record<string, string[]>): Record<string, Label> {
  const { topic, ...rest } = labels(framework(attacks));
  expect(topic).toBe('in');
  return rest;
}

describe('the worked examples of docs/evaluation.md', () => {
  const docs = readFileSync(join(ROOT, 'docs', 'evaluation.md'), 'utf8');
  const examples = [...docs.matchAll(/```yaml\n(# expect: (.*)\n[\s\S]*?)```/g)];
  it('are all there', () => {
    expect(examples.length).toBeGreaterThanOrEqual(9);
  });
  for (const [, text, expect_] of examples) {
    const title = /\ntitle: (.*)\n/.exec(text!)![1]!;
    it(`${title}: ${expect_}`, () => {
      const expected = Object.fromEntries(expect_!.split(/\s+/).map((pair) => pair.split('=')));
      expect(labels(text!)).toEqual(expected);
    });
  }
});

describe('classic frameworks give the textbook grounded labelling', () => {
  it('a single unattacked argument is in', () => {
    expect(frameworkLabels({ a: [] })).toEqual({ a: 'in' });
  });
  it('a → b → c: in, out, in (reinstatement)', () => {
    expect(frameworkLabels({ a: ['b'], b: ['c'], c: [] })).toEqual({ a: 'in', b: 'out', c: 'in' });
  });
  it('a chain of four: in, out, in, out', () => {
    expect(frameworkLabels({ a: ['b'], b: ['c'], c: ['d'], d: [] })).toEqual({ a: 'in', b: 'out', c: 'in', d: 'out' });
  });
  it('a ↔ b: both undecided', () => {
    expect(frameworkLabels({ a: ['b'], b: ['a'] })).toEqual({ a: 'undecided', b: 'undecided' });
  });
  it('odd cycle of three: all undecided', () => {
    expect(frameworkLabels({ a: ['b'], b: ['c'], c: ['a'] })).toEqual({ a: 'undecided', b: 'undecided', c: 'undecided' });
  });
  it('even cycle of four: all undecided', () => {
    const l = frameworkLabels({ a: ['b'], b: ['c'], c: ['d'], d: ['a'] });
    expect(Object.values(l)).toEqual(['undecided', 'undecided', 'undecided', 'undecided']);
  });
  it('self-attack: undecided, and what it attacks too', () => {
    expect(frameworkLabels({ a: ['a'] })).toEqual({ a: 'undecided' });
    expect(frameworkLabels({ a: ['a', 'b'], b: [] })).toEqual({ a: 'undecided', b: 'undecided' });
  });
  it('a self-attacker attacked by an unattacked argument is out', () => {
    expect(frameworkLabels({ e: ['a'], a: ['a', 'b'], b: [] })).toEqual({ e: 'in', a: 'out', b: 'in' });
  });
  it('an unattacked argument breaks a cycle: e → a, a ↔ b gives e in, a out, b in', () => {
    expect(frameworkLabels({ e: ['a'], a: ['b'], b: ['a'] })).toEqual({ e: 'in', a: 'out', b: 'in' });
  });
  it('an odd cycle broken from outside: e → a, a → b → c → a', () => {
    expect(frameworkLabels({ e: ['a'], a: ['b'], b: ['c'], c: ['a'] })).toEqual({ e: 'in', a: 'out', b: 'in', c: 'out' });
  });
  it('the Nixon diamond with floating defeat: a ↔ b, both attack c, c attacks d: all undecided', () => {
    // Grounded semantics does not accept d by "floating reinstatement" (Baroni, Caminada & Giacomin 2011).
    expect(frameworkLabels({ a: ['b', 'c'], b: ['a', 'c'], c: ['d'], d: [] })).toEqual({
      a: 'undecided',
      b: 'undecided',
      c: 'undecided',
      d: 'undecided',
    });
  });
  it('a ↔ b with an unattacked c attacking b: c in, b out, a in (a is defended by c)', () => {
    expect(frameworkLabels({ c: ['b'], a: ['b'], b: ['a'] })).toEqual({ c: 'in', a: 'in', b: 'out' });
  });
});

describe('support, evidence and undercuts', () => {
  it('evidence without a source grounds nothing', () => {
    const l = labels(`argmap: 1
title: t
recommendation:
  id: rec
  text: R.
  evidence:
    - text: Someone said so.
`);
    expect(l).toEqual({ rec: 'out' });
  });

  it('a supported claim whose support chain is attacked at the bottom falls with it', () => {
    const l = labels(`argmap: 1
title: t
recommendation:
  id: rec
  text: R.
  reasons:
    - id: r
      text: R1.
      reasons:
        - id: base
          text: Base.
          assumption: true
          counterpoints:
            - id: c
              text: C.
              assumption: true
`);
    expect(l).toEqual({ rec: 'out', r: 'out', base: 'out', c: 'in' });
  });

  it('an undecided attacker leaves a supported claim undecided, and names why', () => {
    const graph = graphOf(framework({ a: ['b'], b: ['a', 'c'], c: [] }));
    const result = evaluate(graph);
    const c = graph.claims.find((x) => x.key === 'c')!;
    expect(result.claims[c.index]).toMatchObject({ label: 'undecided', because: { type: 'attack-undecided' } });
  });

  it('gives the decisive reason as data', () => {
    const graph = graphOf(framework({ a: ['b'], b: ['c'], c: [] }));
    const { claims } = evaluate(graph);
    const by = (key: string) => claims[graph.claims.find((x) => x.key === key)!.index]!;
    expect(by('b').because).toMatchObject({ type: 'attacked-by', claim: { key: 'a' } });
    expect(by('c').because).toMatchObject({ type: 'assumption', answered: [{ claim: { key: 'b' }, how: 'out' }] });
  });

  it('on the op-ed: the recommendation stands; the four unsupported claims and Kim Tae-hyo’s position are out', () => {
    const l = labels(readFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), 'utf8'));
    expect(l).toEqual({
      'no-hasty-arms-decision': 'in',
      'intelligence-uncertain': 'in',
      'reevaluate-evidence': 'in',
      'relies-on-us-intelligence': 'in',
      'us-could-not-verify': 'in',
      'purpose-unclear': 'in',
      'intelligence-not-dismissible': 'in',
      'scope-impact-uncertain': 'in',
      'readiness-deterrence': 'out',
      interoperability: 'out',
      'legal-basis': 'out',
      'russian-red-line': 'in',
      'threat-perception': 'out',
      'south-korea-retaliation': 'out',
    });
  });
});

// ----- 100,000 claims ---------------------------------------------------------------------------

describe('100,000 claims, without recursion', () => {
  const N = 100_000;
  it('an attack chain alternates in and out', () => {
    const edges = Array.from({ length: N - 1 }, (_, i): [number, number, 'attack'] => [i, i + 1, 'attack']);
    const { claims } = evaluate(bigGraph(N, edges, () => true));
    expect(claims[0]!.label).toBe('in');
    expect(claims[N - 1]!.label).toBe(N % 2 === 1 ? 'in' : 'out');
    expect(claims.every((c, i) => c.label === (i % 2 === 0 ? 'in' : 'out'))).toBe(true);
  });

  it('an attack cycle is undecided throughout (even and odd)', () => {
    for (const n of [N, N + 1]) {
      const edges = Array.from({ length: n }, (_, i): [number, number, 'attack'] => [i, (i + 1) % n, 'attack']);
      const { claims } = evaluate(bigGraph(n, edges, () => true));
      expect(claims.every((c) => c.label === 'undecided')).toBe(true);
    }
  });

  it('a support chain resting on one assumption is in throughout; without it, out', () => {
    const edges = Array.from({ length: N - 1 }, (_, i): [number, number, 'support'] => [i + 1, i, 'support']);
    expect(evaluate(bigGraph(N, edges, (i) => i === N - 1)).claims.every((c) => c.label === 'in')).toBe(true);
    const cycle: Array<[number, number, 'support']> = [...edges, [0, N - 1, 'support']];
    expect(evaluate(bigGraph(N, cycle, () => false)).claims.every((c) => c.label === 'out')).toBe(true);
  });

  it('names every one of 150,000 ungrounded supporters as the grounds of the claim they fail', () => {
    const n = 150_000;
    const edges = Array.from({ length: n }, (_, i): [number, number, 'support'] => [i + 1, 0, 'support']);
    const { claims } = evaluate(bigGraph(n + 1, edges, () => false));
    expect(claims[0]!.label).toBe('out');
    expect(groundsOf(claims[0]!.because)).toHaveLength(n);
  });

  it('an attack chain along a support chain', () => {
    // c[i] supported by c[i+1] and attacked by an assumption c[N + i] for odd i.
    const edges: Array<[number, number, 'support' | 'attack']> = [];
    for (let i = 0; i < N - 1; i++) edges.push([i + 1, i, 'support']);
    for (let i = 1; i < N; i += 2) edges.push([N + i, i, 'attack']);
    const { claims } = evaluate(bigGraph(2 * N, edges, (i) => i === N - 1 || i >= N));
    expect(claims[0]!.label).toBe('out');
    expect(claims[N - 1]!.label).toBe('out');
  });
});
