import { version } from '../../../package.json';
import { formatDot } from '../../format/dot';
import { buildDiagram } from '../../format/diagram';
import { anchorPrefix, formatHtmlReport } from '../../format/html-report';
import { inlineSvg, loadViz, renderSvg } from '../../format/svg';
import type { CliIO } from '../io';
import { runListing, type ListingOptions } from '../run-listing';

/** Where the report goes when no --output is given. */
export const DEFAULT_REPORT = 'report.html';

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
        svg: inlineSvg(renderSvg(viz, formatDot(buildDiagram(f.analyses), { linkPrefix: anchorPrefix(n) }))),
      })),
      { version },
    ),
  );
}
