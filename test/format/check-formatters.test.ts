import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { CHECK_FORMATS } from '../../src/format/check-format-names';
import { checkFormatter } from '../../src/format/check-formatters';
import { totals } from '../../src/format/resolve';

describe('the check formatters, looked up by name', () => {
  const results = [{ file: 'a.yaml', diagnostics: [] }];
  const context = {
    totals: totals(results),
    chalk: () => new Chalk({ level: 0 }),
    version: '0.0.0',
    repositoryPath: (file: string) => file,
    absolutePath: (file: string) => `/repo/${file}`,
  };

  for (const name of CHECK_FORMATS) {
    it(`${name}: a formatter of that name that writes a report`, () => {
      const formatter = checkFormatter(name);
      expect(formatter.name).toBe(name);
      expect(typeof formatter.format(results, context)).toBe('string');
    });
  }
});
