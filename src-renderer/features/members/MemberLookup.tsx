/** Looking a member up by member number or card number (a card reader types into the same box). */
import { useState } from 'react';
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../ui/QueryState';
import { MemberPanel } from './MemberPanel';
import { useCall } from '../../api/use-call';

export function MemberLookup() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [number, setNumber] = useState('');
  const found = useCall('members.lookup', { number }, { enabled: number !== '' });
  return (
    <Stack gap="sm">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setNumber(typed.trim().toUpperCase());
        }}
      >
        <Group align="flex-end" gap="xs">
          <TextInput
            label={t('members.lookup.label')}
            placeholder={t('members.lookup.placeholder')}
            leftSection={<IconSearch size={16} />}
            w={320}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            data-testid="member-lookup"
          />
          <Button type="submit" variant="light" data-testid="member-lookup-submit">
            {t('members.lookup.submit')}
          </Button>
        </Group>
      </form>
      {number !== '' && <QueryState query={found}>{(member) => <MemberPanel member={member} />}</QueryState>}
    </Stack>
  );
}
