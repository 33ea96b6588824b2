import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src-main/db/connection';
import { addStaff, openDesk, setUpDesk, type Desk } from './desk';

let desk: Desk | undefined;
afterEach(async () => {
  await desk?.close();
  desk = undefined;
});

describe('the audit trail', () => {
  it('is append-only in the database itself', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    expect(() => desk!.services.sqlite.prepare("UPDATE audit_log SET actor_name = 'someone else'").run()).toThrow(/append-only/);
    expect(() => desk!.services.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('verifies an untouched chain and names the first entry changed behind its back', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    for (const name of ['lina', 'zhou', 'chen']) await addStaff(desk, name, 'agent');
    expect(await desk.call('audit.verify')).toEqual({ ok: true, checked: 4 });
    const dataDir = desk.dataDir;
    await desk.close();
    desk = undefined;

    const raw = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET detail_json = replace(detail_json, 'zhou', 'nobody') WHERE seq = 3`).run();
    raw.close();

    desk = await openDesk(dataDir);
    await desk.call('auth.signIn', { username: 'admin', password: 'admin-pass-1' });
    expect(await desk.call('audit.verify')).toEqual({ ok: false, checked: 2, firstBrokenSeq: 3, reason: 'hash' });
  });

  it('detects a removed entry by the broken link after it', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    for (const name of ['lina', 'zhou']) await addStaff(desk, name, 'agent');
    const dataDir = desk.dataDir;
    await desk.close();
    desk = undefined;
    const raw = new BetterSqlite3(path.join(dataDir, DATABASE_FILE));
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    raw.close();
    desk = await openDesk(dataDir);
    await desk.call('auth.signIn', { username: 'admin', password: 'admin-pass-1' });
    expect(await desk.call('audit.verify')).toMatchObject({ ok: false, firstBrokenSeq: 2, reason: 'gap' });
  });

  it('lists newest first with filters and pages', async () => {
    desk = await openDesk();
    await setUpDesk(desk);
    for (const name of ['lina', 'zhou', 'chen']) await addStaff(desk, name, 'agent');
    const first = await desk.call('audit.list', { operation: 'staff.create', limit: 2 });
    expect(first.entries.map((e) => (e.detail?.after as { username: string }).username)).toEqual(['chen', 'zhou']);
    const second = await desk.call('audit.list', { operation: 'staff.create', limit: 2, beforeSeq: first.nextBeforeSeq! });
    expect(second.entries.map((e) => e.entityType)).toEqual(['staff']);
    expect(second.nextBeforeSeq).toBeNull();
    // 02:00Z is 10:00 in Shanghai on 2026-11-26: the local day filter must include it, the day before must not.
    expect((await desk.call('audit.list', { from: '2026-11-26', to: '2026-11-26' })).entries).toHaveLength(4);
    expect((await desk.call('audit.list', { to: '2026-11-25' })).entries).toHaveLength(0);
    expect((await desk.call('audit.list', { actor: 'admin', outcome: 'denied' })).entries).toHaveLength(0);
  });
});
