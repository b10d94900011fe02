import { pathToFileURL } from 'node:url';
import type { ChalkInstance } from 'chalk';
import type { CheckFormat } from './check-format-names';
import { formatCompact } from './compact';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatJunit } from './junit';
import type { Totals } from './resolve';
import { formatSarif } from './sarif';
import { formatStylish, type FileResult } from './stylish';

/** What a report of `argmap check` may need besides the results. */
export interface CheckFormatContext {
  /** The totals of the results shown. */
  totals: Totals;
  /** Colours for the report (none when it goes to a file or a pipe); asked only by formats that colour. */
  chalk(): ChalkInstance;
  /** argmap's version. */
  version: string;
  /** A file's path relative to the repository root (POSIX separators), or undefined outside it. */
  repositoryPath(file: string): string | undefined;
  /** A file's absolute path. */
  absolutePath(file: string): string;
}

export interface CheckFormatter {
  name: CheckFormat;
  format(results: readonly FileResult[], context: CheckFormatContext): string;
}

const formatters: { [F in CheckFormat]: CheckFormatter & { name: F } } = {
  stylish: { name: 'stylish', format: (results, c) => formatStylish(results, c.totals, c.chalk()) },
  compact: { name: 'compact', format: (results, c) => formatCompact(results, c.totals, c.chalk()) },
  json: { name: 'json', format: (results, c) => formatJson(results, c.totals) },
  sarif: {
    name: 'sarif',
    format: (results, c) =>
      formatSarif(results, {
        version: c.version,
        location: (file) => {
          const relative = c.repositoryPath(file);
          return relative !== undefined ? { relative } : { absoluteUri: pathToFileURL(c.absolutePath(file)).href };
        },
      }),
  },
  github: {
    name: 'github',
    format: (results, c) => formatGithub(results, c.totals, (file) => c.repositoryPath(file) ?? c.absolutePath(file)),
  },
  junit: { name: 'junit', format: (results) => formatJunit(results) },
};

/** The formatter of a `--format` value. */
export function checkFormatter(name: CheckFormat): CheckFormatter {
  return formatters[name];
}
