import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { Analyses } from '../../src/analyses/index';
import { codeSpan, escapeMarkdown, markdownLink, safeUrl } from '../../src/format/markdown-escape';
import { formatOutline, writeOutline, type OutlineOptions } from '../../src/format/outline';
import { SourceFile } from '../../src/load/source-file';
import { buildGraph } from '../../src/model/build';
import { checkSource } from '../../src/pipeline/check-source';
import { ROOT } from '../helpers/cli';

function outline(yaml: string, options: Partial<OutlineOptions> = {}): string {
  const graph = buildGraph(parseDocument(yaml));
  return formatOutline(graph, new Analyses(graph), { file: 'map.yaml', ...options });
}

/** The ids of the claims that carry the unsupported mark: the claim line just above each mark. */
function markedUnsupported(md: string): string[] {
  const lines = md.split('\n');
  const ids: string[] = [];
  lines.forEach((line, i) => {
    if (!line.includes('⚠️ **unsupported**')) return;
    let j = i - 1;
    while (j >= 0 && lines[j]!.trim() === '') j--;
    const id = /\(`([^`]+)`\)(?: \*\(assumption\)\*)?$/.exec(lines[j] ?? '')?.[1];
    ids.push(id ?? `?line ${j + 1}`);
  });
  return ids;
}

/** The lines of a `## section`, up to the next `## `. */
function section(md: string, heading: string): string {
  const start = md.indexOf(`\n## ${heading}\n`);
  if (start === -1) return '';
  const end = md.indexOf('\n## ', start + 1);
  return md.slice(start, end === -1 ? undefined : end);
}

const SMALL = `
argmap: 1
title: Should the city close Main Street to cars?
document:
  kind: op-ed
  title: Close Main Street
  author: Jo Writer
  outlet: The Daily
  date: 2024-05-02
  url: https://example.org/main-street
sources:
  - id: council
    speaker: City council
    role: Transport committee
    organization: Springfield
    venue: annual report
    date: 2024-05
    kind: report
    url: https://example.org/report
    note: Pilot of 2023.
  - id: austin
    speaker: Lloyd Austin
    role: U.S. Defense Secretary
    date: 2024-10-23
    kind: statement
recommendation:
  id: close-street
  text: The city should close Main Street to cars on weekends.
  reasons:
    - id: revenue
      text: Pedestrian zones raise shop revenue.
      evidence:
        - text: Revenue rose 12% in the pilot.
          source: council
          quote: up 12%
      reasons:
        - id: footfall
          text: Footfall rose.
          reasons:
            - id: counted
              text: Counters were installed.
              assumption: true
    - id: safety
      text: Fewer cars mean fewer accidents.
      counterpoints:
        - id: displaced
          text: Traffic moves to side streets.
          undercut: true
    - id: air
      text: The air gets cleaner.
      evidence:
        - text: Someone said so.
  risks:
    - id: backlash
      text: Drivers may be angry.
      evidence:
        - text: Austin said so.
          source: austin
  counterpoints:
    - id: deliveries
      text: Shops need deliveries.
      conceded: true
      rebuttals:
        - id: mornings
          text: Deliveries can come before 10.
          undercut: true
          reasons:
            - ref: footfall
    - id: cost
      text: It costs too much.
      evidence:
        - text: The sign budget is 40,000 dollars.
          source: council
      rebuttals:
        - ref: revenue
counterpoints:
  - id: residents
    text: Residents object.
  - id: about-air
    text: Cleaner air is not measured.
    targets: [air]
`;

describe('writeOutline: chunks', () => {
  it('hands over whole lines in chunks that add up to the same text at every chunk size', () => {
    const yaml = readFileSync(new URL('../../arguments/south-korea-arms-to-ukraine.yaml', import.meta.url), 'utf8');
    const graph = buildGraph(parseDocument(yaml));
    const analyses = new Analyses(graph);
    const whole = formatOutline(graph, analyses, { file: 'op-ed.yaml' });
    const lines = whole.split('\n').length;
    for (const size of [1, 2, 3, 7, 64, lines + 10]) {
      const chunks: string[] = [];
      writeOutline(graph, analyses, { file: 'op-ed.yaml' }, (c) => chunks.push(c), size);
      expect(chunks.join('')).toBe(whole);
      for (const chunk of chunks) {
        expect(chunk.endsWith('\n')).toBe(true);
        // At most `size` lines and a blank one: the outline is never held whole (but at the largest size).
        expect(chunk.split('\n').length - 1).toBeLessThanOrEqual(size + 1);
      }
      expect(chunks.length).toBeGreaterThanOrEqual(size > lines ? 1 : Math.floor(lines / (size + 1)));
    }
  });
});

describe('formatOutline: structure', () => {
  const md = outline(SMALL);

  it('has the title and the sections, in order', () => {
    expect(md.startsWith('# Should the city close Main Street to cars?\n')).toBe(true);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(['## Recommendation', '## Reasons', '## Risks', '## Counterpoints', '## Sources']);
  });

  it('describes the document from the graph, with its url as a link', () => {
    expect(md).toContain(
      '**Document:** op-ed · *“Close Main Street”* · by Jo Writer · The Daily · 2024-05-02 · [link](https://example.org/main-street)',
    );
  });

  it('takes the document from options when given', () => {
    const other = outline(SMALL, { document: { kind: 'speech', date: 2023 } });
    expect(other).toContain('**Document:** speech · 2023\n');
    expect(other).not.toContain('Jo Writer');
  });

  it('names the file', () => {
    expect(md).toContain(
      'Outline of `map.yaml`: 3 reasons · 1 risk · 5 counterpoints (3 unanswered) · 2 sources · 6 unsupported claims.\n',
    );
  });

  it('numbers the reasons, and the sub-reasons under them', () => {
    const reasons = section(md, 'Reasons');
    expect(reasons).toContain('\n1. **Pedestrian zones raise shop revenue.** (`revenue`)\n');
    expect(reasons).toContain('\n   - **1.1** Footfall rose. (`footfall`)\n');
    expect(reasons).toContain('\n     - **1.1.1** Counters were installed. (`counted`) *(assumption)*\n');
    expect(reasons).toContain('\n2. **Fewer cars mean fewer accidents.** (`safety`)\n');
    expect(reasons).toContain('\n3. **The air gets cleaner.** (`air`)\n');
  });

  it('labels claims under a counterpoint from its number, and says whose they are when cited elsewhere', () => {
    const md = outline(`
argmap: 1
recommendation:
  id: rec
  text: Do it.
  reasons:
    - id: r1
      text: First reason.
      reasons:
        - { id: r1-a, text: Sub reason. }
      risks:
        - { id: r1-b, text: Sub risk. }
      counterpoints:
        - id: c1
          text: A counterpoint under a reason.
          reasons:
            - id: c1-a
              text: Why it holds.
              reasons:
                - { id: c1-a-1, text: Deeper. }
          rebuttals:
            - id: c1-r
              text: Answer.
              rebuttals:
                - { id: c1-r-r, text: Answer to the answer. }
  risks:
    - id: k1
      text: A risk.
      reasons:
        - ref: c1-a
        - ref: c1-a-1
        - ref: c1-r-r
`);
    const lines = md.split('\n');
    // Reasons and risks under a reason share one count; a risk among them says what it is.
    for (const line of [
      '   - **1.1** Sub reason. (`r1-a`)',
      '   - **1.2** *(risk)* Sub risk. (`r1-b`)',
      '   - **Reason 1** Why it holds. (`c1-a`)',
      '     - **Reason 1.1** Deeper. (`c1-a-1`)',
      '   - **Rebuttal 1.1** Answer. (`c1-r`)',
      '     - **Rebuttal 1.1.1** Answer to the answer. (`c1-r-r`)',
      '   - Supported by: see reason 1 of counterpoint 1 (`c1-a`)',
      '   - Supported by: see reason 1.1 of counterpoint 1 (`c1-a-1`)',
      '   - Supported by: see rebuttal 1.1.1 (`c1-r-r`)',
    ]) {
      expect(lines).toContain(line);
    }
  });

  it('labels rebuttals written under a reason, a risk or the recommendation by whose they are', () => {
    // The schema puts rebuttals under counterpoints only; the outline still names them sensibly
    // when a caller builds a graph from such a file.
    const md = outline(`
argmap: 1
recommendation:
  id: rec
  text: Do it.
  rebuttals:
    - { id: rec-x, text: Under the recommendation. }
  reasons:
    - id: r1
      text: First reason.
      rebuttals:
        - { id: r1-x, text: Under a reason. }
        - { id: r1-y, text: Another. }
      risks:
        - id: k1
          text: A risk under a reason.
          rebuttals:
            - { id: k1-x, text: Under that risk. }
counterpoints:
  - id: c1
    text: Attack.
    targets: [rec]
    reasons:
      - { ref: rec-x }
      - { ref: r1-y }
      - { ref: k1-x }
`);
    const lines = md.split('\n');
    for (const line of [
      '   - **Rebuttal 1** Under a reason. (`r1-x`)',
      '   - **Rebuttal 2** Another. (`r1-y`)',
      '   - Supported by: see rebuttal 1 of the recommendation (`rec-x`)',
      '   - Supported by: see rebuttal 2 of reason 1 (`r1-y`)',
      '   - Supported by: see rebuttal 1 of reason 1.1 (`k1-x`)',
    ]) {
      expect(lines).toContain(line);
    }
  });

  it('numbers the risks on their own', () => {
    expect(section(md, 'Risks')).toContain('\n1. **Drivers may be angry.** (`backlash`)\n');
  });

  it('cites a source in short beside its evidence, the number linking to the Sources list, with quotes in italics', () => {
    expect(md).toContain('   - 📄 Revenue rose 12% in the pilot. *“up 12%”* — City council, 2024-05 [[1]](#source-1)');
    expect(md).toContain('📄 Austin said so. — Lloyd Austin, 2024-10-23 [[2]](#source-2)');
    // In full once, in the Sources list, where the number links to.
    expect(md.match(/U\.S\. Defense Secretary/g)).toHaveLength(1);
    expect(md).toContain('📄 Someone said so. — ⚠️ no source given');
  });

  it('marks exactly the unsupported claims, with the reason why', () => {
    const graph = buildGraph(parseDocument(SMALL));
    const analyses = new Analyses(graph);
    const expected = graph.claims.filter((c) => analyses.support.why.has(c.index)).map((c) => c.id);
    expect(markedUnsupported(md).sort()).toEqual(expected.sort());
    expect(markedUnsupported(md).sort()).toEqual(['about-air', 'air', 'deliveries', 'displaced', 'residents', 'safety']);
    expect(md).toContain('(`safety`)\n   - ⚠️ **unsupported**: rests on nothing (no evidence, no reasons, not marked as an assumption)');
    expect(md).toContain('(`air`)\n   - ⚠️ **unsupported**: its evidence cites no source');
    // An assumption is support: it is marked as such, never as unsupported.
    expect(md).toContain('(`counted`) *(assumption)*\n');
  });

  it('says why when only unsupported or circular support is given', () => {
    const md2 = outline(`
argmap: 1
title: t
recommendation:
  id: rec
  text: R.
  reasons:
    - id: a
      text: A.
      reasons:
        - ref: b
    - id: b
      text: B.
      reasons:
        - ref: a
    - id: c
      text: C.
      reasons:
        - id: d
          text: D.
`);
    expect(markedUnsupported(md2)).toEqual(['rec', 'a', 'b', 'c', 'd']);
    expect(md2).toContain('(`rec`)\n\n- ⚠️ **unsupported**: every reason given for it is itself unsupported');
    expect(md2).toContain('(`a`)\n   - ⚠️ **unsupported**: its support runs in a circle back to itself');
    expect(md2).toContain('   - Supported by: see reason 2 (`b`)');
    // The evaluation says the same word: said once, on the ⚠️ line, never again just below it.
    expect(md2).toContain('(`d`)\n     - ⚠️ **unsupported**: rests on nothing (no evidence, no reasons, not marked as an assumption)\n\n');
    expect(md2).not.toContain('*Evaluation:* **unsupported**');
  });

  it('lists every counterpoint under the claim it is written against, or at the top level', () => {
    const cps = section(md, 'Counterpoints');
    const headings = cps.split('\n').filter((l) => l.startsWith('### '));
    expect(headings).toEqual([
      '### Against reason 2 (`safety`)',
      '### Against the recommendation as a whole',
      '### Against particular claims',
    ]);
    const items = cps.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(items).toEqual([
      '1. **Traffic moves to side streets.** (`displaced`)',
      '2. **Shops need deliveries.** (`deliveries`)',
      '3. **It costs too much.** (`cost`)',
      '4. **Residents object.** (`residents`)',
      '5. **Cleaner air is not measured.** (`about-air`)',
    ]);
    // The attacked claim points to its counterpoints.
    expect(section(md, 'Reasons')).toContain('   - Challenged by counterpoint 1 (`displaced`), unanswered');
    expect(section(md, 'Reasons')).toContain('   - Challenged by counterpoint 5 (`about-air`), unanswered');
    expect(section(md, 'Recommendation')).toContain('- Challenged by counterpoint 2 (`deliveries`), conceded');
  });

  it('words an undercut as an attack on the link', () => {
    expect(md).toContain(
      '   - **Undercuts** the link *that reason 2 (`safety`) supports the recommendation (`close-street`)* (true, but it does not follow)',
    );
    expect(md).toContain(
      '   - **Rebuttal 2.1** *(undercut)* Deliveries can come before 10. (`mornings`)\n' +
        '     - *Evaluation:* **in**: supported by reason `footfall`, which is in\n' +
        '     - **Undercuts** the link *that counterpoint 2 (`deliveries`) attacks the recommendation (`close-street`)* (true, but it does not follow)\n' +
        '     - Supported by: see reason 1.1 (`footfall`)\n',
    );
  });

  it('says whether a counterpoint is conceded, answered or unanswered', () => {
    expect(md).toContain('   - ✔️ **conceded** by the author; answered by 1 rebuttal');
    expect(md).toContain('   - **answered** by 1 rebuttal; not conceded\n');
    expect(md).toContain('   - ❗ **unanswered**: not conceded, and nothing answers it');
    expect(md.match(/❗ \*\*unanswered\*\*/g)).toHaveLength(3);
  });

  it("gives a used file's counterpoint its state there, counting the answers from either file", () => {
    // The reply uses the editorial, whose counterpoint is conceded and answered there by an undercut.
    const path = join(ROOT, 'examples', 'newsroom', 'reply.yaml');
    const checked = checkSource(new SourceFile('reply.yaml', readFileSync(path, 'utf8')), { absolute: path, root: dirname(path) });
    const reply = formatOutline(checked.graph!, checked.analyses!, { file: 'reply.yaml' });
    const used = reply.slice(reply.indexOf('(`cost-to-households`)'), reply.indexOf('**Rebuttal 2.1**'));
    expect(used).toContain('   - ✔️ **conceded** by the author; answered by 1 rebuttal\n');
    expect(reply).not.toContain('unanswered**');
    expect(reply).toContain('1 counterpoint (0 unanswered)');
  });

  it('shows a rebuttal given by reference as "answered by", and the reused claim says so too', () => {
    expect(md).toContain('   - Answered by reason 1 (`revenue`)\n');
    expect(section(md, 'Reasons')).toContain('   - Also answers counterpoint 3 (`cost`)');
    expect(md).toContain('   - **Attacks** reason 3 (`air`)');
  });

  it('keeps rebuttals written in place and answers given by reference in the order of the file', () => {
    const md = outline(`
argmap: 1
title: Order of answers
recommendation:
  id: rec
  text: Do it.
  assumption: true
  reasons:
    - id: early
      text: An early reason.
      assumption: true
    - id: late
      text: A late reason.
      assumption: true
counterpoints:
  - id: objection
    text: An objection.
    rebuttals:
      - ref: early
      - id: first-in-place
        text: Answered here first.
        assumption: true
      - ref: late
      - id: second-in-place
        text: Answered here second.
        assumption: true
`);
    const order = ['Answered by reason 1 (`early`)', 'Answered here first.', 'Answered by reason 2 (`late`)', 'Answered here second.'];
    const at = order.map((text) => md.indexOf(text));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
  });

  it('keeps answers by reference in file order when the file writes counterpoints before the recommendation', () => {
    // References resolve in the builder's walk (the recommendation first), not in file order.
    const md = outline(`
argmap: 1
title: Counterpoints first
counterpoints:
  - id: objection
    text: An objection.
    rebuttals:
      - ref: early
recommendation:
  id: rec
  text: Do it.
  assumption: true
  reasons:
    - id: early
      text: An early reason.
      assumption: true
  counterpoints:
    - id: doubt
      text: A doubt.
      rebuttals:
        - id: late
          text: A later answer.
          assumption: true
          targets: [objection]
`);
    const early = md.indexOf('Answered by reason 1 (`early`)');
    const late = md.indexOf('Answered by rebuttal 1.1 (`late`)');
    expect(early).toBeGreaterThan(0);
    expect(late).toBeGreaterThan(early);
  });

  it('lists the sources in file order, with their details, link and note', () => {
    const sources = section(md, 'Sources');
    expect(sources).toContain(
      '\n1. <a id="source-1"></a>`council`: **City council**, Transport committee, Springfield, annual report, 2024-05 · *report* · [link](https://example.org/report)\n' +
        '   - *Note:* Pilot of 2023.\n' +
        '   - Cited for reason 1 (`revenue`); counterpoint 3 (`cost`)\n',
    );
    expect(sources).toContain('\n2. <a id="source-2"></a>`austin`: **Lloyd Austin**, U.S. Defense Secretary, 2024-10-23 · *statement*\n');
  });

  it('is deterministic and ends with exactly one newline', () => {
    expect(outline(SMALL)).toBe(md);
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
    expect(md).not.toMatch(/\n\n\n/);
  });

  it('copes with an empty map', () => {
    const empty = outline('argmap: 1\n');
    expect(empty).toContain('# Argument map\n');
    expect(section(empty, 'Reasons')).toContain('*None given.*');
    expect(section(empty, 'Counterpoints')).toContain('*None considered.*');
    expect(empty.endsWith('.*\n')).toBe(true);
  });
});

describe('formatOutline: hostile text', () => {
  const HOSTILE = `
argmap: 1
title: "<script>alert(1)</script> | table |"
description: "line one\\nline two\\n\\n1. not a list\\n<img src=x onerror=alert(1)>"
document:
  kind: op-ed
  url: "javascript:alert(1)"
sources:
  - id: evil
    speaker: "![img](https://evil.example/pixel.png)"
    role: "| a | b |\\n|---|---|"
    organization: "\`code\` \`\`more\`\`"
    venue: "\\e[31mred\\e[0m \\u202Ereversed"
    date: "2024-10"
    url: "https://example.org/a (b) <c>"
    note: "see https://evil.example and www.evil.example or mail user@example.com; &lt;b&gt; $x$"
  - id: bad
    url: "javascript:alert(1)"
recommendation:
  id: "rec\`) [x](javascript:alert(1)) (\`"
  text: "Do [x](javascript:alert(1)) now <script>x</script> ~~no~~ **loud** _em_ #tag"
  reasons:
    - id: r1
      text: "- starts like a list"
      evidence:
        - text: "1. starts like an ordered list"
          source: evil
          quote: "**bold** _em_"
    - text: "> quote-like and \`\`\` fence"
`;
  const md = outline(HOSTILE, { file: 'evil`name`.yaml' });

  it('lets no HTML through', () => {
    // The one tag is the outline's own: the anchor of each entry in the Sources list.
    expect(md.replace(/<a id="source-\d+"><\/a>/g, '')).not.toMatch(/(?<!\\)</);
    expect(md).toContain('# \\<script\\>alert(1)\\</script\\> \\| table \\|');
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
  });

  it('makes no link or image of the text, and links only http(s) urls', () => {
    // Every `](` outside escapes and code spans belongs to a link this formatter made.
    const bare = md.replace(/\\./g, '').replace(/(`+)[^`][\s\S]*?(?<!`)\1(?!`)/g, '');
    const links = bare.match(/\]\(/g) ?? [];
    expect(links).toHaveLength(2);
    expect(md).toContain('[link](https://example.org/a%20%28b%29%20%3Cc%3E)');
    expect(md).toContain(', 2024-10 [[1]](#source-1)');
    expect(md).toContain('Do \\[x\\](javascript:alert(1)) now');
    expect(md).toContain('!\\[img\\](https\\://evil.example/pixel.png)');
    expect(md).toContain('javascript:alert(1) (not linked)');
    expect(md).not.toMatch(/\[link\]\(javascript/);
    // GitHub's bare autolinks: scheme, www. and e-mail addresses.
    expect(md).toContain('see https\\://evil.example and www\\.evil.example or mail user@&#8203;example.com;');
  });

  it('escapes emphasis, tables, strikethrough, entities, math and headings', () => {
    expect(md).toContain('\\~\\~no\\~\\~ \\*\\*loud\\*\\* \\_em\\_ \\#tag');
    expect(md).toContain('\\| a \\| b \\| \\|---\\|---\\|');
    expect(md).toContain('\\&lt;b\\&gt; \\$x\\$');
  });

  it('keeps every piece of text on its line, and stops it starting a block', () => {
    expect(md).toContain('*About this map:* line one line two 1. not a list');
    expect(md).toContain('1. **\\- starts like a list** (`r1`)');
    expect(md).toContain('📄 1\\. starts like an ordered list *“\\*\\*bold\\*\\* \\_em\\_”*');
    expect(md).toContain('2. **\\> quote-like and \\`\\`\\` fence**');
  });

  it('shows control characters and bidi overrides as code points', () => {
    expect(md).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(md).toContain('\\\\u{1b}\\[31mred\\\\u{1b}\\[0m \\\\u{202e}reversed');
  });

  it('fences ids and file names with backticks so they cannot break out', () => {
    expect(md).toContain('(`` rec`) [x](javascript:alert(1)) (` ``)');
    expect(md).toContain('Outline of ``evil`name`.yaml``:');
    expect(md).toContain('\\`code\\` \\`\\`more\\`\\`');
  });
});

describe('escapeMarkdown and friends', () => {
  it('escapes what Markdown and GitHub would interpret', () => {
    expect(escapeMarkdown('a*b_c`d[e]f<g>h#i|j~k&l$m\\n')).toBe('a\\*b\\_c\\`d\\[e\\]f\\<g\\>h\\#i\\|j\\~k\\&l\\$m\\\\n');
    expect(escapeMarkdown('![x](y)')).toBe('!\\[x\\](y)');
    expect(escapeMarkdown('http://x.org www.y.org a@b.c')).toBe('http\\://x.org www\\.y.org a@&#8203;b.c');
  });

  it('escapes what would start a block', () => {
    expect(escapeMarkdown('1. one')).toBe('1\\. one');
    expect(escapeMarkdown('12) twelve')).toBe('12\\) twelve');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('=== ')).toBe('\\===');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('# head')).toBe('\\# head');
    expect(escapeMarkdown('    code')).toBe('code');
    expect(escapeMarkdown('1.5 million')).toBe('1\\.5 million');
    expect(escapeMarkdown('a - b 1. c')).toBe('a - b 1. c');
  });

  it('keeps text on one line and shows control characters', () => {
    expect(escapeMarkdown('a\n\n b\r\nc\td\u2028e')).toBe('a b c d e');
    expect(escapeMarkdown('\u001b[1mx\u0007\u202e')).toBe('\\\\u{1b}\\[1mx\\\\u{7}\\\\u{202e}');
  });

  it('leaves ordinary prose alone', () => {
    const prose = 'About 10,000 North Korean soldiers (1,500 special forces) — 2024-10-17, Kim Tae-hyo\'s "warning".';
    expect(escapeMarkdown(prose)).toBe(prose);
  });

  it('makes code spans that text cannot close', () => {
    expect(codeSpan('id')).toBe('`id`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x``')).toBe('``` `x`` ```');
    expect(codeSpan('a\nb\u001b')).toBe('`a b\\u{1b}`');
    expect(codeSpan('')).toBe('` `');
  });

  it('links only http(s) urls, percent-encoding what could end the link', () => {
    expect(safeUrl('https://example.org/a b(c)<d>"e\'f\\g`h')).toBe('https://example.org/a%20b%28c%29%3Cd%3E%22e%27f%5Cg%60h');
    expect(safeUrl('http://x.org/\u202e\n')).toBe('http://x.org/%E2%80%AE');
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('HTTPS://x.org')).toBeUndefined();
    expect(safeUrl('data:text/html,<script>')).toBeUndefined();
    expect(safeUrl(' //x.org')).toBeUndefined();
    expect(markdownLink('a [b]', 'https://x.org/(1)')).toBe('[a \\[b\\]](https://x.org/%281%29)');
    expect(markdownLink('x', 'ftp://x.org')).toBe('ftp\\://x.org (not linked)');
  });
});

describe('formatOutline: the South Korea op-ed', () => {
  const yaml = readFileSync(new URL('../../arguments/south-korea-arms-to-ukraine.yaml', import.meta.url), 'utf8');
  const graph = buildGraph(parseDocument(yaml));
  const md = formatOutline(graph, new Analyses(graph), { file: 'arguments/south-korea-arms-to-ukraine.yaml' });

  it('marks exactly the four unsupported claims', () => {
    expect(markedUnsupported(md).sort()).toEqual(['interoperability', 'legal-basis', 'readiness-deterrence', 'threat-perception'].sort());
  });

  it('names every source, with its speaker and date, in the Sources section and beside its evidence', () => {
    const sources = section(md, 'Sources');
    expect(graph.sources.length).toBeGreaterThan(10);
    graph.sources.forEach((source, i) => {
      expect(sources).toContain(`\n${i + 1}. <a id="source-${i + 1}"></a>\`${source.id}\``);
      if (source.speaker !== undefined) {
        expect(sources).toContain(`**${escapeMarkdown(source.speaker)}**`);
        if (source.citedBy.length > 0)
          expect(md).toContain(
            `— ${escapeMarkdown(source.speaker)}${source.date !== undefined ? `, ${source.date}` : ''} [[${i + 1}]](#source-${i + 1})`,
          );
      }
      if (source.date !== undefined) expect(sources).toContain(`, ${source.date} ·`);
    });
    for (const speaker of [
      'Volodymyr Zelenskyy',
      'Lloyd Austin',
      'Mark Rutte',
      'Kim Tae-hyo',
      'Kim Sung',
      'Maria Zakharova',
      'Vladimir Putin',
      'Dmitry Medvedev',
    ]) {
      expect(md).toContain(speaker);
    }
  });

  it('carries every figure and date the map gives', () => {
    const texts = [
      graph.title,
      graph.description,
      ...Object.values(graph.document),
      ...graph.claims.flatMap((c) => [c.text, c.quote, c.note]),
      ...graph.evidence.flatMap((e) => [e.text, e.quote, e.note]),
      ...graph.sources.flatMap((s) => [s.speaker, s.role, s.organization, s.venue, s.date, s.note]),
    ].filter((t): t is string => t !== undefined);
    const figures = new Set(texts.flatMap((t) => t.match(/\d[\d,.-]*\d|\d/g) ?? []));
    expect(figures.size).toBeGreaterThan(5);
    for (const figure of figures) expect(md, figure).toContain(figure);
    for (const date of ['October 17', '2024-10-17', '2024-10-21', '2024-10-23', '10,000', '12,000', '1,500']) {
      expect(md).toContain(date);
    }
  });

  it('outlines the argument: four reasons, two risks, the conceded counterpoint and its undercut', () => {
    expect(md.split('\n').filter((l) => /^\d+\. \*\*/.test(l))).toHaveLength(4 + 2 + 2);
    expect(md).toContain('### Against reason 1 (`intelligence-uncertain`)');
    expect(md).toContain('✔️ **conceded** by the author');
    expect(md).toContain(
      '**Undercuts** the link *that counterpoint 1 (`intelligence-not-dismissible`) attacks reason 1 (`intelligence-uncertain`)*',
    );
    expect(md).toContain('Supported by: see reason 1.2 (`purpose-unclear`)');
    for (const answer of ['reason 1 (`intelligence-uncertain`)', 'reason 4 (`legal-basis`)', 'risk 2 (`threat-perception`)']) {
      expect(md).toContain(`   - Answered by ${answer}\n`);
    }
    expect(md).not.toContain('❗ **unanswered**');
    expect(md.endsWith('\n') && !md.endsWith('\n\n')).toBe(true);
  });
});
