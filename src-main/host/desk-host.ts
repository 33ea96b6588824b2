/**
 * What the Electron main process and the browser harness host: the desk's services when its
 * database opens, or — when it cannot be opened (cut short, damaged, a read-only folder, a full
 * disk, a newer schema, a failed migration) — the recovery surface instead of a raw error. The
 * recovery surface answers only `recovery.status` and `recovery.restore` (every other call:
 * DATABASE_UNAVAILABLE); after a restore the services start as usual, the restored trail records
 * the restore (no one signed in: the passphrase was the proof), and the app goes on to sign-in.
 */
import path from 'node:path';
import { operations, type RecoveryProblem, type RecoveryStatus, type Restored } from '@shared/contract';
import { AppError, type Result } from '@shared/errors';
import { appendAudit } from '../services/audit/chain';
import { restoreBackup } from '../services/backup/backup';
import { dispatch } from '../services/rpc/dispatch';
import { parseInput } from '../services/rpc/parse-input';
import type { Services } from '../services/desk-services';
import { createServices, deskKeyStore, type ServicesOptions } from '../services/services';
import { FoundBackups } from './found-backups';
import { describeOpenFailure } from './open-problem';

/** The restored desk's audit trail says it was restored, from which file, and where the replaced database is kept. */
async function recordRestore(services: Services, file: string, keptAs: string | null): Promise<void> {
  await services.db.transaction().execute((trx) =>
    appendAudit(trx, services.vault.audit, {
      at: services.clock.now(),
      deviceId: services.device.id,
      actor: null,
      operation: 'recovery.restore',
      outcome: 'ok',
      entityType: 'backup',
      entityId: path.basename(file),
      detail: { input: { file }, after: { keptAs } },
    }),
  );
}

/** What a fresh desk — a new PC before setup — may ask of its host: find a backup in a folder and be restored from it. */
const FRESH_DESK_OPERATIONS = new Set(['recovery.find', 'recovery.restore']);

/** Not set up and holding nothing of its own: nothing to lose by being replaced with a backup. */
async function isFresh(services: Services): Promise<boolean> {
  return (await services.db.selectFrom('property').select('id').executeTakeFirst()) === undefined;
}

export class DeskHost {
  private services: Services | null = null;
  private problem: RecoveryProblem | null = null;
  private readonly found: FoundBackups;
  /** Restores run one at a time; calls meanwhile see the recovery surface. */
  private restoring: Promise<unknown> = Promise.resolve();

  private constructor(private readonly options: ServicesOptions) {
    this.found = new FoundBackups(options.dataDir, options.nativeBinding);
  }

  /** Opens the desk; never throws for a database that will not open (the recovery surface takes over). */
  static async start(options: ServicesOptions): Promise<DeskHost> {
    const host = new DeskHost(options);
    await host.open();
    return host;
  }

  /** The running services, or null while in recovery. */
  get current(): Services | null {
    return this.services;
  }

  get recoveryProblem(): RecoveryProblem | null {
    return this.problem;
  }

  async call(name: string, input: unknown): Promise<Result<unknown>> {
    if (this.services && !(FRESH_DESK_OPERATIONS.has(name) && (await isFresh(this.services))))
      return dispatch(this.services, name, input);
    try {
      if (name === 'recovery.status') return { ok: true, value: await this.status() };
      if (name === 'recovery.find')
        return {
          ok: true,
          value: await this.found.in((parseInput(operations['recovery.find'], input) as { folder: string }).folder),
        };
      if (name === 'recovery.restore')
        return {
          ok: true,
          value: await this.restore(
            parseInput(operations['recovery.restore'], input) as { file: string; passphrase: string; folder?: string },
          ),
        };
      throw new AppError('DATABASE_UNAVAILABLE');
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toValue() };
      console.error(`[recovery] ${name} failed`, error);
      return { ok: false, error: { code: 'INTERNAL' } };
    }
  }

  async close(): Promise<void> {
    await this.services?.close();
    this.services = null;
  }

  private async open(): Promise<void> {
    try {
      this.services = await createServices(this.options);
      this.problem = null;
    } catch (error) {
      this.problem = describeOpenFailure(error, this.options.dataDir);
      console.error('[recovery] the desk database could not be opened', error);
    }
  }

  private async status(): Promise<RecoveryStatus> {
    return { problem: this.problem, backups: await this.found.list() };
  }

  private async restore({
    file,
    passphrase,
    folder,
  }: {
    file: string;
    passphrase: string;
    folder?: string;
  }): Promise<Restored> {
    const run = async (): Promise<Restored> => {
      if (this.services && !(await isFresh(this.services))) throw new AppError('RECOVERY_NOT_NEEDED');
      // Only a backup the screen offered: the caller cannot point the desk at any file it likes.
      const offered = folder ? await this.found.in(folder) : await this.found.list();
      if (!offered.some((backup) => backup.file === file))
        throw new AppError('INPUT_INVALID', { fields: 'file' }, ['file']);
      // A fresh desk's empty database gives way to the backup (kept beside it, as any replaced database); a failed restore opens it again.
      await this.close();
      let restored: Awaited<ReturnType<typeof restoreBackup>>;
      try {
        restored = await restoreBackup(this.options.dataDir, file, {
          passphrase,
          keyStore: deskKeyStore(this.options),
          at: new Date(),
          nativeBinding: this.options.nativeBinding,
        });
      } catch (error) {
        await this.open();
        throw error;
      }
      console.log(
        `[recovery] restored ${file}${restored.keptAs ? `; the replaced database is kept as ${restored.keptAs}` : ''}`,
      );
      await this.open();
      if (this.services) await recordRestore(this.services, file, restored.keptAs);
      return { keptAs: restored.keptAs };
    };
    const result = this.restoring.then(run, run);
    this.restoring = result.catch(() => undefined);
    return result;
  }
}
