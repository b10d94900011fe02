import { buildDiagram } from '../../format/diagram';
import { formatMermaid } from '../../format/mermaid';
import { formatOutline, writeOutline } from '../../format/outline';
import { treeJson } from '../../format/tree-json';
import type { CliIO } from '../io';
import { runListing, type ListingOptions } from '../run-listing';
import { jsonText } from '../../util/safe-text';

/** `argmap outline`: the argument as Markdown (one document per file, separated by a rule) or a JSON tree. */
export function runOutline(paths: string[], options: ListingOptions & { format: 'markdown' | 'json'; diagram?: boolean }, io: CliIO) {
  return runListing(paths, options, io, (files) => {
    if (options.format === 'json') {
      return jsonText({ files: files.map((f) => treeJson(f.source, f.analyses)) });
    }
    if (!options.diagram) {
      // Written as it is produced, one document after another.
      return {
        stream: (write) => {
          files.forEach((f, i) => {
            if (i > 0) write('\n---\n\n');
            writeOutline(f.analyses.graph, f.analyses, { file: f.source.path }, write);
          });
        },
      };
    }
    return files
      .map((f) => {
        const md = formatOutline(f.analyses.graph, f.analyses, { file: f.source.path });
        // --diagram: the Mermaid drawing after the title and the document line (what was analysed
        // comes first), where GitHub renders it.
        const title = md.indexOf('\n\n') + 2;
        const cut = md.startsWith('**Document:** ', title) ? md.indexOf('\n\n', title) + 2 : title;
        return `${md.slice(0, cut)}\`\`\`mermaid\n${formatMermaid(buildDiagram(f.analyses))}\`\`\`\n\n${md.slice(cut)}`;
      })
      .join('\n---\n\n');
  });
}
