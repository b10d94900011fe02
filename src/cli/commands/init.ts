import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ARGUMENT_TEMPLATE } from '../../templates/argument';
import { WriteError, writeFileAtomic } from '../../util/atomic-write';
import { EXIT, type CliIO } from '../io';
import { schemaReference } from '../schema-reference';

export const DEFAULT_INIT_FILE = 'arguments/argument.yaml';

/** `argmap init [file]`: a new argument file from the commented template; never overwrites unasked. */
export async function runInit(file: string | undefined, options: { force?: boolean }, io: CliIO): Promise<number> {
  const shown = file ?? DEFAULT_INIT_FILE;
  const target = resolve(io.cwd, shown);
  if (existsSync(target)) {
    if (statSync(target).isDirectory()) {
      io.stderr.write(`argmap: ${shown} is a folder: name the file to write\n`);
      return EXIT.usage;
    }
    if (!options.force) {
      io.stderr.write(`argmap: ${shown} already exists; not overwriting it (use --force to replace it)\n`);
      return EXIT.usage;
    }
  }
  await mkdir(dirname(target), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
    throw new WriteError(dirname(target), error.code ?? String(error));
  });
  await writeFileAtomic(target, ARGUMENT_TEMPLATE.replace('{{schema}}', schemaReference(target, io.cwd)));
  io.stdout.write(`wrote ${shown}: edit it, then run argmap check ${shown}\n`);
  return EXIT.ok;
}
