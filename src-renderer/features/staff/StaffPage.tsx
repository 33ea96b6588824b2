/** Staff accounts: the list, and modals to add, edit and reset a password. */
import { useState } from 'react';
import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPencil, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '@shared/contract';
import { useCall } from '../../api/use-call';
import { useFormat } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { ResetPasswordModal } from './ResetPasswordModal';
import { StaffCreateModal } from './StaffCreateModal';
import { StaffEditModal } from './StaffEditModal';

const COLUMNS = [
  'staff.username',
  'staff.displayName',
  'staff.role',
  'staff.status',
  'staff.lockedUntil',
  'common.actions',
] as const;

function StaffRow({
  member,
  loadedAt,
  onEdit,
  onReset,
}: {
  member: StaffMember;
  loadedAt: number;
  onEdit: () => void;
  onReset: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const locked = member.lockedUntil !== null && Date.parse(member.lockedUntil) > loadedAt;
  return (
    <Table.Tr data-testid={`staff-row-${member.username}`}>
      <Table.Td ff="monospace">{member.username}</Table.Td>
      <Table.Td>{member.displayName}</Table.Td>
      <Table.Td>{t(`roles.${member.role}`)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={member.active ? 'teal' : 'gray'}>
          {member.active ? t('staff.active') : t('staff.inactive')}
        </Badge>
      </Table.Td>
      <Table.Td>
        {locked ? (
          <Text c="red" size="sm">
            {format.dateTime(member.lockedUntil!)}
          </Text>
        ) : (
          t('common.empty')
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPencil size={14} />}
            onClick={onEdit}
            data-testid={`staff-edit-${member.username}`}
          >
            {t('staff.edit')}
          </Button>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconKey size={14} />}
            onClick={onReset}
            data-testid={`staff-reset-${member.username}`}
          >
            {t('staff.resetPassword')}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function StaffPage() {
  const { t } = useTranslation();
  const staff = useCall('staff.list', {});
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const [resetting, setResetting] = useState<StaffMember | null>(null);

  return (
    <>
      <PageHeader title={t('staff.title')}>
        <Button leftSection={<IconUserPlus size={16} />} onClick={openCreate} data-testid="staff-create">
          {t('staff.create')}
        </Button>
      </PageHeader>
      <QueryState query={staff}>
        {(members) => (
          <DataTable
            minWidth={720}
            data-testid="staff-table"
            columns={COLUMNS.map((column) => t(column))}
            emptyText={t('staff.empty')}
            rows={members.map((member) => (
              <StaffRow
                key={member.id}
                member={member}
                loadedAt={staff.dataUpdatedAt}
                onEdit={() => setEditing(member)}
                onReset={() => setResetting(member)}
              />
            ))}
          />
        )}
      </QueryState>
      <StaffCreateModal opened={creating} onClose={closeCreate} />
      <StaffEditModal member={editing} onClose={() => setEditing(null)} />
      <ResetPasswordModal member={resetting} onClose={() => setResetting(null)} />
    </>
  );
}
