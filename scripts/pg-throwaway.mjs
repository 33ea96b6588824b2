#!/usr/bin/env node
/**
 * A throwaway PostgreSQL cluster on loopback, for the server tests (TOOLCHAIN.md, "PostgreSQL").
 *   node scripts/pg-throwaway.mjs start [--dir DIR] [--port N]  → prints {"url","dir","port"} as JSON
 *   node scripts/pg-throwaway.mjs stop --dir DIR                  → stops it and removes DIR
 * As root, initdb and pg_ctl run as user `postgres` (PostgreSQL refuses to run as root).
 * Durability is switched off: the cluster lives for one test run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

function binDir() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (versions.length > 0) return path.join(root, versions[0], 'bin');
  throw new Error(
    'PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/initdb; set PG_BIN or `apt-get install -y postgresql`).',
  );
}

const asRoot = process.getuid?.() === 0;

function run(tool, args) {
  const file = path.join(binDir(), tool);
  const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  execFileSync(command, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function start({ dir, port }) {
  const root = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-pg-'));
  fs.mkdirSync(root, { recursive: true });
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    fs.chownSync(root, uid, gid);
  }
  const data = path.join(root, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const chosen = port ?? (await freePort());
  const settings = [
    '-c listen_addresses=127.0.0.1',
    `-p ${chosen}`,
    `-k ${root}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-l', path.join(root, 'log'), '-o', settings, '-w', 'start']);
  return { url: `postgres://postgres@127.0.0.1:${chosen}/postgres`, dir: root, port: chosen };
}

function stop({ dir }) {
  const data = path.join(dir, 'data');
  if (fs.existsSync(path.join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  fs.rmSync(dir, { recursive: true, force: true });
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { dir: { type: 'string' }, port: { type: 'string' } },
});
try {
  if (positionals[0] === 'start') {
    console.log(JSON.stringify(await start({ dir: values.dir, port: values.port ? Number(values.port) : undefined })));
  } else if (positionals[0] === 'stop' && values.dir) {
    stop({ dir: values.dir });
  } else {
    console.error('usage: pg-throwaway.mjs start [--dir DIR] [--port N] | stop --dir DIR');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(`pg-throwaway: ${error.stderr?.toString() || error.message}`);
  process.exitCode = 1;
}
