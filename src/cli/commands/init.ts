import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ARGUMENT_TEMPLATE } from '../../templates/argument';
import { WriteError, writeFileAtomic } from '../../util/atomic-write';
import { EXIT, type CliIO } from '../io';
import { schemaReference } from '../schema-reference';

const DEFAULT_INIT_FILE = 'arguments/argument.yaml';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `argmap init [file]`: a new argument file from the commented template; never overwrites unasked.
 * Without --force the file is created exclusively: of several runs at once, exactly one writes it
 * and the others say it exists (a check before writing would let each of them replace the other's).
 */
export async function runInit(file: string | undefined, options: { force?: boolean }, io: CliIO): Promise<number> {
  const shown = file ?? DEFAULT_INIT_FILE;
  const target = resolve(io.cwd, shown);
  const folder = () => {
    io.stderr.write(`argmap: ${shown} is a folder: name the file to write\n`);
    return EXIT.usage;
  };
  if (isFolder(target)) return folder();
  await mkdir(dirname(target), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new WriteError(dirname(target), error.code ?? String(error));
  });
  try {
    await writeFileAtomic(target, ARGUMENT_TEMPLATE.replace('{{schema}}', schemaReference(target, io.cwd)), { exclusive: !options.force });
  } catch (error) {
    if (!(error instanceof WriteError) || error.code !== 'EEXIST' || options.force) throw error;
    if (isFolder(target)) return folder();
    io.stderr.write(`argmap: ${shown} already exists; not overwriting it (use --force to replace it)\n`);
    return EXIT.usage;
  }
  io.stdout.write(`wrote ${shown}: edit it, then run argmap check ${shown}\n`);
  return EXIT.ok;
}
