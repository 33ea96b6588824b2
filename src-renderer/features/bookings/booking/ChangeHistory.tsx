/** The booking's change history, newest first: what, who and when, the customer's authorisation, before → after. */
import { Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AUTH_METHODS, type BookingChange } from '@shared/contract';
import { useFormat } from '../../../i18n/format';
import { useChangeSummary } from './change-summary';

function isAuthMethod(method: string): method is (typeof AUTH_METHODS)[number] {
  return (AUTH_METHODS as readonly string[]).includes(method);
}

export function ChangeHistory({ changes }: { changes: BookingChange[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = useChangeSummary();
  if (changes.length === 0) return <Text c="dimmed">{t('desk.history.empty')}</Text>;
  const newestFirst = [...changes].reverse();
  return (
    <Timeline bulletSize={12} lineWidth={2} data-testid="booking-history">
      {newestFirst.map((change) => (
        <Timeline.Item
          key={change.id}
          title={t(`desk.history.kinds.${change.kind}`)}
          data-testid={`history-${change.kind}`}
        >
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('desk.history.by', { who: change.staffName, at: format.dateTime(change.at) })}
            </Text>
            {change.authMethod && (
              <Text size="xs">
                {t('desk.history.authorisation', {
                  method: isAuthMethod(change.authMethod)
                    ? t(`desk.authMethods.${change.authMethod}`)
                    : change.authMethod,
                  reference: change.authRef ?? '',
                })}
              </Text>
            )}
            {summary(change).map((line) => (
              <Text key={line} size="xs">
                {line}
              </Text>
            ))}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
