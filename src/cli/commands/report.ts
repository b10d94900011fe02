import { version } from '../../../package.json';
import { fitDrawings } from '../../format/fit-drawings';
import { anchorPrefix, formatHtmlReport } from '../../format/html-report';
import { inlineSvg, loadViz, TooLargeToDraw } from '../../format/svg';
import type { CliIO } from '../io';
import { runListing, type ListingOptions } from '../run-listing';

/** Where the report goes when no --output is given. */
const DEFAULT_REPORT = 'report.html';

/**
 * `argmap report`: one self-contained HTML page for all the files given (a section each), written
 * atomically to --output (default report.html). The maps are drawn in-process (see `format/svg.ts`).
 */
export async function runReport(paths: string[], options: ListingOptions, io: CliIO): Promise<number> {
  const viz = await loadViz();
  const output = options.output !== undefined ? { output: options.output } : { output: DEFAULT_REPORT, outputIsDefault: true };
  return runListing(paths, { ...options, ...output }, io, (files) =>
    formatHtmlReport(
      files.map((f, n) => ({
        path: f.source.path,
        analyses: f.analyses,
        // Several drawings of one map keep their ids apart: the first keeps `claim-<key>`, then `d2-`, `d3-`...
        drawings: drawing(() =>
          fitDrawings(viz, f.analyses, anchorPrefix(n)).map((d, i) => {
            const svg = inlineSvg(d.svg, i === 0 ? '' : `d${i + 1}-`);
            return d.diagram.scope !== undefined ? { svg, scope: d.diagram.scope } : { svg };
          }),
        ),
      })),
      { version },
    ),
  );
}

/** The drawing, or for a map too large to draw the note the page shows in its place. */
function drawing<T>(draw: () => T): T | { none: string } {
  try {
    return draw();
  } catch (error) {
    if (error instanceof TooLargeToDraw) return { none: `${error.message}; \`argmap graph --format dot\` writes it for other tools` };
    throw error;
  }
}
