import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { Analyses } from '../../src/analyses/index';
import { buildDiagram } from '../../src/format/diagram';
import { formatDot } from '../../src/format/dot';
import { formatMermaid } from '../../src/format/mermaid';
import { STATUS_COLORS } from '../../src/format/status-colors';
import { buildGraph } from '../../src/model/build';
import { ROOT } from '../helpers/cli';
import { contrast, hexOf } from '../helpers/contrast';
import { EVERY_STATUS } from './helpers';

const OPED = readFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), 'utf8');

const diagram = (yaml: string, evidence: 'inline' | 'nodes') => buildDiagram(new Analyses(buildGraph(parseDocument(yaml))), { evidence });

interface Pair {
  where: string;
  text: string;
  background: string;
}

/**
 * Every text colour of a DOT drawing and what it is drawn on: a badge's word on the badge, any
 * other text on its box's fill (black when no colour is given), the legend's on white.
 */
function dotPairs(dot: string): Pair[] {
  const pairs: Pair[] = [];
  for (const line of dot.split('\n')) {
    const node = /^ {2}"([^"]+)" \[/.exec(line)?.[1];
    const label = /label=<(.*)>\];$/.exec(line)?.[1];
    if (node === undefined || label === undefined) continue;
    const fill = /fillcolor="(#[0-9a-f]{6})"/.exec(line)?.[1] ?? /BGCOLOR="(#[0-9a-f]{6})"/.exec(label)?.[1] ?? '#ffffff';
    const badges = /<TABLE [^>]*BGCOLOR="(#[0-9a-f]{6})"[^>]*>(.*?)<\/TABLE>/g;
    for (const [, background, inner] of node === 'legend' ? [] : label.matchAll(badges)) {
      for (const [, color] of inner!.matchAll(/<FONT [^>]*COLOR="(#[0-9a-f]{6})"/g)) {
        pairs.push({ where: `${node} badge`, text: color!, background: background! });
      }
    }
    const rest = node === 'legend' ? label : label.replace(badges, '');
    for (const [, color] of rest.matchAll(/<FONT [^>]*COLOR="(#[0-9a-f]{6})"/g))
      pairs.push({ where: node, text: color!, background: fill });
    pairs.push({ where: `${node} (black text)`, text: '#000000', background: fill });
  }
  return pairs;
}

describe('status colours and every text colour of a drawing meet WCAG AA', () => {
  it('each status word on its colour: 4.5:1 and more', () => {
    const ratios = Object.entries(STATUS_COLORS).map(([status, c]) => ({ status, ratio: contrast(c.text, c.background) }));
    for (const { status, ratio } of ratios) expect(ratio, `${status}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
    // For the record: the lowest is undecided's, 8.07:1.
    expect(Math.min(...ratios.map((r) => r.ratio))).toBeGreaterThan(8);
  });

  it('in DOT (and so SVG and the report): every text on what it is drawn on', () => {
    for (const yaml of [EVERY_STATUS, OPED]) {
      for (const evidence of ['inline', 'nodes'] as const) {
        const pairs = dotPairs(formatDot(diagram(yaml, evidence)));
        // Each status word was found on its badge, so the check covers them.
        const badges = new Set(pairs.filter((p) => p.where.endsWith('badge')).map((p) => p.background));
        if (yaml === EVERY_STATUS) expect(badges).toEqual(new Set(Object.values(STATUS_COLORS).map((c) => c.background)));
        for (const p of pairs) {
          const ratio = contrast(p.text, p.background);
          expect(ratio, `${p.where}: ${p.text} on ${p.background}, ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it('in Mermaid: the badge, the warning on every box colour, and the styled classes', () => {
    const text = formatMermaid(diagram(EVERY_STATUS, 'inline'));
    const badges = [...text.matchAll(/<span style='color:(rgb\([\d,]+\));background:(rgb\([\d,]+\))/g)];
    expect(new Set(badges.map((b) => b[2]))).toHaveProperty('size', 5);
    for (const [, color, background] of badges) expect(contrast(hexOf(color!), hexOf(background!))).toBeGreaterThanOrEqual(4.5);
    const classes = [...text.matchAll(/classDef (\w+) fill:(#[0-9a-f]{6})(?:,stroke:#[0-9a-f]{6})?(?:,color:(#[0-9a-f]{6}))?/g)];
    const warnings = [...text.matchAll(/<b style='color:(rgb\([\d,]+\))'>/g)].map((m) => hexOf(m[1]!));
    expect(warnings.length).toBeGreaterThan(0);
    for (const [, name, fill, color] of classes) {
      if (name === 'link') continue; // the dot on an undercut link: its label is the dot, no text
      for (const fg of [color ?? '#000000', ...warnings]) {
        const ratio = contrast(fg, fill!);
        expect(ratio, `${name}: ${fg} on ${fill}, ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
