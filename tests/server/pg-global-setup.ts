/**
 * Vitest global setup: a throwaway PostgreSQL cluster for the server suite (each test file makes
 * its own database in it). Missing PostgreSQL fails the run: a backend that silently does not run
 * is a test that cannot fail.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cluster's maintenance database; tests CREATE DATABASE their own in it. */
    pgAdminUrl: string;
  }
}

const script = path.resolve(import.meta.dirname, '../../scripts/pg-throwaway.mjs');

export default function setup(project: TestProject): () => void {
  let started: { url: string; dir: string };
  try {
    started = JSON.parse(
      execFileSync(process.execPath, [script, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    ) as typeof started;
  } catch (error) {
    const why = (error as { stderr?: string }).stderr || (error as Error).message;
    throw new Error(`The server tests need PostgreSQL 15 (apt-get install -y postgresql): ${why}`, { cause: error });
  }
  project.provide('pgAdminUrl', started.url);
  return () => {
    execFileSync(process.execPath, [script, 'stop', '--dir', started.dir], { stdio: 'inherit' });
  };
}
