import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { Analyses } from '../../src/analyses/index';
import { dotString, formatDot, htmlText, TOOLTIP_MAX } from '../../src/format/dot';
import { buildDiagram, wrap, type DiagramOptions } from '../../src/format/diagram';
import { formatMermaid, mermaidText } from '../../src/format/mermaid';
import { loadViz, renderSvg } from '../../src/format/svg';
import { buildGraph } from '../../src/model/build';
import { ROOT } from '../helpers/cli';

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
    expect(text.startsWith('flowchart BT\n')).toBe(true);
    expect(text.match(/^ {2}claim_\w+[[(]/gm)).toHaveLength(6);
    expect(text).toContain('claim_used --> claim_rec');
    expect(text).toContain('claim_cost --x claim_rec');
    expect(text).toMatch(/claim_bare\[".*⚠ unsupported/);
    expect(text).toMatch(/class [\w,]*claim_bare[\w,]* unsupported/);
    expect(text).toContain('claim_cheap[/"'); // an assumption
    expect(text).toContain('City council, 2024-01-02');
    const undercut = formatMermaid(model(UNDERCUT));
    expect(undercut).toContain('claim_cheap --- link_0');
    expect(undercut).toContain('link_0 --> claim_rec');
    expect(undercut).toContain('claim_irrelevant -.-x link_0');
  });

  it('keeps hostile text inside its label: no directive, click handler, HTML or broken string', () => {
    const text = formatMermaid(model(HOSTILE_MAP));
    for (const line of text.split('\n')) {
      if (line === '') continue;
      // Every line is a node with one quoted label, an edge, a class line or the legend's frame.
      expect(line).toMatch(
        /^(flowchart BT|\s+\w+(\["[^"]*"\]|\("[^"]*"\)|\[\/"[^"]*"\/\]|\(\("[^"]*"\)\))|\s+\w+ (-->|--x|---|-\.-|-\.->|-\.-x) \w+|\s+(classDef|class|linkStyle) .*|\s+subgraph legend\["Legend"\]|\s+direction LR|\s+end)$/,
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
    expect(dot).toMatch(/"claim-bare" \[id="claim-bare", class="claim reason unsupported".*style="rounded,filled,dashed".*⚠ unsupported/);
    expect(dot).toMatch(/"claim-cheap" \[.*shape="note"/);
    expect(dot).toMatch(/"claim-cost" \[.*fillcolor="#e5e7eb"/);
    expect(dot).toContain('"claim-cost" -> "claim-rec" [class="attack"');
    expect(dot).toContain('"legend" [id="legend"');
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
    expect((svg.match(/<g id="link-\d+" class="node link">/g) ?? []).length).toBe(1);

    const hostile = renderSvg(viz, formatDot(model(HOSTILE_MAP)));
    expect(hostile).not.toContain('<script');
    expect(hostile).toContain('&lt;script&gt;');
    expect(hostile).toContain('back\\\\slash \\N'); // backslashes kept as text, \N not read as the node name
    expect((hostile.match(/<g id="claim-[^"]*" class="node[^"]*">/g) ?? []).length).toBe(1);
  });
});
