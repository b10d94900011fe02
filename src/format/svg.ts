import type { Viz } from '@viz-js/viz';

/**
 * SVG, laid out and drawn in-process by Graphviz compiled to WebAssembly (`@viz-js/viz`): no system
 * Graphviz to install, the same bytes on every machine, and nothing spawned. The module (about 1 MB,
 * WebAssembly inlined) is imported only when an SVG is asked for, so other commands never load it.
 */

let loading: Promise<Viz> | undefined;

/**
 * The fonts the SVG asks for. Graphviz measures text with Helvetica's widths; Arial and Liberation
 * Sans have the same, and where neither is installed (a Linux with DejaVu only) DejaVu Sans
 * Condensed comes close, where DejaVu Sans, the usual `sans-serif`, is wider and ran past the boxes.
 */
const FONT_FAMILY = "Helvetica,Arial,'Liberation Sans','DejaVu Sans Condensed',sans-serif";

/** The Graphviz instance, loaded once. */
export function loadViz(): Promise<Viz> {
  loading ??= import('@viz-js/viz').then((m) => m.instance());
  return loading;
}

/**
 * The most boxes (claims, and evidence drawn as boxes) argmap lays out as SVG. Graphviz compiled to
 * WebAssembly recurses as it lays out, and runs out of stack ("Maximum call stack size exceeded")
 * on a map of 14,000 reasons under one recommendation; 11,000 did not fail, but took minutes.
 * 5,000 keeps a margin of almost three times the smallest failing map (see docs/graphs.md).
 */
export const MAX_DRAWN_BOXES = 5000;

/** A drawing refused as too large: `boxes` were asked for, `MAX_DRAWN_BOXES` is the most. */
export class TooLargeToDraw extends Error {
  constructor(readonly boxes: number) {
    super(
      `the map has ${boxes.toLocaleString('en-US')} boxes, and argmap draws at most ${MAX_DRAWN_BOXES.toLocaleString('en-US')} as SVG (Graphviz runs out of stack on larger maps)`,
    );
  }
}

/**
 * Renders DOT to a standalone SVG document with an instance from `loadViz()`. Throws on invalid DOT;
 * throws `TooLargeToDraw` for more than MAX_DRAWN_BOXES boxes (`boxes`), or when Graphviz runs out of
 * stack all the same.
 */
export function renderSvg(viz: Viz, dot: string, boxes = 0): string {
  if (boxes > MAX_DRAWN_BOXES) throw new TooLargeToDraw(boxes);
  let svg: string;
  try {
    svg = viz.renderString(dot, { format: 'svg', engine: 'dot' });
  } catch (error) {
    if (error instanceof RangeError) throw new TooLargeToDraw(boxes);
    throw error;
  }
  // Graphviz writes `-` in ids and classes as `&#45;`: the same, but unreadable to a text search (and a CSS selector).
  // Graphviz writes the C1 controls and bidirectional overrides the DOT gave as entities as raw
  // characters: written back as character references, they draw the same and stay inert on a terminal.
  return svg
    .replace(/[\u0080-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/ (?:id|class)="[^"]*"/g, (attr) => attr.replace(/&#45;/g, '-'))
    .replace(/ font-family="Helvetica,sans-Serif"/g, ` font-family="${FONT_FAMILY}"`);
}

/**
 * The same SVG for inlining into HTML: no XML declaration, doctype or namespace URLs (HTML's parser
 * puts `<svg>` in the SVG namespace itself), and scaled to the width of its container. `idPrefix`
 * goes before every id, so that several drawings of one map keep their ids unique in the page.
 */
export function inlineSvg(svg: string, idPrefix = ''): string {
  const start = svg.indexOf('<svg');
  let out = start >= 0 ? svg.slice(start) : svg;
  if (idPrefix !== '') out = out.replace(/ id="/g, ` id="${idPrefix}`);
  out = out.replace(/\s+xmlns(:xlink)?="[^"]*"/g, '');
  // The natural width goes to CSS (`--w`): the page scales the map down to fit, never up.
  out = out.replace(/<svg width="([\d.]+)pt" height="([\d.]+)pt"/, (_m, w: string) => `<svg class="map" style="--w:${w}pt" role="img"`);
  return out;
}
