import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, argmap, project, tempDir } from '../helpers/cli';

const SOURCES = `argmap: 1
title: Town sources
sources:
  - id: mayor-meeting
    speaker: Mayor Ida Lark
    venue: Council meeting
    date: 2025-03-04
  - id: budget-report
    speaker: Finance office
    kind: report
`;

const EDITORIAL = `argmap: 1
title: Should the library open on Sundays?
uses: [../sources/town.yaml]
recommendation:
  id: keep-sundays
  text: The library should open on Sundays.
  reasons:
    - id: sunday-visits
      text: Sunday is the library's busiest day.
      evidence:
        - text: The mayor said Sunday visits doubled last year.
          source: mayor-meeting
`;

const REPLY = `argmap: 1
title: A reply on Sunday hours
uses: [editorial.yaml]
recommendation:
  text: The library should close on Sundays.
  reasons:
    - text: The budget cannot pay Sunday staff.
      evidence:
        - text: The finance office reports a staffing gap.
          source: budget-report
    - text: Sunday crowds need more staff than the budget allows.
      reasons:
        - ref: sunday-visits
counterpoints:
  - text: Busy days are not the only measure of need.
    targets: [sunday-visits]
    evidence:
      - text: The finance office counts weekday visits too.
        source: budget-report
    rebuttals:
      - text: Sunday visitors have no other day off.
        assumption: true
`;

function town() {
  return project({ 'sources/town.yaml': SOURCES, 'pieces/editorial.yaml': EDITORIAL, 'pieces/reply.yaml': REPLY });
}

describe('check: files that use files', () => {
  it('a file sees the sources and claims of the files it uses, transitively, and checks clean', () => {
    const dir = town();
    const r = argmap(['check', 'pieces/reply.yaml', '-f', 'compact'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('no problems');
    expect(r.code).toBe(0);
  });

  it('check DIR reports each problem once, in the file where it is', () => {
    const dir = town();
    writeFileSync(join(dir, 'pieces/editorial.yaml'), EDITORIAL.replace('source: mayor-meeting', 'source: mayor-meting'));
    const r = argmap(['check', '.', '-f', 'compact'], { cwd: dir });
    const lines = r.stdout.split('\n').filter((l) => l.includes(': '));
    expect(lines.filter((l) => l.includes('mayor-meting'))).toEqual([
      expect.stringMatching(/^pieces\/editorial\.yaml:12:19 +error +unknown source `mayor-meting`.*did you mean `mayor-meeting`/),
    ]);
    expect(r.code).toBe(1);
  });

  it('a sources file checked alone says nothing of unused sources; checked with its users, it does', () => {
    const dir = town();
    writeFileSync(join(dir, 'sources/town.yaml'), `${SOURCES}  - id: parks-report\n    speaker: Parks office\n`);
    const alone = argmap(['check', 'sources/town.yaml', '-f', 'compact'], { cwd: dir });
    expect(alone.stdout).toContain('no problems');
    const together = argmap(['check', '.', '-f', 'compact'], { cwd: dir });
    expect(together.stdout).toMatch(/^sources\/town\.yaml:11:9 +warning +unused source `parks-report`/m);
    expect(together.stdout).not.toMatch(/unused source `(mayor-meeting|budget-report)`/);
  });

  it('a used file outside the working folder, or a link pointing out of it, is refused at the entry', () => {
    const outside = project({ 'secret.yaml': SOURCES });
    const dir = town();
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'pieces/linked.yaml'));
    writeFileSync(
      join(dir, 'pieces/a.yaml'),
      EDITORIAL.replace('uses: [../sources/town.yaml]', `uses: [linked.yaml, ${join(outside, 'secret.yaml')}]`),
    );
    const r = argmap(['check', 'pieces/a.yaml', '-f', 'compact'], { cwd: dir });
    expect(r.stdout).toMatch(/pieces\/a\.yaml:3:8 +error +cannot use `linked\.yaml`: it lies outside the working folder/);
    expect(r.stdout).toMatch(/pieces\/a\.yaml:3:21 +error +cannot use `\/.*secret\.yaml`: it lies outside the working folder/);
    expect(r.code).toBe(1);
  });

  it('a used file or document text that is a system file is refused in words, even from /', () => {
    const dir = town();
    symlinkSync('/proc/self/environ', join(dir, 'pieces/env.yaml'));
    symlinkSync('/proc/self/status', join(dir, 'pieces/status.txt'));
    writeFileSync(
      join(dir, 'pieces/a.yaml'),
      EDITORIAL.replace('uses: [../sources/town.yaml]', 'uses: [../sources/town.yaml, env.yaml]\ndocument: { file: status.txt }'),
    );
    // Run from /, the whole disk is the working folder: only the refusal of system files stands.
    const r = argmap(['check', join(dir, 'pieces/a.yaml'), '-f', 'compact'], { cwd: '/' });
    expect(r.stdout).toContain('cannot use `env.yaml`: a system file (under /proc, /sys or /dev), which argmap never reads');
    expect(r.stdout).toContain(
      'cannot read the document text `status.txt`: a system file (under /proc, /sys or /dev), which argmap never reads',
    );
    expect(r.stdout).not.toMatch(/PATH=|VmRSS/);
    expect(r.code).toBe(1);
  });

  it('a path that is no argument file is refused by the schema', () => {
    const dir = project({ 'a.yaml': EDITORIAL.replace('uses: [../sources/town.yaml]', 'uses: [/proc/self/environ]') });
    const r = argmap(['check', 'a.yaml', '-f', 'compact'], { cwd: dir });
    expect(r.stdout).toMatch(/a\.yaml:3:8 +error .*schema/);
    expect(r.stdout).not.toMatch(/PATH=|HOME=/);
  });

  it('--cache: a file is checked again when a file it uses changes', () => {
    const dir = town();
    const first = argmap(['check', 'pieces/reply.yaml', '--cache', '--cache-location', 'cache.json', '-f', 'compact'], { cwd: dir });
    expect(first.stdout).toContain('no problems');
    writeFileSync(join(dir, 'sources/town.yaml'), SOURCES.replace('id: budget-report', 'id: budget-report-2025'));
    const second = argmap(['check', 'pieces/reply.yaml', '--cache', '--cache-location', 'cache.json', '-f', 'compact'], { cwd: dir });
    expect(second.stdout).toMatch(/pieces\/reply\.yaml:10:19 +error +unknown source `budget-report`/);
    expect(second.stdout).toMatch(/pieces\/reply\.yaml:19:17 +error +unknown source `budget-report`/);
    writeFileSync(join(dir, 'sources/town.yaml'), SOURCES);
    const third = argmap(['check', 'pieces/reply.yaml', '--cache', '--cache-location', 'cache.json', '-f', 'compact'], { cwd: dir });
    expect(third.stdout).toContain('no problems');
  });

  it('cross-file support counts: a claim resting only on a used claim is unsupported when that one is', () => {
    const dir = town();
    const supported = argmap(['check', 'pieces/reply.yaml', '-f', 'compact'], { cwd: dir });
    expect(supported.stdout).toContain('no problems');
    writeFileSync(join(dir, 'pieces/editorial.yaml'), EDITORIAL.replace(/ {6}evidence:\n.*\n.*\n/, ''));
    const r = argmap(['check', 'pieces/reply.yaml', '-f', 'compact'], { cwd: dir });
    // sunday-visits (in the editorial) rests on nothing now: said in the editorial, not here.
    expect(r.stdout).toMatch(
      /^pieces\/reply\.yaml:11:7 +warning +unsupported reason: .*rests only on unsupported claims \(`sunday-visits` \(from editorial\.yaml\)\)/m,
    );
    expect(r.stdout).not.toMatch(/^pieces\/editorial/m);
  });

  it("counterpoints, evaluate and outline list the file's own claims, and name a used claim with where it comes from", () => {
    const dir = town();
    const c = argmap(['counterpoints', 'pieces/reply.yaml'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(c.stdout).toContain('attacks reason `sunday-visits` (from editorial.yaml)');
    expect(c.stdout).toContain('1 counterpoint (0 unanswered) in 1 file');
    const e = argmap(['evaluate', 'pieces/reply.yaml'], { cwd: dir, env: { NO_COLOR: '1' } });
    // Only the reply's claims are listed, at positions in the reply.
    expect(e.stdout).not.toMatch(/sunday-visits` {2}(in|out)/);
    expect(e.stdout).toMatch(
      /^pieces\/reply\.yaml:11:7 {2}reason .*in: supported by reason `sunday-visits` \(from editorial\.yaml\), which is in/m,
    );
    const o = argmap(['outline', 'pieces/reply.yaml'], { cwd: dir });
    expect(o.stdout).toContain("reason `sunday-visits` from `editorial.yaml`: “Sunday is the library's busiest day.”");
  });

  it("outline's Sources list the used sources the piece cites, with their file, and only what the piece cites them for", () => {
    const dir = town();
    const o = argmap(['outline', 'pieces/reply.yaml'], { cwd: dir });
    const sources = o.stdout.slice(o.stdout.indexOf('## Sources'));
    // `budget-report` is cited by the reply; `mayor-meeting` only by the editorial it uses.
    expect(sources).toContain('1. <a id="source-1"></a>`budget-report` from `town.yaml`: **Finance office** · *report*');
    expect(sources).toContain('   - Cited for reason 1; counterpoint 1');
    expect(sources).not.toContain('mayor-meeting');
    expect(o.stdout).toMatch(/· 1 source ·/);
  });

  it('report of several pieces: one page, a section each, answers across files linked both ways, every link landing', () => {
    const dir = tempDir();
    const r = argmap(['report', join(ROOT, 'examples', 'newsroom'), '-o', 'newsroom.html'], { cwd: dir });
    expect(r.code).toBe(0);
    const html = readFileSync(join(dir, 'newsroom.html'), 'utf8');
    // Sections in path order: editorial (f1), reply (f2), sources (f3).
    expect([...html.matchAll(/<section class="file" id="(f\d)-file"/g)].map((m) => m[1])).toEqual(['f1', 'f2', 'f3']);
    const reply = html.slice(html.indexOf('id="f2-file"'), html.indexOf('id="f3-file"'));
    const editorial = html.slice(html.indexOf('id="f1-file"'), html.indexOf('id="f2-file"'));
    // The reply's counterpoint attacks the editorial's recommendation: linked to the editorial's section.
    expect(reply).toContain(
      'attacks <a href="#f1-o-claim-replace-now">recommendation <code>replace-now</code> (from <code>editorial.yaml</code>)</a>',
    );
    // The editorial's section says who answers it from the reply, linked to the reply's section.
    expect(editorial).toMatch(
      /Attacked in <code>reply\.yaml<\/code> by <a href="#f2-o-[^"]+">counterpoint 1 <code>counterpoints\[0\]<\/code><\/a>/,
    );
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const broken = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]).filter((href) => !ids.has(href));
    expect(broken).toEqual([]);
  });

  it('the example workspace (examples/newsroom: a sources file, an editorial with its text, a reply) checks clean', () => {
    const r = argmap(['check', 'examples/newsroom']);
    expect(r.stdout).toBe('✔ 3 files checked: no problems\n');
    expect(r.code).toBe(0);
  });
});
