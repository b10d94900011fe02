import type { Viz } from '@viz-js/viz';
import type { Analyses } from '../analyses/index';
import type { Claim } from '../model/types';
import { buildDiagram, openedBelow, splitFocuses, type Diagram } from './diagram';
import { DIRECTIONS, DEFAULT_DIRECTION, type Direction } from './diagram-direction';
import { formatDot } from './dot';
import { renderSvg } from './svg';

/**
 * The drawings of one map for the HTML report, each legible at the report's width: the whole map
 * when it fits, otherwise its top (`--depth 1`) and one drawing per claim under the recommendation,
 * and so on down, a part that is still too large being drawn as its own top and parts. Fitting is
 * measured on the drawing Graphviz lays out, not guessed: its width and height in points.
 */

/**
 * The widest drawing the report shows legibly. The report's map is at most 1,110 CSS px wide (a
 * 1280 px window); the smallest type of a drawing is 10 pt (13.3 px), so a drawing up to 1,233 pt
 * wide is scaled down to no less than 9 px text.
 */
const FIT_WIDTH = 1233;
/**
 * The tallest drawing shown whole, about five screens (the map scrolls inside its frame): a taller
 * one reads better as its top and its parts. 4,000 pt until every claim's box carried its status
 * line (about 17 pt more a box): the 60-claim test map went from 3,763 to 4,165 pt.
 */
const FIT_HEIGHT = 4500;
/**
 * Past this many claims the whole map is not tried: it cannot fit (the 200-claim test map is
 * 15,013 pt tall, left to right), and laying it out would cost the most of all the drawings.
 */
const WHOLE_MAX_CLAIMS = 300;

export interface FittedDrawing {
  diagram: Diagram;
  /** The SVG from `renderSvg`. */
  svg: string;
}

/** A drawing's size in points, from the SVG's `width` and `height`. */
function size(svg: string): { width: number; height: number } {
  const m = /<svg width="([\d.]+)pt" height="([\d.]+)pt"/.exec(svg);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : { width: Infinity, height: Infinity };
}

const fits = (svg: string) => {
  const s = size(svg);
  return s.width <= FIT_WIDTH && s.height <= FIT_HEIGHT;
};

/**
 * Draws one file's map for the report. `linkPrefix` links each box to the outline. Throws what
 * `renderSvg` throws (TooLargeToDraw past MAX_DRAWN_BOXES).
 */
export function fitDrawings(viz: Viz, analyses: Analyses, linkPrefix: string): FittedDrawing[] {
  const draw = (make: (direction: Direction) => Diagram): FittedDrawing => {
    // The default direction first; the other of the two readable ones when it does not fit.
    let first: FittedDrawing | undefined;
    for (const direction of [DEFAULT_DIRECTION, ...DIRECTIONS.filter((d) => d !== DEFAULT_DIRECTION && (d === 'TB' || d === 'LR'))]) {
      const diagram = make(direction);
      const svg = renderSvg(viz, formatDot(diagram, { linkPrefix }), diagram.nodes.length);
      const drawn = { diagram, svg };
      if (fits(svg)) return drawn;
      first ??= drawn;
    }
    return first!;
  };

  const claims = analyses.graph.claims.length;
  if (claims <= WHOLE_MAX_CLAIMS) {
    const whole = draw((direction) => buildDiagram(analyses, { direction }));
    if (fits(whole.svg) || claims <= 1) return [whole];
  }

  // A claim and what is below it: whole if it fits, else its top and each claim under it in turn.
  const part = (focus: Claim, depth: number): FittedDrawing[] => {
    const all = draw((direction) => buildDiagram(analyses, { direction, focus }));
    const opened = openedBelow(focus).filter((c) => c !== focus);
    if (fits(all.svg) || opened.length === 0 || depth > 20) return [all];
    const top = draw((direction) => buildDiagram(analyses, { direction, focus, depth: 1 }));
    return [top, ...opened.flatMap((c) => part(c, depth + 1))];
  };
  const overview = draw((direction) => buildDiagram(analyses, { direction, depth: 1 }));
  return [overview, ...splitFocuses(analyses).flatMap((c) => part(c, 0))];
}
