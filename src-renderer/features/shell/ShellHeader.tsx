/** The header: property, desk and sync state on the left; the quick search, language, colour scheme, lock and the user menu on the right. */
import { Badge, Burger, Button, Group, Text } from '@mantine/core';
import { IconBuildingSkyscraper, IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../api/session';
import { QuickSearch } from '../bookings/QuickSearch';
import { SecondCopyWarning } from '../settings/SecondCopyWarning';
import { SyncIndicator } from '../sync/SyncIndicator';
import { useLockDesk } from '../auth/session-actions';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import { LanguageMenu } from '../../ui/LanguageMenu';
import { UserMenu } from './UserMenu';

export function ShellHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const { t } = useTranslation();
  const { property, desk } = useSession();
  const lock = useLockDesk();
  const can = useCan();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label={t('shell.toggleNav')} />
        <IconBuildingSkyscraper size={22} color="var(--mantine-primary-color-filled)" aria-hidden />
        <Text fw={700} size="lg" truncate data-testid="header-property">
          {property.name}
        </Text>
        <Badge variant="light" color="gray" radius="sm" data-testid="header-desk">
          {t('shell.desk', { code: desk.code })}
        </Badge>
        <SyncIndicator />
        {can('backup.manage') && <SecondCopyWarning />}
      </Group>
      <Group gap="xs" wrap="nowrap">
        {can('guests.view') && <QuickSearch />}
        <LanguageMenu />
        <ColorSchemeToggle />
        <Button
          variant="default"
          size="sm"
          leftSection={<IconLock size={16} />}
          onClick={() => lock()}
          data-testid="lock-button"
        >
          {t('shell.lock')}
        </Button>
        <UserMenu />
      </Group>
    </Group>
  );
}
