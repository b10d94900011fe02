import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toArgdown } from '../../src/format/export/argdown';
import { parseArgdown } from '../../src/import/argdown';
import { InterchangeError } from '../../src/import/errors';
import { place } from '../../src/import/place';
import { checkWritten, toYaml } from '../../src/import/write-yaml';
import { SourceFile } from '../../src/load/source-file';
import type { ArgumentGraph } from '../../src/model/types';
import { checkSource } from '../../src/pipeline/check-source';
import { ROOT } from '../helpers/cli';
import { exportableFiles } from '../helpers/exportable';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'interchange');

/** Imports Argdown text as `argmap import --from argdown` does: every part checked, no error. */
async function imported(name: string, text: string) {
  const graph = await parseArgdown(new SourceFile(name, text));
  const placement = place(graph);
  const errors = new Set<string>();
  const graphs = placement.parts.map((p) => {
    const checked = checkWritten('imported.yaml', toYaml(p.data));
    expect(checked.formErrors).toEqual([]);
    for (const d of checked.argumentErrors) errors.add(d.rule);
    return checkSource(new SourceFile('imported.yaml', checked.text)).graph!;
  });
  return { graph, placement, graphs, errors: [...errors].sort() };
}

/** Claims, relations (by text) and evidence of graphs, as sets: the parts of a map share claims. */
function structure(graphs: ArgumentGraph[]) {
  const set = (xs: string[]) => [...new Set(xs)].sort();
  // Argdown keeps no line breaks or runs of spaces in a statement.
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
  const relation = (e: ArgumentGraph['edges'][number]): string =>
    e.kind === 'undercut' ? `${norm(e.from.text)} undercuts (${relation(e.to)})` : `${norm(e.from.text)} ${e.kind}s ${norm(e.to.text)}`;
  return {
    claims: set(graphs.flatMap((g) => g.claims.map((c) => norm(c.text)))),
    relations: set(graphs.flatMap((g) => g.edges.map(relation))),
    evidence: set(
      graphs.flatMap((g) => g.evidence.map((e) => `${norm(e.claim.text)} | ${norm(e.text)} | ${e.source?.id ?? e.sourceId ?? '-'}`)),
    ),
    // Linked groups (linked undercuts too): their kind and premises, as one item each.
    // (A group of one premise is a plain relation, as Argdown reads it.)
    groups: set(
      graphs.flatMap((g) =>
        g.groups
          .filter((group) => group.premises.length > 1)
          .map((group) => `${group.kind}: ${group.premises.map((p) => norm(p.text)).join(' & ')}`),
      ),
    ),
    sources: set(
      graphs.flatMap((g) =>
        g.sources.map((s) => JSON.stringify([s.id, s.speaker, s.role, s.organization, s.venue, s.date, s.url, s.kind, s.note])),
      ),
    ),
  };
}

describe('Argdown import', () => {
  it('maps a map written as Argdown documents it: statements, relations, arguments, undercuts, tags', async () => {
    const { graph, placement, graphs, errors } = await imported('library.argdown', readFileSync(join(FIXTURES, 'library.argdown'), 'utf8'));
    expect(errors).toEqual([]);
    expect(placement.parts).toHaveLength(1);
    const g = graphs[0]!;
    expect(g.title).toBe('Sunday opening at the town library');
    expect(g.recommendation!.text).toBe('The town library should open on Sundays.');
    expect(g.recommendation!.note).toBe('Argdown tags: #policy');
    const rel = structure(graphs).relations;
    // A sketched argument is a claim, its description; a statement relation is a reason or counterpoint.
    expect(rel).toContain('Families have free time on Sundays. supports The town library should open on Sundays.');
    expect(rel).toContain('Opening on Sundays costs more than the budget allows. attacks The town library should open on Sundays.');
    expect(rel).toContain('Volunteers have offered to staff Sunday shifts. attacks Opening on Sundays costs more than the budget allows.');
    // A premise–conclusion argument: its premises support its conclusion, which attacks the thesis.
    expect(rel).toContain(
      'Most visits now happen on weekday evenings. supports Sunday opening would spread the same visits over more hours.',
    );
    expect(rel).toContain(
      'Visitors would move from evenings to Sundays. supports Sunday opening would spread the same visits over more hours.',
    );
    expect(rel).toContain('Sunday opening would spread the same visits over more hours. attacks The town library should open on Sundays.');
    // The two premises of the argument's inference are one linked group, and the undercut of the
    // inference denies the group as a whole.
    expect(structure(graphs).groups).toEqual([
      'support: Most visits now happen on weekday evenings. & Visitors would move from evenings to Sundays.',
    ]);
    const cut = g.edges.find((e) => e.kind === 'undercut')!;
    expect(cut.from.id).toBe('different-people');
    expect(cut.to.group?.premises.map((p) => p.id)).toEqual(['weekday-figures', 'demand-moves']);
    expect(graph.mapped.join('\n')).toMatch(/1 inference from several premises: each written as one linked group/);
    // A contradiction: an attack each way.
    expect(rel).toContain('Sunday opening costs almost nothing extra. attacks Opening on Sundays costs more than the budget allows.');
    expect(rel).toContain('Opening on Sundays costs more than the budget allows. attacks Sunday opening costs almost nothing extra.');
    expect(g.claims.find((c) => c.id === 'different-people')!.note).toBe('Argdown tags: #(needs data)');
    expect(g.claims.find((c) => c.id === 'students')!.note).toBe('Argdown data: source: "survey"');
    expect(graph.unmapped).toEqual([]);
  });

  it('writes a map with several roots as one part each', async () => {
    const { placement } = await imported(
      'two.argdown',
      '[a]: First thesis.\n  + [b]: A reason.\n\n[c]: Second thesis.\n  - [d]: An objection.\n',
    );
    expect(placement.parts.map((p) => p.root.text)).toEqual(['First thesis.', 'Second thesis.']);
  });

  it("reads back argmap's named inferences: an undercut of an attack, and an undercut of an undercut", async () => {
    const path = join(ROOT, 'test', 'fixtures', 'valid', 'undercut-chains.yaml');
    const original = checkSource(new SourceFile(path, readFileSync(path, 'utf8')));
    const { graph, graphs } = await imported('u.argdown', toArgdown(original.graph!));
    expect(structure(graphs)).toEqual(structure([original.graph!]));
    const rel = structure(graphs).relations;
    expect(rel).toContain(
      'Cost alone does not decide what a library offers. undercuts (Sunday opening costs too much. attacks Open the library on Sundays.)',
    );
    expect(rel).toContain(
      'Free time does not mean library time. undercuts (Families are free on Sundays. supports Open the library on Sundays.)',
    );
    expect(rel).toContain(
      'Weekday figures say nothing about Sundays. undercuts (Free time does not mean library time. undercuts (Families are free on Sundays. supports Open the library on Sundays.))',
    );
    expect(graph.unmapped).toEqual([]);
  });

  it("keeps what maps written by others say once: a described argument referred to later, a reconstructed argument's description, a statement's second text", async () => {
    const text = [
      '[Bus]: The town should run a night bus.',
      '',
      '<Safety>: Late walks home are unsafe. #safety',
      '  +> [Bus]',
      '',
      '<Cost>: A night bus costs little to run.',
      '',
      '<Riders>: Shift workers need it.',
      '',
      '  (1) [Shifts]: Many residents work late shifts.',
      '  (2) [No taxis]: Taxis are rare after midnight.',
      '  ----',
      '  (3) [Bus]',
      '',
      '[Shifts]: A third of residents end work after 11 pm.',
      '',
      '<Cost>',
      '  +> [Bus]',
      '',
    ].join('\n');
    const { graph, placement, errors } = await imported('bus.argdown', text);
    expect(errors).toEqual([]);
    const byText = (t: string) => graph.claims.find((c) => c.text === t);
    // <Cost> is described once and named again later: the description is its text, not its title.
    expect(byText('A night bus costs little to run.')).toBeDefined();
    expect(graph.claims.find((c) => c.text === 'Cost')).toBeUndefined();
    expect(byText('Late walks home are unsafe.')?.note).toBe('Argdown tags: #safety');
    // The reconstructed argument's description is the note of its linked group.
    const group = placement.parts[0]!.data.recommendation as { reasons: Array<{ together?: unknown; note?: string }> };
    expect(group.reasons.find((r) => r.together)?.note).toBe('Argdown argument <Riders>: Shift workers need it.');
    // [Shifts] is given two texts: Argdown's canonical one (the last) is the claim, the other is in its note.
    expect(byText('A third of residents end work after 11 pm.')?.note).toBe(
      'Argdown also gives [Shifts] as: "Many residents work late shifts."',
    );
    expect(graph.mapped).toEqual(
      expect.arrayContaining([
        '1 statement given more than one text: the claim has the one Argdown takes (the last), its note the others',
        '1 reconstructed argument with a description: written as the note of its final inference',
      ]),
    );
  });

  it('writes the largest part as the file named, even when it is a cycle with no root', async () => {
    const cycle = [
      '[A]: Alpha holds.',
      '  >< [B]: Beta holds.',
      '  >< [C]: Gamma holds.',
      '',
      '[B]',
      '  >< [C]',
      '',
      '[D]: Delta holds.',
      '  + [E]: Epsilon holds.',
      '',
    ];
    const { placement } = await imported('cycle.argdown', cycle.join('\n'));
    expect(placement.parts.map((p) => p.claims.size)).toEqual([3, 2]);
  });

  it('refuses text Argdown cannot parse, at its line and column', async () => {
    const error = await parseArgdown(new SourceFile('bad.argdown', '[a]: A claim.\n  + <b\n(1) foo\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InterchangeError);
    expect([(error as InterchangeError).line, (error as InterchangeError).column]).toEqual([3, 1]);
    expect((error as InterchangeError).message).toMatch(/bad\.argdown:3:1: not Argdown: /);
  });
});

describe('argmap → Argdown → argmap', () => {
  // An imported map never has a circle of support nor a claim attacking itself (the import drops
  // the relation and says so, as for AIF), so files with one cannot come back whole. A sources
  // file (sources and no claim, used by other files) has no root claim to import.
  const files = exportableFiles().filter(
    ({ report }) =>
      report.graph.claims.length > 0 && !report.diagnostics.some((d) => d.rule === 'circular-support' || d.rule === 'self-attack'),
  );
  it('covers the valid fixtures and the bundled map', () => {
    expect(files.map((f) => f.name)).toContain(join('arguments', 'south-korea-arms-to-ukraine.yaml'));
    expect(files.length).toBeGreaterThan(12);
  });
  for (const { name, report } of files) {
    it(`${name}: keeps every claim, relation, undercut and piece of evidence`, async () => {
      const { graphs, errors } = await imported('back.argdown', toArgdown(report.graph));
      expect(structure(graphs)).toEqual(structure([report.graph]));
      // What check says of the argument is what it said of the original (a contradictory relation);
      // the suppression comments of the YAML (and their findings) do not travel, nor do findings
      // about the files beside it (a missing document text or used file), which Argdown cannot name.
      const beside = new Set(['directive', 'document-file', 'used-file']);
      expect(errors).toEqual(
        [...new Set(report.diagnostics.filter((d) => d.severity === 'error' && !beside.has(d.rule)).map((d) => d.rule))].sort(),
      );
    });
  }
});
