/** A guest's or a booking's complaints, newest first, each opening its ticket; and opening one about them. */
import { useState } from 'react';
import { Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { useCall } from '../../api/use-call';
import { useFormat } from '../../i18n/format';
import { ClockBadges } from './ClockBadges';
import { ComplaintModal } from './ComplaintTicket';
import { OpenComplaint, type ComplaintSubject } from './OpenComplaint';
import { SeverityBadge } from './SeverityBadge';

export function ComplaintHistory({ subject }: { subject: ComplaintSubject }) {
  const can = useCan();
  if (!can('complaints.handle')) return null;
  return <History subject={subject} />;
}

function History({ subject }: { subject: ComplaintSubject }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [shown, setShown] = useState<string | null>(null);
  const list = useCall('complaints.list', {
    view: 'all',
    guestId: subject.guestId ?? null,
    bookingId: subject.bookingId ?? null,
  });
  const complaints = list.data ?? [];
  return (
    <Stack gap="xs" data-testid="complaint-history">
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {t('complaints.history.title')}
        </Text>
        <OpenComplaint size="xs" subject={subject} onOpened={setShown} />
      </Group>
      {complaints.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('complaints.history.empty')}
        </Text>
      ) : (
        <Table striped highlightOnHover>
          <Table.Tbody>
            {complaints.map((complaint) => (
              <Table.Tr
                key={complaint.id}
                style={{ cursor: 'pointer' }}
                onClick={() => setShown(complaint.id)}
                data-testid={`history-${complaint.number}`}
              >
                <Table.Td ff="monospace">{complaint.number}</Table.Td>
                <Table.Td>{format.dateTime(complaint.openedAt)}</Table.Td>
                <Table.Td>
                  <SeverityBadge severity={complaint.severity} light />
                </Table.Td>
                <Table.Td>{t(`complaints.statuses.${complaint.status}`)}</Table.Td>
                <Table.Td>
                  <ClockBadges complaint={complaint} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ComplaintModal id={shown} onClose={() => setShown(null)} />
    </Stack>
  );
}
