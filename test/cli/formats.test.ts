import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, argmap, tempDir } from '../helpers/cli';

const opEd = readFileSync(join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'), 'utf8');

/** The op-ed with one unknown source id, in a fresh folder (no git: the folder is the root). */
function faulty() {
  const dir = tempDir();
  const text = opEd.replace('source: zelenskyy-brussels', 'source: nobody');
  writeFileSync(join(dir, 'op-ed.yaml'), text);
  const at = text.indexOf('source: nobody') + 'source: '.length;
  const before = text.slice(0, at);
  return { dir, line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

describe('argmap check --format', () => {
  it('defaults to stylish: grouped by file, with a code frame', () => {
    const { dir, line, column } = faulty();
    const r = argmap(['check', 'op-ed.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('op-ed.yaml\n')).toBe(true);
    expect(r.stdout).toMatch(new RegExp(`^ {2}${line}:${column} +error {4}unknown source \`nobody\``, 'm'));
    expect(r.stdout).toContain(`  > ${line} |`);
    expect(r.stdout).toMatch(/^ +\| +\^{6}$/m);
    expect(r.stdout).not.toContain('\u001b[');
    expect(argmap(['check', 'op-ed.yaml'], { cwd: dir, env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
  });

  it('--quiet shows errors only and keeps the exit code', () => {
    const { dir } = faulty();
    const r = argmap(['check', '--quiet', '--format', 'compact', 'op-ed.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/ {2}warning {2}/);
    expect(r.stdout).toContain('1 problem (1 error, 0 warnings)');
    expect(argmap(['check', '-q'], { cwd: ROOT })).toMatchObject({
      code: 0,
      stdout: '✔ 1 file checked: no errors; 4 warnings not shown (--quiet)\n',
    });
  });

  it('sarif: a result at the fault, relative to the root', () => {
    const { dir, line, column } = faulty();
    const r = argmap(['check', '--format', 'sarif', 'op-ed.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    const result = log.runs[0].results.find((x: { level: string }) => x.level === 'error');
    expect(result.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'op-ed.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: line, startColumn: column },
    });
  });

  it('sarif and github paths are relative to the git top level, not the working folder', () => {
    const r = argmap(['check', '--format', 'sarif', 'south-korea-arms-to-ukraine.yaml'], { cwd: join(ROOT, 'arguments') });
    expect(r.code).toBe(0);
    const uris = JSON.parse(r.stdout).runs[0].results.map(
      (x: { locations: [{ physicalLocation: { artifactLocation: { uri: string } } }] }) =>
        x.locations[0].physicalLocation.artifactLocation.uri,
    );
    expect(new Set(uris)).toEqual(new Set(['arguments/south-korea-arms-to-ukraine.yaml']));
    const g = argmap(['check', '--format', 'github', 'south-korea-arms-to-ukraine.yaml'], { cwd: join(ROOT, 'arguments') });
    expect(g.stdout).toMatch(/^::warning file=arguments\/south-korea-arms-to-ukraine\.yaml,line=\d+,col=\d+,/m);
  });

  it('github: an annotation with file, line and column', () => {
    const { dir, line, column } = faulty();
    const r = argmap(['check', '--format', 'github', 'op-ed.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `::error file=op-ed.yaml,line=${line},col=${column},endLine=${line},endColumn=${column + 6},title=argmap unknown-reference::`,
    );
  });

  it('junit: XML with a failure, written atomically with --output', () => {
    const { dir } = faulty();
    const r = argmap(['check', '--format', 'junit', '--output', 'report.xml', 'op-ed.yaml'], { cwd: dir });
    expect(r).toMatchObject({ code: 1, stdout: '' });
    const xml = readFileSync(join(dir, 'report.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).toContain('<failure message="unknown source `nobody`');
  });
});

describe('argmap schema and init', () => {
  it('prints the schema $id and path, or the schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'argmap.schema.json'), 'utf8'));
    const r = argmap(['schema']);
    expect(r).toMatchObject({ code: 0, stdout: `${schema.$id}\n${join(ROOT, 'schemas', 'argmap.schema.json')}\n` });
    expect(JSON.parse(argmap(['schema', '--print']).stdout)).toEqual(schema);
  });

  it('writes a template that passes check, and refuses to overwrite without --force', () => {
    const dir = tempDir();
    const r = argmap(['init'], { cwd: dir });
    expect(r.code).toBe(0);
    const file = join(dir, 'arguments', 'argument.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\S+\n/);
    expect(argmap(['check', '--format', 'compact'], { cwd: dir })).toMatchObject({ code: 0, stdout: '✔ 1 file checked: no problems\n' });

    writeFileSync(file, 'mine\n');
    const again = argmap(['init'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('argmap: arguments/argument.yaml already exists; not overwriting it (use --force to replace it)\n');
    expect(readFileSync(file, 'utf8')).toBe('mine\n');
    expect(argmap(['init', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(text);

    expect(argmap(['init', 'other/new.yml'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'other', 'new.yml'))).toBe(true);
  });

  it('points the modeline at the schema file inside a checkout', () => {
    const file = join('test', 'artifacts', `init-${process.pid}.yaml`);
    try {
      const r = argmap(['init', file, '--force']);
      expect(r.code).toBe(0);
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/argmap.schema.json');
    } finally {
      rmSync(join(ROOT, file), { force: true });
    }
  });
});
