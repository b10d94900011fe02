import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { Analyses } from '../../src/analyses/index';
import { formatHtmlReport } from '../../src/format/html-report';
import { buildGraph } from '../../src/model/build';
import { contrast } from '../helpers/contrast';
import { EVERY_STATUS } from './helpers';

describe('the HTML report: status colours', () => {
  const graph = buildGraph(parseDocument(EVERY_STATUS));
  const html = formatHtmlReport([{ path: 'm.yaml', analyses: new Analyses(graph), drawings: { none: 'not drawn here' } }]);
  const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;

  it('gives every status word its colour, and its word beside the colour (never colour alone)', () => {
    for (const status of ['in', 'unsupported', 'defeated', 'undercut', 'undecided']) expect(css).toContain(`.st-${status}{`);
    const shown = [...html.matchAll(/<span class="status st-([a-z]+)"[^>]*>([a-z ]+)<\/span>/g)];
    expect(shown.length).toBeGreaterThan(4);
    for (const [, status, word] of shown) expect([status, 'stands']).toContain(word);
  });

  it('meets WCAG AA (4.5:1) for every text colour on its background', () => {
    const pairs: Array<{ rule: string; ratio: number }> = [];
    for (const [, selector, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      const color = /(?:^|;)color:(#[0-9a-f]{6})/.exec(body!)?.[1];
      const background = /(?:^|;)background:(#[0-9a-f]{6})/.exec(body!)?.[1];
      if (color && background) pairs.push({ rule: selector!.trim(), ratio: contrast(color, background) });
      // The kind badges: white text on each kind's colour.
      const kind = /--c:(#[0-9a-f]{6})/.exec(body!)?.[1];
      if (kind) pairs.push({ rule: `${selector!.trim()} .kind`, ratio: contrast('#ffffff', kind) });
    }
    const statuses = pairs.filter((p) => p.rule.startsWith('.st-'));
    expect(statuses.map((p) => p.rule).sort()).toEqual(['.st-defeated', '.st-in', '.st-undecided', '.st-undercut', '.st-unsupported']);
    for (const p of pairs) expect(p.ratio, `${p.rule}: ${p.ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
    // The numbers, for the record: each status word is well above AA.
    expect(Math.min(...statuses.map((p) => p.ratio))).toBeGreaterThan(7);
  });

  it('marks each claim with its status word and the recommendation with the verdict', () => {
    expect(html).toMatch(/data-status="unsupported"[^>]*>.*?<code>bare<\/code>/);
    expect(html).toMatch(/data-status="defeated"[^>]*>.*?<code>beaten<\/code>/);
    expect(html).toContain('<strong>Verdict:</strong> the recommendation <span class="status st-in">stands</span>');
    expect(html).toContain(`${graph.claims.length} claims: `);
  });
});

describe('the HTML report: text a reviewer reads', () => {
  it('shows bidirectional overrides and C1 controls as visible code points, never as characters that reorder the page', () => {
    const map = `argmap: 1
title: "Pay \\u202eyap"
document:
  note: "Said \\u2066twice\\u2069 and \\u0085 once."
recommendation:
  id: rec
  text: "Approve the \\u202dbudget."
  reasons:
    - id: r1
      text: Because.
      assumption: true
`;
    const html = formatHtmlReport([
      { path: 'm.yaml', analyses: new Analyses(buildGraph(parseDocument(map))), drawings: { none: 'not drawn here' } },
    ]);
    expect(html).not.toMatch(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(html).toContain('<h2 id="f1-title">Pay \\u{202e}yap</h2>');
    expect(html).toContain('Said \\u{2066}twice\\u{2069} and \\u{85} once.');
    expect(html).toContain('Approve the \\u{202d}budget.');
  });
});
