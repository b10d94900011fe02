// Generates the benchmark inputs: argument files of n claims (evidence, sources, counterpoints,
// rebuttals, `ref` and `targets` references; schema-valid), and a repository of copies of the op-ed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = [
  'supply',
  'allies',
  'deterrence',
  'treaty',
  'artillery',
  'sanctions',
  'intelligence',
  'border',
  'budget',
  'exports',
  'parliament',
  'readiness',
  'escalation',
  'shipments',
  'consensus',
  'doctrine',
];

function sentence(i, kind) {
  const a = WORDS[i % 16],
    b = WORDS[(i >> 4) % 16],
    c = WORDS[(i >> 8) % 16];
  return `${kind} ${i} says ${a} and ${b} shape the ${c} question.`;
}

/**
 * An argument file of about `n` claims. The recommendation's reasons form a tree (branching 4);
 * leaves carry evidence citing sources; every 9th reason item reuses an earlier claim of another
 * branch with `ref` (never an ancestor, so no circle); about a quarter of the claims are top-level
 * counterpoints, each answered by a rebuttal with evidence, some naming a reason in `targets`.
 */
export function argumentFile(n) {
  const out = [];
  const push = (...lines) => {
    for (const l of lines) out.push(l);
  };
  const nSources = Math.max(3, Math.ceil(n / 10));
  push('argmap: 1', `title: Generated argument of ${n} claims`, 'document:', '  kind: op-ed', "  date: '2024-10-23'", 'sources:');
  for (let s = 0; s < nSources; s++) {
    push(
      `  - id: s${s}`,
      `    speaker: Speaker ${s}`,
      `    kind: statement`,
      `    date: '2024-10-${String((s % 28) + 1).padStart(2, '0')}'`,
    );
  }
  let claims = 1;
  let evidence = 0;
  const cite = () => `s${evidence++ % nSources}`;
  const counterBudget = Math.floor(n / 4);
  const reasonBudget = n - 1 - counterBudget;
  const defined = []; // ids of finished subtrees of earlier top-level reasons (safe ref targets)
  push('recommendation:', '  id: c0', `  text: ${sentence(0, 'Recommendation')}`, '  reasons:');
  // Breadth: the recommendation gets top-level reasons; each subtree gets a share of the budget.
  const top = Math.max(1, Math.min(50, Math.ceil(reasonBudget / 200)));
  let remaining = reasonBudget;
  function subtree(indent, budget, branch, refsOk) {
    // One claim, then up to 4 children sharing budget - 1.
    const pad = ' '.repeat(indent);
    const id = `c${claims++}`;
    push(`${pad}- id: ${id}`, `${pad}  text: ${sentence(claims, 'Reason')}`);
    let rest = budget - 1;
    if (rest <= 0) {
      push(`${pad}  evidence:`, `${pad}    - text: ${sentence(claims, 'Fact')}`, `${pad}      source: ${cite()}`);
      branch.push(id);
      return;
    }
    if (claims % 3 === 0) push(`${pad}  evidence:`, `${pad}    - text: ${sentence(claims, 'Report')}`, `${pad}      source: ${cite()}`);
    push(`${pad}  reasons:`);
    const kids = Math.min(4, rest);
    for (let k = 0; k < kids; k++) {
      const share = Math.floor(rest / (kids - k));
      rest -= share;
      subtree(indent + 2, share, branch, refsOk);
    }
    if (refsOk && claims % 9 === 0 && defined.length > 0) push(`${pad}  - ref: ${defined[(claims * 7) % defined.length]}`);
    branch.push(id);
  }
  for (let t = 0; t < top; t++) {
    const share = Math.floor(remaining / (top - t));
    remaining -= share;
    const branch = [];
    subtree(4, share, branch, t > 0);
    for (const id of branch) defined.push(id);
  }
  if (counterBudget > 0) push('counterpoints:');
  let c = 0;
  while (c < counterBudget) {
    const id = `c${claims++}`;
    push(`  - id: ${id}`, `    text: ${sentence(claims, 'Counterpoint')}`);
    if (c % 5 === 0 && defined.length > 0) push('    targets:', `      - ${defined[(c * 13) % defined.length]}`);
    push('    evidence:', `      - text: ${sentence(claims, 'Claim')}`, `        source: ${cite()}`);
    c++;
    if (c < counterBudget) {
      push(
        '    rebuttals:',
        `      - id: c${claims++}`,
        `        text: ${sentence(claims, 'Rebuttal')}`,
        '        evidence:',
        `          - text: ${sentence(claims, 'Finding')}`,
        `            source: ${cite()}`,
      );
      c++;
    } else push('    conceded: true');
  }
  return `${out.join('\n')}\n`;
}

/** The op-ed, varied per copy (title, and dates quoted so js-yaml in ajv-cli reads them as strings). */
export function opEdCopy(text, i) {
  return text
    .replace(/^title: (.*)$/m, `title: $1 (copy ${i})`)
    .replace(/^(\s+date: )(\d{4}(?:-\d\d)*)\s*$/gm, "$1'$2'")
    .replace(/South Korea should not rush/, `South Korea (${i}) should not rush`);
}

export function generate(dir, { sizes, repoFiles, root }) {
  mkdirSync(dir, { recursive: true });
  const files = {};
  for (const n of sizes) {
    const file = join(dir, `claims-${n}.yaml`);
    writeFileSync(file, argumentFile(n));
    files[n] = file;
  }
  const repo = join(dir, 'repo');
  mkdirSync(repo, { recursive: true });
  const opEd = readFileSync(join(root, 'arguments/south-korea-arms-to-ukraine.yaml'), 'utf8');
  for (let i = 0; i < repoFiles; i++) {
    const sub = join(repo, `part-${String(i % 10)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `op-ed-${String(i).padStart(4, '0')}.yaml`), opEdCopy(opEd, i));
  }
  return { files, repo };
}

/**
 * A repository of `n` op-ed copies that all use one sources file (`uses/sources.yaml`, the op-ed's
 * sources; the copies in `uses/pieces/`), and the same copies with the sources written in
 * (`copied/`), for issue 17's target: checking the first within 1.2x the time of the second.
 */
export function generateUses(dir, { files: n, root }) {
  const opEd = readFileSync(join(root, 'arguments/south-korea-arms-to-ukraine.yaml'), 'utf8');
  const pieces = join(dir, 'uses', 'pieces');
  const copied = join(dir, 'copied');
  let sources;
  for (let i = 0; i < n; i++) {
    const text = opEdCopy(opEd, i);
    const block = /^sources:\n(?:[ #].*\n|\n)*/m.exec(text)[0];
    sources ??= `argmap: 1\ntitle: The op-ed's sources\n${block}`;
    const sub = `part-${String(i % 10)}`;
    const name = `op-ed-${String(i).padStart(4, '0')}.yaml`;
    mkdirSync(join(pieces, sub), { recursive: true });
    mkdirSync(join(copied, sub), { recursive: true });
    writeFileSync(join(pieces, sub, name), text.replace(block, 'uses: [../../sources.yaml]\n'));
    writeFileSync(join(copied, sub, name), text);
  }
  writeFileSync(join(dir, 'uses', 'sources.yaml'), sources);
  return { uses: pieces, copied };
}
