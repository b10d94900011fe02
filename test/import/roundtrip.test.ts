import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAif } from '../../src/import/aif';
import { toAif } from '../../src/format/export/aif';
import { InterchangeError } from '../../src/import/errors';
import { parseKialo } from '../../src/import/kialo';
import { place } from '../../src/import/place';
import { checkWritten, toYaml } from '../../src/import/write-yaml';
import { SourceFile } from '../../src/load/source-file';
import { checkSource } from '../../src/pipeline/check-source';
import type { ArgumentGraph } from '../../src/model/types';
import { ROOT } from '../helpers/cli';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'interchange');
const fixture = (name: string) => new SourceFile(name, readFileSync(join(FIXTURES, name), 'utf8'));
const OPED = join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml');

/** Every claim (text), relation (text → text, kind), evidence (text, source) and source, as sets. */
function structure(graph: ArgumentGraph) {
  const text = (c: { text: string }) => c.text;
  return {
    claims: graph.claims.map(text).sort(),
    relations: graph.edges
      .map((e) =>
        e.kind === 'undercut'
          ? `${e.from.text} _ ${e.to.from.text} > ${(e.to.to as { text: string }).text}`
          : `${e.from.text} ${e.kind} ${e.to.text}${e.note !== undefined ? ` (note: ${e.note})` : ''}`,
      )
      .sort(),
    evidence: graph.evidence
      .map(
        (e) =>
          `${e.claim.text} | ${e.text} | ${e.source ? JSON.stringify({ ...e.source, citedBy: undefined, span: undefined, idSpan: undefined, index: undefined }) : '-'}`,
      )
      .sort(),
    sources: graph.sources.map((s) => s.id).sort(),
  };
}

function importText(graph: ReturnType<typeof parseKialo>): string[] {
  return place(graph).parts.map((p) => {
    const checked = checkWritten('imported.yaml', toYaml(p.data));
    expect(checked.formErrors).toEqual([]);
    expect(checked.argumentErrors).toEqual([]);
    return checked.text;
  });
}

describe('argmap → AIF → argmap', () => {
  it('keeps every claim, relation, piece of evidence and source of the op-ed file', () => {
    const original = checkSource(new SourceFile('oped.yaml', readFileSync(OPED, 'utf8')));
    const aif = JSON.stringify(toAif(original.graph!, '2025-01-01 00:00:00'));
    const [text, ...rest] = importText(parseAif(new SourceFile('oped.json', aif)));
    expect(rest).toEqual([]);
    const back = checkSource(new SourceFile('back.yaml', text!));
    expect(structure(back.graph!)).toEqual(structure(original.graph!));
    expect(back.graph!.title).toBe(original.graph!.title);
    expect(back.graph!.recommendation!.id).toBe(original.graph!.recommendation!.id);
    // Same findings: the imported file is the same argument.
    const findings = (r: typeof original) => r.diagnostics.map((d) => `${d.rule} ${d.code}`).sort();
    expect(findings(back)).toEqual(findings(original));
  });

  it('keeps undercuts of a support, of an attack and of an undercut', () => {
    const path = join(ROOT, 'test', 'fixtures', 'valid', 'undercut-chains.yaml');
    const original = checkSource(new SourceFile(path, readFileSync(path, 'utf8')));
    const graph = parseAif(new SourceFile('chains.json', JSON.stringify(toAif(original.graph!))));
    expect(graph.unmapped).toEqual([]);
    const [text, ...rest] = importText(graph);
    expect(rest).toEqual([]);
    const back = checkSource(new SourceFile('back.yaml', text!)).graph!;
    expect(structure(back)).toEqual(structure(original.graph!));
    expect(back.edges.filter((e) => e.kind === 'undercut' && e.to.kind === 'undercut')).toHaveLength(1);
  });

  it('keeps linked undercuts: their premises, notes and undercuts, of a reason, a linked reason, an attack and a linked objection', () => {
    const path = join(ROOT, 'test', 'fixtures', 'valid', 'linked-undercuts.yaml');
    const original = checkSource(new SourceFile(path, readFileSync(path, 'utf8')));
    const graph = parseAif(new SourceFile('lu.json', JSON.stringify(toAif(original.graph!))));
    expect(graph.unmapped).toEqual([]);
    const [text, ...rest] = importText(graph);
    expect(rest).toEqual([]);
    const back = checkSource(new SourceFile('back.yaml', text!)).graph!;
    expect(structure(back)).toEqual(structure(original.graph!));
    const groups = (g: ArgumentGraph) =>
      g.groups
        .map((group) => `${group.kind} ${group.premises.map((p) => p.text).join(' & ')}${group.note ? ` (${group.note})` : ''}`)
        .sort();
    expect(groups(back)).toEqual(groups(original.graph!));
    expect(groups(back).filter((g) => g.startsWith('undercut '))).toHaveLength(4);
  });

  it('writes standard AIF: I, RA, CA, L, YA nodes, edges between existing nodes, locutions', () => {
    const original = checkSource(new SourceFile('oped.yaml', readFileSync(OPED, 'utf8')));
    const aif = toAif(original.graph!) as {
      nodes: Array<{ nodeID: string; type: string }>;
      edges: Array<{ fromID: string; toID: string }>;
      locutions: Array<{ nodeID: string }>;
    };
    const ids = new Set(aif.nodes.map((n) => n.nodeID));
    for (const e of aif.edges) expect(ids.has(e.fromID) && ids.has(e.toID)).toBe(true);
    expect(new Set(aif.nodes.map((n) => n.type))).toEqual(new Set(['I', 'RA', 'CA', 'L', 'YA']));
    for (const l of aif.locutions) expect(aif.nodes.find((n) => n.nodeID === l.nodeID)?.type).toBe('L');
  });
});

describe('AIF import', () => {
  it('maps I, RA, CA, undercuts and speakers, and reports what it could not map', () => {
    const graph = parseAif(fixture('debate.json'));
    const placement = place(graph);
    expect(placement.parts.map((p) => p.root.text)).toEqual([
      'Britain should disarm',
      'Wales should host the fleet',
      'The fleet should move to Wales',
    ]);
    const [main] = importText(graph);
    const g = checkSource(new SourceFile('d.yaml', main!)).graph!;
    expect(g.recommendation!.text).toBe('Britain should disarm');
    const rel = structure(g).relations;
    expect(rel).toContain('Nuclear weapons are too expensive to maintain support Britain should disarm');
    expect(rel).toContain('Trident keeps Britain safe attack Britain should disarm');
    expect(rel).toContain(
      'The cost says nothing about whether disarming is wise _ Nuclear weapons are too expensive to maintain > Britain should disarm',
    );
    expect(g.sources.map((s) => s.speaker)).toEqual(['Rebecca Smith', 'Michael Jones']);
    expect(graph.unmapped.join('\n')).toMatch(/MA-node 14/);
    expect(graph.unmapped.join('\n')).toMatch(/TA-node/);
  });

  it("attributes L-nodes written X says '...' to X, and still reports L-nodes that name no speaker", () => {
    const graph = parseAif(fixture('says.json'));
    expect(graph.sources.map((s) => s.speaker)).toEqual(['Bob', 'Alice']);
    const evidence = graph.claims.flatMap((c) => c.evidence.map((e) => `${c.text} | ${e.text} | ${e.source}`));
    expect(evidence).toEqual([
      'The town should build bike lanes | Bob said: the town should build bike lanes | bob',
      'Bikes are faster in town | Alice said: Bikes are faster in town | alice',
    ]);
    expect(graph.unmapped.join('\n')).toMatch(/L-node 8 \("someone asserted this"\) says no speaker/);
  });

  it.each([
    ['bad-type.json', 3, /type "XA"; expected one of I, L, RA/],
    ['bad-edge.json', 4, /goes to node 9, which is not in "nodes" \(at \$\.edges\[0\]\.toID\)/],
    ['not-json.json', 3, /not JSON/],
  ])('refuses %s with a position', (name, line, message) => {
    let error: unknown;
    try {
      parseAif(fixture(name));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InterchangeError);
    expect((error as InterchangeError).line).toBe(line);
    expect((error as InterchangeError).message).toMatch(message);
  });
});

describe('Kialo → argmap → Kialo-equivalent structure', () => {
  it('keeps every claim, each Pro/Con relation to its parent, and links as refs', () => {
    const source = fixture('bike-lanes.txt');
    const [text, ...rest] = importText(parseKialo(source));
    expect(rest).toEqual([]);
    expect(text!.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/argmap.schema.json');
    const g = checkSource(new SourceFile('b.yaml', text!)).graph!;
    expect(g.title).toBe('Should Riverton build protected bike lanes on Elm Avenue?');
    // Rebuild the Kialo tree from the YAML: every line's text, stance and parent text.
    const kialo = source.text.split('\n').filter((l) => /^\d/.test(l));
    const byNumber = new Map<string, string>();
    const expected: string[] = [];
    const lines = source.text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const m = /^(\d+(?:\.\d+)*)\. (?:(Pro|Con): )?(.*)$/.exec(lines[i]!);
      if (!m) continue;
      let text = m[3]!;
      while (lines[i + 1] && !/^\d/.test(lines[i + 1]!)) text += `\n${lines[++i]}`;
      const see = /^-> See (\S+)\.$/.exec(text);
      if (see) text = byNumber.get(see[1]!)!;
      else byNumber.set(m[1]!, text);
      const parent = m[1]!.includes('.') ? byNumber.get(m[1]!.slice(0, m[1]!.lastIndexOf('.'))) : undefined;
      if (parent) expected.push(`${text} ${m[2] === 'Pro' ? 'support' : 'attack'} ${parent}`);
    }
    expect(kialo.length).toBe(9);
    expect(structure(g).relations).toEqual(expected.sort());
    expect(structure(g).claims).toEqual([...new Set(byNumber.values())].sort());
    expect(g.edges.filter((e) => e.via === 'ref')).toHaveLength(1);
    // A Con under a Con is a rebuttal; a Pro under a Con is a reason of that counterpoint.
    const kinds = Object.fromEntries(g.claims.map((c) => [c.text.split('\n')[0], c.kind]));
    expect(kinds['Crashes happen along the whole avenue, not only at the junction.']).toBe('rebuttal');
    expect(kinds['The junction had 15 of the 23 crashes.']).toBe('reason');
  });

  it.each([
    ['empty.txt', 1, 1, /empty Kialo file/],
    ['bad-line.txt', 5, 1, /numbered line must look like/],
    ['orphan.txt', 4, 1, /before its parent 1\.2/],
  ])('refuses %s at line:column', (name, line, column, message) => {
    try {
      parseKialo(fixture(name));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InterchangeError);
      expect([(e as InterchangeError).line, (e as InterchangeError).column]).toEqual([line, column]);
      expect((e as InterchangeError).message).toMatch(message);
    }
  });
});

/**
 * An AIF map as what it says: every I-node text (claims; argmap's own evidence nodes aside), and
 * every RA / CA node as its type, the texts of all its premises, and its target (an I-node's text,
 * or, for an undercut, the scheme node it is aimed at, described the same way).
 */
function aifArguments(aif: {
  nodes: Array<{ nodeID: unknown; type: string; text: string }>;
  edges: Array<{ fromID: unknown; toID: unknown }>;
}) {
  const byId = new Map(aif.nodes.map((n) => [String(n.nodeID), n]));
  const into = (id: string) => aif.edges.filter((e) => String(e.toID) === id).map((e) => byId.get(String(e.fromID))!);
  const outOf = (id: string) => aif.edges.filter((e) => String(e.fromID) === id).map((e) => byId.get(String(e.toID))!);
  const isEvidence = (n: { type: string; text: string }) => n.type === 'RA' && n.text === 'argmap evidence';
  const describe = (n: { nodeID: unknown; type: string; text: string }, depth = 0): string => {
    if (n.type === 'I') return n.text;
    const id = String(n.nodeID);
    const premises = into(id)
      .filter((p) => p.type === 'I')
      .map((p) => p.text)
      .sort();
    const targets = depth > 4 ? [] : outOf(id).map((t) => describe(t, depth + 1));
    return `${n.type}{${premises.join(' & ')}} → ${targets.join(' | ')}`;
  };
  return {
    texts: aif.nodes
      .filter((n) => n.type === 'I' && !outOf(String(n.nodeID)).some(isEvidence))
      .map((n) => n.text)
      .sort(),
    schemes: aif.nodes
      .filter((n) => (n.type === 'RA' || n.type === 'CA') && !isEvidence(n))
      .map((n) => describe(n))
      .sort(),
  };
}

describe('AIF → argmap → AIF with linked arguments', () => {
  for (const name of ['linked.json', 'linked-attack.json', 'linked-undercut.json']) {
    it(`${name}: keeps every I-node text and every RA / CA node with its full premise set and target`, () => {
      const input = fixture(name);
      const imported = parseAif(input);
      const [text, ...rest] = importText(imported);
      expect(rest).toEqual([]);
      const back = checkSource(new SourceFile('back.yaml', text!));
      const exported = toAif(back.graph!) as Parameters<typeof aifArguments>[0];
      expect(aifArguments(exported)).toEqual(aifArguments(JSON.parse(input.text)));
    });
  }

  it('writes an RA node of several premises as one `together` group, and an undercut of an undercut as a rebuttal with `undercut: true` under it', () => {
    const [text] = importText(parseAif(fixture('linked.json')));
    expect(text).toContain('  reasons:\n    - together:\n        - id: the-river-path-floods-every-winter\n');
    expect(text).toMatch(
      / {6}counterpoints:\n {8}- id: warning-signs-would-remove-the-council\n.*\n {10}undercut: true\n {10}rebuttals:\n {12}- id: signs-did-not-protect-the-council\n.*\n {14}undercut: true\n/,
    );
    expect(parseAif(fixture('linked.json')).unmapped).toEqual([]);
  });

  it('writes a CA node of several premises aimed at a scheme node as one `together` group with `undercut: true`', () => {
    const graph = parseAif(fixture('linked-undercut.json'));
    expect(graph.unmapped).toEqual([]);
    const [text] = importText(graph);
    expect(text).toMatch(/ {6}counterpoints:\n {8}- together:\n(.*\n){4} {10}undercut: true\n {10}rebuttals:\n/);
    expect(graph.mapped.join('\n')).toMatch(/CA-node 7 undercuts with 2 premises: a linked undercut/);
  });

  it('reports an RA node aimed at an RA or CA node as not mapped, with why, and keeps its premises', () => {
    const node = (nodeID: string, type: string, text = type) => ({ nodeID, type, text });
    const aif = {
      nodes: [node('1', 'I', 'Dogs should be allowed in the park'), node('2', 'I', 'Dogs need exercise'), node('3', 'RA')],
      edges: [] as Array<{ edgeID: string; fromID: string; toID: string }>,
    };
    aif.nodes.push(node('4', 'I', 'Exercise is a need the park can meet'), node('5', 'RA'));
    const links: Array<[string, string]> = [
      ['2', '3'],
      ['3', '1'],
      ['4', '5'],
      ['5', '3'],
    ];
    for (const [from, to] of links) aif.edges.push({ edgeID: from + to, fromID: from, toID: to });
    const graph = parseAif(new SourceFile('ra.json', JSON.stringify(aif)));
    expect(graph.unmapped.join('\n')).toMatch(/RA-node 5 supports the inference of RA-node 3: argmap has no support for a link/);
    expect(graph.claims.map((c) => c.text)).toContain('Exercise is a need the park can meet');
  });
});
