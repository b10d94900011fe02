import { IdIndex, type EditFile } from '../edit/references';
import { resolvePaths } from '../load/resolve-paths';
import { outcomeOf, readOne, type RunOptions } from '../pipeline/check-file';
import type { Checked } from './checker';

/** An id index, and the text of every file it knows (what its offsets count in). */
export interface IndexedFiles {
  index: IdIndex;
  texts: Map<string, string>;
}

function indexed(files: EditFile[]): IndexedFiles {
  const texts = new Map<string, string>();
  for (const file of files) {
    texts.set(file.absolute, file.text);
    // The files a graph was built with, as it read them (open buffers first, then the disk).
    for (const used of file.graph.files ?? []) if (!texts.has(used.absolute)) texts.set(used.absolute, used.source.text);
  }
  return { index: new IdIndex(files), texts };
}

/** An open buffer's check as the edit layer takes it (when it parsed). */
function editFile(checked: Checked): EditFile | undefined {
  const { graph, source } = checked.result;
  return graph ? { absolute: checked.absolute, text: source.text, graph } : undefined;
}

/** The id index of the open buffers alone: enough to say which id is under the cursor. */
export function openIndex(open: readonly Checked[]): IndexedFiles {
  return indexed(open.flatMap((checked) => editFile(checked) ?? []));
}

/**
 * The id index for finding every place an id is written: the open buffers (as they are), and the
 * argument files of the workspace folder on disk that mention `id`, found and read as
 * `argmap check FOLDER` finds and reads them (no hidden folders, no node_modules, no link out of the
 * folder, no system file), each checked so that its references resolve as check resolves them.
 */
export async function workspaceIndex(id: string, root: string, open: readonly Checked[], options: RunOptions): Promise<IndexedFiles> {
  const files = open.flatMap((checked) => editFile(checked) ?? []);
  const seen = new Set(open.map((checked) => checked.absolute));
  const { files: found } = await resolvePaths([root], root);
  for (const file of found) {
    if (seen.has(file.absolute)) continue;
    const read = readOne(file, options);
    // Only a file that mentions the id can name it: the others are not checked.
    if ('error' in read || !read.ok || !read.source.text.includes(id)) continue;
    const outcome = outcomeOf(file, read, { ...options, root });
    const graph = 'report' in outcome ? outcome.report.graph : undefined;
    if (graph && 'report' in outcome) files.push({ absolute: file.absolute, text: outcome.report.source.text, graph });
  }
  return indexed(files);
}
