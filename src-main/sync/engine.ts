/**
 * The sync loop of one desk: push, then pull, every few seconds while online; after a network
 * error or a 5xx it backs off (2 s doubling to a minute, with jitter) and the desk keeps working
 * offline. A refusal (revoked, upgrade required, plain HTTP over a network without the lab
 * option) stops the loop until something changes.
 */
import type { Kysely } from 'kysely';
import type { SyncStatus } from '@shared/contract';
import type { DeskEvent } from '@shared/contract/events';
import { serverTransport } from '@shared/sync/transport';
import type { Database } from '../db/schema';
import type { KnownCheckpoint } from '../services/audit/chain';
import { fetchChunks, uploadChunks } from './blobs';
import { latestCheckpoint } from './checkpoint';
import { pendingCount, pull, push, queueStrayWrites, serverLink } from './exchange';
import type { SyncHost } from './host';
import type { Link } from './http';
import { SyncHttpError } from './http';
import type { SecretStore } from '../vault/secret-store';

export interface SyncEngineOptions {
  /** Pause between runs while everything goes through. */
  intervalMs?: number;
  /** Called when the server asks for a newer app (the host hands over to the updater). */
  onUpgradeRequired?: () => void;
  /** A number in [0, 1) that spreads retries so desks coming back together do not retry in step; Math.random by default. */
  jitter?: () => number;
  /** Told when the status changes (a run starts, makes progress, ends, the next is planned) and when a run brought other desks' rows. */
  onEvent?: (event: DeskEvent) => void;
}

const FIRST_BACKOFF_MS = 2_000;
/** Push-and-pull rounds one run makes while the server keeps answering stale (another desk busy on the same booking). */
const REBASE_ROUNDS = 5;
const MAX_BACKOFF_MS = 60_000;
const STOPPING_ERRORS = new Set([
  'DEVICE_REVOKED',
  'DEVICE_UNKNOWN',
  'UPGRADE_REQUIRED',
  'SERVER_OUTDATED',
  'SYNC_INSECURE_URL',
]);

export class SyncEngine {
  private online: boolean | null = null;
  private lastError: string | null = null;
  private failures = 0;
  private nextAttemptAt: Date | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private progress: { done: number; total: number } | null = null;
  private receivedAt: Date | null = null;

  constructor(
    private readonly services: SyncHost,
    readonly tokens: SecretStore,
    private readonly options: SyncEngineOptions = {},
  ) {}

  start(): void {
    this.started = true;
    this.schedule(0);
  }

  stop(): void {
    this.started = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** "Sync now" from the desk: the next run starts at once (and a stopped loop starts again). */
  requestNow(): void {
    if (this.started) this.schedule(0);
    else void this.syncNow().catch((error: unknown) => console.error('[sync] run failed', error));
  }

  /** Runs a push and pull now (or right after the one under way) and resolves when it is done. */
  async syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      await this.running;
      if (this.running) await this.running;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      this.options.onEvent?.('sync.status');
    });
    this.options.onEvent?.('sync.status');
    await this.running;
    if (this.again) {
      this.again = false;
      await this.syncNow();
    }
  }

  /** `db`: inside a mutation, its transaction (the desk has one connection; waiting for another would never end). */
  async status(db: Kysely<Database> = this.services.db): Promise<SyncStatus> {
    const state = await db.selectFrom('sync_state').selectAll().executeTakeFirstOrThrow();
    const conflicts = await db
      .selectFrom('sync_conflict')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const rejections = await db.selectFrom('sync_rejection').selectAll().orderBy('seq', 'desc').limit(20).execute();
    return {
      enrolled: state.server_url !== null,
      serverUrl: state.server_url,
      deskCode: this.services.device.code,
      online: this.online,
      syncing: this.running !== null,
      lastSyncAt: state.last_sync_at,
      receivedAt: this.receivedAt?.toISOString() ?? null,
      lastError: this.lastError,
      nextAttemptAt: state.server_url ? (this.nextAttemptAt?.toISOString() ?? null) : null,
      pendingCount: await pendingCount(db),
      openConflicts: Number(conflicts.n),
      progress: this.progress,
      upgradeRequired: this.lastError === 'UPGRADE_REQUIRED',
      insecure:
        state.server_url !== null && state.allow_insecure === 1 && serverTransport(state.server_url) === 'insecure',
      rejections: rejections.map((r) => ({ seq: r.seq, name: r.name, reason: r.reason, detail: r.detail, at: r.at })),
    };
  }

  /** The server's latest checkpoint of this desk's audit chain, or the cached one while the server cannot be reached. */
  auditCheckpoint(): Promise<KnownCheckpoint | null> {
    return this.link().then((link) => latestCheckpoint(this.services.db, this.services.device.id, link));
  }

  /**
   * Brings the named encrypted archive chunks from the server into this desk's chunk store (a file
   * uploaded at another desk, opened here): SYNC_NOT_ENROLLED without a server, SYNC_UNREACHABLE
   * when it cannot be reached, ARCHIVE_NOT_ON_SERVER when the uploading desk has not sent them yet.
   */
  async fetchChunks(hashes: readonly string[], fileName: string): Promise<void> {
    await fetchChunks(this.services, await this.link(), hashes, fileName);
  }

  private link(): Promise<Link | null> {
    return serverLink(this.services.db, this.tokens);
  }

  private async run(): Promise<void> {
    const link = await this.link();
    if (!link) return;
    await queueStrayWrites(this.services);
    const pending = await pendingCount(this.services.db);
    let done = 0;
    let total = pending;
    let received = 0;
    const track = ({ pushed = 0, pulled = 0, remaining }: { pushed?: number; pulled?: number; remaining?: number }) => {
      done += pushed + pulled;
      received += pulled;
      if (remaining !== undefined) total = Math.max(total, done + remaining);
      this.progress = total > PROGRESS_THRESHOLD ? { done, total } : null;
      if (this.progress) this.options.onEvent?.('sync.status');
    };
    try {
      // A stale answer: pull, rebase the pending work on the server's state, push again (a few rounds; the next run goes on).
      for (let round = 0; round < REBASE_ROUNDS; round++) {
        const stale = await push(this.services, link, track);
        await pull(this.services, link, track, stale);
        if (!stale) break;
      }
      // The archive's encrypted chunks of files whose rows the server now holds; a network failure leaves the rest for the next run.
      await uploadChunks(this.services, link);
      await this.services.db
        .updateTable('sync_state')
        .set({ last_sync_at: this.services.clock.now().toISOString() })
        .execute();
      this.online = true;
      this.lastError = null;
      this.failures = 0;
      if (received > 0) {
        this.receivedAt = this.services.clock.now();
        this.options.onEvent?.('sync.received');
      }
    } catch (error) {
      if (!(error instanceof SyncHttpError)) throw error;
      // A refusal is an answer (the server is there); an insecure link was never tried.
      this.online = error.kind === 'insecure' ? null : error.kind === 'refused';
      this.lastError = error.code;
      this.failures += 1;
      if (error.code === 'UPGRADE_REQUIRED') this.options.onUpgradeRequired?.();
    } finally {
      this.progress = null;
    }
  }

  private schedule(delayMs: number): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextAttemptAt = new Date(this.services.clock.now().getTime() + delayMs);
    this.options.onEvent?.('sync.status');
    this.timer = setTimeout(() => {
      this.timer = null;
      this.syncNow()
        .catch((error: unknown) => {
          console.error('[sync] run failed', error);
          this.failures += 1;
        })
        .finally(() => {
          if (this.lastError && STOPPING_ERRORS.has(this.lastError)) {
            this.nextAttemptAt = null;
            this.options.onEvent?.('sync.status');
            return;
          }
          this.schedule(
            this.failures === 0
              ? (this.options.intervalMs ?? 5_000)
              : backoff(this.failures, this.options.jitter ?? Math.random),
          );
        });
    }, delayMs);
    this.timer.unref();
  }
}

/** Catch-ups shorter than this do not show a progress bar. */
const PROGRESS_THRESHOLD = 200;

/** Doubling from 2 s to a minute, ±20 % by `jitter`. */
function backoff(failures: number, jitter: () => number): number {
  const base = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
  return Math.round(base * (0.8 + jitter() * 0.4));
}
