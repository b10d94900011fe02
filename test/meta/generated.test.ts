import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedConfigSchema, generatedRulesDoc, rulesTable } from '../../scripts/rule-docs';
import { ROOT } from '../helpers/cli';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const FIX = 'out of date with the rule registry (src/rules): run `npm run build` and commit the result';

describe('files generated from the rule registry', () => {
  it('the config schema lists every configurable rule as the registry describes it', () => {
    const text = read('schemas/argmap-config.schema.json');
    expect(text, `schemas/argmap-config.schema.json is ${FIX}`).toBe(generatedConfigSchema(text));
  });

  it('the rules table of docs/rules.md is the registry', () => {
    const text = read('docs/rules.md');
    expect(text, `docs/rules.md is ${FIX}`).toBe(generatedRulesDoc(text));
  });

  it('a rule changed in the registry shows as drift', () => {
    const stale = read('docs/rules.md').replace('| [self-attack](#self-attack) | error |', '| [self-attack](#self-attack) | warn |');
    expect(generatedRulesDoc(stale)).not.toBe(stale);
    expect(rulesTable()).toContain('| [self-attack](#self-attack) | error | yes | A claim attacks itself. |');
  });
});
