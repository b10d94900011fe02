import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counterpointsJson, counterpointsText } from '../../src/format/claim-lists';
import { buildDiagram } from '../../src/format/diagram';
import { evaluationJson, evaluationText } from '../../src/format/evaluation';
import { formatHtmlReport } from '../../src/format/html-report';
import { formatOutline } from '../../src/format/outline';
import { treeJson } from '../../src/format/tree-json';
import { SourceFile } from '../../src/load/source-file';
import { checkSource } from '../../src/pipeline/check-source';
import { chalkFor } from '../../src/util/terminal';
import { viewOf } from '../../src/view/index';
import { ROOT } from '../helpers/cli';
import { FIXTURES } from '../helpers/fixtures';

/**
 * Every view states the same facts about the same argument: each claim's number, its status word,
 * and each counterpoint's state (answered / conceded / unanswered), and the same counts. The facts
 * are read back out of each output as a reader (or a program) finds them there.
 */

const FILES = [
  join(ROOT, 'arguments', 'south-korea-arms-to-ukraine.yaml'),
  ...[
    'valid/every-feature.yaml',
    'valid/linked-groups.yaml',
    'valid/linked-undercuts.yaml',
    'valid/undercut-chains.yaml',
    'valid/minimal.yaml',
    'rules/unanswered-counterpoint/unanswered.yaml',
    'rules/unanswered-counterpoint/undercut-answers.yaml',
    'rules/conceded-rebutted/denied.yaml',
    'rules/self-attack/targets-itself.yaml',
    'rules/circular-support/cycle.yaml',
    // Files that use files: the used file's counterpoints are shown, with their state, in the file that uses it.
    'uses/counterpoint-across/reply.yaml',
  ].map((f) => join(FIXTURES, f)),
  ...['editorial.yaml', 'reply.yaml'].map((f) => join(ROOT, 'examples', 'newsroom', f)),
];

const KIND = '(?:recommendation|reason|risk|counterpoint|rebuttal)';
const NUM = '[0-9.()a-z]+';

function views(path: string) {
  const source = new SourceFile('map.yaml', readFileSync(path, 'utf8'));
  // Checked as the commands check it, with the files it uses.
  const { graph, analyses } = checkSource(source, { absolute: path, root: dirname(path) });
  if (!graph || !analyses) throw new Error(`${path}: not checked`);
  const files = [{ source, analyses }];
  const chalk = chalkFor(0);
  return {
    view: viewOf(analyses),
    outline: formatOutline(graph, analyses, { file: 'map.yaml' }),
    report: formatHtmlReport([{ path: 'map.yaml', analyses, drawings: { none: 'not drawn in this test' } }]),
    counterpointsText: counterpointsText(files, chalk),
    counterpointsJson: JSON.parse(counterpointsJson(files)) as {
      files: Array<{ counterpoints: Array<{ id: string; state: string; answered: boolean; conceded: boolean }> }>;
    },
    evaluationText: evaluationText(files, chalk),
    evaluationJson: JSON.parse(evaluationJson(files)) as {
      files: Array<{ claims: Array<{ id: string; number?: string; label: string; status: string }> }>;
    },
    tree: treeJson(source, analyses),
    diagram: buildDiagram(analyses),
  };
}

/** Every claim node of the JSON tree, wherever it is nested. */
function treeNodes(value: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) treeNodes(v, out);
  else if (value !== null && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (typeof node.kind === 'string' && typeof node.id === 'string' && 'status' in node) out.push(node);
    for (const [key, v] of Object.entries(node)) if (key !== 'evidence') treeNodes(v, out);
  }
  return out;
}

/** The report's claim boxes: `{ number, status, state, word }` by the anchor's claim, as the page shows them. */
function reportBoxes(html: string) {
  const boxes = new Map<string, { number?: string; status: string; state?: string; shown: string }>();
  const re = /<div class="claim [^"]*" id="[^"]*"((?: data-[a-z]+="[^"]*")+)>(.*?)<\/div>/g;
  for (const m of html.matchAll(re)) {
    const attrs = Object.fromEntries([...m[1]!.matchAll(/data-([a-z]+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!]));
    const id = /<code>([^<]*)<\/code>/.exec(m[2]!)?.[1];
    const shown = /<span class="status st-[a-z]+"[^>]*>([a-z]+)<\/span>/.exec(m[2]!)?.[1] ?? '';
    if (id !== undefined) boxes.set(id, { number: attrs.number, status: attrs.status!, state: attrs.state, shown });
  }
  return boxes;
}

/**
 * The outline's status word for each claim with an id: the Evaluation line under the line that names
 * it, or, for a claim that is unsupported and whose evaluation says so, the one ⚠️ line that says it.
 */
function outlineStatuses(md: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = md.split('\n');
  lines.forEach((line, i) => {
    const match = /^\s*- (?:\*Evaluation:\* \*\*([a-z]+)\*\*|⚠️ \*\*(unsupported)\*\*)/.exec(line);
    const status = match?.[1] ?? match?.[2];
    if (status === undefined) return;
    for (let j = i - 1; j >= 0; j--) {
      if (lines[j] === '' || /^\s*- (⚠️ \*\*unsupported\*\*|\*Evaluation:\*)/.test(lines[j]!)) continue;
      const id = /\(`([^`]+)`\)(?: \*\(assumption\)\*)?$/.exec(lines[j]!)?.[1];
      if (id !== undefined) out.set(id, status);
      break;
    }
  });
  return out;
}

describe('every view states the same facts', () => {
  for (const file of FILES) {
    describe(file.slice(file.lastIndexOf('/', file.lastIndexOf('/') - 1) + 1), () => {
      const v = views(file);
      const own = v.view.claims.filter((c) => c.claim.id !== undefined && c.claim.file === v.view.graph.file);

      it('numbers: the outline, the report, the JSON tree and evaluate name each claim by the same number', () => {
        const numbered = v.view.claims.filter((c) => c.number && c.claim.file === v.view.graph.file);
        expect(numbered.length).toBeGreaterThan(0);
        // The outline refers to claims as `reason 1.2 (`id`)`.
        const refs = [
          ...v.outline.matchAll(new RegExp(`((?:the recommendation|${KIND} ${NUM}(?: of ${KIND} ${NUM})?)) \\(\`([^\`]+)\`\\)`, 'g')),
        ];
        for (const [, name, id] of refs) {
          const claim = own.find((c) => c.claim.id === id);
          if (claim?.number) expect(name, `outline: ${id}`).toBe(claim.name);
        }
        const boxes = reportBoxes(v.report);
        const tree = new Map(treeNodes(v.tree).map((n) => [n.id as string, n]));
        const evaluated = new Map(v.evaluationJson.files[0]!.claims.map((c) => [c.id, c]));
        for (const c of numbered) {
          const key = c.claim.key;
          expect(tree.get(key)?.number, `tree: ${key}`).toBe(c.name);
          expect(evaluated.get(key)?.number, `evaluate: ${key}`).toBe(c.name);
          if (c.claim.id !== undefined) expect(boxes.get(c.claim.id)?.number, `report: ${key}`).toBe(c.name);
        }
      });

      it('labels: every view gives each claim the same status word', () => {
        const boxes = reportBoxes(v.report);
        const tree = new Map(treeNodes(v.tree).map((n) => [n.id as string, n]));
        const evaluated = new Map(v.evaluationJson.files[0]!.claims.map((c) => [c.id, c]));
        const outline = outlineStatuses(v.outline);
        const text = new Map(
          [...v.evaluationText.matchAll(new RegExp(`  ${KIND} \`([^\`]+)\`  ([a-z]+): `, 'g'))].map((m) => [m[1]!, m[2]!]),
        );
        for (const c of own) {
          const id = c.claim.id!;
          const status = c.evaluation.status;
          expect(evaluated.get(id)?.status, `evaluate JSON: ${id}`).toBe(status);
          expect(evaluated.get(id)?.label, `evaluate JSON label: ${id}`).toBe(c.evaluation.label);
          expect(text.get(id), `evaluate text: ${id}`).toBe(status);
          expect(tree.get(id)?.status, `tree: ${id}`).toBe(status);
          expect(boxes.get(id)?.status, `report: ${id}`).toBe(status);
          expect(boxes.get(id)?.shown, `report, the word shown: ${id}`).toBe(status);
          expect(outline.get(id), `outline: ${id}`).toBe(status);
        }
      });

      it('answered states: one word per counterpoint, the same in every view, and the same count', () => {
        const counterpoints = v.view.counterpoints;
        const boxes = reportBoxes(v.report);
        const tree = new Map(treeNodes(v.tree).map((n) => [n.id as string, n]));
        const json = new Map(v.counterpointsJson.files[0]!.counterpoints.map((c) => [c.id, c]));
        const text = new Map(
          [...v.counterpointsText.matchAll(/counterpoint `([^`]+)`(?: \(undercut\))?: ([a-z]+)$/gm)].map((m) => [m[1]!, m[2]!]),
        );
        const drawn = new Map(v.diagram.claimNodes.map((n) => [n.claim, n]));
        for (const c of counterpoints) {
          const state = c.counterpoint!;
          expect(['answered', 'conceded', 'unanswered']).toContain(state);
          expect(json.get(c.claim.key)?.state, `counterpoints JSON: ${c.claim.key}`).toBe(state);
          expect(text.get(c.claim.id ?? c.claim.path), `counterpoints text: ${c.claim.key}`).toBe(state);
          expect(drawn.get(c.claim)?.unanswered, `drawing: ${c.claim.key}`).toBe(state === 'unanswered');
          if (c.claim.id === undefined) continue;
          expect(tree.get(c.claim.id)?.state, `tree: ${c.claim.id}`).toBe(state);
          expect(boxes.get(c.claim.id)?.state, `report: ${c.claim.id}`).toBe(state);
          // The outline's own line for it says the word, and every mention elsewhere says it too.
          for (const m of v.outline.matchAll(new RegExp(`${KIND} ${NUM}(?: of ${KIND} ${NUM})? \\(\`${c.claim.id}\`\\), ([a-z]+)`, 'g'))) {
            expect(m[1], `outline mention: ${c.claim.id}`).toBe(state);
          }
        }
        const unanswered = counterpoints.filter((c) => c.counterpoint === 'unanswered').length;
        expect(v.outline).toContain(`(${unanswered} unanswered)`);
        expect(v.report).toContain(`(${unanswered} unanswered)`);
        expect(v.counterpointsText).toContain(`(${unanswered} unanswered)`);
        expect(v.outline.match(/❗ \*\*unanswered\*\*/g)?.length ?? 0).toBe(unanswered);
        expect(v.report.match(/❗ unanswered/g)?.length ?? 0).toBe(2 * unanswered); // in the outline and in the list
      });

      it("used files' counterpoints: the state where they are answered, the same in the outline, the report and the drawing", () => {
        const used = v.view.claims.filter((c) => c.kind === 'counterpoint' && c.claim.file !== v.view.graph.file && c.number);
        const boxes = reportBoxes(v.report);
        const drawn = new Map(v.diagram.claimNodes.map((n) => [n.claim, n]));
        const words = { conceded: '✔️ **conceded**', answered: '**answered**', unanswered: '❗ **unanswered**' };
        for (const c of used) {
          const state = c.counterpoint!;
          expect(['answered', 'conceded', 'unanswered'], `state: ${c.claim.key}`).toContain(state);
          expect(drawn.get(c.claim)?.unanswered, `drawing: ${c.claim.key}`).toBe(state === 'unanswered');
          if (c.claim.id === undefined) continue;
          expect(boxes.get(c.claim.id)?.state, `report: ${c.claim.id}`).toBe(state);
          // Its item in the outline: from its line to the next numbered item or heading.
          const start = v.outline.indexOf(`(\`${c.claim.id}\`)`);
          const item = v.outline.slice(start, v.outline.slice(start).search(/\n(?:\d+\. |#)/) + start);
          const said = Object.entries(words)
            .filter(([, w]) => item.includes(`- ${w}`))
            .map(([k]) => k);
          expect(said, `outline: ${c.claim.id}`).toEqual([state]);
        }
      });
    });
  }
});
