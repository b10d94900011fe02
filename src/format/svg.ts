import type { Viz } from '@viz-js/viz';

/**
 * SVG, laid out and drawn in-process by Graphviz compiled to WebAssembly (`@viz-js/viz`): no system
 * Graphviz to install, the same bytes on every machine, and nothing spawned. The module (about 1 MB,
 * WebAssembly inlined) is imported only when an SVG is asked for, so other commands never load it.
 */

let loading: Promise<Viz> | undefined;

/** The Graphviz instance, loaded once. */
export function loadViz(): Promise<Viz> {
  loading ??= import('@viz-js/viz').then((m) => m.instance());
  return loading;
}

/** Renders DOT to a standalone SVG document with an instance from `loadViz()`. Throws on invalid DOT. */
export function renderSvg(viz: Viz, dot: string): string {
  const svg = viz.renderString(dot, { format: 'svg', engine: 'dot' });
  // Graphviz writes `-` in ids as `&#45;`: the same id, but unreadable to a text search.
  return svg.replace(/ id="[^"]*"/g, (attr) => attr.replace(/&#45;/g, '-'));
}

/**
 * The same SVG for inlining into HTML: no XML declaration, doctype or namespace URLs (HTML's parser
 * puts `<svg>` in the SVG namespace itself), and scaled to the width of its container.
 */
export function inlineSvg(svg: string): string {
  const start = svg.indexOf('<svg');
  let out = start >= 0 ? svg.slice(start) : svg;
  out = out.replace(/\s+xmlns(:xlink)?="[^"]*"/g, '');
  // The natural width goes to CSS (`--w`): the page scales the map down to fit, never up.
  out = out.replace(/<svg width="([\d.]+)pt" height="([\d.]+)pt"/, (_m, w: string) => `<svg class="map" style="--w:${w}pt" role="img"`);
  return out;
}
