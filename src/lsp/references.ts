import { basename } from 'node:path';
import { IdIndex, type EditFile } from '../edit/references';
import { resolvePaths } from '../load/resolve-paths';
import { outcomeOf, readOne, type RunOptions } from '../pipeline/check-file';
import type { ResolvedFile } from '../load/resolve-paths';
import type { ReadResult } from '../load/read';
import type { Workspace } from '../pipeline/workspace';
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

/** A file of the workspace folder as a search last checked it: its text, its graph, and what it used. */
interface Known {
  text: string;
  file: EditFile | undefined;
  /** The files it uses (through `uses`, at any depth): each with the file naming it and its text then. */
  used: Used[];
}

interface Used {
  path: string;
  from: string;
  text: string | undefined;
}

/** Every file `absolute` uses, at any depth, as the workspace that checked it resolved them, with its text. */
function usedBy(workspace: Workspace, absolute: string): Used[] {
  const out = new Map<string, Used>();
  const stack = [absolute];
  while (stack.length > 0) {
    const from = stack.pop()!;
    for (const entry of workspace.unit(from)?.uses ?? []) {
      if (out.has(entry.absolute) || entry.absolute === absolute) continue;
      out.set(entry.absolute, { path: entry.absolute, from, text: workspace.textOf(entry.absolute, from) });
      stack.push(entry.absolute);
    }
  }
  return [...out.values()];
}

/**
 * The files of a workspace folder on disk, each kept as the last search checked it, and checked
 * again only when its text or the text of a file it uses is no longer the same: a search still
 * reads every file (to compare), but parses and checks only those that changed. Kept by content,
 * not by change events, so it is right whether or not the editor reports changes on disk.
 */
export class FolderIndex {
  /** By search folder, then by absolute path. */
  readonly #folders = new Map<string, Map<string, Known>>();

  /**
   * The id index for finding every place an id is written: the open buffers (as they are), and the
   * argument files of the folder `root` on disk that mention one of `ids`, found and read as
   * `argmap check FOLDER` finds and reads them (no hidden folders, no node_modules, no link out of
   * the folder, no system file), each checked so that its references resolve as check resolves
   * them. The files used are read through `options.workspace` (open buffers first, then the disk).
   * For a rename, `ids` holds the new id too: a file that names only the new id (a reference that
   * would then name the renamed one, or a file that also sees a definition of it) refuses it.
   */
  async search(
    ids: readonly string[],
    root: string,
    open: readonly Checked[],
    options: RunOptions & { workspace: Workspace },
  ): Promise<IndexedFiles> {
    const files = open.flatMap((checked) => editFile(checked) ?? []);
    const seen = new Set(open.map((checked) => checked.absolute));
    const { files: found } = await resolvePaths([root], root);
    let known = this.#folders.get(root);
    if (!known) this.#folders.set(root, (known = new Map<string, Known>()));
    const present = new Set(found.map((f) => f.absolute));
    for (const path of known.keys()) if (!present.has(path)) known.delete(path);
    const take = (file: ResolvedFile, read: ReadResult): void => {
      const last = known.get(file.absolute);
      if (last && last.text === read.source.text && last.used.every((u) => options.workspace.textOf(u.path, u.from) === u.text)) {
        if (last.file) files.push(last.file);
        return;
      }
      const outcome = outcomeOf(file, read, { ...options, root });
      const graph = 'report' in outcome ? outcome.report.graph : undefined;
      const checked = graph && 'report' in outcome ? { absolute: file.absolute, text: outcome.report.source.text, graph } : undefined;
      if (checked) files.push(checked);
      known.set(file.absolute, { text: read.source.text, file: checked, used: usedBy(options.workspace, file.absolute) });
    };
    const rest: Array<{ file: ResolvedFile; read: ReadResult }> = [];
    for (const file of found) {
      if (seen.has(file.absolute)) continue;
      const read = readOne(file, options);
      if ('error' in read || !read.ok) continue;
      // Only a file that mentions an id can name it: the others are checked only if they may use one that does.
      if (ids.some((id) => read.source.text.includes(id))) take(file, read);
      else rest.push({ file, read });
    }
    // A file that names no id but uses a file that does sees its definitions: a rename to an id it
    // also sees from another file is refused for it, as `argmap rename` refuses it. Such a file names
    // the used file in its `uses`, so only the files whose text holds one of those names are checked.
    const names = [...new Set(files.map((f) => basename(f.absolute)))];
    for (const { file, read } of rest) if (names.some((name) => read.source.text.includes(name))) take(file, read);
    return indexed(files);
  }
}
