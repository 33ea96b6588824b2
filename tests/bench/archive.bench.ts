/**
 * `npx tsx tests/bench/archive.bench.ts` (the archive, issue 15): what encrypting a file for the
 * archive costs beside Node's raw AES-256-GCM on the same machine. BENCH_ARCHIVE_MB (100 by
 * default) of random bytes go
 * - through the archive's real pipeline: FileSealer (1 MiB chunks, each AES-256-GCM under the
 *   file's data key, the SHA-256 of the original kept running, the SHA-256 of each sealed chunk by
 *   which it is stored), and back through what an open does (each sealed chunk checked against its
 *   hash, openChunk, the SHA-256 of the whole original checked at the end);
 * - through one raw AES-256-GCM cipher over the whole buffer, and one decipher;
 * - through one raw AES-256-GCM cipher fed 1 MiB at a time (a stream's way, no 100 MiB output buffer);
 * - through the pipeline's chunk encryption alone (framing and AES-256-GCM, no digest);
 * - through SHA-256 alone, to show what the two hashes per byte cost.
 * The runs alternate, ROUNDS times each; the median and best MB/s are printed, with the ratio to
 * raw (goal ≥ 80%) and memory (RSS, heap, buffers) sampled chunk by chunk during the pipeline.
 * Then, end to end through a real desk: the file uploaded a chunk at a time through the contract
 * (archive.upload.begin, archive.upload.chunk, archive.contracts.add) into SQLite, opened
 * (archive.open, which checks the whole file) and read back (archive.read).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHash, randomFillSync } from 'node:crypto';
import { ARCHIVE_CHUNK_BYTES, DEFAULT_ARCHIVE_POLICY } from '@shared/contract/archive';
import { chunkHash, encryptChunk, FileSealer, openChunk, type SealedChunk } from '../../src-main/vault/file-cipher';
import { createServices } from '../../src-main/services/services';
import { writeSetting } from '../../src-main/services/settings/values';
import { must, percentile } from './measure';

const MB = 1024 * 1024;
const SIZE = Number(process.env['BENCH_ARCHIVE_MB'] ?? 100) * MB;
const ROUNDS = Number(process.env['BENCH_ARCHIVE_ROUNDS'] ?? 7);
const FILE_ID = '0192f000-0000-7000-8000-0000000000b1';

const original = randomFillSync(Buffer.alloc(SIZE));
const mbPerS = (ms: number) => SIZE / MB / (ms / 1000);
const fmt = (value: number) => `${value.toFixed(0)} MB/s`;
const mib = (bytes: number) => `${(Math.max(0, bytes) / MB).toFixed(0)} MiB`;

// --- memory, sampled while the pipeline runs (it is synchronous, so between chunks) ---------------
interface Peak {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}
const peak: Peak = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
function sample(): void {
  const now = process.memoryUsage();
  peak.rss = Math.max(peak.rss, now.rss);
  peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
  peak.external = Math.max(peak.external, now.external);
  peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
}

// --- the runs ---------------------------------------------------------------------------------------
/** The CPU time (user + system, ms) a synchronous run took: on a loaded machine, steadier than the wall clock. */
const cpu: Record<string, number[]> = {};
function onCpu<T>(name: string, run: () => T): T {
  const start = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(start);
  (cpu[name] ??= []).push((used.user + used.system) / 1000);
  return value;
}

function rawEncrypt(key: Buffer): { ms: number; sealed: Buffer; tag: Buffer } {
  const started = performance.now();
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.alloc(12));
  // One update over the whole buffer: GCM's final() adds no bytes, only the tag.
  const sealed = cipher.update(original);
  cipher.final();
  const tag = cipher.getAuthTag();
  return { ms: performance.now() - started, sealed, tag };
}

function rawDecrypt(key: Buffer, sealed: Buffer, tag: Buffer): number {
  const started = performance.now();
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.alloc(12));
  decipher.setAuthTag(tag);
  const plain = decipher.update(sealed);
  decipher.final();
  const ms = performance.now() - started;
  if (plain.length !== SIZE) throw new Error('raw decrypt lost bytes');
  return ms;
}

/** One raw cipher fed 1 MiB at a time, each output dropped: AES-256-GCM as a stream runs it. */
function rawStreamEncrypt(key: Buffer): number {
  const started = performance.now();
  const cipher = createCipheriv('aes-256-gcm', key, Buffer.alloc(12));
  for (let start = 0; start < SIZE; start += ARCHIVE_CHUNK_BYTES)
    cipher.update(original.subarray(start, start + ARCHIVE_CHUNK_BYTES));
  cipher.final();
  cipher.getAuthTag();
  return performance.now() - started;
}

function rawStreamDecrypt(key: Buffer, sealed: Buffer, tag: Buffer): number {
  const started = performance.now();
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.alloc(12));
  decipher.setAuthTag(tag);
  for (let start = 0; start < SIZE; start += ARCHIVE_CHUNK_BYTES)
    decipher.update(sealed.subarray(start, start + ARCHIVE_CHUNK_BYTES));
  decipher.final();
  return performance.now() - started;
}

/** The pipeline's encryption alone: each chunk framed and AES-256-GCM sealed as file-cipher.ts does, no digest. */
function chunkedEncryptOnly(key: Buffer): number {
  const started = performance.now();
  const chunks = Math.ceil(SIZE / ARCHIVE_CHUNK_BYTES);
  for (let index = 0; index < chunks; index++)
    encryptChunk(
      key,
      FILE_ID,
      index,
      index === chunks - 1,
      original.subarray(index * ARCHIVE_CHUNK_BYTES, (index + 1) * ARCHIVE_CHUNK_BYTES),
    );
  return performance.now() - started;
}

/**
 * Sealing as an upload does: a chunk at a time, kept (here in memory, as the store keeps it in
 * SQLite), or dropped once sealed (`keep` false: the working memory of the sealing itself).
 */
function pipelineEncrypt(keep = true): { ms: number; sealer: FileSealer; chunks: SealedChunk[] } {
  const started = performance.now();
  const sealer = new FileSealer(FILE_ID, SIZE, ARCHIVE_CHUNK_BYTES);
  const chunks: SealedChunk[] = [];
  for (let index = 0; index < sealer.chunks; index++) {
    const start = index * ARCHIVE_CHUNK_BYTES;
    const sealed = sealer.push(index, original.subarray(start, start + sealer.expectedLength(index)));
    if (!sealed) throw new Error('out of order');
    if (keep) chunks.push(sealed);
    sample();
  }
  sealer.digest();
  return { ms: performance.now() - started, sealer, chunks };
}

/** Reading back as an open does (store.ts readChunk and verifyFile, without the database). */
function pipelineDecrypt(sealer: FileSealer, chunks: readonly SealedChunk[]): number {
  const started = performance.now();
  const digest = createHash('sha256');
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index]!;
    if (chunkHash(chunk.bytes) !== chunk.hash) throw new Error('chunk hash');
    const plain = openChunk(sealer.dataKey, FILE_ID, index, index === chunks.length - 1, chunk.bytes);
    if (!plain) throw new Error('chunk did not open');
    digest.update(plain);
    sample();
  }
  if (digest.digest('hex') !== sealer.digest()) throw new Error('file digest');
  return performance.now() - started;
}

function shaOnly(): number {
  const started = performance.now();
  createHash('sha256').update(original).digest();
  return performance.now() - started;
}

// --- crypto bench -------------------------------------------------------------------------------------
console.log(
  `archive bench: ${mib(SIZE)} in ${ARCHIVE_CHUNK_BYTES / MB} MiB chunks, ${ROUNDS} rounds each, alternating; ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, thread pool ${process.env['UV_THREADPOOL_SIZE'] ?? 4}`,
);
const base = process.memoryUsage();
const times: Record<string, number[]> = {
  rawEnc: [],
  rawDec: [],
  pipeEnc: [],
  pipeDec: [],
  sha: [],
  streamEnc: [],
  streamDec: [],
  encOnly: [],
};
let pipelineMemory: Peak | null = null;
for (let round = 0; round < ROUNDS; round++) {
  const key = randomFillSync(Buffer.alloc(32));
  const raw = onCpu('rawEnc', () => rawEncrypt(key));
  times['rawEnc']!.push(raw.ms);
  times['rawDec']!.push(onCpu('rawDec', () => rawDecrypt(key, raw.sealed, raw.tag)));
  times['streamEnc']!.push(rawStreamEncrypt(key));
  times['streamDec']!.push(rawStreamDecrypt(key, raw.sealed, raw.tag));
  times['encOnly']!.push(chunkedEncryptOnly(key));
  raw.sealed.fill(0);

  Object.assign(peak, process.memoryUsage());
  const before = process.memoryUsage();
  const sealed = onCpu('pipeEnc', () => pipelineEncrypt());
  times['pipeEnc']!.push(sealed.ms);
  times['pipeDec']!.push(onCpu('pipeDec', () => pipelineDecrypt(sealed.sealer, sealed.chunks)));
  if (round === 0)
    pipelineMemory = {
      rss: peak.rss - before.rss,
      heapUsed: peak.heapUsed - before.heapUsed,
      external: peak.external - before.external,
      arrayBuffers: peak.arrayBuffers - before.arrayBuffers,
    };

  times['sha']!.push(onCpu('sha', shaOnly));
}

const median = (name: string) => mbPerS(percentile(times[name]!, 50));
const best = (name: string) => mbPerS(Math.min(...times[name]!));
const line = (label: string, name: string, against?: string) =>
  console.log(
    `${label.padEnd(44)} median ${fmt(median(name)).padStart(10)}, best ${fmt(best(name)).padStart(10)}` +
      (against
        ? `   ${((median(name) / median(against)) * 100).toFixed(0)}% of raw (best ${((best(name) / best(against)) * 100).toFixed(0)}%)`
        : ''),
  );
line('raw AES-256-GCM encrypt, one call', 'rawEnc');
line('raw AES-256-GCM encrypt, streamed 1 MiB', 'streamEnc');
line('archive pipeline encrypt (FileSealer)', 'pipeEnc', 'rawEnc');
line('  the same against the streamed raw cipher', 'pipeEnc', 'streamEnc');
line('its chunked AES-256-GCM alone (no digests)', 'encOnly', 'streamEnc');
line('raw AES-256-GCM decrypt, one call', 'rawDec');
line('raw AES-256-GCM decrypt, streamed 1 MiB', 'streamDec');
line('archive pipeline decrypt (openChunk + checks)', 'pipeDec', 'rawDec');
line('  the same against the streamed raw decipher', 'pipeDec', 'streamDec');
line('SHA-256 alone (the pipeline does it twice)', 'sha');
const cpuRate = (name: string) => mbPerS(percentile(cpu[name]!, 50));
const cpuRatio = (name: string, against: string) => `${((cpuRate(name) / cpuRate(against)) * 100).toFixed(0)}%`;
console.log(
  `by CPU time (median MB per CPU-second): raw encrypt ${fmt(cpuRate('rawEnc'))}, pipeline encrypt ${fmt(cpuRate('pipeEnc'))} = ${cpuRatio('pipeEnc', 'rawEnc')} of raw; raw decrypt ${fmt(cpuRate('rawDec'))}, pipeline decrypt ${fmt(cpuRate('pipeDec'))} = ${cpuRatio('pipeDec', 'rawDec')}; SHA-256 ${fmt(cpuRate('sha'))}`,
);
// What the pipeline must cost if it is AES-GCM plus two SHA-256 passes done one after another (by CPU time).
const predicted = 1 / (1 / cpuRate('rawEnc') + 2 / cpuRate('sha'));
console.log(
  `AES-GCM + 2 × SHA-256 in series would give ${fmt(predicted)} per CPU-second (${((predicted / cpuRate('rawEnc')) * 100).toFixed(0)}% of raw): the two hashes, not the chunking, set the ratio`,
);
Object.assign(peak, process.memoryUsage());
const streamingStart = process.memoryUsage();
pipelineEncrypt(false);
console.log(
  `memory while sealing ${mib(SIZE)} a chunk at a time, each chunk dropped once sealed (as an upload stores it): RSS +${mib(peak.rss - streamingStart.rss)}, heap +${mib(peak.heapUsed - streamingStart.heapUsed)}, array buffers +${mib(peak.arrayBuffers - streamingStart.arrayBuffers)} (garbage not yet collected included)`,
);
if (pipelineMemory)
  console.log(
    `memory during the pipeline's first run, above its start: RSS +${mib(pipelineMemory.rss)}, heap +${mib(pipelineMemory.heapUsed)}, external +${mib(pipelineMemory.external)} (array buffers +${mib(pipelineMemory.arrayBuffers)}; the ${mib(SIZE)} of sealed chunks it keeps, as the store would in SQLite, are most of it)`,
  );
console.log(
  `process: RSS at start ${mib(base.rss)}, peak RSS ${mib(process.resourceUsage().maxRSS * 1024)} (the bench's own buffers: the ${mib(SIZE)} original, and each round's raw ciphertext and sealed chunks, ${mib(SIZE)} each, until collected), heap now ${mib(process.memoryUsage().heapUsed)}`,
);

// --- end to end through a real desk ------------------------------------------------------------------
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yingbin-bench-archive-'));
const services = await createServices({ dataDir, clock: { now: () => new Date('2026-11-26T02:00:00.000Z') } });
try {
  await must(services, 'setup.initialize', {
    property: { name: 'Bench', timeZone: 'Asia/Shanghai', currency: 'CNY' },
    admin: { username: 'admin', displayName: 'Admin', password: 'bench-pass-1' },
    recoveryPassphrase: 'bench-recovery-lantern-morning',
  });
  // The default policy takes files up to 50 MB; the bench's file is larger.
  await writeSetting(services.db, 'archive.policy', { ...DEFAULT_ARCHIVE_POLICY, maxFileMb: 200 });
  await must(services, 'staff.create', {
    username: 'zhou',
    displayName: 'Zhou',
    role: 'director',
    password: 'zhou-pass-1',
  });
  await must(services, 'auth.signIn', { username: 'zhou', password: 'zhou-pass-1' });
  Object.assign(peak, { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 });
  const before = process.memoryUsage();
  let started = performance.now();
  const upload = (await must(services, 'archive.upload.begin', {
    tier: 'contract',
    fileName: 'bench.pdf',
    mediaType: 'application/pdf',
    size: SIZE,
  })) as { uploadId: string; chunks: number };
  for (let index = 0; index < upload.chunks; index++) {
    const data = original.subarray(index * ARCHIVE_CHUNK_BYTES, (index + 1) * ARCHIVE_CHUNK_BYTES).toString('base64');
    await must(services, 'archive.upload.chunk', { uploadId: upload.uploadId, index, data });
    sample();
  }
  const contract = (await must(services, 'archive.contracts.add', {
    uploadId: upload.uploadId,
    name: '20261126-HT-001-压测合同',
    counterparty: 'Bench Co.',
    project: '压测',
    contractNo: 'HT-001',
    signedOn: '2026-11-26',
  })) as { latest: { id: string } };
  const uploadMs = performance.now() - started;

  started = performance.now();
  const read = (await must(services, 'archive.open', { fileId: contract.latest.id })) as {
    readId: string;
    chunks: number;
  };
  const openMs = performance.now() - started;
  const digest = createHash('sha256');
  for (let index = 0; index < read.chunks; index++) {
    const { data } = (await must(services, 'archive.read', { readId: read.readId, index })) as { data: string };
    digest.update(Buffer.from(data, 'base64'));
    sample();
  }
  const readMs = performance.now() - started;
  if (digest.digest('hex') !== createHash('sha256').update(original).digest('hex'))
    throw new Error('the desk read back other bytes');
  const dbBytes = fs.statSync(path.join(dataDir, fs.readdirSync(dataDir).find((f) => f.endsWith('.db')) ?? '')).size;
  console.log(
    `desk, end to end: upload (base64 chunks through dispatch, sealed, into SQLite) and file ${fmt(mbPerS(uploadMs))}; open (whole-file check) ${(openMs / 1000).toFixed(2)} s; open + read back ${fmt(mbPerS(readMs))}; database ${mib(dbBytes)}; RSS +${mib(peak.rss - before.rss)}, heap +${mib(peak.heapUsed - before.heapUsed)} above the start meanwhile`,
  );
} catch (error) {
  console.log(`desk, end to end: not run (${error instanceof Error ? error.message : String(error)})`);
} finally {
  await services.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
