/**
 * A hostile desk against the archive's rows: an agent filing a contract (or a contract passed off
 * as a customer document), a file said to be uploaded by someone else, a file under another key
 * or with a chunk list that does not fit its size, a filed file's chunks or a document's tier
 * changed afterwards, a download allowance without its approval or given to someone who may not
 * read the tier, an allowance used by someone it was not given to, and a work record deleted
 * before its retention ran out. Each is refused, and neither the server's rows nor the honest
 * founding desk's (once synced) change; the honest mutation beside it goes through.
 */
import { ARCHIVE_CHUNK_BYTES } from '@shared/contract/archive';
import { fromJson, toJson } from '@shared/json';
import { rootOf } from '@shared/sync/aggregates';
import type { SyncRow } from '@shared/sync/tables';
import { describe, expect, it } from 'vitest';
import { setBusinessDate } from '../../src-main/services/business-date';
import { addContract, markedFile, upload } from '../integration/archive-files';
import { ADMIN, addStaff, signIn, type Desk } from '../integration/desk';
import { BACKENDS } from './backends';
import {
  craft,
  effectOf,
  hostileSuite,
  refusal,
  rowIn,
  serverTable,
  variant,
  type HostileProperty,
  type Mutation,
} from './hostile-desk';

const GRANT_ID = '01900000-0000-7000-8000-00000000a001';

/** The mutation with one table's row patched (the first, or the one under `key`). */
function patched(mutation: Mutation, table: string, patch: Record<string, unknown>, key?: string): Mutation {
  return variant(mutation, {
    effects: mutation.effects.map((effect) =>
      effect.table === table && effect.row !== null && (key === undefined || effect.key === key)
        ? { ...effect, row: { ...effect.row, ...patch } }
        : effect,
    ),
  });
}

/**
 * Before founding, on the founding desk (admin signed in): zhou the director, a contract filed by
 * the admin, zhou's download allowance for it (as an approval would have made it), and October's
 * work records, kept until 2031-10-31.
 */
async function archiveBeforeFounding(desk: Desk): Promise<void> {
  await addStaff(desk, 'zhou', 'director');
  const contract = await addContract(desk, 'HT-F-001', markedFile(5000, 'FOUNDED'));
  const zhou = await desk.services.db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', 'zhou')
    .executeTakeFirstOrThrow();
  await desk.services.db
    .insertInto('archive_grant')
    .values({
      id: GRANT_ID,
      file_id: contract.latest.id,
      staff_id: zhou.id,
      reason: '审计调阅',
      granted_at: '2026-11-26T02:00:00.000Z',
      expires_at: '2026-11-27T02:00:00.000Z',
      used_at: null,
      device: desk.services.device.id,
      server_version: null,
    })
    .execute();
  await desk.call('archive.records.archiveMonth', { month: '2026-10' });
}

/** A contract filed by the admin at the joined desk, still in its outbox; lina is signed in again after. */
async function honestContract(property: HostileProperty, no: string, size = 5000): Promise<Mutation> {
  const { joined, attacker } = property;
  await signIn(joined, ADMIN.username, ADMIN.password);
  await addContract(joined, no, markedFile(size, no));
  const mutation = await attacker.lastOutbox('archive.contracts.add');
  return mutation;
}

/** Pushes every honest mutation waiting in the joined desk's outbox. */
async function pushOutbox(property: HostileProperty): Promise<void> {
  const outbox = await property.attacker.outbox();
  const results = await property.attacker.push(...outbox);
  expect(results.map((r) => r.status)).toEqual(outbox.map(() => 'applied'));
  await property.joined.services.db.deleteFrom('outbox').execute();
}

describe.each(BACKENDS)('a hostile desk against the archive on %s', { timeout: 60_000 }, (backend) => {
  const suite = hostileSuite(backend);
  const property = () => suite.property({ beforeFounding: archiveBeforeFounding });

  it('an agent may not file a contract, nor pass a contract off as a customer document', async () => {
    const p = await property();
    const { joined, attacker, staff } = p;
    const honest = await honestContract(p, 'HT-J-001');
    const lina = staff.lina!;
    await signIn(joined, 'lina');
    const before = await p.state();

    const asAgent = variant(
      patched(patched(honest, 'archive_document', { created_by: lina }), 'archive_file', { uploaded_by: lina }),
      { actorId: lina },
    );
    const [filed] = await attacker.push(asAgent);
    expect(filed).toMatchObject(refusal('PERMISSION_DENIED'));

    // archive.attach is hers to run: a contract filed through it, shaped as a customer document but for its tier.
    const title = String(rowIn(honest, 'archive_document').name);
    const attached = craft(
      'archive.attach',
      asAgent.effects.map((effect) =>
        effect.table === 'archive_document'
          ? {
              ...effect,
              row: {
                ...effect.row,
                ...Object.fromEntries(
                  [
                    'counterparty',
                    'project',
                    'contract_no',
                    'amount_fen',
                    'signed_on',
                    'effective_on',
                    'expires_on',
                    'status',
                  ].map((column) => [column, null]),
                ),
                subject_type: 'guest',
                subject_id: p.hotel.guest,
              },
            }
          : effect,
      ),
      { actorId: lina, input: { uploadId: 'u', subjectType: 'guest', subjectId: p.hotel.guest, title } },
    );
    const [passedOff] = await attacker.push(attached);
    expect(passedOff).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(passedOff!.detail).toContain('tier must be customer');
    expect(await p.state()).toEqual(before);
  });

  it('a file said to be uploaded by someone else is refused; the honest one goes through', async () => {
    const p = await property();
    const { attacker, staff } = p;
    const honest = await honestContract(p, 'HT-J-002');
    const before = await p.state();
    const [forged] = await attacker.push(patched(honest, 'archive_file', { uploaded_by: staff.zhou! }));
    expect(forged).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(forged!.detail).toContain('uploaded_by is not the actor');
    expect(await p.state()).toEqual(before);
    expect(await attacker.push(honest)).toMatchObject([{ status: 'applied' }]);
  });

  it('a file under another key, or whose chunk list does not fit its size, is refused', async () => {
    const p = await property();
    const { attacker } = p;
    const honest = await honestContract(p, 'HT-J-003', 3000);
    const file = rowIn(honest, 'archive_file');
    const before = await p.state();

    const [otherKey] = await attacker.push(patched(honest, 'archive_file', { key_id: 'someone-elses-key' }));
    expect(otherKey).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(otherKey!.detail).toContain("key_id someone-elses-key is not the property's key");

    const [bigger] = await attacker.push(patched(honest, 'archive_file', { size: 3 * ARCHIVE_CHUNK_BYTES }));
    expect(bigger).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(bigger!.detail).toContain(`1 chunks for ${3 * ARCHIVE_CHUNK_BYTES} bytes`);

    const chunks = fromJson<string[]>(String(file.chunks_json));
    const [extra] = await attacker.push(
      patched(honest, 'archive_file', { chunks_json: toJson([...chunks, 'f'.repeat(64)]) }),
    );
    expect(extra).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(extra!.detail).toContain('2 chunks for 3000 bytes');

    // What the stored policy does not allow for a contract: a work record's type, a file over its 50 MB.
    const [json] = await attacker.push(patched(honest, 'archive_file', { media_type: 'application/json' }));
    expect(json!.detail).toContain('media type application/json is not allowed');
    const huge = 60 * ARCHIVE_CHUNK_BYTES;
    const [tooLarge] = await attacker.push(
      patched(honest, 'archive_file', {
        size: huge,
        chunks_json: toJson(Array.from({ length: 60 }, (_, i) => i.toString(16).padStart(64, '0'))),
      }),
    );
    expect(tooLarge).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(tooLarge!.detail).toContain(`${huge} bytes is over the policy's 50 MB`);
    expect(await p.state()).toEqual(before);
    expect(await attacker.push(honest)).toMatchObject([{ status: 'applied' }]);
  });

  it('a contract whose name breaks the stored naming rule, or is another contract’s in other letters, is refused', async () => {
    const p = await property();
    const { attacker } = p;
    const honest = await honestContract(p, 'HT-J-005');
    const before = await p.state();
    const [misnamed] = await attacker.push(patched(honest, 'archive_document', { name: '布草合同' }));
    expect(misnamed).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(misnamed!.detail).toContain('name 布草合同 does not follow the rule date-number-subject');

    // The founding desk's contract is 20261120-HT-F-001-客房布草洗涤; this one differs only in case.
    const twin = patched(honest, 'archive_document', {
      name: '20261120-ht-f-001-客房布草洗涤',
      contract_no: 'ht-f-001',
    });
    const [duplicate] = await attacker.push(
      variant(twin, { input: { ...(honest.input as Record<string, unknown>), contractNo: 'ht-f-001' } }),
    );
    expect(duplicate).toMatchObject(refusal('DUPLICATE', 'archive_document:contract|20261120-HT-F-001-客房布草洗涤'));
    expect(await p.state()).toEqual(before);
    expect(await attacker.push(honest)).toMatchObject([{ status: 'applied' }]);
  });

  it('a filed file is immutable and a document keeps its tier: an edit that changes either is refused', async () => {
    const p = await property();
    const { joined, attacker } = p;
    const honest = await honestContract(p, 'HT-J-004');
    await pushOutbox(p);
    const document = rowIn(honest, 'archive_document');
    const file = rowIn(honest, 'archive_file');
    await joined.call('archive.contracts.update', {
      id: String(document.id),
      name: String(document.name),
      counterparty: '另一家公司',
      project: String(document.project),
      contractNo: String(document.contract_no),
      signedOn: document.signed_on as string,
      effectiveOn: document.effective_on as string,
      expiresOn: document.expires_on as string,
    });
    const update = await attacker.lastOutbox('archive.contracts.update');
    const before = await p.state();

    // The chunks of a filed file swapped for others (someone else's ciphertext), beside an honest edit.
    const swapped = { ...file, chunks_json: toJson(['e'.repeat(64)]), key_id: 'k2' };
    const [rechunked] = await attacker.push(
      variant(update, { effects: [...update.effects, effectOf('archive_file', swapped, ['chunks_json', 'key_id'])] }),
    );
    expect(rechunked).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(rechunked!.detail).toMatch(/^archive_file:.*update not allowed/);

    const [retiered] = await attacker.push(
      variant(update, {
        effects: update.effects.map((effect) =>
          effect.table === 'archive_document'
            ? { ...effect, row: { ...effect.row, tier: 'customer' }, columns: [...(effect.columns ?? []), 'tier'] }
            : effect,
        ),
      }),
    );
    expect(retiered).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(retiered!.detail).toMatch(/^archive_document:.*column tier not allowed/);
    expect(await p.state()).toEqual(before);
    expect(await attacker.push(update)).toMatchObject([{ status: 'applied' }]);
    expect((await serverTable(p.server, p.propertyId, 'archive_file')).get(String(file.id))).toMatchObject({
      chunks_json: file.chunks_json,
      key_id: file.key_id,
    });
  });

  it('a download allowance without its approval, or for someone who may not read contracts, is refused', async () => {
    const p = await property();
    const { joined, attacker, staff } = p;
    const files = await serverTable(p.server, p.propertyId, 'archive_file');
    const fileId = [...files.keys()].find((id) => files.get(id)!.media_type === 'application/pdf')!;
    await signIn(joined, 'zhou');
    const before = await p.state();
    const grant = (staffId: string) =>
      effectOf('archive_grant', {
        id: '01900000-0000-7000-8000-00000000b001',
        file_id: fileId,
        staff_id: staffId,
        reason: '自行放行',
        granted_at: '2026-11-26T02:00:00.000Z',
        expires_at: '2026-11-27T02:00:00.000Z',
        used_at: null,
        device: joined.services.device.id,
        server_version: null,
      });
    const input = { fileId, reason: '自行放行' };
    const [unapproved] = await attacker.push(
      craft('archive.allowDownload', [grant(staff.zhou!)], { actorId: staff.zhou!, input }),
    );
    expect(unapproved).toMatchObject(refusal('APPROVAL_INVALID', 'approval required (review)'));

    // chen (supervisor) may decide approvals but not read contracts; with the policy no longer holding it, the server's matrix still does.
    await p.founder.call('auth.signIn', { username: 'admin', password: ADMIN.password });
    const policy = await p.founder.call('approvals.policy');
    await p.founder.call('approvals.setPolicy', {
      rules: policy.rules.map((rule) =>
        rule.operation === 'archive.allowDownload'
          ? { ...rule, needsApproval: false, minApproverRole: null, dualReview: false }
          : rule,
      ),
      tiers: policy.tiers,
      paperworkDays: policy.paperworkDays,
    });
    await p.founder.services.sync.syncNow();
    await signIn(joined, 'chen');
    const policySet = await p.state();
    const [unreadable] = await attacker.push(
      craft('archive.allowDownload', [grant(staff.chen!)], { actorId: staff.chen!, input }),
    );
    expect(unreadable).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(unreadable!.detail).toContain(`staff_id ${staff.chen!} may not read contract`);
    expect(await p.state()).toEqual(policySet);
    expect(before.server.rows.filter((r) => r.table_name === 'archive_grant')).toEqual(
      policySet.server.rows.filter((r) => r.table_name === 'archive_grant'),
    );

    // A reader's own allowance may last the hours allowed, from when it was given: not a year, not from tomorrow.
    await signIn(joined, 'zhou');
    const ofZhou = (patch: Record<string, unknown>) =>
      craft('archive.allowDownload', [effectOf('archive_grant', { ...grant(staff.zhou!).row, ...patch })], {
        actorId: staff.zhou!,
        input,
      });
    const [yearLong] = await attacker.push(ofZhou({ expires_at: '2027-11-26T02:00:00.000Z' }));
    expect(yearLong).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(yearLong!.detail).toContain('archive_grant: allowed from');
    const [later] = await attacker.push(
      ofZhou({ granted_at: '2099-01-01T00:00:00.000Z', expires_at: '2099-01-02T00:00:00.000Z' }),
    );
    expect(later).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(await p.state()).toEqual(policySet);
    expect(await attacker.push(ofZhou({}))).toMatchObject([{ status: 'applied' }]);
  });

  it('an allowance is used only by the person it was given to', async () => {
    const p = await property();
    const { joined, attacker, staff } = p;
    const stored = (await serverTable(p.server, p.propertyId, 'archive_grant')).get(GRANT_ID)!;
    expect(stored).toMatchObject({ staff_id: staff.zhou!, used_at: null });
    const used = { ...stored, used_at: '2026-11-26T03:00:00.000Z' };
    const use = (actor: string) =>
      craft('archive.download', [effectOf('archive_grant', used, ['used_at'])], {
        actorId: actor,
        input: { fileId: stored.file_id },
      });
    await signIn(joined, 'chen');
    const before = await p.state();
    const [byChen] = await attacker.push(use(staff.chen!));
    expect(byChen).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(byChen!.detail).toContain('staff_id is not the actor');
    // Nor by making it theirs on the way.
    const [taken] = await attacker.push(
      craft(
        'archive.download',
        [effectOf('archive_grant', { ...used, staff_id: staff.chen! }, ['used_at', 'staff_id'])],
        {
          actorId: staff.chen!,
          input: { fileId: stored.file_id },
        },
      ),
    );
    expect(taken).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(taken!.detail).toMatch(/^archive_grant:.*column staff_id not allowed/);
    expect(await p.state()).toEqual(before);

    await signIn(joined, 'zhou');
    expect(await attacker.push(use(staff.zhou!))).toMatchObject([{ status: 'applied' }]);
  });

  it('a work record deleted before its retention ran out is refused, even with a director’s approval', async () => {
    const p = await property();
    const { joined, attacker } = p;
    const records = await serverTable(p.server, p.propertyId, 'archive_document');
    const record = [...records.values()].find((row) => row.tier === 'record')!;
    expect(record.retain_until).toBe('2031-10-31');
    // The desk's own clock of business days, moved past retention where nobody syncs it.
    await setBusinessDate(joined.services.db, '2031-11-05');
    joined.services.sqlite.exec("DELETE FROM sync_touched WHERE table_name = 'setting'");
    await signIn(joined, ADMIN.username, ADMIN.password);
    const request = await joined.call('approvals.request', {
      operation: 'archive.records.delete',
      input: { id: String(record.id) },
      reason: '保管期满',
    });
    await signIn(joined, 'zhou');
    expect((await joined.call('approvals.decide', { requestId: request.id, decision: 'approve' })).status).toBe(
      'executed',
    );
    const outbox = await attacker.outbox();
    const deletion = outbox.findLast((m) => m.name === 'archive.records.delete')!;
    expect(deletion.approvalId).toBe(request.id);
    const approvals = outbox.filter((m) => m.name.startsWith('approvals.'));
    expect((await attacker.push(...approvals)).map((r) => r.status)).toEqual(approvals.map(() => 'applied'));
    const before = await p.state();

    const [early] = await attacker.push(deletion);
    expect(early).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', `archive_document ${String(record.id)}: retention runs until 2031-10-31`),
    );
    expect(await p.state()).toEqual(before);
    expect((await serverTable(p.server, p.propertyId, 'archive_document')).get(String(record.id))).toMatchObject({
      deleted_at: null,
    });
  });

  it('a guest’s erasure deletes that guest’s customer documents only: another guest’s, or a contract, is refused', async () => {
    const p = await property();
    const { joined, attacker } = p;
    await signIn(joined, 'lina');
    const attach = async (guestId: string, title: string) => {
      const uploadId = await upload(joined, 'customer', markedFile(800, title), {
        fileName: 'scan.png',
        mediaType: 'image/png',
      });
      return joined.call('archive.attach', { uploadId, subjectType: 'guest', subjectId: guestId, title });
    };
    const erased = await joined.call('guests.create', { name: '韩梅梅', phone: '13600000000', segment: 'leisure' });
    const other = await joined.call('guests.create', { name: '李雷', phone: '13700000000', segment: 'leisure' });
    await attach(erased.id, '护照复印件');
    const theirs = await attach(other.id, '他人授权书');
    await pushOutbox(p);

    const request = await joined.call('approvals.request', {
      operation: 'guests.delete',
      input: { id: erased.id },
      reason: '客人要求删除个人信息',
    });
    await joined.call('approvals.approveAtDesk', { requestId: request.id, username: 'chen', password: 'chen-pass-1' });
    const outbox = await attacker.outbox();
    const erasure = outbox.findLast((m) => m.name === 'guests.delete')!;
    const approvals = outbox.filter((m) => m.name.startsWith('approvals.'));
    expect((await attacker.push(...approvals)).map((r) => r.status)).toEqual(approvals.map(() => 'applied'));
    const documents = await serverTable(p.server, p.propertyId, 'archive_document');
    const deletedAs = rowIn(erasure, 'archive_document');
    // The attacker claims the latest version of every root, as a desk that has just pulled would.
    const bases: Record<string, number> = {};
    for (const stored of await p.server.db.db
      .selectFrom('sync_row')
      .select(['table_name', 'data', 'version'])
      .where('property_id', '=', p.propertyId)
      .execute()) {
      const root = stored.data === null ? null : rootOf(stored.table_name, JSON.parse(stored.data) as SyncRow);
      if (root !== null) bases[root] = Math.max(bases[root] ?? 0, Number(stored.version));
    }
    const deleteToo = (row: Record<string, unknown>) =>
      variant(erasure, {
        bases: { ...erasure.bases, ...bases },
        effects: [
          ...erasure.effects,
          effectOf('archive_document', { ...row, deleted_at: deletedAs.deleted_at, deleted_by: deletedAs.deleted_by }, [
            'deleted_at',
            'deleted_by',
          ]),
        ],
      });
    const before = await p.state();

    const [othersToo] = await attacker.push(deleteToo(documents.get(theirs.id)!));
    expect(othersToo).toMatchObject(
      refusal('WRITE_NOT_ALLOWED', `archive_document ${theirs.id} is not a document of guest ${erased.id}`),
    );
    const contract = [...documents.values()].find((row) => row.tier === 'contract')!;
    const [contractToo] = await attacker.push(deleteToo(contract));
    expect(contractToo).toMatchObject(refusal('WRITE_NOT_ALLOWED'));
    expect(await p.state()).toEqual(before);

    expect(await attacker.push(erasure)).toMatchObject([{ status: 'applied' }]);
    const after = await serverTable(p.server, p.propertyId, 'archive_document');
    expect(after.get(theirs.id)).toMatchObject({ deleted_at: null });
    expect([...after.values()].filter((row) => row.subject_id === erased.id && row.deleted_at !== null)).toHaveLength(
      1,
    );
  });
});
