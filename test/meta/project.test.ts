import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules, ruleIds, stageRules } from '../../src/rules/index';
import { ROOT } from '../helpers/cli';
import { expectations, fixtureFiles, readFixture } from '../helpers/fixtures';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('every rule is documented and has fixtures', () => {
  const docs = read('docs/rules.md');
  const fixtures = fixtureFiles('.').map((f) => ({ path: f, expected: expectations(readFixture(f)) }));

  for (const id of ruleIds) {
    it(`${id}: a docs section and a row in the table`, () => {
      expect(docs).toContain(`\n## ${id}\n`);
      expect(docs).toContain(`| [${id}](#${id}) |`);
    });
  }

  for (const rule of rules) {
    it(`${rule.id}: the documented default severity, and a fixture for every code it reports`, () => {
      expect(docs).toMatch(new RegExp(`\\| \\[${rule.id}\\]\\(#${rule.id}\\) \\| ${rule.severity} \\|`));
      for (const code of rule.codes) {
        const hit = fixtures.some((f) => f.expected.some((e) => e.rule === rule.id && e.code === code));
        expect(hit, `no fixture pins ${rule.id} ${code}`).toBe(true);
      }
    });
  }

  it('rule ids are unique kebab-case', () => {
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const id of ruleIds) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(stageRules.map((r) => r.id)).toEqual(['yaml-syntax', 'schema', 'truncated-text', 'used-file', 'document-file', 'directive']);
  });
});

describe('schemas', () => {
  const schema = JSON.parse(read('schemas/argmap.schema.json'));
  const config = JSON.parse(read('schemas/argmap-config.schema.json'));

  it('the config schema lists exactly the configurable rules', () => {
    expect(Object.keys(config.properties.rules.properties).sort()).toEqual(ruleIds.filter((id) => id !== 'yaml-syntax').sort());
  });

  it('every property of the argument schema has a title and a description (editors show them on hover)', () => {
    const resolve = (node: Record<string, unknown>): Record<string, unknown> => {
      const ref = node.$ref as string | undefined;
      if (!ref) return node;
      const target = schema.$defs[ref.replace('#/$defs/', '')];
      return { ...resolve(target), ...node };
    };
    let count = 0;
    const visit = (node: Record<string, unknown>, path: string) => {
      const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [name, property] of Object.entries(properties ?? {})) {
        const resolved = resolve(property);
        count++;
        expect(resolved.title, `${path}.${name} has no title`).toEqual(expect.any(String));
        expect(resolved.description, `${path}.${name} has no description`).toEqual(expect.any(String));
      }
    };
    visit(schema, 'root');
    for (const [name, def] of Object.entries(schema.$defs as Record<string, Record<string, unknown>>)) visit(def, name);
    expect(count).toBeGreaterThan(40);
    expect(schema.$id).toMatch(/^https:\/\//);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('the bundled argument file starts with the schema modeline', () => {
    expect(read('arguments/south-korea-arms-to-ukraine.yaml').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schemas/argmap.schema.json',
    );
  });
});
