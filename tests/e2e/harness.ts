/**
 * Each e2e test gets its own desk: a fresh data folder and its own browser-harness process
 * (the real `start:web` entry point), on a free port, with a per-run token.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';

export interface DeskHarness {
  url: string;
  dataDir: string;
  /** Calls an operation over HTTP as the desk's own renderer would (same token, same session). */
  rpc(name: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  /** Stops the desk's harness, does `meanwhile` to its closed data folder, and starts it again (at a new address). */
  restart(meanwhile: (dataDir: string) => void): Promise<DeskHarness>;
}

const root = path.resolve(import.meta.dirname, '../..');
const token = 'e2e-token';

/** `lean`: the quiet demo hotel the specs start from (60 guests, today's arrivals); `busy`: `npm run seed:demo`'s. */
function newDataDir(seed: 'none' | 'lean' | 'busy'): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-e2e-'));
  if (seed !== 'none') {
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-main/cli/seed-demo.ts',
        '--data-dir',
        dataDir,
        ...(seed === 'lean' ? ['--lean', '--guests', '60'] : []),
      ],
      { cwd: root, stdio: 'ignore' },
    );
  }
  return dataDir;
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killer);
}

/** `running` holds the harness process of the desk's latest start, for the fixture to stop. */
async function startDesk(dataDir: string, running: { child: ChildProcess | null }): Promise<DeskHarness> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/cli/start-web.ts', '--data-dir', dataDir, '--port', '0'],
    {
      cwd: root,
      env: { ...process.env, YINGBIN_HARNESS_TOKEN: token },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /open: (\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`harness exited (${code}): ${stderr}`)));
  });
  running.child = child;
  const origin = new URL(url).origin;
  const desk: DeskHarness = {
    url,
    dataDir,
    rpc: async (name, input = {}) => {
      const response = await fetch(`${origin}/rpc/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    },
    restart: async (meanwhile) => {
      await stop(child);
      running.child = null;
      meanwhile(dataDir);
      return startDesk(dataDir, running);
    },
  };
  return desk;
}

/**
 * `desk`: a fresh desk at first run. `demoDesk`: the lean demo hotel (`seed:demo --lean`, 60 guests,
 * today's arrivals only; staff and passwords in demo-hotel.ts). `busyDesk`: the busy demo hotel
 * (`seed:demo`: 500 guests, about 70% sold, guests in house; services/demo/busy.ts).
 */
export const test = base.extend<{ desk: DeskHarness; demoDesk: DeskHarness; busyDesk: DeskHarness }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture needs from this pattern
  desk: async ({}, use) => {
    await runDesk('none', use);
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  demoDesk: async ({}, use) => {
    await runDesk('lean', use);
  },
  // eslint-disable-next-line no-empty-pattern -- as above
  busyDesk: async ({}, use) => {
    await runDesk('busy', use);
  },
});

async function runDesk(seed: 'none' | 'lean' | 'busy', use: (desk: DeskHarness) => Promise<void>): Promise<void> {
  const dataDir = newDataDir(seed);
  const running: { child: ChildProcess | null } = { child: null };
  try {
    await use(await startDesk(dataDir, running));
  } finally {
    if (running.child) await stop(running.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export const expect = test.expect;

/** Saves a screenshot under tests/e2e/screenshots/ (kept out of git) for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(root, 'tests/e2e/screenshots', `${name}.png`), fullPage: true });
}
