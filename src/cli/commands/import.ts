import { lstatSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { resolveDiagnostics, totals } from '../../format/resolve';
import { formatCompact } from '../../format/compact';
import { displayPath } from '../../load/resolve-paths';
import { readProblem, readSourceSync } from '../../load/read';
import { pathProblemMessage } from '../../diagnostics/messages';
import { parseAif } from '../../import/aif';
import { InterchangeError } from '../../import/errors';
import { parseKialo } from '../../import/kialo';
import { place } from '../../import/place';
import { checkWritten, nestingDepth, toYaml } from '../../import/write-yaml';
import { MAX_DEPTH } from '../../load/parse';
import { schemaReference } from '../schema-reference';
import { SCHEMA_ID } from './schema';
import { writeFilesAtomic } from '../../util/atomic-write';
import { chalkFor, colorLevel } from '../../util/terminal';
import { plural } from '../../util/plural';
import { safeText } from '../../util/safe-text';
import { EXIT, type CliIO } from '../io';

export interface ImportOptions {
  from: 'aif' | 'kialo' | 'argdown';
  output?: string;
  /** Replace FILE-2.yaml, ... of a map of several parts when they exist. */
  force?: boolean;
  maxFileSize?: number;
  color?: boolean;
}

/** The files a map of several parts is written to: out.yaml, out-2.yaml, out-3.yaml... */
function partPaths(output: string, count: number): string[] {
  const m = /^(.*?)(\.ya?ml)?$/i.exec(output)!;
  return Array.from({ length: count }, (_, i) => (i === 0 ? output : `${m[1]}-${i + 1}${m[2] ?? '.yaml'}`));
}

/**
 * `argmap import FILE --from aif|kialo|argdown`: read another tool's map, place it in argmap's tree, check the
 * result with argmap's own pipeline, say on stderr what was kept, mapped and not mapped, and write
 * the YAML (atomically) or print it. Nothing is written when anything fails.
 */
export async function runImport(file: string, options: ImportOptions, io: CliIO): Promise<number> {
  const err = chalkFor(colorLevel(io.stderr, io.env, options.color));
  const fail = (message: string) => {
    // Messages may quote the untrusted file (a node id, a claim's text): made terminal-safe.
    io.stderr.write(`${err.red('argmap:')} ${safeText(message)}\n`);
    return EXIT.usage;
  };
  const absolute = resolve(io.cwd, file);
  const shown = displayPath(absolute, io.cwd);
  let read;
  try {
    read = readSourceSync(absolute, shown, options.maxFileSize);
  } catch (error) {
    const problem = readProblem(shown, error);
    if (problem.code !== 'unreadable') return fail(pathProblemMessage(problem));
    return fail(problem.detail === 'ENOENT' ? `${shown}: no such file` : `${shown}: cannot read (${problem.detail})`);
  }
  if (!read.ok) {
    // Not UTF-8, a control character, too large: check's own message, at its position.
    const d = resolveDiagnostics({ source: read.source, diagnostics: read.diagnostics })[0]!;
    return fail(`${shown}:${d.line}:${d.column}: ${d.message}`);
  }

  let graph;
  try {
    // Argdown's parser is loaded only when an Argdown file is imported.
    graph =
      options.from === 'aif'
        ? parseAif(read.source)
        : options.from === 'kialo'
          ? parseKialo(read.source)
          : await (await import('../../import/argdown')).parseArgdown(read.source);
  } catch (error) {
    if (error instanceof InterchangeError) return fail(error.message);
    throw error;
  }
  const placement = place(graph);
  // A file nested deeper than check reads would be refused by every command (and the yaml package
  // would exhaust the stack writing it): refused here, as bad input, before anything is written.
  for (const part of placement.parts) {
    const depth = nestingDepth(part.data);
    if (depth > MAX_DEPTH) {
      return fail(
        `${shown}: nested too deep to import: the YAML would nest ${depth} levels of mappings and lists (its deepest claim is ${part.levels - 1} below the recommendation "${short(part.root.text)}", ${part.root.origin}), and argmap check reads at most ${MAX_DEPTH} (${Math.floor((MAX_DEPTH - 2) / 2)} claims below the recommendation, one fewer where the deepest claim has evidence); nothing was written`,
      );
    }
  }
  const paths = options.output !== undefined ? partPaths(options.output, placement.parts.length) : [];
  if (options.output === undefined && placement.parts.length > 1) {
    return fail(
      `${shown}: the map holds ${placement.parts.length} separate arguments (roots that support or attack nothing); name a file with --output and they are written as ${partPaths('FILE.yaml', placement.parts.length).slice(0, 2).join(', ')}...`,
    );
  }
  // The further parts are files the user did not name: never replaced unasked (--force).
  const existing = paths.slice(1).filter((path) => exists(resolve(io.cwd, path)));
  if (existing.length > 0 && !options.force) {
    return fail(
      `${shown}: the map holds ${placement.parts.length} separate arguments, written as ${paths[0]} and ${paths.slice(1).join(', ')}, but ${existing.join(', ')} ${existing.length === 1 ? 'exists' : 'exist'} already; nothing was written (use --force to replace ${existing.length === 1 ? 'it' : 'them'})`,
    );
  }
  // A `document.file` (argmap's AIF extension keeps it) names a text beside the exported file, by a
  // path relative to it: kept when that path finds a file beside the imported one too, else left
  // out and said, so that the imported file does not point at a text that is not there.
  const documentFiles: string[] = [];
  for (const [i, part] of placement.parts.entries()) {
    const document = part.data.document as Record<string, string> | undefined;
    if (document?.file === undefined) continue;
    const folder = paths[i] !== undefined ? dirname(resolve(io.cwd, paths[i])) : io.cwd;
    if (exists(resolve(folder, document.file))) continue;
    const { file, ...rest } = document;
    part.data.document = rest;
    if (!documentFiles.some((line) => line.startsWith(`document.file "${file}"`)))
      documentFiles.push(
        `document.file "${file}" left out: no such file beside ${paths[i] ?? 'the working folder'} (the path is relative to the exported argument file); copy the text there and add it back to check quotes against it`,
      );
  }
  const texts: string[] = [];
  for (const [i, part] of placement.parts.entries()) {
    const target = paths[i] ?? 'stdout.yaml';
    const schema = paths[i] !== undefined ? schemaReference(resolve(io.cwd, paths[i]), io.cwd) : SCHEMA_ID;
    const checked = checkWritten(target, toYaml(part.data, schema));
    // The placement drops what argmap check would reject (a relation closing a circle of support,
    // a claim supporting itself...) and says so; an error left is a bug, and nothing is written.
    const errors = [...checked.formErrors, ...checked.argumentErrors];
    if (errors.length > 0) {
      const resolved = [{ diagnostics: resolveDiagnostics({ source: checked.source, diagnostics: errors }) }];
      io.stderr.write(formatCompact(resolved, totals(resolved), err));
      return fail(
        `internal error: the YAML written for ${shown} does not pass argmap check; nothing was written. This is a bug in argmap; please report it with the file.`,
      );
    }
    texts.push(checked.text);
  }

  // What was kept, mapped and not mapped.
  const total = graph.claims.length;
  const written = placement.parts.reduce((n, p) => n + p.claims.size, 0);
  const lines = [`${err.bold(`imported ${shown}`)} (${FORMAT_NAME[options.from]}):`];
  lines.push(
    `  kept: ${plural(total, 'claim')}, ${plural(graph.relations.length, 'relation')}, ${plural(graph.undercuts.length, 'undercut')}, ${plural(graph.sources.length, 'source')}`,
  );
  for (const m of graph.mapped) lines.push(`  mapped: ${m}`);
  placement.parts.forEach((part, i) => {
    lines.push(
      `  placed: ${paths[i] ?? 'stdout'}: recommendation "${short(part.root.text)}" (${part.root.origin}), ${plural(part.claims.size, 'claim')}`,
    );
  });
  if (placement.parts.length > 1) {
    const shared = written - total;
    lines.push(
      `  placed: ${placement.parts.length} separate arguments (other roots, disconnected parts), one file each${shared > 0 ? `; ${shared} claims shared by two parts are written in each` : ''}`,
    );
  }
  const unmapped = [...graph.unmapped, ...placement.unmapped, ...documentFiles];
  if (unmapped.length === 0) lines.push('  not mapped: nothing');
  for (const u of unmapped) lines.push(`  not mapped: ${u}`);
  io.stderr.write(`${safeText(lines.join('\n'))}\n`);

  if (options.output === undefined) {
    io.stdout.write(texts[0]!);
    return EXIT.ok;
  }
  // All parts or none: each is written to its temporary file, and renamed only once all are.
  await writeFilesAtomic(texts.map((text, i) => ({ path: resolve(io.cwd, paths[i]!), content: text })));
  return EXIT.ok;
}

/** Whether anything, even a dangling link, is at `path`. */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

const FORMAT_NAME = { aif: 'AIF', kialo: 'Kialo', argdown: 'Argdown' } as const;

function short(text: string): string {
  const line = text.split('\n')[0]!;
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
