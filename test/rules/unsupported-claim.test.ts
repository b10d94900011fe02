import { describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/load/source-file';
import { resolveDiagnostics } from '../../src/format/resolve';
import { checkSource } from '../../src/pipeline/check-source';

function messages(text: string): string[] {
  return resolveDiagnostics(checkSource(new SourceFile('a.yaml', text)))
    .filter((d) => d.code === 'unsupported-reasons')
    .map((d) => d.message);
}

function file(reasons: number): string {
  const items = Array.from({ length: reasons }, (_, i) => `    - id: r${i}\n      text: Reason ${i}.\n`).join('');
  return `argmap: 1\ntitle: T\nrecommendation:\n  text: R.\n  reasons:\n${items}`;
}

describe('unsupported-claim: the message naming a claim’s unsupported support', () => {
  it('names every supporter when there are at most six', () => {
    expect(messages(file(6))).toEqual([
      'unsupported recommendation: the recommendation rests only on unsupported claims (`r0`, `r1`, `r2`, `r3`, `r4`, `r5`)',
    ]);
  });

  it('names five and counts the rest when there are more, so one message stays one line', () => {
    expect(messages(file(8000))).toEqual([
      'unsupported recommendation: the recommendation rests only on unsupported claims (`r0`, `r1`, `r2`, `r3`, `r4` and 7995 more)',
    ]);
  });
});

describe('unsupported-claim: a claim supported only through linked groups', () => {
  const linked = (premises: string) =>
    resolveDiagnostics(
      checkSource(
        new SourceFile(
          'a.yaml',
          `argmap: 1\ntitle: T\nsources:\n  - id: s\nrecommendation:\n  text: R.\n  reasons:\n    - together:\n${premises}`,
        ),
      ),
    )
      .filter((d) => d.code === 'unsupported-linked')
      .map((d) => d.message);

  it('is supported when every premise is, though no premise alone would do', () => {
    expect(
      linked(
        '        - text: A.\n          assumption: true\n        - text: B.\n          evidence:\n            - text: E.\n              source: s\n',
      ),
    ).toEqual([]);
  });

  it('names the premises it needs and why each unsupported one fails, though another premise has a source', () => {
    expect(
      linked(
        '        - id: a\n          text: A.\n          evidence:\n            - text: E.\n              source: s\n        - id: b\n          text: B.\n        - id: c\n          text: C.\n          evidence:\n            - text: F.\n',
      ),
    ).toEqual([
      'unsupported recommendation: the recommendation needs all of `a`, `b`, `c`; `b` rests on nothing; `c` has evidence that cites no source',
    ]);
  });
});
