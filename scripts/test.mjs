// The whole test suite as CI runs it: type checks, the build the browser tests load, then every
// vitest file. Ends with one line "N passed, N failed" and a non-zero exit on any failure.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { startTestCluster } from './pg-test-cluster.mjs';

// Each step says how long it took: CI has a 30-minute budget, and this is where it goes.
const step = (label, cmd, args) => {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  console.log(`=== ${label}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return r.status === 0;
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

check('typecheck (all)', step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']));
check('typecheck (shared is pure)', step('typecheck shared', 'npx', ['tsc', '-p', 'shared/tsconfig.json', '--noEmit']));
check('lint (eslint, prettier)', step('lint', 'npm', ['run', '--silent', 'lint']));
const built = step('build', 'npx', ['electron-vite', 'build']);
check('build', built);
// Electron security checks, offline; any finding above INFORMATIONAL fails.
check('electronegativity', step('electronegativity', 'node', ['scripts/electronegativity.mjs']));

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

mkdirSync('test-output', { recursive: true });
rmSync('test-output/vitest.json', { force: true });
step('vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-output/vitest.json',
]);
try {
  const report = JSON.parse(readFileSync('test-output/vitest.json', 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load has no tests to count; count it as a failure.
  const broken = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0);
  for (const f of broken) console.error(`FAILED to run: ${f.name}\n${f.message}`);
  failed += broken.length;
  if (report.numTotalTests === 0) {
    console.error('No tests ran.');
    failed++;
  }
} catch (err) {
  console.error(`No vitest report: ${err.message}`);
  failed++;
}
cluster?.stop();

// Every official form rendered to PDF and PNG for review (CI output; not committed).
check('forms:samples', step('forms:samples', 'npx', ['tsx', 'scripts/forms-samples.ts', '--out', 'test-output/forms']));

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
