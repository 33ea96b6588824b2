/** The desk's backup folder (a setting), backups on demand, and one backup a day on a timer. */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { BackupFile } from '@shared/contract';
import type { Database } from '../../db/schema';
import type { Clock } from '../clock';
import { BACKUP_FOLDER_SETTING, defaultBackupFolder } from '../../db/backup-file';
import { backupTo, listBackups, pruneBackups } from './backup';

const FOLDER_SETTING = BACKUP_FOLDER_SETTING;
const KEEP = 30;
const CHECK_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

interface Deps {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  dataDir: string;
  clock: Clock;
}

export class BackupScheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: Deps) {}

  async folder(db: Kysely<Database> = this.deps.db): Promise<string> {
    const row = await db.selectFrom('setting').select('value_json').where('key', '=', FOLDER_SETTING).executeTakeFirst();
    return row ? (JSON.parse(row.value_json) as string) : defaultBackupFolder(this.deps.dataDir);
  }

  async setFolder(db: Kysely<Database>, folder: string): Promise<void> {
    await db
      .insertInto('setting')
      .values({ key: FOLDER_SETTING, value_json: JSON.stringify(folder) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value_json: JSON.stringify(folder) }))
      .execute();
  }

  async list(db: Kysely<Database> = this.deps.db): Promise<BackupFile[]> {
    return listBackups(await this.folder(db));
  }

  /** Pass the caller's transaction when called from inside one (the connection is not shared). */
  async run(db: Kysely<Database> = this.deps.db): Promise<BackupFile> {
    const folder = await this.folder(db);
    const made = await backupTo(this.deps.sqlite, folder, this.deps.clock.now());
    pruneBackups(folder, KEEP);
    return made;
  }

  /** Makes a backup unless one was made in the last 24 hours. */
  async runIfDue(): Promise<BackupFile | null> {
    const [latest] = await this.list();
    if (latest && this.deps.clock.now().getTime() - Date.parse(latest.at) < DAY_MS) return null;
    return this.run();
  }

  start(): void {
    const tick = () => {
      this.runIfDue().catch((error: unknown) => console.error('[backup] daily backup failed', error));
    };
    tick();
    this.timer = setInterval(tick, CHECK_EVERY_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
