/**
 * The archive screen as the shell needs it: a hash route, the page, who may open it and the nav
 * icon (label: nav.archive). Customer documents live on the guest, booking and complaint views,
 * so only the contract and work-record permissions open this page.
 */
import type { ComponentType } from 'react';
import { IconArchive, type Icon } from '@tabler/icons-react';
import type { Permission } from '@shared/permissions';
import { ArchivePage } from './ArchivePage';

export const ARCHIVE_PAGE: {
  route: 'archive';
  component: ComponentType;
  anyOf: readonly Permission[];
  icon: Icon;
} = {
  route: 'archive',
  component: ArchivePage,
  anyOf: ['archive.contracts.manage', 'archive.contracts.read', 'archive.records.read', 'archive.records.manage'],
  icon: IconArchive,
};
