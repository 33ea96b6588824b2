/** The archive on a test desk: the small hotel with a director, files uploaded a chunk at a time as the renderer does, and read back. */
import { createHash } from 'node:crypto';
import type { InputOf } from '@shared/contract';
import type { ArchiveRead } from '@shared/contract/archive';
import { addStaff, ADMIN, signIn, type Desk } from './desk';
import { openHotel, type Hotel } from './hotel';

export const PDF = 'application/pdf';

/** The hotel's staff (lina agent, chen supervisor, admin) and zhou, the director. */
export async function openArchiveDesk(desk: Desk): Promise<Hotel> {
  const hotel = await openHotel(desk);
  await signIn(desk, 'admin', ADMIN.password);
  await addStaff(desk, 'zhou', 'director');
  return hotel;
}

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `size` bytes with `marker` written over and over (a marker in every chunk, across chunk borders too). */
export function markedFile(size: number, marker: string): Buffer {
  const unit = Buffer.from(`${marker} `, 'utf8');
  const bytes = Buffer.alloc(size);
  for (let at = 0; at < size; at += unit.length) unit.copy(bytes, at, 0, Math.min(unit.length, size - at));
  return bytes;
}

/** Begins an upload and sends every chunk, in order; the upload's id. */
export async function upload(
  desk: Desk,
  tier: 'contract' | 'customer',
  bytes: Buffer,
  {
    fileName = 'contract.pdf',
    mediaType = PDF,
  }: { fileName?: string; mediaType?: InputOf<'archive.upload.begin'>['mediaType'] } = {},
): Promise<string> {
  const { uploadId, chunkSize, chunks } = await desk.call('archive.upload.begin', {
    tier,
    fileName,
    mediaType,
    size: bytes.length,
  });
  for (let index = 0; index < chunks; index++)
    await desk.call('archive.upload.chunk', {
      uploadId,
      index,
      data: bytes.subarray(index * chunkSize, (index + 1) * chunkSize).toString('base64'),
    });
  return uploadId;
}

/** A contract named by the default rule ('date-number-subject'), number `no`. */
export function contractInput(no: string, overrides: Partial<InputOf<'archive.contracts.add'>> = {}) {
  return {
    name: `20261120-${no}-客房布草洗涤`,
    counterparty: '杭州洁安洗涤有限公司',
    project: '客房布草洗涤',
    contractNo: no,
    amountFen: 12_000_000,
    signedOn: '2026-11-20',
    effectiveOn: '2026-12-01',
    expiresOn: '2027-11-30',
    ...overrides,
  };
}

/** Uploads `bytes` and files them as a new contract. */
export async function addContract(desk: Desk, no: string, bytes: Buffer, fileName = `${no}.pdf`) {
  const uploadId = await upload(desk, 'contract', bytes, { fileName });
  return desk.call('archive.contracts.add', { ...contractInput(no), uploadId });
}

/** Every chunk of an open read, put together. */
export async function readAll(desk: Desk, read: ArchiveRead): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let index = 0; index < read.chunks; index++)
    parts.push(Buffer.from((await desk.call('archive.read', { readId: read.readId, index })).data, 'base64'));
  return Buffer.concat(parts);
}

/** The audit entries of an operation, oldest first. */
export async function auditOf(desk: Desk, operation: string) {
  return desk.services.db
    .selectFrom('audit_log')
    .selectAll()
    .where('operation', '=', operation)
    .orderBy('seq')
    .execute();
}
