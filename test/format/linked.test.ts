import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { Analyses } from '../../src/analyses/index';
import { counterpointsJson, counterpointsText, unsupportedText } from '../../src/format/claim-lists';
import { buildDiagram } from '../../src/format/diagram';
import { formatDot } from '../../src/format/dot';
import { formatMermaid } from '../../src/format/mermaid';
import { becauseText } from '../../src/view/evaluation';
import { formatOutline } from '../../src/format/outline';
import { treeJson } from '../../src/format/tree-json';
import { SourceFile } from '../../src/load/source-file';
import { buildGraph } from '../../src/model/build';
import { chalkFor } from '../../src/util/terminal';
import { ROOT } from '../helpers/cli';

/** A linked reason whose second premise rests on nothing, undercut as a whole; a linked objection. */
const MAP = `argmap: 1
title: Should the fair move indoors?
sources:
  - id: forecast
    speaker: Weather service
recommendation:
  text: The fair should move indoors.
  reasons:
    - together:
        - id: rain
          text: Heavy rain is forecast.
          evidence:
            - text: The forecast gives 40 mm.
              source: forecast
        - id: floods
          text: The fairground floods in rain.
      note: Neither alone moves the fair.
      counterpoints:
        - id: marquee
          text: A marquee would keep the fair dry.
          undercut: true
          assumption: true
  counterpoints:
    - together:
        - id: only-hall
          text: The hall is the only space big enough.
          assumption: true
        - ref: rain
`;

function analysed(text = MAP) {
  const source = new SourceFile('fair.yaml', text);
  const graph = buildGraph(parseDocument(text));
  return { source, analyses: new Analyses(graph) };
}

describe('every view shows a linked group as one argument', () => {
  it('outline: one numbered item, "Together:", premises lettered, the premise lacking support named', () => {
    const { analyses } = analysed();
    const md = formatOutline(analyses.graph, analyses, { file: 'fair.yaml' });
    const reasons = md.slice(md.indexOf('## Reasons'), md.indexOf('## Risks'));
    expect(reasons).toContain('1. **Together:** *(these support the recommendation only jointly)*');
    expect(reasons).toContain('   - **(a)** Heavy rain is forecast. (`rain`)');
    expect(reasons).toContain('   - **(b)** The fairground floods in rain. (`floods`)');
    expect(reasons).toContain('*Note:* Neither alone moves the fair.');
    expect(reasons).toContain('⚠️ **does not hold**: needs all of its premises; reason 1(b) (`floods`) lacks support');
    expect(reasons).not.toMatch(/^2\./m);
    const counterpoints = md.slice(md.indexOf('## Counterpoints'), md.indexOf('## Sources'));
    expect(counterpoints).toContain('*that reason 1(a) (`rain`) and reason 1(b) (`floods`) together support the recommendation*');
    expect(counterpoints).toContain('**Together:** *(these attack the recommendation only jointly)*');
    expect(counterpoints).toContain('**(b)** see reason 1(a) (`rain`)');
  });

  it('JSON tree: a `linked` item with its premises, `supported`, `lacking` and its undercuts', () => {
    const { source, analyses } = analysed();
    const tree = treeJson(source, analyses) as unknown as {
      recommendation: { reasons: Array<Record<string, unknown>>; counterpoints: Array<Record<string, unknown>> };
    };
    const [group] = tree.recommendation.reasons;
    expect(group).toMatchObject({
      linked: true,
      note: 'Neither alone moves the fair.',
      supported: false,
      lacking: ['floods'],
      line: 9,
      column: 7,
    });
    expect((group!.premises as Array<{ id: string }>).map((p) => p.id)).toEqual(['rain', 'floods']);
    expect((group!.counterpoints as Array<{ id: string; undercut: boolean }>)[0]).toMatchObject({ id: 'marquee', undercut: true });
    const [objection] = tree.recommendation.counterpoints;
    expect(objection).toMatchObject({ linked: true, premises: [{ id: 'only-hall' }, { ref: 'rain', line: 28, column: 16 }] });
    expect(tree.recommendation.reasons).toHaveLength(1);
  });

  it('drawings: a junction node each premise points into, one edge on to the target, the undercut onto the junction', () => {
    const { analyses } = analysed();
    const diagram = buildDiagram(analyses);
    const junctions = diagram.nodes.filter((n) => n.type === 'junction');
    expect(junctions.map((n) => n.id)).toEqual(['junction-0', 'junction-1']);
    const into = diagram.edges.filter((e) => e.to === 'junction-0');
    expect(into.map((e) => [e.from, e.kind])).toEqual([
      ['claim-rain', 'support'],
      ['claim-floods', 'support'],
      ['claim-marquee', 'undercut'],
    ]);
    expect(diagram.edges.filter((e) => e.from === 'junction-0')).toEqual([
      { from: 'junction-0', to: 'claim-recommendation', kind: 'support', cross: false, part: 'head' },
    ]);
    const mermaid = formatMermaid(diagram);
    expect(mermaid).toContain('junction_0(["<small>together</small>"])');
    expect(mermaid).toContain('claim_rain --- junction_0');
    expect(mermaid).toContain('junction_1 --o claim_recommendation');
    expect(formatDot(diagram)).toContain('"junction-0" [id="junction-0", class="junction"');
  });

  it('drawings of a map without groups are unchanged: no junction, no legend line for one', () => {
    const { analyses } = analysed('argmap: 1\ntitle: T\nrecommendation:\n  text: R.\n  assumption: true\n');
    const diagram = buildDiagram(analyses);
    expect(formatMermaid(diagram)).not.toContain('together');
    expect(formatDot(diagram)).not.toContain('together');
  });

  it('counterpoints: a premise of a linked objection attacks together with the others; an undercut names the group', () => {
    const { source, analyses } = analysed();
    const text = counterpointsText([{ source, analyses }], chalkFor(0));
    expect(text).toContain('attacks the link: that `rain` and `floods` together support the recommendation');
    expect(text).toContain('attacks the recommendation, together with `rain`');
    const json = JSON.parse(counterpointsJson([{ source, analyses }])) as {
      files: Array<{ counterpoints: Array<{ id: string; attacks: unknown[] }> }>;
    };
    const onlyHall = json.files[0]!.counterpoints.find((c) => c.id === 'only-hall')!;
    expect(onlyHall.attacks[0]).toMatchObject({ type: 'claim', together: ['rain'] });
  });

  it('unsupported: says what the group needs and which premise rests on nothing', () => {
    const { source, analyses } = analysed();
    expect(unsupportedText([{ source, analyses }], chalkFor(0))).toContain(
      'the recommendation: needs all of `rain`, `floods`; `floods` rests on nothing',
    );
  });
});

describe('the HTML report', () => {
  it('nests the premises of a group under one TOGETHER item, a top-level linked objection too', async () => {
    const { formatHtmlReport } = await import('../../src/format/html-report');
    const text = `${MAP}counterpoints:\n  - together:\n      - id: top-a\n        text: A top-level premise.\n        assumption: true\n      - id: top-b\n        text: Another.\n        assumption: true\n`;
    const { analyses } = analysed(text);
    const html = formatHtmlReport([{ path: 'fair.yaml', analyses, drawings: [] }]);
    expect(html.match(/<span class="kind">TOGETHER<\/span>/g)).toHaveLength(3);
    expect(html).toContain('These support');
    expect(html).toMatch(/needs all of its premises: <a [^>]*>reason 1\(b\) <code>floods<\/code><\/a> lacks support/);
  });
});

describe('every view shows a linked undercut (`undercut: true` on a group) as one undercut', () => {
  const file = readFileSync(join(ROOT, 'test', 'fixtures', 'valid', 'linked-undercuts.yaml'), 'utf8');

  it('outline: one item that undercuts the link, its premises lettered; one under a linked objection is its rebuttal', () => {
    const { analyses } = analysed(file);
    const md = formatOutline(analyses.graph, analyses, { file: 'lu.yaml' });
    expect(md).toContain(
      '1. **Together:** *(these undercut the link that reason 1 (`shops-gain`) supports the recommendation (`close-main-street`) only jointly)*',
    );
    expect(md).toContain('Undercut by counterpoint 2(a) (`oak-works`) and counterpoint 1(a) (`trial-in-december`) together');
    expect(md).toContain(
      '   - **Rebuttal 4.1** **Together:** *(these undercut the link that counterpoint 4(a) (`market-day`) and counterpoint 4(b) (`square-traffic`) together attack the recommendation (`close-main-street`) only jointly)*',
    );
    // Not also at the recommendation's level.
    const rec = md.slice(md.indexOf('## Recommendation'), md.indexOf('## Reasons'));
    // (Its evaluation names the undercut as the reason the objection fails; nothing else does.)
    const written = rec.split('\n').filter((line) => !line.includes('*Evaluation:*'));
    expect(written.join('\n')).not.toContain('market-moves');
  });

  it('evaluate: an undercut by a linked undercut names every premise; it fails when one premise is out', () => {
    const { analyses } = analysed(file);
    const rec = analyses.graph.recommendation!;
    expect(becauseText(analyses.evaluation.claims[rec.index]!.because)).toContain(
      'its counterpoint `deliveries` is undercut by rebuttals `back-lanes` and `lanes-open` together, which are all in',
    );
    expect(analyses.evaluation.claims[rec.index]!.label).toBe('in');
    // `lanes-open` rests on nothing: out, so the linked undercut fails and the attack it denied holds.
    const text = file.replace(
      'text: The back lanes stay open on Saturdays.\n              assumption: true\n',
      'text: The back lanes stay open on Saturdays.\n',
    );
    expect(text).not.toBe(file);
    const weaker = analysed(text).analyses;
    const lanes = weaker.graph.claims.find((c) => c.id === 'lanes-open')!;
    expect(weaker.evaluation.claims[lanes.index]!.label).toBe('out');
    expect(weaker.evaluation.claims[weaker.graph.recommendation!.index]!.label).toBe('out');
  });

  it('tree JSON marks the group `undercut: true` and nests a linked undercut of a group in its answers', () => {
    const { source, analyses } = analysed(file);
    const tree = treeJson(source, analyses) as unknown as { recommendation: { reasons: Array<Record<string, unknown>> } };
    const [shops, buses] = tree.recommendation.reasons;
    const cut = (shops!.counterpoints as Array<Record<string, unknown>>)[0]!;
    expect([cut.linked, cut.undercut, (cut.premises as unknown[]).length, (cut.rebuttals as unknown[]).length]).toEqual([true, true, 2, 1]);
    const answer = (buses!.counterpoints as Array<Record<string, unknown>>)[0]!;
    expect([answer.linked, answer.undercut]).toEqual([true, true]);
    expect((answer.premises as Array<{ ref?: string }>)[1]!.ref).toBe('trial-in-december');
  });

  it('counterpoints: each premise undercuts the link together with the others', () => {
    const { source, analyses } = analysed(file);
    const text = counterpointsText([{ source, analyses }], chalkFor(0));
    expect(text).toContain('attacks the link: that `shops-gain` supports `close-main-street`, together with `december-sales-high`');
  });
});
