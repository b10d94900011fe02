import { formatOutline } from '../../format/outline';
import { treeJson } from '../../format/tree-json';
import type { CliIO } from '../io';
import { runListing, type ListingOptions } from '../listing';

/** `argmap outline`: the argument as Markdown (one document per file, separated by a rule) or a JSON tree. */
export function runOutline(paths: string[], options: ListingOptions & { format: 'markdown' | 'json' }, io: CliIO) {
  return runListing(paths, options, io, (files) => {
    if (options.format === 'json') {
      return `${JSON.stringify({ files: files.map((f) => treeJson(f.source, f.analyses)) }, null, 2)}\n`;
    }
    return files.map((f) => formatOutline(f.analyses.graph, f.analyses, { file: f.source.path })).join('\n---\n\n');
  });
}
