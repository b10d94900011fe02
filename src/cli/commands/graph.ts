import { formatDot } from '../../format/dot';
import { buildDiagram, splitDiagrams, type Diagram, type DiagramOptions, type EvidenceMode } from '../../format/diagram';
import type { Direction } from '../../format/diagram-direction';
import { findClaim } from '../../format/evaluation';
import { formatMermaid } from '../../format/mermaid';
import { loadViz, renderSvg, TooLargeToDraw } from '../../format/svg';
import type { ListedFile } from '../../format/claim-lists';
import { suggest } from '../../util/suggest';
import { safeLine, safeText } from '../../util/safe-text';
import { chalkFor, colorLevel } from '../../util/terminal';
import { EXIT, UsageError, type CliIO } from '../io';
import { runListing, type ListingOptions } from '../run-listing';

export interface GraphOptions extends ListingOptions {
  format: 'mermaid' | 'dot' | 'svg';
  evidence?: EvidenceMode;
  direction?: Direction;
  depth?: number;
  /** The id (or path) of the claim to draw with what supports or attacks it. */
  focus?: string;
  /** One drawing for the top of the map and one for each claim under the recommendation, each to its own file. */
  split?: boolean;
}

/** Levels drawn below the claim `--focus` names when `--depth` is not given. */
const FOCUS_DEPTH = 2;

/** The files `--split -o FILE` writes: FILE, then FILE-2.ext, FILE-3.ext... */
function drawingPaths(output: string, count: number): string[] {
  const m = /^(.*?)(\.[A-Za-z0-9]+)?$/.exec(output)!;
  return Array.from({ length: count }, (_, i) => (i === 0 ? output : `${m[1]}-${i + 1}${m[2] ?? ''}`));
}

/**
 * `argmap graph`: the argument of one file as Mermaid, DOT, or SVG drawn in-process by Graphviz
 * compiled to WebAssembly (loaded only for `--format svg`); the whole map, the top `--depth` levels,
 * one claim with what is below it (`--focus`), or one drawing per reason (`--split`).
 */
export async function runGraph(paths: string[], options: GraphOptions, io: CliIO): Promise<number> {
  const refuse = (message: string) => {
    io.stderr.write(`${chalkFor(colorLevel(io.stderr, io.env, options.color)).red('argmap:')} ${message}\n`);
    return EXIT.usage;
  };
  if (options.split && options.output === undefined) {
    return refuse('--split writes one file per drawing: name the first with --output FILE (the others are FILE-2, FILE-3, ...)');
  }
  if (options.split && options.focus !== undefined) return refuse('--split and --focus cannot be used together');
  const viz = options.format === 'svg' ? await loadViz() : undefined;
  return runListing(
    paths,
    options,
    io,
    (files) => {
      const [file] = files;
      if (!file) return '';
      const diagramOptions: DiagramOptions = { evidence: options.evidence ?? 'inline' };
      if (options.direction !== undefined) diagramOptions.direction = options.direction;
      if (options.depth !== undefined) diagramOptions.depth = options.depth;
      if (options.focus !== undefined) {
        diagramOptions.focus = focusClaim(file, options.focus);
        diagramOptions.depth ??= FOCUS_DEPTH;
      }
      const draw = (model: Diagram) => {
        if (options.format === 'mermaid') return formatMermaid(model);
        const dot = formatDot(model);
        if (!viz) return dot;
        try {
          return renderSvg(viz, dot, model.nodes.length);
        } catch (error) {
          // Exit 2, nothing written: the file is fine, the drawing is past what argmap can lay out.
          if (!(error instanceof TooLargeToDraw)) throw error;
          throw new UsageError(
            `${file.source.path}: ${error.message}; use --format dot or mermaid, --depth, --focus or --split${options.evidence === 'nodes' ? ', or --evidence inline' : ''}`,
          );
        }
      };
      if (!options.split) return draw(buildDiagram(file.analyses, diagramOptions));
      const drawings = splitDiagrams(file.analyses, diagramOptions).map(draw);
      const names = drawingPaths(options.output!, drawings.length);
      return { files: drawings.map((text, i) => ({ path: names[i]!, text })) };
    },
    { oneFile: 'graph draws one file at a time (argmap report puts several on one page)' },
  );
}

/** The claim `--focus` names, by id or path; a usage error naming the closest id when there is none. */
function focusClaim(file: ListedFile, id: string) {
  const claims = file.analyses.graph.claims;
  const claim = findClaim(claims, id);
  if (claim) return claim;
  const near = suggest(
    id,
    claims.map((c) => c.key),
  );
  throw new UsageError(
    `--focus: no claim with id \`${safeText(id)}\` in ${safeLine(file.source.path)}${near !== undefined ? `; did you mean \`${safeText(near)}\`?` : ''}`,
  );
}
