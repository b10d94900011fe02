import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sortDiagnostics, type FileReport } from '../diagnostics/report';
import type { Boundary } from '../load/boundary';
import { readSourceSync } from '../load/read';
import { parse } from '../load/parse';
import type { RuleSeverity } from '../rules/rule';
import validateConfig from '../validate/generated/config-schema.js';
import { schemaDiagnostics } from '../validate/schema-errors';

const CONFIG_NAMES = ['argmap.config.yaml', 'argmap.config.yml'] as const;

export interface Config {
  /** The file it came from; undefined when no config file was found. */
  path?: string;
  severities: Record<string, RuleSeverity>;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; report: FileReport };

/** Whether a file name is one a config file has (`argmap.config.yaml`, `argmap.config.yml`). */
export function isConfigName(name: string): boolean {
  return (CONFIG_NAMES as readonly string[]).includes(name);
}

/** The nearest config file in `cwd` or a folder above it. */
export function findConfig(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Reads and validates a config file against its own schema. Problems come back as a report with
 * positions, like an argument file's; I/O errors are thrown for the caller.
 */
export function loadConfig(path: string, displayPath: string, within?: Boundary): ConfigResult {
  const read = readSourceSync(path, displayPath, undefined, within);
  if (!read.ok) return { ok: false, report: { source: read.source, diagnostics: read.diagnostics } };
  const parsed = parse(read.source);
  // Only a config that could not be read is invalid; a warning (say, a comment glued to a word) is not.
  if (parsed.data === undefined) return { ok: false, report: { source: read.source, diagnostics: parsed.diagnostics } };
  // An empty config file (or one of comments only) is a valid config that changes nothing.
  const data = parsed.data ?? {};
  if (!validateConfig(data)) {
    return {
      ok: false,
      report: {
        source: read.source,
        diagnostics: sortDiagnostics(schemaDiagnostics(validateConfig.errors ?? [], parsed.doc, data)),
      },
    };
  }
  const rules = (data as { rules?: Record<string, RuleSeverity> }).rules ?? {};
  return { ok: true, config: { path, severities: { ...rules } } };
}
