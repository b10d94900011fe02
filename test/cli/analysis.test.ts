import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, argmap, project, tempDir } from '../helpers/cli';

const OPED = join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml');
const UNSUPPORTED_IN_OPED = ['readiness-deterrence', 'interoperability', 'legal-basis', 'threat-perception'];

const CYCLE = `argmap: 1
title: Circular
recommendation:
  text: The council should fund the library.
  reasons:
    - id: a
      text: Libraries matter.
      reasons:
        - ref: b
    - id: b
      text: People use libraries because they matter.
      reasons:
        - ref: a
  counterpoints:
    - text: The budget is tight.
      evidence:
        - text: The deficit grew.
          source: budget-office
sources:
  - id: budget-office
    speaker: Budget office
`;

describe('argmap unsupported', () => {
  it('lists exactly the claims the op-ed leaves without support', () => {
    const r = argmap(['unsupported', '--format', 'json']);
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    expect(file.file).toBe('arguments/south-korea-arms-to-ukraine.yaml');
    expect(file.claims.map((c: { id: string }) => c.id)).toEqual(UNSUPPORTED_IN_OPED);
    expect(file.claims.map((c: { kind: string }) => c.kind)).toEqual(['reason', 'reason', 'reason', 'risk']);
    for (const claim of file.claims) {
      expect(claim.why).toBe('none');
      expect(claim.line).toBeGreaterThan(1);
      expect(claim.column).toBeGreaterThan(1);
    }
    // The Russian red-line risk cites its sources: it must not be listed.
    expect(r.stdout).not.toContain('russian-red-line');
  });

  it('says why: circular support, and support only from unsupported claims', () => {
    const dir = project({ 'arguments/cycle.yaml': CYCLE });
    const r = argmap(['unsupported'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('arguments/cycle.yaml:4:3  the recommendation: only unsupported support');
    expect(r.stdout).toContain('arguments/cycle.yaml:6:7  reason `a`: only circular support');
    expect(r.stdout).toContain('arguments/cycle.yaml:10:7  reason `b`: only circular support');
    expect(r.stdout).toContain('3 unsupported claims in 1 file');
    expect(r.stdout).not.toContain('budget');
  });

  it('refuses a file with errors, prints them on stderr, and exits 1', () => {
    const dir = project({ 'bad.yaml': 'argmap: 1\ntitle: Bad\nrecommendation:\n  txt: oops\n' });
    const r = argmap(['unsupported', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.yaml:4:3  error  unknown property `txt` in the recommendation; did you mean `text`?');
  });
});

describe('argmap counterpoints', () => {
  it("shows the op-ed's concession and the South Korean government's position with their answers", () => {
    const r = argmap(['counterpoints', '--format', 'json']);
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    const byId = Object.fromEntries(file.counterpoints.map((c: { id: string }) => [c.id, c]));
    const concession = byId['intelligence-not-dismissible'];
    expect(concession.conceded).toBe(true);
    expect(concession.attacks[0].claim.id).toBe('intelligence-uncertain');
    expect(concession.rebuttals.map((x: { undercut: boolean }) => x.undercut)).toEqual([true]);
    expect(concession.evidence.map((e: { source: { id: string } }) => e.source.id)).toContain('zelenskyy-brussels');
    const government = byId['south-korea-retaliation'];
    expect(government.attacks[0].claim.kind).toBe('recommendation');
    expect(government.evidence[0].source).toMatchObject({ speaker: 'Kim Tae-hyo', date: '2024-10-21' });
    expect(government.rebuttals.map((x: { id: string }) => x.id)).toContain('russian-red-line');
    expect(government.answered).toBe(true);
  });

  it('prints text with what each counterpoint attacks and whether it is answered', () => {
    const r = argmap(['counterpoints']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/counterpoint `intelligence-not-dismissible`: conceded\n/);
    expect(r.stdout).toMatch(/attacks recommendation `no-hasty-arms-decision`/);
    expect(r.stdout).toMatch(/— Kim Tae-hyo, First Deputy National Security Adviser/);
    expect(r.stdout).toMatch(/2 counterpoints \(0 unanswered\) in 1 file\n$/);
  });
});

describe('configuration', () => {
  it('makes unsupported claims errors when the config says so, found from a sub-folder', () => {
    const dir = project({
      'argmap.config.yaml': 'rules:\n  unsupported-claim: error\n',
      'sub/op-ed.yaml': readFileSync(OPED, 'utf8'),
    });
    const r = argmap(['check', '--format', 'compact', 'op-ed.yaml'], { cwd: join(dir, 'sub') });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/op-ed\.yaml:\d+:\d+ {2}error {2}unsupported reason: `interoperability`/);
    expect(r.stdout).toContain('4 problems (4 errors, 0 warnings)');
  });

  it('reads a config whose comment is glued to a word (a warning in an argument file, no reason to refuse a config)', () => {
    const dir = project({ 'argmap.config.yaml': 'rules:\n  unsupported-claim: off #for-now\n', 'op-ed.yaml': readFileSync(OPED, 'utf8') });
    expect(argmap(['check', 'op-ed.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '✔ 1 file checked: no problems\n' });
  });

  it('turns a rule off', () => {
    const dir = project({ 'argmap.config.yaml': 'rules:\n  unsupported-claim: off\n', 'op-ed.yaml': readFileSync(OPED, 'utf8') });
    const r = argmap(['check', 'op-ed.yaml'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: '✔ 1 file checked: no problems\n' });
  });

  it('reports a broken config with positions and exits 2', () => {
    const dir = project({
      'argmap.config.yaml': 'rules:\n  unsupported-claim: eror\n  unsuported-claim: off\n',
      'op-ed.yaml': readFileSync(OPED, 'utf8'),
    });
    const r = argmap(['check', 'op-ed.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('argmap: invalid config file argmap.config.yaml:');
    expect(r.stderr).toContain('argmap.config.yaml:2:22  error  unknown value `eror` for `unsupported-claim`');
    expect(r.stderr).toContain(
      'argmap.config.yaml:3:3  error  unknown property `unsuported-claim` in `rules`; did you mean `unsupported-claim`?',
    );
  });

  it('takes --config, and exits 2 when it does not exist', () => {
    const dir = project({ 'strict.yaml': 'rules:\n  unsupported-claim: error\n', 'op-ed.yaml': readFileSync(OPED, 'utf8') });
    expect(argmap(['check', '--config', 'strict.yaml', 'op-ed.yaml'], { cwd: dir }).code).toBe(1);
    const missing = argmap(['check', '--config', 'nope.yaml', 'op-ed.yaml'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('argmap: nope.yaml: no such config file\n');
  });

  it('fails on warnings past --max-warnings, as ESLint does', () => {
    expect(argmap(['check', '--max-warnings', '4']).code).toBe(0);
    const r = argmap(['check', '--max-warnings', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('argmap: 4 warnings exceed --max-warnings 3');
    // With --quiet the warnings are not shown, but still counted, and the message says so.
    const quiet = argmap(['check', '--quiet', '--max-warnings', '0']);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).toContain('argmap: 4 warnings (not shown: --quiet) exceed --max-warnings 0');
    // The summary never says "no problems" of a run that fails.
    expect(quiet.stdout).not.toContain('no problems');
    expect(quiet.stdout).toContain('4 warnings not shown; --max-warnings 0 exceeded');
    // Under the limit, it passes and says what it left out.
    const passing = argmap(['check', '--quiet', '--max-warnings', '4']);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toMatch(/^✔ 1 file checked: no errors; 4 warnings (and \d+ info )?not shown \(--quiet\)\n$/);
    expect(argmap(['check', '--max-warnings', 'many']).code).toBe(2);
  });
});

describe('argmap outline', () => {
  it('shows every figure, date and speaker of the op-ed in place, and marks the unsupported claims', () => {
    const r = argmap(['outline']);
    expect(r.code).toBe(0);
    const md = r.stdout;
    expect(md.startsWith('# Should South Korea send weapons to Ukraine?\n')).toBe(true);
    for (const figure of ['10,000', '12,000', '1,500']) expect(md).toContain(figure);
    for (const date of ['2024-10-17', '2024-10-21', '2024-10-23']) expect(md).toContain(date);
    for (const speaker of [
      'Volodymyr Zelenskyy',
      'Kim Tae-hyo',
      'Lloyd Austin',
      'Mark Rutte',
      'Kim Sung',
      'Maria Zakharova',
      'Vladimir Putin',
      'Dmitry Medvedev',
      'Ukrainian intelligence agency',
      "South Korea's intelligence agency",
    ]) {
      expect(md).toContain(speaker);
    }
    const marked = md.split('\n\n').filter((block) => block.includes('**unsupported**'));
    expect(marked.map((b) => /\(`([a-z-]+)`\)/.exec(b)?.[1])).toEqual(UNSUPPORTED_IN_OPED);
    expect(md.indexOf('## Recommendation')).toBeLessThan(md.indexOf('## Reasons'));
    expect(md.indexOf('## Reasons')).toBeLessThan(md.indexOf('## Risks'));
    expect(md.indexOf('## Risks')).toBeLessThan(md.indexOf('## Counterpoints'));
    expect(md.indexOf('## Counterpoints')).toBeLessThan(md.indexOf('## Sources'));
  });

  it('writes --output atomically, and the same bytes on every run', () => {
    const dir = tempDir();
    const first = argmap(['outline', join(ROOT, 'arguments'), '--output', join(dir, 'outline.md')]);
    expect(first).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const written = readFileSync(join(dir, 'outline.md'), 'utf8');
    expect(written).toBe(argmap(['outline']).stdout);
    expect(readdirSync(dir)).toEqual(['outline.md']);
  });

  it('streams a large outline, several files apart by a rule, the same to stdout and to --output', () => {
    const dir = tempDir();
    // 3,000 reasons with evidence: an outline of some 12,000 lines, written in several chunks.
    const reasons = Array.from(
      { length: 3000 },
      (_, i) => `    - text: Reason ${i}.\n      evidence:\n        - text: Fact ${i}.\n          source: s`,
    );
    const big = `argmap: 1\ntitle: Big\nsources:\n  - id: s\n    speaker: Someone\nrecommendation:\n  text: Do it.\n  reasons:\n${reasons.join('\n')}\n`;
    writeFileSync(join(dir, 'a.yaml'), big);
    writeFileSync(join(dir, 'b.yaml'), big.replace('title: Big', 'title: Second'));
    const out = argmap(['outline', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(out.code).toBe(0);
    const [a, b, ...rest] = out.stdout.split('\n---\n\n');
    expect(rest).toEqual([]);
    expect(a!.startsWith('# Big\n')).toBe(true);
    expect(b!.startsWith('# Second\n')).toBe(true);
    for (const doc of [a!, b!]) {
      expect(doc.endsWith('\n')).toBe(true);
      expect(doc).not.toMatch(/\n\n\n/);
      expect(doc).toContain(
        '3000. **Reason 2999.**\n      - *Evaluation:* **in**: supported by evidence from Someone\n      - 📄 Fact 2999. — Someone [[1]](#source-1)\n',
      );
    }
    expect(argmap(['outline', 'a.yaml', 'b.yaml', '--output', 'o.md'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    expect(readFileSync(join(dir, 'o.md'), 'utf8')).toBe(out.stdout);
  });

  it('gives a JSON tree that mirrors the file, every item with file, line and column', () => {
    const r = argmap(['outline', '--format', 'json']);
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    const rec = file.recommendation;
    expect(rec).toMatchObject({ id: 'no-hasty-arms-decision', kind: 'recommendation', supported: true });
    expect(rec.reasons.map((c: { id: string }) => c.id)).toEqual(['intelligence-uncertain', ...UNSUPPORTED_IN_OPED.slice(0, 3)]);
    expect(rec.risks.map((c: { id: string }) => c.id)).toEqual(['russian-red-line', 'threat-perception']);
    const government = rec.counterpoints[0];
    expect(government.rebuttals.every((x: { ref?: string }) => typeof x.ref === 'string')).toBe(true);
    expect(file.sources).toHaveLength(13);
    const walk = (node: Record<string, unknown>): void => {
      expect(node.file).toBe('arguments/south-korea-arms-to-ukraine.yaml');
      expect(node.line).toEqual(expect.any(Number));
      expect(node.column).toEqual(expect.any(Number));
      for (const key of ['evidence', 'reasons', 'risks', 'counterpoints', 'rebuttals', 'targets']) {
        for (const child of (node[key] as Record<string, unknown>[] | undefined) ?? []) walk(child);
      }
    };
    walk(rec);
    for (const source of file.sources) walk(source);
  });
});
