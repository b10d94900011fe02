import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toAif } from '../../../src/format/export/aif';
import { toArgdown } from '../../../src/format/export/argdown';
import { toJson } from '../../../src/format/export/json';
import { parseAif } from '../../../src/import/aif';
import { place } from '../../../src/import/place';
import { SourceFile } from '../../../src/load/source-file';
import { checkSource } from '../../../src/pipeline/check-source';
import { argmapReading, readArgdown } from '../../helpers/argdown-judge';
import { ROOT } from '../../helpers/cli';

/** The newsroom example's reply, checked as `argmap export` checks it: with the files it uses. */
function reply() {
  const dir = join(ROOT, 'examples', 'newsroom');
  const path = join(dir, 'reply.yaml');
  const report = checkSource(new SourceFile('reply.yaml', readFileSync(path, 'utf8')), { absolute: path, root: dir });
  expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { graph: report.graph!, analyses: report.analyses!, source: report.source };
}

type Json = Record<string, unknown>;

describe('export of a file that uses files (examples/newsroom/reply.yaml)', () => {
  it('JSON: the file itself, with `uses`, the qualified target as written, and what it names of the used files', () => {
    const { source, analyses } = reply();
    const json = toJson(source, analyses) as Json;
    expect(json.uses).toEqual(['editorial.yaml']);
    const counterpoint = (json.counterpoints as Json[])[0]!;
    expect((counterpoint.targets as Json[])[0]).toMatchObject({ ref: 'editorial#replace-now', line: 16 });
    // Its own sources only (it defines none); the shared ones it cites are referenced, with their file.
    expect(json.sources).toEqual([]);
    const referenced = json.referenced as Array<{ name: string; claims: Json[]; sources: Json[] }>;
    expect(referenced.map((r) => [r.name, r.claims.map((c) => c.id), r.sources.map((s) => s.id)])).toEqual([
      ['editorial', ['replace-now'], []],
      ['sources', [], ['rate-study']],
    ]);
    expect(referenced[0]!.claims[0]).toMatchObject({ text: 'Millbrook should replace its lead service lines now.', line: 10, column: 3 });
    expect(referenced[1]!.sources[0]).toMatchObject({ speaker: 'Millbrook finance office', line: 10, column: 5 });
    // Its relations, the one across files named with its file; none of the editorial's own.
    const relations = json.relations as Json[];
    expect(relations.map((r) => `${String(r.from)} ${String(r.kind)} ${String(r.to)}`)).toEqual([
      'recommendation.reasons[0] support recommendation',
      'counterpoints[0].rebuttals[0] attack counterpoints[0]',
      'counterpoints[0] attack editorial#replace-now',
    ]);
    expect(relations.every((r) => r.file === 'reply.yaml')).toBe(true);
  });

  it('AIF: the used claims are included and marked with their file, so the cross-file attack survives a round trip', () => {
    const { graph } = reply();
    const aif = toAif(graph) as { nodes: Array<{ nodeID: string; text: string; type: string }>; argmap: Json };
    const editorialClaim = aif.nodes.find((n) => n.text === 'Millbrook should replace its lead service lines now.')!;
    expect(((aif.argmap.nodes as Json)[editorialClaim.nodeID] as Json).file).toMatch(/editorial\.yaml$/);
    expect(aif.argmap.uses).toEqual(['editorial.yaml']);
    const back = parseAif(new SourceFile('reply.json', JSON.stringify(aif)));
    expect(back.relations.map((r) => `${r.from} ${r.kind} ${r.to}`)).toContain('replacing-every-line-this-year-would attack replace-now');
    expect(place(back).unmapped).toEqual([]);
  });

  it('Argdown: the used claims follow a comment naming their file, and Argdown reads every relation once', () => {
    const { graph } = reply();
    const text = toArgdown(graph);
    expect(text).toContain(
      '// From editorial.yaml, which reply.yaml uses:\n\n[replace-now]: Millbrook should replace its lead service lines now.',
    );
    const reading = readArgdown(text);
    expect(reading.errors).toEqual([]);
    expect({ statements: reading.statements, relations: reading.relations }).toEqual(argmapReading(graph));
    expect(reading.relations).toContain(
      'attack Replacing every line this year would leave other repairs undone. → Millbrook should replace its lead service lines now.',
    );
  });
});
