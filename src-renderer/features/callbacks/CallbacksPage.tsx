/**
 * 回访: the service reps' call-back list. To call: soonest first (a guest who asked to be called
 * again by the time they asked for), overdue in red; a row opens the form to record a call. Done:
 * the latest first, with the guest's score and words. Due today: the open ones to call before the
 * day ends (the home screen's count). The view lives in the hash (`#/callbacks?view=today`).
 */
import { useState } from 'react';
import { Badge, Group, Modal, Rating, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CALLBACK_VIEWS, type Callback } from '@shared/contract';
import type { CallbackView } from '@shared/contract/callbacks';
import { callBy, isOverdue } from '@shared/rules/callbacks';
import { useCall } from '../../api/use-call';
import { useFormat } from '../../i18n/format';
import { DataTable } from '../../ui/DataTable';
import { PageHeader } from '../../ui/PageHeader';
import { QueryState } from '../../ui/QueryState';
import { RecordCallback } from './RecordCallback';
import { setHashParams, useHashParam } from '../shell/router';
import { referenceOf } from './reference';

export function CallbacksPage() {
  const { t } = useTranslation();
  const viewParam = useHashParam('view');
  const view: CallbackView = CALLBACK_VIEWS.find((v) => v === viewParam) ?? 'open';
  const [shown, setShown] = useState<Callback | null>(null);
  const list = useCall('callbacks.list', { view });
  return (
    <Stack gap="md">
      <PageHeader title={t('callbacks.title')} />
      <SegmentedControl
        value={view}
        onChange={(value) => setHashParams({ view: value })}
        data={CALLBACK_VIEWS.map((value) => ({ value, label: t(`callbacks.views.${value}`) }))}
        w="fit-content"
        data-testid="callbacks-view"
      />
      <QueryState query={list}>
        {(tasks) => (view !== 'done' ? <OpenList tasks={tasks} onPick={setShown} /> : <DoneList tasks={tasks} />)}
      </QueryState>
      <Modal opened={shown !== null} onClose={() => setShown(null)} title={t('callbacks.record')} centered>
        {shown && <RecordCallback task={shown} onRecorded={() => setShown(null)} />}
      </Modal>
    </Stack>
  );
}

function OpenList({ tasks, onPick }: { tasks: Callback[]; onPick: (task: Callback) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = new Date();
  return (
    <DataTable
      minWidth={760}
      data-testid="callbacks-list"
      columns={[
        t('callbacks.kind'),
        t('callbacks.guest'),
        t('callbacks.phoneLast4'),
        t('callbacks.reference'),
        t('callbacks.callBy'),
        t('callbacks.attempts'),
      ]}
      emptyText={t('callbacks.empty')}
      rows={tasks.map((task) => {
        const overdue = isOverdue(task, now);
        return (
          <Table.Tr
            key={task.id}
            style={{ cursor: 'pointer' }}
            onClick={() => onPick(task)}
            data-testid={`callback-row-${referenceOf(task)}`}
          >
            <Table.Td>
              <Badge variant="light" color={task.kind === 'complaint' ? 'orange' : 'blue'}>
                {t(`callbacks.kinds.${task.kind}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{task.guestName ?? ''}</Table.Td>
            <Table.Td ff="monospace">{task.phoneLast4 ?? t('common.empty')}</Table.Td>
            <Table.Td ff="monospace">{referenceOf(task)}</Table.Td>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Text
                  size="sm"
                  c={overdue ? 'red' : undefined}
                  fw={overdue ? 600 : undefined}
                  data-testid="callback-due"
                >
                  {format.minute(callBy(task))}
                </Text>
                {overdue && (
                  <Badge color="red" size="sm">
                    {t('callbacks.overdue')}
                  </Badge>
                )}
                {task.callAgainAt && (
                  <Badge color="gray" size="sm" variant="outline">
                    {t('callbacks.callAgain')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              {t('callbacks.attemptsCount', { count: task.attempts })}
              {task.lastOutcome && (
                <Text span size="xs" c="dimmed" ml={6}>
                  {t(`callbacks.outcomes.${task.lastOutcome}`)}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        );
      })}
    />
  );
}

function DoneList({ tasks }: { tasks: Callback[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      minWidth={860}
      data-testid="callbacks-list"
      columns={[
        t('callbacks.kind'),
        t('callbacks.guest'),
        t('callbacks.reference'),
        t('callbacks.score'),
        t('callbacks.words'),
        t('callbacks.doneBy'),
        t('callbacks.doneAt'),
      ]}
      emptyText={t('callbacks.emptyDone')}
      rows={tasks.map((task) => (
        <Table.Tr key={task.id} data-testid={`callback-row-${referenceOf(task)}`}>
          <Table.Td>
            <Badge variant="light" color={task.kind === 'complaint' ? 'orange' : 'blue'}>
              {t(`callbacks.kinds.${task.kind}`)}
            </Badge>
          </Table.Td>
          <Table.Td>{task.guestName ?? ''}</Table.Td>
          <Table.Td ff="monospace">{referenceOf(task)}</Table.Td>
          <Table.Td>
            <Rating
              value={task.score ?? 0}
              readOnly
              size="sm"
              aria-label={t('callbacks.stars', { count: task.score ?? 0 })}
              data-testid="callback-score"
            />
          </Table.Td>
          <Table.Td maw={280}>
            <Text size="sm" lineClamp={2} data-testid="callback-words">
              {task.words}
            </Text>
          </Table.Td>
          <Table.Td>{task.doneBy?.name ?? ''}</Table.Td>
          <Table.Td>{task.lastAttemptAt ? format.minute(task.lastAttemptAt) : ''}</Table.Td>
        </Table.Tr>
      ))}
    />
  );
}
