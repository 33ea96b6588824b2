#!/usr/bin/env node
/**
 * `npm test`: typecheck, format, lint, import cycles, build, Vitest, Playwright — every step runs even when an earlier
 * one failed — then one last line `tests: N passed, N failed`. Typecheck, format, lint, cycles and build count
 * as one test each; Vitest and Playwright counts come from their JSON reports.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'test-results');
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function step(name, command, args) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  console.log(
    `=== ${name}: ${status === 0 ? 'ok' : `failed (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`,
  );
  return status === 0;
}

function check(name, command, args) {
  if (step(name, command, args)) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
check('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('format', npx, ['prettier', '--check', '.']);
check('lint', npx, ['eslint', '--max-warnings', '0', '.']);
// Import cycles anywhere in the product's code, type-only imports included (they tie modules as much).
check('import cycles', npx, [
  'dpdm',
  '--no-tree',
  '--no-warning',
  '--circular',
  '--exit-code',
  'circular:1',
  'src-main/**/*.ts',
  'src-shared/**/*.ts',
  'src-server/**/*.ts',
  'src-renderer/**/*.{ts,tsx}',
]);
check('build', npx, ['electron-vite', 'build']);

const vitestOk = step('vitest', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${path.join(results, 'vitest.json')}`,
]);
const vitest = readJson(path.join(results, 'vitest.json'));
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (vitest.numFailedTests > 0) failures.push(`vitest (${vitest.numFailedTests})`);
}
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) {
  failed++;
  failures.push('vitest run');
}

const playwrightOk = step('playwright', npx, ['playwright', 'test']);
const playwright = readJson(path.join(results, 'playwright.json'));
if (playwright) {
  passed += playwright.stats.expected;
  const bad = playwright.stats.unexpected + playwright.stats.flaky;
  failed += bad;
  if (bad > 0) failures.push(`playwright (${bad})`);
}
if (!playwrightOk && (!playwright || playwright.stats.unexpected + playwright.stats.flaky === 0)) {
  failed++;
  failures.push('playwright run');
}

if (failures.length) console.log(`\nfailed: ${failures.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
