// `npm run bench`: times argmap against baselines measured in the same run and writes
// docs/performance.md. Every figure is a median over repeated runs (min and max given), reported as
// a ratio to its baseline, since absolute times mean little on a shared, noisy machine.
// BENCH_QUICK=1: fewer runs, no 100,000-claim file, a 200-file repository.
// BENCH_ONLY=uses: only part 4 (files that use one sources file), printed, docs/performance.md untouched.
// BENCH_ONLY=lsp: only part 5 (the language server: latency after an edit; references and rename in a
// repository), the same way.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { generate, generateUses } from './generate.mjs';
import { measureLsp, measureReferences } from './lsp.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = QUICK ? 3 : 7;
const BIG_RUNS = 3;
const SIZES = QUICK ? [10, 1000, 10000] : [10, 1000, 10000, 100000];
const REPO_FILES = QUICK ? 200 : 1000;
/** The files of the repository the language server's references and rename are timed in. */
const LSP_FILES = 200;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const BIN = join(ROOT, 'bin/argmap.js');
const AJV = join(ROOT, 'node_modules/.bin/ajv');
const NODE = process.execPath;

if (!existsSync(join(ROOT, 'dist/argmap.js'))) {
  console.error('bench: dist/argmap.js is missing: run "npm run build" first');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'argmap-bench-'));
const log = (s) => process.stderr.write(`${s}\n`);
log(`bench: generating inputs in ${work}`);
const ONLY = process.env.BENCH_ONLY;
/** Whether part `name` runs: every part, or only the one BENCH_ONLY names. */
const runs = (name) => ONLY === undefined || ONLY === name;
const { files, repo } = runs('main') ? generate(work, { sizes: SIZES, repoFiles: REPO_FILES, root: ROOT }) : { files: {}, repo: undefined };

// The same baseline bundled as argmap bundles `yaml` (its ES module build, one file): the floor of
// start-up, where importing the package's many CommonJS files is a good part of the time.
const PARSE_BUNDLED = join(work, 'parse-only.bundled.mjs');
await build({
  entryPoints: [join(ROOT, 'bench/parse-only.mjs')],
  outfile: PARSE_BUNDLED,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  alias: { yaml: join(ROOT, 'node_modules/yaml/browser/index.js') },
  logLevel: 'warning',
});

/** The commands this build has. `graph` (Mermaid) has no 10k target; it is timed for its growth. */
const help = spawnSync(NODE, [BIN, '--help'], { encoding: 'utf8' }).stdout;
const COMMANDS = ['check', 'outline', 'unsupported', 'counterpoints', 'evaluate', 'graph'].filter((c) =>
  new RegExp(`^\\s+${c}\\b`, 'm').test(help),
);

/** One run of a command: wall time (ms) and peak resident memory (KB). */
function once(argv, cwd = work) {
  const memFile = join(work, 'mem.txt');
  const [cmd, args] = TIME ? [TIME, ['-f', '%M', '-o', memFile, ...argv]] : [argv[0], argv.slice(1)];
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  const kb = TIME ? Number(readFileSync(memFile, 'utf8').trim().split('\n').pop()) : NaN;
  return { ms, kb };
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return { median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2, min: s[0], max: s[s.length - 1] };
};

/** Runs each named command `runs` times, interleaved (round-robin), so drift hits all alike. */
function measure(cases, runs, setup = {}) {
  const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, { ms: [], kb: [] }]));
  for (const [name, argv] of Object.entries(cases)) once(argv, setup[name]?.cwd); // warm the disk cache
  for (let i = 0; i < runs; i++) {
    for (const [name, argv] of Object.entries(cases)) {
      setup[name]?.before?.();
      const { ms, kb } = once(argv, setup[name]?.cwd);
      samples[name].ms.push(ms);
      samples[name].kb.push(kb);
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, { ms: stats(v.ms), kb: stats(v.kb), runs: v.ms }]));
}

const rows = [];
const fmt = (x, d = 2) => x.toFixed(d);
/**
 * The ratio of a command to its baseline: the median of the ratios of each round (the command and
 * its baseline ran one after the other in the same round), so drift in the machine's speed over the
 * run cancels out instead of landing on whichever ran in a slow stretch.
 */
function pairedRatio(m, base) {
  return stats(m.runs.map((ms, i) => ms / base.runs[i])).median;
}

function row(scenario, what, m, base, baseName, target, memBase) {
  const ratio = pairedRatio(m, base);
  const memRatio = memBase ? m.kb.median / memBase.kb.median : undefined;
  rows.push({
    scenario,
    what,
    ms: `${fmt(m.ms.median, 0)} (${fmt(m.ms.min, 0)}–${fmt(m.ms.max, 0)})`,
    ratio: `${fmt(ratio)}× ${baseName}`,
    mem: Number.isFinite(m.kb.median) ? `${fmt(m.kb.median / 1024, 0)}${memRatio ? ` (${fmt(memRatio)}×)` : ''}` : 'n/a',
    target: target ? target.text : '',
    met: target ? (target.ok(ratio, memRatio) ? 'yes' : 'NO') : '',
  });
  return ratio;
}

const argmap = (cmd, ...paths) => [NODE, BIN, cmd, ...paths];
const parseOnly = (...paths) => [NODE, join(ROOT, 'bench/parse-only.mjs'), ...paths];
const parseBundled = (...paths) => [NODE, PARSE_BUNDLED, ...paths];
const ajv = (...data) => [
  NODE,
  AJV,
  'validate',
  '--spec=draft2020',
  '--strict=false',
  '--all-errors',
  '-s',
  join(ROOT, 'schemas/argmap.schema.json'),
  ...data.flatMap((d) => ['-d', d]),
];

// 1. Start-up: the bundled arguments/ against bare node.
if (runs('main')) {
  log('bench: start-up');
  const args = join(ROOT, 'arguments');
  const m = measure(
    {
      node: [NODE, '-e', '0'],
      parse: parseOnly(args),
      bundled: parseBundled(args),
      check: argmap('check', args),
      ajv: ajv(join(ROOT, 'arguments/*.yaml')),
    },
    RUNS * 2,
  );
  row('bundled arguments/', 'node -e 0 (baseline)', m.node, m.node, 'node');
  row('bundled arguments/', 'parseDocument alone', m.parse, m.node, 'node');
  row('bundled arguments/', 'parseDocument alone, yaml bundled as argmap bundles it (the floor)', m.bundled, m.node, 'node');
  row('bundled arguments/', 'ajv-cli', m.ajv, m.node, 'node');
  row('bundled arguments/', 'argmap check', m.check, m.node, 'node', { text: '≤ 1.30× node', ok: (r) => r <= 1.3 });
}

// 2. One file of n claims: every command against parseDocument alone on the same file.
const perSize = {};
for (const n of runs('main') ? SIZES : []) {
  log(`bench: ${n} claims`);
  const cases = { parse: parseOnly(files[n]), bundled: parseBundled(files[n]), ajv: ajv(files[n]) };
  for (const c of COMMANDS) cases[c] = argmap(c, files[n]);
  const m = measure(cases, n >= 100000 ? BIG_RUNS : RUNS);
  perSize[n] = m;
  const label = `${n.toLocaleString('en')} claims (${fmt(readFileSync(files[n]).length / 1e6, 1)} MB)`;
  row(label, 'parseDocument alone (baseline)', m.parse, m.parse, 'parse', undefined, m.parse);
  row(label, 'parseDocument alone, yaml bundled as argmap bundles it', m.bundled, m.parse, 'parse', undefined, m.parse);
  row(label, 'ajv-cli', m.ajv, m.parse, 'parse', undefined, m.parse);
  for (const c of COMMANDS) {
    const target =
      n === 10000 && ['check', 'outline', 'unsupported', 'evaluate'].includes(c)
        ? { text: '≤ 1.25× parse, mem ≤ 1.3×', ok: (r, mr) => r <= 1.25 && !(mr > 1.3) }
        : undefined;
    row(label, `argmap ${c}`, m[c], m.parse, 'parse', target, m.parse);
  }
}
if (perSize[100000]) {
  for (const c of ['parse', ...COMMANDS]) {
    const growth = perSize[100000][c].ms.median / perSize[10000][c].ms.median;
    rows.push({
      scenario: 'growth 10k → 100k claims',
      what: c === 'parse' ? 'parseDocument alone' : `argmap ${c}`,
      ms: '',
      ratio: `${fmt(growth)}× its 10k time`,
      mem: '',
      target: c === 'parse' ? '' : '≤ 11×',
      met: c === 'parse' ? '' : growth <= 11 ? 'yes' : 'NO',
    });
  }
}

// 3. A repository of op-ed copies: check (serial and parallel), ajv-cli, and the cache.
if (runs('main')) {
  log(`bench: ${REPO_FILES} files`);
  const cacheDir = mkdtempSync(join(tmpdir(), 'argmap-bench-cache-'));
  const cacheFile = join(cacheDir, '.argmapcache');
  const cases = {
    ajv: ajv(join(repo, '**/*.yaml')),
    parse: parseOnly(repo),
    check: argmap('check', repo),
    serial: argmap('check', repo),
    cold: argmap('check', '--cache', repo),
    warm: argmap('check', '--cache', repo),
  };
  const setup = {
    serial: { before: () => (process.env.ARGMAP_WORKERS = '0') },
    check: { before: () => delete process.env.ARGMAP_WORKERS },
    cold: { cwd: cacheDir, before: () => (delete process.env.ARGMAP_WORKERS, rmSync(cacheFile, { force: true })) },
    warm: { cwd: cacheDir, before: () => delete process.env.ARGMAP_WORKERS },
  };
  const hasCache = spawnSync(NODE, [BIN, 'check', '--help'], { encoding: 'utf8' }).stdout.includes('--cache');
  if (!hasCache) {
    delete cases.cold;
    delete cases.warm;
  }
  const m = measure(cases, RUNS, setup);
  delete process.env.ARGMAP_WORKERS;
  const label = `${REPO_FILES} op-ed files (${fmt((readFileSync(join(ROOT, 'arguments/south-korea-arms-to-ukraine.yaml')).length * REPO_FILES) / 1e6, 1)} MB)`;
  row(label, 'ajv-cli (baseline)', m.ajv, m.ajv, 'ajv-cli');
  row(label, 'parseDocument alone, every file, one thread', m.parse, m.ajv, 'ajv-cli');
  row(label, 'argmap check, one thread (ARGMAP_WORKERS=0)', m.serial, m.ajv, 'ajv-cli');
  row(label, 'argmap check', m.check, m.ajv, 'ajv-cli', { text: '< 1× ajv-cli', ok: (r) => r < 1 });
  if (m.cold) {
    row(label, 'argmap check --cache, first run', m.cold, m.ajv, 'ajv-cli');
    row(label, 'argmap check --cache, unchanged', m.warm, m.cold, 'first run', { text: '≤ 0.20× first run', ok: (r) => r <= 0.2 });
  }
  rmSync(cacheDir, { recursive: true, force: true });
}

// 4. Files that use files: 1,000 op-ed copies that use one sources file, against the same copies with
// the sources written into each. The sources file is read and parsed once per thread, not per user.
if (runs('uses')) {
  log(`bench: ${REPO_FILES} files that use one sources file`);
  const { uses, copied } = generateUses(join(work, 'shared'), { files: REPO_FILES, root: ROOT });
  const cwd = join(work, 'shared');
  const m = measure({ copied: argmap('check', copied), uses: argmap('check', uses) }, RUNS, { copied: { cwd }, uses: { cwd } });
  const label = `${REPO_FILES} op-ed files, sources shared`;
  row(label, 'argmap check, sources copied into each file (baseline)', m.copied, m.copied, 'copied');
  row(label, 'argmap check, every file uses one sources file', m.uses, m.copied, 'copied', { text: '≤ 1.20× copied', ok: (r) => r <= 1.2 });
}

// 5. The language server: from an edit of the bundled map to its diagnostics, in one `argmap lsp`,
// against a round trip to the same server that does next to no work (a hover on nothing).
if (runs('lsp')) {
  log('bench: argmap lsp, an edit of the bundled map');
  const { edits, trips } = await measureLsp({ root: ROOT, bin: BIN, rounds: RUNS * 10 });
  const sample = (xs) => ({ ms: stats(xs), kb: { median: NaN }, runs: xs });
  const trip = sample(trips);
  const edit = sample(edits);
  const label = 'argmap lsp, bundled map open';
  row(label, 'hover on nothing: one JSON-RPC round trip (baseline)', trip, trip, 'round trip');
  row(label, 'an edit (didChange) to its diagnostics (publishDiagnostics)', edit, trip, 'round trip', {
    text: '≤ 50 ms',
    ok: () => edit.ms.median <= 50,
  });
  log(`bench: argmap lsp, references and rename in ${LSP_FILES} files`);
  generateUses(join(work, 'lsp-repo'), { files: LSP_FILES, root: ROOT });
  const r = await measureReferences({ dir: join(work, 'lsp-repo'), bin: BIN, rounds: RUNS });
  const base = sample(r.trips);
  const repoLabel = `argmap lsp, ${LSP_FILES} files that use one sources file`;
  row(repoLabel, 'hover on nothing: one JSON-RPC round trip (baseline)', base, base, 'round trip');
  row(repoLabel, `find references of a source every file cites (${r.found} places)`, sample(r.references), base, 'round trip');
  row(repoLabel, `rename of that source (edits in ${r.edited} files)`, sample(r.renames), base, 'round trip');
}
rmSync(work, { recursive: true, force: true });

const cpu = cpus()[0]?.model ?? 'unknown cpu';
const header = `| input | command | median ms (min–max) | ratio (median of rounds) | peak MB (ratio) | target | met |\n| --- | --- | --- | --- | --- | --- | --- |`;
const table = rows.map((r) => `| ${r.scenario} | ${r.what} | ${r.ms} | ${r.ratio} | ${r.mem} | ${r.target} | ${r.met} |`).join('\n');
const doc = `# Performance

Generated by \`npm run bench\`${QUICK ? ' (BENCH_QUICK=1: fewer runs, smaller inputs)' : ''} on ${new Date().toISOString().slice(0, 10)}.
Machine: ${cpu}, ${availableParallelism()} cores, Node ${process.version}, ${process.platform}.

Every figure is the median of ${RUNS} runs (${BIG_RUNS} for 100,000 claims), min and max in brackets, each
run a fresh process, all commands interleaved (each round runs every command once, in turn). Ratios
are to baselines measured in the same run: the median over the rounds of the command's time divided
by its baseline's in the same round, so drift in the machine's speed cancels out, and they hold on
other machines better than the milliseconds do. The baselines: \`node -e 0\` (bare start-up);
\`parseDocument\` from the \`yaml\` package alone on the same file, in a process of its own
(\`bench/parse-only.mjs\`), the floor any check built on it stands on (also shown bundled the way
argmap bundles \`yaml\`, which imports faster, and, for the repository, over every file in one thread);
and ajv-cli 5
(\`ajv validate --spec=draft2020 --strict=false --all-errors\`, YAML read by js-yaml) validating the same
files against \`schemas/argmap.schema.json\`, which checks the schema only. Peak memory is the
maximum resident set size from ${TIME ? '`/usr/bin/time -f %M`' : 'n/a (no /usr/bin/time)'}. The inputs are generated
(\`bench/generate.mjs\`): schema-valid files with sources, evidence, nested reasons, counterpoints,
rebuttals, \`ref\` reuse and \`targets\`; the repository is copies of the bundled op-ed. The
language server's rows (\`bench/lsp.mjs\`) time edits of the bundled map in one \`argmap lsp\`: from
the \`didChange\` notification to the \`publishDiagnostics\` of that version (the debounce, the check
and the transport), ${RUNS * 10} edits, each followed by the baseline, a hover on nothing: one JSON-RPC
round trip to the same server; and find references and rename of a source id in ${LSP_FILES} op-ed copies that
use one sources file (every file cites it), one piece open, ${RUNS} requests of each after one not
counted, from the request to its answer.

Where a target is not met, read the row against the floor rows above it: a command cannot take less
than \`parseDocument\` alone on the same input (bundled, for start-up; one thread per file, for the
repository, divided at best by the number of cores).

${header}
${table}
`;
if (ONLY !== undefined) process.stdout.write(`${header}\n${table}\n`);
else {
  writeFileSync(join(ROOT, 'docs/performance.md'), doc);
  process.stdout.write(doc);
}
