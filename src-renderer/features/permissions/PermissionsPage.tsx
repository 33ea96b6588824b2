/** The role × permission matrix; a tick grants at once. Administrators' fixed permissions cannot be unticked. */
import { Alert, Box, Checkbox, Loader, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PermissionMatrix } from '@shared/contract';
import type { Permission, Role } from '@shared/permissions';
import { callKey } from '../../api/query-client';
import { useCall, useMutate } from '../../api/use-call';
import { useErrorText } from '../../i18n/errors';
import { PageHeader } from '../../ui/PageHeader';

interface Change {
  role: Role;
  permission: Permission;
  granted: boolean;
}

function Cell({
  matrix,
  role,
  permission,
  onChange,
  busy,
}: {
  matrix: PermissionMatrix;
  role: Role;
  permission: Permission;
  onChange: (change: Change) => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const granted = matrix.granted[role].includes(permission);
  const fixed = matrix.fixed.some((cell) => cell.role === role && cell.permission === permission);
  const box = (
    <Checkbox
      checked={granted}
      disabled={fixed || busy}
      aria-label={`${t(`roles.${role}`)} · ${t(`permissionNames.${permission}`)}`}
      onChange={(event) => onChange({ role, permission, granted: event.currentTarget.checked })}
      data-testid={`perm-${role}-${permission}`}
    />
  );
  return (
    <Table.Td>
      <Box display="flex" style={{ justifyContent: 'center' }}>
        {fixed ? (
          <Tooltip label={t('permissionsPage.fixed')} withArrow>
            <Box>{box}</Box>
          </Tooltip>
        ) : (
          box
        )}
      </Box>
    </Table.Td>
  );
}

export function PermissionsPage() {
  const { t } = useTranslation();
  const { message } = useErrorText();
  const client = useQueryClient();
  const matrix = useCall('permissions.matrix', {});

  const set = useMutate('permissions.set', {
    onSuccess: (next, change) => {
      client.setQueryData(callKey('permissions.matrix'), next);
      notifications.show({ color: 'teal', message: t('permissionsPage.changed', { role: t(`roles.${change.role}`) }) });
    },
    onError: (thrown) => notifications.show({ color: 'red', message: message(thrown) }),
  });

  return (
    <>
      <PageHeader title={t('permissionsPage.title')} />
      <Text c="dimmed" size="sm" mb="md">
        {t('permissionsPage.intro')}
      </Text>
      {matrix.isPending && <Loader size="sm" />}
      {matrix.isError && <Alert color="red">{message(matrix.error)}</Alert>}
      {matrix.data && (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder withColumnBorders highlightOnHover data-testid="permissions-matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('permissionsPage.permission')}</Table.Th>
                {matrix.data.roles.map((role) => (
                  <Table.Th key={role} ta="center">
                    {t(`roles.${role}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {matrix.data.permissions.map((permission) => (
                <Table.Tr key={permission}>
                  <Table.Td>
                    <Text size="sm">{t(`permissionNames.${permission}`)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {permission}
                    </Text>
                  </Table.Td>
                  {matrix.data.roles.map((role) => (
                    <Cell
                      key={role}
                      matrix={matrix.data}
                      role={role}
                      permission={permission}
                      onChange={set.mutate}
                      busy={set.isPending}
                    />
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
