// The whole test suite as CI runs it: type checks, the build the browser tests load, then every
// vitest file. Ends with one line "N passed, N failed" and a non-zero exit on any failure.
//
// CI has a 30-minute budget on two cores. The browser files are the longest pole and run one at a
// time per lane: most start right after the build in a vitest process of their own, and everything
// else (type checks, lint, the unit and PostgreSQL files on one worker, the forms samples) runs
// beside them, followed by the rest of the browser files (vitest.config.ts names them), so both
// cores stay busy to the end. Each step says how long it took.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { startTestCluster } from './pg-test-cluster.mjs';

const since = (t0) => `${((Date.now() - t0) / 1000).toFixed(0)} s`;

const step = (label, cmd, args, env = {}) => {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${label}: ${since(t0)}`);
  return r.status === 0;
};

/** A step run beside the others; its output goes to `logFile` and is printed when it is awaited. */
const background = (label, cmd, args, logFile, env = {}) => {
  console.log(`\n=== ${label} (beside the steps below, output shown when it ends): ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const fd = openSync(logFile, 'w');
  const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env: { ...process.env, ...env } });
  const done = new Promise((resolve) => {
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
  return async () => {
    const ok = await done;
    closeSync(fd);
    console.log(`\n=== ${label}: output\n${readFileSync(logFile, 'utf8')}`);
    console.log(`=== ${label}: ${since(t0)}`);
    return ok;
  };
};

let passed = 0;
let failed = 0;
const check = (label, ok) => {
  if (ok) passed++;
  else {
    failed++;
    console.error(`FAILED: ${label}`);
  }
};

/** Adds one vitest JSON report's counts; a missing report or a file that failed to load is a failure. */
const countReport = (label, file) => {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A file that fails to load has no tests to count; count it as a failure.
    const broken = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
    for (const f of broken) console.error(`FAILED to run: ${f.name}\n${f.message}`);
    failed += broken.length;
    if (report.numTotalTests === 0) {
      console.error(`No tests ran (${label}).`);
      failed++;
    }
  } catch (err) {
    console.error(`No vitest report (${label}): ${err.message}`);
    failed++;
  }
};

const vitestArgs = (projects, reportFile, extra = []) => [
  'vitest',
  'run',
  ...projects.flatMap((p) => ['--project', p]),
  ...extra,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${reportFile}`,
];

mkdirSync('test-output', { recursive: true });
const BROWSER_REPORT = 'test-output/vitest-chromium.json';
const LATE_BROWSER_REPORT = 'test-output/vitest-chromium-late.json';
const OTHER_REPORT = 'test-output/vitest.json';
for (const report of [BROWSER_REPORT, LATE_BROWSER_REPORT, OTHER_REPORT]) rmSync(report, { force: true });

const built = step('build', 'npx', ['electron-vite', 'build']);
check('build', built);

// The repository and service suites run on PostgreSQL too, and the two-seat browser test runs two
// seats on one PostgreSQL database (issue 17): on the server named by
// DUTY_TEST_DATABASE_URL, or on a throwaway cluster started here. Without either they cannot run,
// and that is a failure, never a silent skip.
let cluster = null;
if (!process.env.DUTY_TEST_DATABASE_URL) {
  try {
    cluster = await startTestCluster();
    process.env.DUTY_TEST_DATABASE_URL = cluster.url;
    console.log(`\n=== PostgreSQL test server: ${cluster.url}`);
  } catch (err) {
    check(`PostgreSQL test server (${err.message})`, false);
  }
}

const browserFiles = background(
  'vitest (browser files)',
  'npx',
  vitestArgs(['chromium'], BROWSER_REPORT),
  'test-output/vitest-chromium.log',
  { DUTY_CHROMIUM_LANE: 'first' },
);

check('typecheck (all)', step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']));
check('typecheck (shared is pure)', step('typecheck shared', 'npx', ['tsc', '-p', 'shared/tsconfig.json', '--noEmit']));
check('lint (eslint, prettier)', step('lint', 'npm', ['run', '--silent', 'lint']));
// Electron security checks, offline; any finding above INFORMATIONAL fails.
check('electronegativity', step('electronegativity', 'node', ['scripts/electronegativity.mjs']));

// One worker: the other core is the browser files'.
process.env.DUTY_TEST_WORKERS = '1';
step('vitest (unit, PostgreSQL)', 'npx', vitestArgs(['unit', 'postgres'], OTHER_REPORT, ['--maxWorkers=1']));
countReport('unit, PostgreSQL', OTHER_REPORT);

// Every official form rendered to PDF and PNG for review (CI output; not committed).
check('forms:samples', step('forms:samples', 'npx', ['tsx', 'scripts/forms-samples.ts', '--out', 'test-output/forms']));

step('vitest (the other browser files)', 'npx', vitestArgs(['chromium'], LATE_BROWSER_REPORT), {
  DUTY_CHROMIUM_LANE: 'second',
});
countReport('the other browser files', LATE_BROWSER_REPORT);

await browserFiles();
countReport('browser files', BROWSER_REPORT);
cluster?.stop();

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
