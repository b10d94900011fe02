import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDiagnostics } from '../../src/format/resolve';
import type { ResolvedFile } from '../../src/load/resolve-paths';
import { checkFiles } from '../../src/pipeline/check-files';
import { FIXTURES, expectations, readFixture } from '../helpers/fixtures';

/** The files of one workspace fixture (a folder under test/fixtures/uses), as `check DIR` finds them. */
function workspace(name: string): ResolvedFile[] {
  const dir = join(FIXTURES, 'uses', name);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ absolute: join(dir, f), display: f }));
}

/** Each file's diagnostics as `line:column rule code`, with the expectations its comments state. */
async function run(name: string, only?: string) {
  const files = workspace(name).filter((f) => only === undefined || f.display === only);
  const result = await checkFiles(files, { root: join(FIXTURES, 'uses', name), workers: 0 });
  expect(result.problems).toEqual([]);
  return result.reports.map((report) => {
    const text = readFixture(join('uses', name, report.source.path));
    const actual = resolveDiagnostics(report)
      .map((d) => `${d.line}:${d.column} ${d.rule} ${d.code}`)
      .sort();
    const expected = expectations(text)
      .map((e) => `${e.line}:${e.column} ${e.rule}`)
      .sort();
    return { file: report.source.path, actual, expected, messages: resolveDiagnostics(report).map((d) => d.message) };
  });
}

describe('files that use files: each workspace fixture checked as a folder', () => {
  const cases = readdirSync(join(FIXTURES, 'uses')).sort();
  it('has the workspace fixtures the issue asks for', () => {
    expect(cases).toEqual(
      expect.arrayContaining([
        'ambiguous-id',
        'counterpoint-across',
        'missing-used',
        'qualified-id',
        'renamed-source',
        'unused-across',
        'uses-cycle',
      ]),
    );
  });
  for (const name of cases) {
    it(name, async () => {
      for (const file of await run(name)) {
        // Codes are pinned where the fixture states one.
        const stated = expectations(readFixture(join('uses', name, file.file)));
        const shown = file.actual.map((a) => {
          const [at, rule] = a.split(' ');
          return stated.some((e) => `${e.line}:${e.column}` === at && e.rule === rule && e.code) ? a : `${at} ${rule}`;
        });
        const wanted = stated.map((e) => `${e.line}:${e.column} ${e.rule}${e.code ? ` ${e.code}` : ''}`).sort();
        expect({ file: file.file, diagnostics: shown.sort() }).toEqual({ file: file.file, diagnostics: wanted });
        for (const message of file.messages) expect(message).not.toMatch(/undefined|\[object Object\]|NaN/);
      }
    });
  }
});
