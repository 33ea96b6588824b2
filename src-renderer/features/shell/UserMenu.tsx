/** The signed-in user (name and role) with change password and sign out. */
import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal } from '../auth/ChangePasswordModal';
import { useSession } from '../../api/session';
import { useSignOut } from '../auth/session-actions';

export function UserMenu() {
  const { t } = useTranslation();
  const { user } = useSession();
  const signOut = useSignOut();
  const [changing, { open: openChange, close: closeChange }] = useDisclosure(false);
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={t('shell.userMenu')}
            data-testid="user-menu"
            px={6}
            py={4}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          >
            <Group gap={8} wrap="nowrap">
              <Avatar size={30} radius="xl" color="teal">
                {user.displayName.slice(0, 1).toUpperCase()}
              </Avatar>
              <div style={{ lineHeight: 1.15 }}>
                <Text size="sm" fw={600} data-testid="header-user">
                  {user.displayName}
                </Text>
                <Text size="xs" c="dimmed" data-testid="header-role">
                  {t(`roles.${user.role}`)}
                </Text>
              </div>
              <IconChevronDown size={14} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={openChange} data-testid="change-password">
            {t('shell.changePassword')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item
            color="red"
            leftSection={<IconLogout size={16} />}
            onClick={() => signOut.mutate()}
            data-testid="sign-out"
          >
            {t('shell.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={changing} onClose={closeChange} />
    </>
  );
}
