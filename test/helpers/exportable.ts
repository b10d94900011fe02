import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode } from '../../src/load/read';
import { checkSource, type CheckedFile } from '../../src/pipeline/check-source';
import { BLOCKING_RULES } from '../../src/rules/index';
import { ROOT } from './cli';
import { FIXTURES, fixtureFiles } from './fixtures';

/**
 * Every file `argmap export` exports (no blocking error): the fixtures that pass check and the
 * bundled maps under arguments/, read as the CLI reads them, each with its check report.
 */
export function exportableFiles(): Array<{ name: string; report: Required<Pick<CheckedFile, 'graph' | 'analyses'>> & CheckedFile }> {
  const files = [
    ...fixtureFiles('').map((f) => join(FIXTURES, f)),
    ...readdirSync(join(ROOT, 'arguments'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => join(ROOT, 'arguments', f)),
  ];
  return files.flatMap((path) => {
    const decoded = decode(path, new Uint8Array(readFileSync(path)));
    if (!decoded.ok) return [];
    const report = checkSource(decoded.source);
    if (!report.graph || !report.analyses || report.diagnostics.some((d) => BLOCKING_RULES.has(d.rule))) return [];
    return [{ name: path.slice(ROOT.length), report: report as Required<Pick<CheckedFile, 'graph' | 'analyses'>> & CheckedFile }];
  });
}
