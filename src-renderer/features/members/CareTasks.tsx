/** 会员关怀 for this week: birthdays and members close to the next tier; done ones stay listed, greyed, with who and when. */
import { Button, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CareTask } from '@shared/contract';
import { call } from '../../api/client';
import { useErrorText } from '../../i18n/errors';
import { useFormat } from '../../i18n/format';
import { useNameIn } from '../../i18n/use-local-names';
import { DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { useCan } from '../../api/session';
import { useCall } from '../../api/use-call';

export function CareTasks() {
  const { t } = useTranslation();
  const nameIn = useNameIn();
  const { message } = useErrorText();
  const format = useFormat();
  const can = useCan();
  const tasks = useCall('members.care', {});
  const tick = useMutation({
    mutationFn: (task: CareTask) =>
      call('members.tickCare', { memberId: task.member.id, kind: task.kind, period: task.period }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('members.care.ticked') });
    },
    onError: (thrown) => notifications.show({ color: 'red', message: message(thrown) }),
  });
  return (
    <QueryState query={tasks}>
      {(list) => (
        <DataTable
          minWidth={560}
          data-testid="care-tasks"
          columns={[t('members.care.member'), t('members.care.task'), t('members.care.status')]}
          emptyText={t('members.care.empty')}
          rows={list.map((task) => {
            const done = task.doneAt !== null;
            return (
              <Table.Tr
                key={`${task.member.id}-${task.kind}`}
                opacity={done ? 0.55 : 1}
                data-testid={`care-${task.kind}-${task.member.memberNo}`}
              >
                <Table.Td>
                  <Text size="sm" fw={600} td={done ? 'line-through' : undefined}>
                    {task.member.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {task.member.memberNo} · {nameIn({ name: task.member.tier, nameEn: task.member.tierEn })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {t(`members.care.kinds.${task.kind}`, {
                    detail: nameIn({ name: task.detail, nameEn: task.detailEn }),
                  })}
                </Table.Td>
                <Table.Td>
                  {done ? (
                    <Text size="sm" c="dimmed" data-testid="care-done">
                      {t('members.care.doneBy', { name: task.doneBy, at: format.dateTime(task.doneAt!) })}
                    </Text>
                  ) : (
                    can('guests.manage') && (
                      <Button
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconCheck size={14} />}
                        loading={tick.isPending && tick.variables === task}
                        onClick={() => tick.mutate(task)}
                        data-testid="care-tick"
                      >
                        {t('members.care.tick')}
                      </Button>
                    )
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        />
      )}
    </QueryState>
  );
}
