import { dirname, isAbsolute, relative, sep } from 'node:path';
import { SCHEMA_ID, schemaPath } from './commands/schema';

/**
 * The modeline's `$schema`: the package's schema file relative to the new file when the package
 * lies inside the project (a local install, or argmap's own checkout), else the schema's `$id`.
 */
export function schemaReference(file: string, cwd: string): string {
  const path = schemaPath();
  if (path !== undefined) {
    const inside = (p: string) => {
      const rel = relative(cwd, p);
      return !rel.startsWith('..') && !isAbsolute(rel);
    };
    if (inside(path) && inside(file)) {
      const rel = relative(dirname(file), path);
      return sep === '\\' ? rel.replace(/\\/g, '/') : rel;
    }
  }
  return SCHEMA_ID;
}
