import { formatDot } from '../../format/dot';
import { buildDiagram, type EvidenceMode } from '../../format/diagram';
import { formatMermaid } from '../../format/mermaid';
import { loadViz, renderSvg, TooLargeToDraw } from '../../format/svg';
import { UsageError, type CliIO } from '../io';
import { runListing, type ListingOptions } from '../run-listing';

export interface GraphOptions extends ListingOptions {
  format: 'mermaid' | 'dot' | 'svg';
  evidence?: EvidenceMode;
}

/**
 * `argmap graph`: the argument of one file as Mermaid, DOT, or SVG drawn in-process by Graphviz
 * compiled to WebAssembly (loaded only for `--format svg`).
 */
export async function runGraph(paths: string[], options: GraphOptions, io: CliIO): Promise<number> {
  const viz = options.format === 'svg' ? await loadViz() : undefined;
  return runListing(
    paths,
    options,
    io,
    (files) => {
      const [file] = files;
      if (!file) return '';
      const model = buildDiagram(file.analyses, { evidence: options.evidence ?? 'inline' });
      if (options.format === 'mermaid') return formatMermaid(model);
      const dot = formatDot(model);
      if (!viz) return dot;
      try {
        return renderSvg(viz, dot, model.nodes.length);
      } catch (error) {
        // Exit 2, nothing written: the file is fine, the drawing is past what argmap can lay out.
        if (!(error instanceof TooLargeToDraw)) throw error;
        throw new UsageError(
          `${file.source.path}: ${error.message}; use --format dot or mermaid${options.evidence === 'nodes' ? ', or --evidence inline' : ''}`,
        );
      }
    },
    { oneFile: 'graph draws one file at a time (argmap report puts several on one page)' },
  );
}
