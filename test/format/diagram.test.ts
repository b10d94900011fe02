import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { Analyses } from '../../src/analyses/index';
import { dotString, formatDot, htmlText, TOOLTIP_MAX } from '../../src/format/dot';
import { LABEL_WIDTH, buildDiagram, legendEntries, splitDiagrams, wrap, type DiagramOptions } from '../../src/format/diagram';
import { DEFAULT_DIRECTION, DIRECTIONS } from '../../src/format/diagram-direction';
import { formatMermaid, mermaidText } from '../../src/format/mermaid';
import { loadViz, renderSvg } from '../../src/format/svg';
import { buildGraph } from '../../src/model/build';
import { ROOT } from '../helpers/cli';
import { EVERY_STATUS } from './helpers';

function model(yaml: string, options?: DiagramOptions) {
  const graph = buildGraph(parseDocument(yaml));
  return buildDiagram(new Analyses(graph), options);
}

const OPED = readFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), 'utf8');
const HOSTILE = '"]; click A "javascript:alert(1)" <script>alert(2)</script> back\\\\slash \\N %%{init: {}}%%\nnew line `md` #quot; &amp;';

const SMALL = `argmap: 1
title: Small
recommendation:
  id: rec
  text: Fund the library.
  reasons:
    - id: used
      text: People use it.
      evidence:
        - text: Visits doubled.
          source: council
    - id: bare
      text: It is nice.
  counterpoints:
    - id: cost
      text: It costs too much.
      conceded: true
      rebuttals:
        - id: cheap
          text: It is cheap per visit.
          assumption: true
    - id: far
      text: It is far away.
sources:
  - id: council
    speaker: City council
    date: 2024-01-02
`;

const UNDERCUT = `argmap: 1
title: Undercut
recommendation:
  id: rec
  text: Buy it.
  reasons:
    - id: cheap
      text: It is cheap.
      assumption: true
      counterpoints:
        - id: irrelevant
          text: Cheap does not mean good.
          undercut: true
`;

const HOSTILE_MAP = `argmap: 1
title: ${JSON.stringify(HOSTILE)}
recommendation:
  id: rec
  text: ${JSON.stringify(HOSTILE)}
  evidence:
    - text: ${JSON.stringify(HOSTILE)}
      source: s
sources:
  - id: s
    speaker: ${JSON.stringify(HOSTILE)}
`;

describe('graph model', () => {
  it('has one node per claim with a stable id, and edges of each kind', () => {
    const m = model(SMALL);
    expect(m.claimNodes.map((n) => n.id)).toEqual(['claim-rec', 'claim-used', 'claim-bare', 'claim-cost', 'claim-cheap', 'claim-far']);
    expect(m.claimNodes.find((n) => n.id === 'claim-bare')!.unsupported).toBe('none');
    expect(m.claimNodes.find((n) => n.id === 'claim-cost')!.conceded).toBe(true);
    expect(m.claimNodes.find((n) => n.id === 'claim-far')!.unanswered).toBe(true);
    expect(m.edges.map((e) => `${e.from}>${e.to}:${e.kind}`)).toEqual([
      'claim-used>claim-rec:support',
      'claim-bare>claim-rec:support',
      'claim-cheap>claim-cost:attack',
      'claim-cost>claim-rec:attack',
      'claim-far>claim-rec:attack',
    ]);
    expect(model(SMALL, { evidence: 'nodes' }).edges[0]).toMatchObject({ from: 'evidence-used-1', to: 'claim-used', kind: 'evidence' });
  });

  it('draws an undercut onto a link node placed on the edge it attacks', () => {
    const m = model(UNDERCUT);
    expect(m.nodes.filter((n) => n.type === 'link')).toHaveLength(1);
    expect(m.edges.map((e) => `${e.from}>${e.to}:${e.kind}:${e.part}`)).toEqual([
      'claim-cheap>link-0:support:tail',
      'link-0>claim-rec:support:head',
      'claim-irrelevant>link-0:undercut:whole',
    ]);
  });

  it('wraps long text and cuts overlong words', () => {
    expect(wrap('a '.repeat(50), 10).every((l) => l.length <= 10)).toBe(true);
    expect(wrap('x'.repeat(25), 10)).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
    expect(wrap('word '.repeat(100), 20, 3)).toHaveLength(3);
    // The last line kept ends in an ellipsis, however long the rest (one 2 MB word, or 200,000 words).
    expect(wrap('y'.repeat(2_000_000), 10, 3)).toEqual(['y'.repeat(10), 'y'.repeat(10), `${'y'.repeat(9)}…`]);
    expect(wrap('ab '.repeat(200_000), 5, 2)).toEqual(['ab ab', 'ab a…']);
  });
});

describe('mermaid', () => {
  it('writes one node per claim, support/attack/undercut arrows, and marks unsupported claims', () => {
    const text = formatMermaid(model(SMALL));
    expect(text.startsWith('flowchart RL\n')).toBe(true);
    expect(text.match(/^ {2}claim_\w+[[(]/gm)).toHaveLength(6);
    expect(text).toContain('claim_used --> claim_rec');
    expect(text).toContain('claim_cost --o claim_rec');
    expect(text).toMatch(/claim_bare\[".*<b>unsupported<\/b><\/span> <b style='color:rgb\(185,28,28\)'>⚠ rests on nothing<\/b>/);
    expect(text).toMatch(/class [\w,]*claim_bare[\w,]* unsupported/);
    expect(text).toMatch(/class [\w,]*claim_cheap[\w,]* assumption/);
    expect(text).toContain('City council, 2024-01-02');
    const undercut = formatMermaid(model(UNDERCUT));
    expect(undercut).toContain('claim_cheap --- link_0');
    expect(undercut).toContain('link_0 --> claim_rec');
    expect(undercut).toContain('claim_irrelevant -.-o link_0');
  });

  it('keeps hostile text inside its label: no directive, click handler, HTML or broken string', () => {
    const text = formatMermaid(model(HOSTILE_MAP));
    for (const line of text.split('\n')) {
      if (line === '') continue;
      // Every line is a node with one quoted label, an edge, a class line or the legend's frame.
      expect(line).toMatch(
        /^(flowchart RL|\s+\w+(\["[^"]*"\]|\("[^"]*"\)|\(\("[^"]*"\)\))|\s+\w+ (-->|--o|---|-\.-|-\.->|-\.-o) \w+|\s+(classDef|class|linkStyle) .*|\s+subgraph legend\["Legend"\]|\s+direction LR|\s+end)$/,
      );
    }
    expect(text).not.toMatch(/^\s*click/m);
    expect(text).not.toContain('%%');
    expect(text).not.toContain('<script');
    expect(text).not.toContain('`');
    expect(text).not.toContain('\\');
    expect(mermaidText('a"b#c<d>e%f`g\\h\ni')).toBe('a#34;b#35;c#60;d#62;e#37;f#96;g#92;h i');
  });
});

describe('dot', () => {
  it('cuts a long text to TOOLTIP_MAX characters in the tooltip, with an ellipsis', () => {
    // 11 + 13k code units: the 1,000th is the first half of an emoji.
    const long = `Start here ${'😀 and words '.repeat(20_000)}`;
    const dot = formatDot(model(`argmap: 1\ntitle: T\nrecommendation:\n  text: "${long}"\n  assumption: true\n`));
    const tooltips = [...dot.matchAll(/tooltip="((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);
    const claim = tooltips.find((t) => t.startsWith('Start '))!;
    expect(claim.endsWith('…')).toBe(true);
    expect(claim.length).toBeLessThanOrEqual(TOOLTIP_MAX + 1);
    expect(long.startsWith(claim.slice(0, -1))).toBe(true);
    // No half of a surrogate pair before the ellipsis.
    expect(Buffer.from(claim).toString()).toBe(claim);
    expect(dot.length).toBeLessThan(20_000);
  });

  it('escapes quoted strings and HTML-like labels', () => {
    expect(dotString('say "hi" \\ there\nnow & then')).toBe('"say \\"hi\\" \\\\ there now &amp; then"');
    expect(htmlText('<b>&"\'\\N')).toBe('&lt;b&gt;&amp;&quot;&#39;\\\\N');
    const dot = formatDot(model(HOSTILE_MAP));
    // Outside quoted strings (tooltips), the text is only ever in HTML-like labels, escaped.
    const unquoted = dot.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect(unquoted).not.toContain('<script');
    expect(dot).toContain('&lt;script&gt;');
    expect(dot).toContain('back\\\\\\\\slash'); // two backslashes in the file, each doubled in the tooltip
  });

  it('marks unsupported, assumptions and conceded counterpoints, with a legend', () => {
    const dot = formatDot(model(SMALL));
    expect(dot).toMatch(
      /"claim-bare" \[id="claim-bare", class="claim reason unsupported st-unsupported".*style="rounded,filled,dashed".*<B>unsupported<\/B>.*⚠ rests on nothing/,
    );
    expect(dot).toMatch(/"claim-cheap" \[.*class="claim rebuttal assumption st-in".*style="rounded,filled,dotted"/);
    expect(dot).toMatch(/"claim-cost" \[.*fillcolor="#e5e7eb"/);
    expect(dot).toContain('"claim-cost" -> "claim-rec" [class="attack"');
    expect(dot).toContain('"legend" [id="legend"');
  });
});

describe('status words on the drawings', () => {
  const m = model(EVERY_STATUS);
  /** The label of a claim's node, in DOT, without its markup: what the box says. */
  const dotWords = (dot: string, key: string) => {
    const line = dot.split('\n').find((l) => l.startsWith(`  "claim-${key}" [`))!;
    return /label=<(.*)>\];$/
      .exec(line)![1]!
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  };

  it('gives every claim the status word argmap evaluate gives it', () => {
    const statuses = Object.fromEntries(m.claimNodes.map((n) => [n.claim.key, n.status]));
    expect(statuses).toEqual({
      rec: 'in',
      held: 'in',
      bare: 'unsupported',
      leans: 'unsupported',
      beaten: 'defeated',
      wins: 'in',
      linked: 'undercut',
      base: 'in',
      nope: 'in',
      c: 'undecided',
      lone: 'defeated',
      beats: 'in',
      weak: 'unsupported',
      a: 'undecided',
      b: 'undecided',
    });
  });

  it('writes the word on each box under its kind, and says "unsupported" once', () => {
    const dot = formatDot(m);
    expect(dotWords(dot, 'bare')).toBe('REASON · bare unsupported ⚠ rests on nothing Rests on nothing.');
    // Support that fails, though it reaches an assumption: the word alone, no ⚠ line.
    expect(dotWords(dot, 'leans')).toBe('REASON · leans unsupported Leans on a beaten reason.');
    // Resting on nothing and beaten: two facts, two words.
    expect(dotWords(dot, 'lone')).toBe('RISK · lone defeated Rests on nothing and is beaten. ⚠ unsupported: rests on nothing');
    expect(dotWords(dot, 'linked')).toBe('REASON · linked undercut Rests on one link.');
    // An undercutting counterpoint is marked as one, apart from the status word "undercut".
    expect(dotWords(dot, 'nope')).toBe('COUNTERPOINT · nope in It does not follow. assumption ❗ unanswered undercuts a link');
    expect(dotWords(dot, 'a')).toBe('COUNTERPOINT · a undecided A. assumption ✔ conceded');
    const mermaid = formatMermaid(m);
    for (const node of m.claimNodes) {
      expect(mermaid).toMatch(
        new RegExp(`${node.id.replace(/-/g, '_')}[[(]"<small>[^\n]*</small><br/><small><span style='[^']*'><b>${node.status}</b></span>`),
      );
    }
    expect(mermaid.match(/⚠ unsupported/g)).toHaveLength(1); // only on `lone`
  });

  it('explains the status words the drawing shows in its one legend', () => {
    const texts = legendEntries(m).map((e) => e.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'in: it stands',
        'unsupported: nothing holds it up',
        'defeated: an attack on it stands',
        'undercut: each link to it is denied',
        'undecided: the map does not settle it',
        '⚠ red dashed border: rests on nothing grounded',
      ]),
    );
    // Only the words a drawing has: the small map has no undercut or undecided claim.
    const small = legendEntries(model(SMALL)).map((e) => e.key);
    expect(small.filter((k) => k.startsWith('status-'))).toEqual(['status-in', 'status-unsupported', 'status-defeated']);
    // Mermaid styles each status line of the legend on the status's colours.
    const mermaid = formatMermaid(m);
    expect(mermaid).toContain('legend_status_defeated["defeated: an attack on it stands"]');
    expect(mermaid).toMatch(/class legend_status_defeated status_defeated/);
    expect(mermaid).toContain('classDef status_defeated fill:#fee2e2,stroke:#7f1d1d,color:#7f1d1d');
  });
});

describe('svg', () => {
  it('renders the op-ed with exactly one node per claim, and hostile text as text', async () => {
    const viz = await loadViz();
    const m = model(OPED);
    const svg = renderSvg(viz, formatDot(m));
    const ids = [...svg.matchAll(/<g id="(claim-[^"]*)" class="node[^"]*">/g)].map((x) => x[1]);
    expect(ids).toHaveLength(m.claimNodes.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(m.claimNodes.length).toBe(14);
    // Fonts of the widths Graphviz measured text with, DejaVu Sans Condensed before the wider sans-serif.
    expect(svg).not.toContain('font-family="Helvetica,sans-Serif"');
    expect(svg).toContain(`font-family="Helvetica,Arial,'Liberation Sans','DejaVu Sans Condensed',sans-serif"`);
    expect((svg.match(/<g id="link-\d+" class="node link">/g) ?? []).length).toBe(1);

    const hostile = renderSvg(viz, formatDot(model(HOSTILE_MAP)));
    expect(hostile).not.toContain('<script');
    expect(hostile).toContain('&lt;script&gt;');
    expect(hostile).toContain('back\\\\slash \\N'); // backslashes kept as text, \N not read as the node name
    expect((hostile.match(/<g id="claim-[^"]*" class="node[^"]*">/g) ?? []).length).toBe(1);
  });
});

describe('drawings that scale', () => {
  const analyses = () => new Analyses(buildGraph(parseDocument(OPED)));
  const claimIds = (m: { claimNodes: Array<{ id: string }> }) => m.claimNodes.map((n) => n.id);

  it('one legend text in Mermaid, DOT and SVG', async () => {
    const m = model(OPED, { evidence: 'nodes' });
    const entries = legendEntries(m);
    expect(entries.map((e) => e.text)).toContain('assumption: dotted border');
    expect(entries.map((e) => e.key)).toEqual(expect.arrayContaining(['evidence', 'junction']));
    const mermaid = formatMermaid(m);
    const dot = formatDot(m);
    const svg = renderSvg(await loadViz(), dot);
    for (const { text } of entries) {
      expect(mermaid).toContain(mermaidText(text));
      expect(dot).toContain(htmlText(text));
      expect(svg).toContain(htmlText(text).replace(/&#39;/g, "'"));
    }
    // No legend of either language has words of its own.
    expect(mermaid).not.toMatch(/slanted|folded/);
    expect(dot).not.toMatch(/slanted|folded|shape="note"/);
  });

  it('--direction: which way the map grows from the recommendation, the same in Mermaid and DOT', () => {
    const expected = { TB: 'BT', BT: 'TB', LR: 'RL', RL: 'LR' } as const;
    for (const direction of DIRECTIONS) {
      const m = model(SMALL, { direction });
      expect(formatMermaid(m).split('\n')[0]).toBe(`flowchart ${expected[direction]}`);
      expect(formatDot(m)).toContain(`rankdir="${expected[direction]}"`);
    }
    expect(model(SMALL).direction).toBe(DEFAULT_DIRECTION);
  });

  it('--depth: the levels below the recommendation, each collapsed claim with the count of what is hidden', () => {
    const m = buildDiagram(analyses(), { depth: 1 });
    expect(claimIds(m)).toEqual([
      'claim-no-hasty-arms-decision',
      'claim-intelligence-uncertain',
      'claim-readiness-deterrence',
      'claim-interoperability',
      'claim-legal-basis',
      'claim-russian-red-line',
      'claim-threat-perception',
      'claim-south-korea-retaliation',
    ]);
    const hidden = Object.fromEntries(m.claimNodes.map((n) => [n.claim.key, n.hiddenBelow]));
    expect(hidden).toMatchObject({ 'intelligence-uncertain': 6, 'south-korea-retaliation': 1, 'legal-basis': 0 });
    expect(m.scope).toBe('1 level below the recommendation: 8 claims of 14, 6 not drawn');
    // Every edge joins two drawn nodes; the undercut and its link are below the cut.
    const ids = new Set(m.nodes.map((n) => n.id));
    for (const e of m.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    expect(m.nodes.some((n) => n.type === 'link' || n.type === 'junction')).toBe(false);
    for (const text of [formatMermaid(m), formatDot(m)]) {
      expect(text).toContain('▸ 6 more claims below');
      expect(text).toContain('▸ N more claims below: not drawn');
      expect(text).not.toContain('reevaluate');
    }
    expect(buildDiagram(analyses(), { depth: 0 }).claimNodes).toHaveLength(1);
    expect(claimIds(buildDiagram(analyses(), { depth: 99 }))).toEqual(claimIds(buildDiagram(analyses())));
  });

  it('--focus: the claim and what supports or attacks it, to a depth; claims it only refers to are not opened', () => {
    const a = analyses();
    const focus = a.graph.claims.find((c) => c.key === 'intelligence-uncertain')!;
    const m = buildDiagram(a, { focus, depth: 1 });
    // Its reasons, the counterpoint against it, and the undercut of that counterpoint's attack.
    expect(claimIds(m)).toEqual([
      'claim-intelligence-uncertain',
      'claim-reevaluate-evidence',
      'claim-purpose-unclear',
      'claim-intelligence-not-dismissible',
      'claim-scope-impact-uncertain',
    ]);
    expect(m.nodes.filter((n) => n.type === 'link')).toHaveLength(1);
    expect(m.scope).toBe('reason intelligence-uncertain and what supports or attacks it, 1 level deep: 5 claims of 14, 9 not drawn');
    const deep = buildDiagram(a, { focus, depth: 9 });
    expect(claimIds(deep)).toHaveLength(7);
    expect(deep.nodes.filter((n) => n.type === 'link' || n.type === 'junction')).toHaveLength(2);
    // The top-level counterpoint is rebutted by `ref`s to six claims: drawn, but not opened.
    const counter = a.graph.claims.find((c) => c.key === 'south-korea-retaliation')!;
    const refs = buildDiagram(a, { focus: counter, depth: 9 });
    expect(refs.claimNodes).toHaveLength(8);
    // Of the six claims below it, one (the counterpoint it answers) is drawn here.
    expect(refs.claimNodes.find((n) => n.claim.key === 'intelligence-uncertain')!.hiddenBelow).toBe(5);
  });

  it('--split: the top of the map, then one drawing per claim under the recommendation; every claim is drawn', () => {
    const drawings = splitDiagrams(analyses());
    expect(drawings).toHaveLength(8);
    expect(claimIds(drawings[0]!)).toEqual(claimIds(buildDiagram(analyses(), { depth: 1 })));
    expect(drawings.slice(1).map((d) => d.scope!.split(' ')[1])).toEqual(drawings[0]!.claimNodes.slice(1).map((n) => n.claim.key));
    const drawn = new Set(drawings.flatMap(claimIds));
    expect(drawn.size).toBe(14);
  });

  it('wraps every label at one width', () => {
    const text = formatMermaid(model(OPED));
    const lines = [...text.matchAll(/\["(.*?)"\]|\("(.*?)"\)/g)]
      .flatMap((m) => (m[1] ?? m[2]!).split('<br/>'))
      .map((l) => l.replace(/<[^>]+>/g, '').replace(/#\d+;/g, 'x'));
    const claimLines = lines.filter((l) => !l.startsWith('RECOMMENDATION') && !/^[A-Z]+ · /.test(l) && !l.includes(':'));
    expect(claimLines.length).toBeGreaterThan(100);
    for (const line of claimLines) expect(line.replace(/^▪ /, '').length).toBeLessThanOrEqual(LABEL_WIDTH);
  });
});
