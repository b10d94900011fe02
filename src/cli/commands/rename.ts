import { resolve } from 'node:path';
import { applyEdits, IdIndex, renameRefusal, type EditFile } from '../../edit/references';
import { ID_PATTERN, ID_REF_PATTERN } from '../../model/ids';
import { checkFile } from '../../pipeline/check-file';
import type { CheckedFile } from '../../pipeline/check-source';
import { writeFilesAtomic } from '../../util/atomic-write';
import { plural } from '../../util/plural';
import { inertLines, safeLine, safeText } from '../../util/safe-text';
import { chalkFor, colorLevel } from '../../util/terminal';
import { unifiedDiff } from '../../util/unified-diff';
import { EXIT, type CliIO } from '../io';
import { runPipeline, type InputOptions } from '../run-pipeline';

export interface RenameOptions extends InputOptions {
  dryRun?: boolean;
}

/** A file read for the rename: where it is, how it is shown, and its checked report. */
interface Loaded {
  absolute: string;
  display: string;
  report: CheckedFile;
}

/**
 * `argmap rename OLD NEW [paths...]`: renames a claim or source id at its definition and at every
 * reference to it (`source`, `ref`, `targets`, qualified `file#id`), in the files named and the
 * files they use; every other character of each file stays as it was. All files are written
 * atomically, all or none; `--dry-run` prints the diff and writes nothing.
 */
export async function runRename(
  oldId: string,
  newId: string,
  paths: readonly string[],
  options: RenameOptions,
  io: CliIO,
): Promise<number> {
  const err = chalkFor(colorLevel(io.stderr, io.env, options.color));
  const fail = (message: string, code: number) => {
    io.stderr.write(`${err.red('argmap:')} ${safeLine(message)}\n`);
    return code;
  };
  if (!ID_REF_PATTERN.test(oldId)) {
    return fail(
      `\`${oldId}\` is not an id: ids are kebab-case (lowercase letters and digits joined by hyphens), optionally qualified as file#id`,
      EXIT.usage,
    );
  }
  const loaded = new Map<string, Loaded>();
  // How the refusals show a file: as the user named it, at line:column of the text read.
  const fileOf = (absolute: string) => {
    const file = loaded.get(absolute);
    return { display: file?.display ?? absolute, text: file?.report.source.text ?? '' };
  };
  if (!ID_PATTERN.test(newId)) return fail(renameRefusal(oldId, newId, { ok: false, problem: 'invalid-id' }, fileOf), EXIT.usage);
  const run = await runPipeline(paths, options, io, { blockingOnly: true });
  if (run.usageError) return EXIT.usage;

  for (const report of run.reports) {
    const absolute = report.graph?.file?.absolute ?? resolve(io.cwd, report.source.path);
    loaded.set(absolute, { absolute, display: report.source.path, report });
  }
  // The files they use (transitively: each graph holds its whole closure), checked too, so that
  // their own references are found.
  for (const { report } of [...loaded.values()]) {
    for (const used of report.graph?.files ?? []) {
      if (loaded.has(used.absolute)) continue;
      const outcome = checkFile(
        { absolute: used.absolute, display: used.path },
        {
          severities: run.config.severities,
          blockingOnly: true,
          root: io.cwd,
          ...(options.maxFileSize !== undefined ? { maxFileSize: options.maxFileSize } : {}),
        },
      );
      if ('report' in outcome) loaded.set(used.absolute, { absolute: used.absolute, display: used.path, report: outcome.report });
    }
  }
  const broken = [...loaded.values()].filter((l) => l.report.graph === undefined);
  if (broken.length > 0) {
    const names = broken.map((l) => l.display).join(', ');
    return fail(
      `cannot rename: ${names} ${broken.length === 1 ? 'is' : 'are'} not readable as YAML (see "argmap check"); nothing was changed`,
      EXIT.problems,
    );
  }

  const files: EditFile[] = [...loaded.values()].map((l) => ({ absolute: l.absolute, text: l.report.source.text, graph: l.report.graph! }));
  const index = new IdIndex(files);
  const symbols = index.named(oldId);
  if (symbols.length === 0) {
    return fail(
      `no claim or source has the id \`${oldId}\` in the ${plural(files.length, 'file')} read; nothing was changed`,
      EXIT.problems,
    );
  }
  const result = index.rename(symbols, newId);
  // 'invalid-id' was refused above; here the new id is taken, or named by a broken reference.
  if (!result.ok) return fail(renameRefusal(oldId, newId, result, fileOf), EXIT.problems);

  const changes: Array<{ absolute: string; display: string; before: string; after: string; count: number; bom: boolean }> = [];
  for (const l of loaded.values()) {
    const edits = result.edits.get(l.absolute);
    if (!edits || edits.length === 0) continue;
    const before = l.report.source.text;
    const bom = l.report.source.bom;
    changes.push({ absolute: l.absolute, display: l.display, before, after: applyEdits(before, edits), count: edits.length, bom });
  }
  const total = changes.reduce((n, c) => n + c.count, 0);
  if (options.dryRun) {
    // The diff is for patch and for reading: its characters are kept in a file or a pipe, shown
    // safely on a terminal, and never form a line a CI runner obeys.
    const toTerminal = io.stdout.isTTY === true;
    for (const c of changes) {
      const diff = unifiedDiff(c.display, c.before, c.after);
      io.stdout.write(inertLines(toTerminal ? safeText(diff) : diff));
    }
    io.stderr.write(
      `dry run: would rename \`${safeLine(oldId)}\` to \`${newId}\`: ${plural(total, 'change')} in ${plural(changes.length, 'file')}; nothing written\n`,
    );
    return EXIT.ok;
  }
  // Every byte but the id's stays, the byte-order mark the decoded text left out too.
  await writeFilesAtomic(changes.map((c) => ({ path: c.absolute, content: c.bom ? `\uFEFF${c.after}` : c.after })));
  for (const c of changes) io.stdout.write(`${safeLine(c.display)}: ${plural(c.count, 'change')}\n`);
  io.stdout.write(`renamed \`${safeLine(oldId)}\` to \`${newId}\`: ${plural(total, 'change')} in ${plural(changes.length, 'file')}\n`);
  return EXIT.ok;
}
