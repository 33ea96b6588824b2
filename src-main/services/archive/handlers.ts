/**
 * The archive's operations on the desk (issue 15), but work records and download allowances
 * (./record-handlers.ts, ./grant-handlers.ts): the policy, uploads, contracts, customer documents,
 * and opening and reading files.
 */
import type { HandlerMap } from '../rpc/handler';
import { attachHandlers } from './attach';
import { contractHandlers } from './contracts';
import { openHandlers } from './open';
import { policyHandlers } from './policy';
import { uploadHandlers } from './uploads';

export const archiveHandlers: HandlerMap<
  | 'archive.policy'
  | 'archive.setPolicy'
  | 'archive.listContracts'
  | 'archive.expiring'
  | 'archive.attachments'
  | 'archive.document'
  | 'archive.upload.begin'
  | 'archive.upload.chunk'
  | 'archive.contracts.add'
  | 'archive.contracts.addVersion'
  | 'archive.contracts.update'
  | 'archive.attach'
  | 'archive.open'
  | 'archive.read'
  | 'archive.download'
> = {
  ...policyHandlers,
  ...uploadHandlers,
  ...contractHandlers,
  ...attachHandlers,
  ...openHandlers,
};
