// What the rule registry (src/rules/index.ts) generates: the `rules` section of the config schema
// and the rules table of docs/rules.md. scripts/build.mjs writes them (and, under CI=true, fails
// when the committed files differ); test/meta/generated.test.ts fails when they drift.
import { allRules } from '../src/rules/index';

/** The markers around the generated table in docs/rules.md. */
export const TABLE_START = '<!-- rules table: generated from src/rules by `npm run build`; edit the rules, not this table -->';
export const TABLE_END = '<!-- end of the generated rules table -->';

/** The config schema's `properties.rules.properties`: one entry per configurable rule, in registry order. */
export function configRuleProperties(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of allRules) {
    if (!rule.configurable) continue;
    const byDefault = rule.severity === 'error' ? '' : ` (default: ${rule.severity})`;
    const description = rule.description.replace(/\.$/, '');
    properties[rule.id] = {
      $ref: '#/$defs/severity',
      title: rule.id,
      description: `${description}${byDefault}. See docs/rules.md#${rule.id}.`,
    };
  }
  return properties;
}

/** The rules table of docs/rules.md, markers included. */
export function rulesTable(): string {
  const rows = allRules.map(
    (r) => `| [${r.id}](#${r.id}) | ${r.severity} | ${r.analysis ? 'yes ' : ''}| ${r.description.replace(/\|/g, '\\|')} |`,
  );
  return [TABLE_START, '| rule | default | analysis | finds |', '| --- | --- | --- | --- |', ...rows, TABLE_END].join('\n');
}

/** The config schema's text with its `rules` section generated. */
export function generatedConfigSchema(text: string): string {
  const schema = JSON.parse(text) as { properties: { rules: { properties: unknown } } };
  schema.properties.rules.properties = configRuleProperties();
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/** docs/rules.md with its table generated; throws when the markers are missing. */
export function generatedRulesDoc(text: string): string {
  const start = text.indexOf(TABLE_START);
  const end = text.indexOf(TABLE_END);
  if (start === -1 || end < start)
    throw new Error(`docs/rules.md: the generated table's markers are missing (${TABLE_START} ... ${TABLE_END})`);
  return text.slice(0, start) + rulesTable() + text.slice(end + TABLE_END.length);
}
