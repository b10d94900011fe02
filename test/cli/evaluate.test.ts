import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { argmap, project, tempDir } from '../helpers/cli';

const REINSTATEMENT = `argmap: 1
title: Reinstatement
recommendation:
  id: topic
  text: The topic.
  assumption: true
  reasons:
    - id: c
      text: C.
      assumption: true
counterpoints:
  - id: a
    text: A.
    assumption: true
    targets: [b]
  - id: b
    text: B.
    assumption: true
    targets: [c]
`;

const ODD_CYCLE = `argmap: 1
title: Odd cycle against the recommendation
recommendation:
  text: The council should fund the library.
  evidence:
    - text: Visits rose.
      source: count
  counterpoints:
    - id: a
      text: A.
      assumption: true
      targets: [c]
      rebuttals:
        - id: b
          text: B.
          assumption: true
    - id: c
      text: C.
      assumption: true
      targets: [b]
    - text: The library is expensive.
      evidence:
        - text: Costs rose.
          source: count
      rebuttals:
        - text: True, but costs are not the question.
          undercut: true
          assumption: true
sources:
  - id: count
    speaker: Library board
`;

const OPED = 'arguments/south-korea-arms-to-ukraine.yaml';

describe('argmap evaluate', () => {
  it('on the op-ed: the recommendation stands, with a reason for every claim', () => {
    const r = argmap(['evaluate']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`${OPED}: recommendation \`no-hasty-arms-decision\` stands\n`);
    expect(r.stdout).toContain(
      'reason `intelligence-uncertain`  in: supported by reason `reevaluate-evidence`, which is in, its counterpoint `intelligence-not-dismissible` is undercut by `scope-impact-uncertain`, which is in',
    );
    expect(r.stdout).toContain(
      'counterpoint `south-korea-retaliation`  defeated: attacked by reason `intelligence-uncertain`, which is in',
    );
    expect(r.stdout).toContain('counterpoint `intelligence-not-dismissible`  in: supported by evidence from Volodymyr Zelenskyy');
    // Out for want of support, not refuted: the status word says which.
    expect(r.stdout).toMatch(
      /:300:7 {2}reason `readiness-deterrence` {2}unsupported: no evidence with a source, not an assumption, and no reasons\n/,
    );
    expect(r.stdout).toMatch(
      /14 claims \(9 in; out: 4 unsupported, 1 defeated, 0 undercut; 0 undecided\) in 1 file; recommendations: 1 stand, 0 out, 0 open\n$/,
    );
  });

  it('on the op-ed, as JSON in the shape of the issue', () => {
    const r = argmap(['evaluate', '--format', 'json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['files']);
    const [file] = out.files;
    expect(Object.keys(file)).toEqual(['file', 'recommendation', 'claims']);
    expect(file.file).toBe(OPED);
    expect(file.recommendation).toEqual({ id: 'no-hasty-arms-decision', label: 'in', status: 'in', verdict: 'stands' });
    for (const claim of file.claims)
      expect(Object.keys(claim)).toEqual(['id', 'kind', 'number', 'label', 'status', 'line', 'column', 'because']);
    const byId = Object.fromEntries(file.claims.map((c: { id: string }) => [c.id, c]));
    expect(byId['south-korea-retaliation']).toMatchObject({
      kind: 'counterpoint',
      number: 'counterpoint 2',
      label: 'out',
      status: 'defeated',
      line: 360,
      column: 7,
      because: { type: 'attacked-by', claim: 'intelligence-uncertain' },
    });
    expect(byId['russian-red-line'].because).toEqual({ type: 'supported-by-evidence', source: 'putin-red-line', answered: [] });
    expect(byId['intelligence-uncertain'].because.answered).toEqual([
      { claim: 'intelligence-not-dismissible', how: 'undercut', by: 'scope-impact-uncertain' },
    ]);
    const out_ = file.claims.filter((c: { label: string }) => c.label === 'out').map((c: { id: string }) => c.id);
    expect(out_).toEqual(['readiness-deterrence', 'interoperability', 'legal-basis', 'threat-perception', 'south-korea-retaliation']);
  });

  it('--explain prints the whole chain behind one claim', () => {
    const r = argmap(['evaluate', '--explain', 'intelligence-uncertain']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(OPED);
    expect(lines[1]).toMatch(/^reason `intelligence-uncertain` \(.*:154:7\) in: supported by reason `reevaluate-evidence`/);
    expect(lines[2]).toMatch(/^ {2}reason `reevaluate-evidence` .* in: supported by evidence from Mark Rutte$/);
    expect(lines[3]).toMatch(/^ {2}counterpoint `intelligence-not-dismissible` .* in: supported by evidence from Volodymyr Zelenskyy$/);
    expect(lines[4]).toMatch(/^ {2}rebuttal `scope-impact-uncertain` .* in: supported by reason `purpose-unclear`, which is in$/);
    expect(lines[5]).toMatch(/^ {4}reason `purpose-unclear` .* in: supported by evidence from Lloyd Austin$/);
    expect(lines).toHaveLength(6);
  });

  it('--explain with JSON gives the claims of the chain', () => {
    const r = argmap(['evaluate', '--explain', 'south-korea-retaliation', '--format', 'json']);
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    expect(file.claims.map((c: { id: string }) => c.id)).toEqual([
      'south-korea-retaliation',
      'intelligence-uncertain',
      'reevaluate-evidence',
      'intelligence-not-dismissible',
      'scope-impact-uncertain',
      'purpose-unclear',
    ]);
  });

  it('colours the verdict on request, and never prints colour codes as text', () => {
    const r = argmap(['evaluate'], { env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\u001b[');
    expect(r.stdout).not.toContain('\\u{1b}');
  });

  it('--explain with an unknown id says so and exits 2', () => {
    const r = argmap(['evaluate', '--explain', 'no-such-claim']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`argmap: --explain: no claim with id \`no-such-claim\` in ${OPED}\n`);
    // With --output, nothing is written: no empty or partial file.
    const dir = tempDir();
    const out = join(dir, 'explain.txt');
    writeFileSync(out, 'previous\n');
    expect(argmap(['evaluate', '--explain', 'no-such-claim', '--output', out]).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  });

  it('labels a small framework: reinstatement', () => {
    const dir = project({ 'r.yaml': REINSTATEMENT });
    const r = argmap(['evaluate', 'r.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'r.yaml: recommendation `topic` stands',
        'r.yaml:4:3  recommendation `topic`  in: an assumption',
        'r.yaml:8:7  reason `c`  in: an assumption, its counterpoint `b` is out',
        'r.yaml:12:5  counterpoint `a`  in: an assumption',
        'r.yaml:16:5  counterpoint `b`  defeated: attacked by counterpoint `a`, which is in',
        '',
        '4 claims (3 in; out: 0 unsupported, 1 defeated, 0 undercut; 0 undecided) in 1 file; recommendations: 1 stand, 0 out, 0 open',
        '',
      ].join('\n'),
    );
  });

  it('names five claims of a long list and counts the rest, so each reason stays one line', () => {
    const counterpoints = Array.from(
      { length: 8 },
      (_, i) =>
        `  - id: c${i}\n    text: Attack ${i}.\n    targets: [r]\n    assumption: true\n    rebuttals:\n      - { id: b${i}, text: Answer ${i}., assumption: true }\n`,
    ).join('');
    const reasons = Array.from({ length: 8 }, (_, i) => `    - { id: r${i}, text: Reason ${i}. }\n`).join('');
    const dir = project({
      'a.yaml': `argmap: 1\ntitle: T\nrecommendation:\n  id: rec\n  text: Do it.\n  reasons:\n    - id: r\n      text: Reason.\n      assumption: true\ncounterpoints:\n${counterpoints}`,
      'b.yaml': `argmap: 1\ntitle: T\nrecommendation:\n  id: rec\n  text: Do it.\n  reasons:\n${reasons}`,
    });
    const answered = argmap(['evaluate', 'a.yaml'], { cwd: dir }).stdout.split('\n');
    expect(answered).toContain(
      'a.yaml:7:7  reason `r`  in: an assumption, its counterpoint `c0` is out, its counterpoint `c1` is out, its counterpoint `c2` is out, its counterpoint `c3` is out, its counterpoint `c4` is out and 3 more',
    );
    const ungrounded = argmap(['evaluate', 'b.yaml'], { cwd: dir }).stdout.split('\n');
    expect(ungrounded).toContain(
      'b.yaml:4:3  recommendation `rec`  unsupported: no possible support: its support (reason `r0`, reason `r1`, reason `r2`, reason `r3`, reason `r4` and 3 more) never reaches evidence or an assumption',
    );
  });

  it('leaves the recommendation open under an odd cycle, and names claims without ids by their path', () => {
    const dir = project({ 'odd.yaml': ODD_CYCLE });
    const r = argmap(['evaluate', 'odd.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout).files;
    expect(file.recommendation).toEqual({ id: 'recommendation', label: 'undecided', status: 'undecided', verdict: 'open' });
    const byId = Object.fromEntries(file.claims.map((c: { id: string; label: string }) => [c.id, c.label]));
    expect(byId).toEqual({
      recommendation: 'undecided',
      a: 'undecided',
      b: 'undecided',
      c: 'undecided',
      'recommendation.counterpoints[2]': 'in',
      'recommendation.counterpoints[2].rebuttals[0]': 'in',
    });
    const text = argmap(['evaluate', 'odd.yaml'], { cwd: dir });
    expect(text.stdout).toContain('odd.yaml: the recommendation is open\n');
    expect(text.stdout).toContain('the recommendation  undecided: attacked by counterpoint `a`, which is undecided');
    expect(text.stdout).toContain('recommendations: 0 stand, 0 out, 1 open');
    expect(argmap(['evaluate', 'odd.yaml', '--explain', 'recommendation.counterpoints[2]'], { cwd: dir }).code).toBe(0);
  });

  it('refuses a file with errors, prints them on stderr, and exits 1', () => {
    const dir = project({ 'bad.yaml': 'argmap: 1\ntitle: Bad\nrecommendation:\n  txt: oops\n' });
    const r = argmap(['evaluate', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.yaml:4:3  error  unknown property `txt` in the recommendation');
  });

  it('exits 2 on a missing path', () => {
    const dir = project({});
    expect(argmap(['evaluate', 'nope.yaml'], { cwd: dir }).code).toBe(2);
  });
});
