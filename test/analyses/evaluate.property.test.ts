import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { evaluate, groundsOf, type Label } from '../../src/analyses/evaluate';
import { becauseText } from '../../src/view/evaluation';
import { buildGraph } from '../../src/model/build';
import type { ArgumentGraph, Claim, Edge } from '../../src/model/types';

/** Runs per property: quick by default, more with FUZZ_RUNS=100000 npx vitest run test/analyses. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 0) || undefined;
/** No time limit when fuzzing at length. */
const TIMEOUT = RUNS ? 24 * 3_600_000 : undefined;

function graphOf(text: string): ArgumentGraph {
  return buildGraph(parseDocument(text));
}

// ----- attack-only frameworks against Dung's characteristic function -----------------------------

interface Framework {
  n: number;
  attacks: Array<[number, number]>;
}

const frameworks: fc.Arbitrary<Framework> = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    attacks: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
  }),
);

/** The framework as an argmap file: every argument an assumption, attacks through `targets`. */
function frameworkYaml({ n, attacks }: Framework): string {
  const targets = Array.from({ length: n }, () => [] as number[]);
  for (const [a, b] of attacks) targets[a]!.push(b);
  const lines = ['argmap: 1', 'title: Random framework', 'recommendation:', '  id: topic', '  text: Topic.', '  assumption: true'];
  const quiet = targets.flatMap((t, i) => (t.length === 0 ? [i] : []));
  if (quiet.length > 0) {
    lines.push('  reasons:');
    for (const i of quiet) lines.push(`    - id: a${i}`, `      text: A${i}.`, '      assumption: true');
  }
  if (quiet.length < n) {
    lines.push('counterpoints:');
    targets.forEach((t, i) => {
      if (t.length > 0)
        lines.push(`  - id: a${i}`, `    text: A${i}.`, '    assumption: true', `    targets: [${t.map((j) => `a${j}`).join(', ')}]`);
    });
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Dung (1995), naively: the grounded extension is the least fixpoint of the characteristic function
 * F(S) = { x | every attacker of x is attacked by some member of S }, reached by iterating F from ∅.
 * `in` is that extension, `out` what it attacks, the rest undecided.
 */
function naiveGrounded({ n, attacks }: Framework): Label[] {
  const attackers = Array.from({ length: n }, () => new Set<number>());
  for (const [a, b] of attacks) attackers[b]!.add(a);
  let S = new Set<number>();
  for (;;) {
    const next = new Set<number>();
    for (let x = 0; x < n; x++) {
      if ([...attackers[x]!].every((y) => [...attackers[y]!].some((z) => S.has(z)))) next.add(x);
    }
    if (next.size === S.size && [...next].every((x) => S.has(x))) break;
    S = next;
  }
  return Array.from({ length: n }, (_, x) => (S.has(x) ? 'in' : [...attackers[x]!].some((y) => S.has(y)) ? 'out' : 'undecided'));
}

describe('attack-only frameworks: argmap agrees with Dung’s characteristic function', () => {
  it(
    'gives exactly the grounded extension as the in set',
    () => {
      fc.assert(
        fc.property(frameworks, (f) => {
          const graph = graphOf(frameworkYaml(f));
          const { claims } = evaluate(graph);
          const got = Array.from({ length: f.n }, (_, i) => claims[graph.claims.find((c) => c.key === `a${i}`)!.index]!.label);
          expect(got).toEqual(naiveGrounded(f));
          expect(claims[graph.recommendation!.index]!.label).toBe('in');
        }),
        { numRuns: RUNS ?? 2000 },
      );
    },
    TIMEOUT,
  );
});

// ----- mixed support / attack / undercut graphs: the defining conditions -------------------------

type Relation =
  'reasons' | 'risks' | 'counterpoints' | 'rebuttals' | 'undercut-counterpoints' | 'undercut-rebuttals' | 'top' | 'undercut-group';

interface NodeSpec {
  parent: number;
  relation: Relation;
  assumption: boolean;
  evidence: 'none' | 'sourced' | 'unsourced' | 'unknown-source';
  refs: Array<{ list: 'reasons' | 'risks' | 'counterpoints' | 'rebuttals'; to: number }>;
  targets: number[];
  /** Written as the first premise of a linked group, with `ref`s to these claims as the others. */
  together: number[];
}

const mixedGraphs: fc.Arbitrary<{ root: Omit<NodeSpec, 'parent' | 'relation'>; nodes: NodeSpec[] }> = fc
  .integer({ min: 0, max: 14 })
  .chain((n) => {
    const node = (i: number) =>
      fc.record({
        parent: fc.nat(i),
        relation: fc.constantFrom<Relation>(
          'reasons',
          'reasons',
          'risks',
          'counterpoints',
          'rebuttals',
          'undercut-counterpoints',
          'undercut-rebuttals',
          'top',
          'undercut-group',
        ),
        assumption: fc.boolean(),
        evidence: fc.constantFrom<NodeSpec['evidence']>('none', 'none', 'sourced', 'unsourced', 'unknown-source'),
        refs: fc.array(
          fc.record({
            list: fc.constantFrom('reasons', 'risks', 'counterpoints', 'rebuttals') as fc.Arbitrary<NodeSpec['refs'][number]['list']>,
            to: fc.nat(n),
          }),
          { maxLength: 2 },
        ),
        targets: fc.array(fc.nat(n), { maxLength: 2 }),
        together: fc.oneof(
          fc.constant([] as number[]),
          fc.constant([] as number[]),
          fc.uniqueArray(fc.nat(n), { minLength: 1, maxLength: 2 }),
        ),
      });
    const root = fc.record({
      assumption: fc.boolean(),
      evidence: fc.constantFrom<NodeSpec['evidence']>('none', 'sourced', 'unsourced'),
      refs: fc.array(
        fc.record({ list: fc.constantFrom('reasons', 'counterpoints') as fc.Arbitrary<NodeSpec['refs'][number]['list']>, to: fc.nat(n) }),
        { maxLength: 2 },
      ),
      targets: fc.constant([] as number[]),
      together: fc.constant([] as number[]),
    });
    return fc.record({ root, nodes: fc.tuple(...Array.from({ length: n }, (_, i) => node(i))) });
  });

function mixedYaml({ root, nodes }: { root: Omit<NodeSpec, 'parent' | 'relation'>; nodes: NodeSpec[] }): string {
  const objects: Record<string, unknown>[] = [];
  const make = (i: number, spec: Omit<NodeSpec, 'parent' | 'relation'>, undercut: boolean) => {
    const o: Record<string, unknown> = { id: `c${i}`, text: `C${i}.` };
    if (spec.assumption) o.assumption = true;
    if (undercut) o.undercut = true;
    if (spec.evidence === 'sourced') o.evidence = [{ text: 'E.', source: 's' }];
    if (spec.evidence === 'unsourced') o.evidence = [{ text: 'E.' }];
    if (spec.evidence === 'unknown-source') o.evidence = [{ text: 'E.', source: 'nowhere' }];
    if (spec.targets.length > 0) o.targets = spec.targets.map((t) => `c${t}`);
    return o;
  };
  objects.push(make(0, root, false));
  const top: Record<string, unknown>[] = [];
  // Linked groups written so far, with the list their undercuts go in.
  const groups: Array<{ group: Record<string, unknown>; answers: 'counterpoints' | 'rebuttals' }> = [];
  nodes.forEach((spec, k) => {
    const i = k + 1;
    const undercut = spec.relation.startsWith('undercut-');
    const o = make(i, spec, undercut);
    objects.push(o);
    if (spec.relation === 'undercut-group') {
      const g = groups[spec.parent % Math.max(1, groups.length)];
      if (g) ((g.group[g.answers] ??= []) as unknown[]).push(o);
      else top.push(o);
      return;
    }
    // A premise of a linked group: the group takes its place, the other premises by `ref`. An
    // undercut's group is a linked undercut: `undercut: true` on the group, not on its premise.
    const others = spec.together.filter((t) => t !== i);
    let item: Record<string, unknown> = o;
    if (spec.together.length > 0) {
      item = { together: [o, ...others.map((t) => ({ ref: `c${t}` }))] };
      if (undercut) {
        delete o.undercut;
        item.undercut = true;
      }
    }
    if (item !== o) {
      const attack = spec.relation === 'counterpoints' || spec.relation === 'rebuttals' || spec.relation === 'top';
      groups.push({ group: item, answers: attack ? 'rebuttals' : 'counterpoints' });
    }
    if (spec.relation === 'top') {
      top.push(item);
      return;
    }
    const list = undercut ? spec.relation.slice('undercut-'.length) : spec.relation;
    const parent = objects[spec.parent]!;
    ((parent[list] ??= []) as unknown[]).push(item);
  });
  [root, ...nodes].forEach((spec, i) => {
    for (const ref of spec.refs) ((objects[i]![ref.list] ??= []) as unknown[]).push({ ref: `c${ref.to}` });
  });
  const file = {
    argmap: 1,
    title: 'Random graph',
    recommendation: objects[0],
    ...(top.length > 0 ? { counterpoints: top } : {}),
    sources: [{ id: 's', speaker: 'Someone' }],
  };
  return stringify(file);
}

type Tri = 'yes' | 'no' | 'undecided';

/** The conditions of docs/evaluation.md, read off a labelling: the operator whose least fixpoint argmap computes. */
function conditions(graph: ArgumentGraph, label: readonly Label[]) {
  const grounded = (c: Claim) => c.assumption || c.evidence.some((e) => e.source !== undefined);
  // A linked group counts once, as one edge from all its premises together.
  const units = (c: Claim) => c.incoming.filter((e) => !e.group || e.group.edges[0] === e);
  const premisesOf = (e: Edge) => (e.group ? e.group.edges.map((g) => g.from) : [e.from]);
  // Possible support: reachable over support edges (every premise of a group) from a grounded claim.
  const supportable = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of graph.claims) {
      if (supportable.has(c.index)) continue;
      if (grounded(c) || units(c).some((e) => e.kind === 'support' && premisesOf(e).every((p) => supportable.has(p.index)))) {
        supportable.add(c.index);
        grew = true;
      }
    }
  }
  const fromLabel = (e: Edge): Label => {
    const labels = premisesOf(e).map((p) => label[p.index]!);
    return labels.includes('out') ? 'out' : labels.every((l) => l === 'in') ? 'in' : 'undecided';
  };
  const effective = (e: Edge): Tri => {
    const from = fromLabel(e);
    const d = defeated(e);
    if (from === 'out' || d === 'yes') return 'no';
    if (from === 'in' && d === 'no') return 'yes';
    return 'undecided';
  };
  const defeated = (e: Edge): Tri => {
    const u = e.undercutBy.map(effective);
    if (u.includes('yes')) return 'yes';
    return u.every((x) => x === 'no') ? 'no' : 'undecided';
  };
  return graph.claims.map((c) => {
    const supports = units(c)
      .filter((e) => e.kind === 'support')
      .map(effective);
    const attacks = units(c)
      .filter((e) => e.kind === 'attack')
      .map(effective);
    const isIn = (grounded(c) || supports.includes('yes')) && attacks.every((x) => x === 'no');
    const isOut = attacks.includes('yes') || (!grounded(c) && supports.every((x) => x === 'no')) || !supportable.has(c.index);
    return { isIn, isOut };
  });
}

/** The least fixpoint, naively: from all-undecided, apply the conditions to every claim until nothing changes. */
function naiveLabelling(graph: ArgumentGraph): Label[] {
  let label: Label[] = graph.claims.map(() => 'undecided');
  for (;;) {
    const cond = conditions(graph, label);
    const next = label.map((l, i): Label => (l !== 'undecided' ? l : cond[i]!.isIn ? 'in' : cond[i]!.isOut ? 'out' : 'undecided'));
    if (next.every((l, i) => l === label[i])) return label;
    label = next;
  }
}

describe('mixed support / attack / undercut graphs', () => {
  it(
    'every claim meets the defining condition of its label, and the labelling is the least one',
    () => {
      fc.assert(
        fc.property(mixedGraphs, (spec) => {
          const graph = graphOf(mixedYaml(spec));
          const result = evaluate(graph);
          const label = result.claims.map((c) => c.label);
          const cond = conditions(graph, label);
          graph.claims.forEach((c, i) => {
            const { isIn, isOut } = cond[i]!;
            expect(isIn && isOut, `claim ${c.key} both in and out`).toBe(false);
            if (label[i] === 'in') expect(isIn, `claim ${c.key} is in`).toBe(true);
            if (label[i] === 'out') expect(isOut, `claim ${c.key} is out`).toBe(true);
            if (label[i] === 'undecided') expect(isIn || isOut, `claim ${c.key} is undecided`).toBe(false);
            // The reason is well formed and names claims of the graph.
            expect(becauseText(result.claims[i]!.because)).not.toBe('');
            for (const g of groundsOf(result.claims[i]!.because)) expect(graph.claims[g.index]).toBe(g);
          });
          expect(label).toEqual(naiveLabelling(graph));
        }),
        { numRuns: RUNS ?? 1000 },
      );
      // Linked groups made the graphs larger: a few seconds alone, more on a busy machine.
    },
    TIMEOUT ?? 120_000,
  );

  it('generates undercuts, undercuts of undercuts, support and attack, linked or not, undercuts of linked groups, linked undercuts', () => {
    // The generator reaches every kind of edge (a guard against a property that holds vacuously).
    const kinds = new Set<string>();
    let undercutOfUndercut = false;
    let linkedSupport = false;
    let linkedAttack = false;
    let undercutOfGroup = false;
    let linkedUndercut = false;
    fc.assert(
      fc.property(mixedGraphs, (spec) => {
        const graph = graphOf(mixedYaml(spec));
        for (const e of graph.edges) {
          kinds.add(e.kind);
          if (e.kind === 'undercut' && e.to.kind === 'undercut') undercutOfUndercut = true;
          if (e.group && e.group.edges.length > 1) {
            if (e.kind === 'support') linkedSupport = true;
            else if (e.kind === 'attack') linkedAttack = true;
            else linkedUndercut = true;
          }
          if (e.kind === 'undercut' && e.to.group && e.to.group.edges.length > 1) undercutOfGroup = true;
        }
      }),
      { numRuns: 300 },
    );
    expect([...kinds].sort()).toEqual(['attack', 'support', 'undercut']);
    expect(undercutOfUndercut).toBe(true);
    expect([linkedSupport, linkedAttack, undercutOfGroup, linkedUndercut]).toEqual([true, true, true, true]);
  });
});
