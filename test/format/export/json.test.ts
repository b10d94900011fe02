import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toJson } from '../../../src/format/export/json';
import { ROOT } from '../../helpers/cli';
import { exportableFiles } from '../../helpers/exportable';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every field of the YAML file, compared with the JSON export at the same place: a field the JSON
 * leaves out (a new field of the format, a note) fails here. The JSON may add derived fields
 * (kind, supported, positions); `targets: [id]` items become `{ ref: id }`; a linked group's
 * `together` list is its `premises`; YAML dates written as numbers (2006) are strings in the model.
 */
function sameFields(yaml: unknown, json: unknown, path: string, problems: string[]) {
  if (Array.isArray(yaml)) {
    if (!Array.isArray(json) || json.length !== yaml.length)
      return void problems.push(`${path}: ${yaml.length} items in YAML, ${JSON.stringify(json)?.slice(0, 80)} in JSON`);
    yaml.forEach((item, i) => sameFields(item, json[i], `${path}[${i}]`, problems));
  } else if (isObject(yaml)) {
    if (!isObject(json)) return void problems.push(`${path}: a mapping in YAML, ${JSON.stringify(json)?.slice(0, 80)} in JSON`);
    for (const [key, value] of Object.entries(yaml)) {
      const jsonKey = key === 'together' ? 'premises' : key;
      if (!(jsonKey in json)) problems.push(`${path}.${key}: in the YAML, not in the JSON`);
      else if (key === 'targets' && Array.isArray(value))
        sameFields(
          value.map((ref) => ({ ref })),
          json[key],
          `${path}.${key}`,
          problems,
        );
      else sameFields(value, json[jsonKey], `${path}.${key}`, problems);
    }
  } else if (String(json) !== String(yaml) || typeof json === 'object') {
    problems.push(`${path}: ${JSON.stringify(yaml)} in YAML, ${JSON.stringify(json)} in JSON`);
  }
}

function keysOf(value: unknown, out: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) keysOf(v, out.add(k));
  return out;
}

describe('argmap export --to json', () => {
  const files = exportableFiles();
  it('covers files that use files', () => {
    expect(files.filter(({ report }) => /^uses:/m.test(report.source.text)).length).toBeGreaterThan(2);
  });
  const docs = readFileSync(join(ROOT, 'docs', 'json.md'), 'utf8');

  for (const { name, report } of files) {
    it(`${name}: every field of the file, and every relation once`, () => {
      const json = toJson(report.source, report.analyses);
      const yaml = parse(report.source.text) as Json;
      const problems: string[] = [];
      sameFields(yaml, json, '$', problems);
      expect(problems).toEqual([]);
      // The flat list: one entry per support, attack and undercut written in the file, ends
      // resolved (a claim of a used file qualified with its file's name).
      const relations = json.relations as Array<{ from: string; to: string; kind: string; via?: string; denies?: number }>;
      const graph = report.graph;
      const edges = graph.edges.filter((e) => e.file === graph.file);
      const key = (c: (typeof edges)[number]['from']) => (c.file !== graph.file ? `${c.file!.name}#${c.key}` : c.key);
      expect(relations).toHaveLength(edges.length);
      edges.forEach((e, i) => {
        expect(relations[i]!.kind).toBe(e.kind);
        expect(relations[i]!.from).toBe(key(e.from));
        if (e.kind === 'undercut') expect(relations[relations[i]!.denies!]!.from).toBe(relations[i]!.via);
        else expect(relations[i]!.to).toBe(key(e.to));
      });
      // docs/json.md names every field the JSON has.
      for (const key of keysOf(json, new Set())) expect(docs, `docs/json.md does not list \`${key}\``).toContain(`\`${key}\``);
    });
  }

  it('keeps the description, evidence notes and ref notes, and lists undercuts with the relation they deny', () => {
    const file = files.find((f) => f.name.endsWith('every-feature.yaml'))!;
    const json = toJson(file.report.source, file.report.analyses) as Json;
    expect(json.description).toBe('Encoded from the editorial below; its section on tourism was left out.');
    expect(JSON.stringify(json.recommendation)).toContain('"note":"The editorial rounds the figure down to 15%."');
    const relations = json.relations as Json[];
    expect(relations).toContainEqual(
      expect.objectContaining({
        from: 'engines-improve',
        to: 'charge',
        kind: 'undercut',
        via: 'cleaner-air',
        written: 'tree',
        line: 77,
        column: 11,
      }),
    );
    const cut = relations.find((r) => r.from === 'engines-improve')!;
    expect(relations[cut.denies as number]).toMatchObject({ from: 'cleaner-air', to: 'charge', kind: 'support' });
    expect(relations).toContainEqual(expect.objectContaining({ from: 'less-traffic', to: 'cleaner-air', kind: 'support', written: 'ref' }));
  });
});
