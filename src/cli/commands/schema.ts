import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import schema from '../../../schemas/argmap.schema.json';
import { EXIT, type CliIO } from '../io';

export const SCHEMA_ID: string = schema.$id;
const SCHEMA_FILE = join('schemas', 'argmap.schema.json');

/**
 * The schema file of the running argmap: found by walking up from this module (dist/, dist/chunks/
 * or src/cli/commands/) to the package folder that holds `schemas/argmap.schema.json`.
 */
export function schemaPath(from: string = fileURLToPath(import.meta.url)): string | undefined {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, SCHEMA_FILE)) && existsSync(join(dir, 'package.json'))) return join(dir, SCHEMA_FILE);
    if (dirname(dir) === dir) return undefined;
  }
}

/** `argmap schema`: the schema's `$id` and its path in the package; `--print`: the schema itself. */
export function runSchema(options: { print?: boolean }, io: CliIO): number {
  if (options.print) {
    io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
    return EXIT.ok;
  }
  const path = schemaPath();
  io.stdout.write(`${SCHEMA_ID}\n`);
  if (path === undefined) {
    io.stderr.write('argmap: the schema file is missing from this installation; use --print\n');
    return EXIT.usage;
  }
  io.stdout.write(`${path}\n`);
  return EXIT.ok;
}
