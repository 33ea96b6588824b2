#!/usr/bin/env node
/**
 * `npm start` on a user's machine (with network): downloads the Electron binary if it is
 * missing, builds better-sqlite3 for Electron's ABI into .electron-native/<version>/ (Node's own
 * build in node_modules stays for the tests), builds the app and launches it.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const run = (cmd, args, options = {}) => execFileSync(cmd, args, { stdio: 'inherit', cwd: root, ...options });

function electronBinary() {
  try {
    return require('electron');
  } catch {
    console.log('Downloading the Electron binary…');
    const env = { ...process.env };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    run(process.execPath, [require.resolve('electron/install.js')], { env });
    return require('electron');
  }
}

function ensureElectronSqlite(version) {
  const target = path.join(root, '.electron-native', version, 'better_sqlite3.node');
  if (fs.existsSync(target)) return;
  console.log(`Building better-sqlite3 for Electron ${version}…`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-electron-sqlite-'));
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  fs.cpSync(source, work, { recursive: true, filter: (file) => !file.includes(`${path.sep}build${path.sep}`) });
  run(
    process.execPath,
    [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      `--target=${version}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work },
  );
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  fs.rmSync(work, { recursive: true, force: true });
}

const binary = electronBinary();
ensureElectronSqlite(require('electron/package.json').version);
run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { shell: process.platform === 'win32' });
const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
