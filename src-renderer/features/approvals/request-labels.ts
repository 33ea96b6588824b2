/** How a request names its operation, subject and people in the UI language. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isOperationName } from '@shared/contract';
import type { Role } from '@shared/permissions';
import { subjectText } from './summary-text';

export function useRequestLabels() {
  const { t, i18n } = useTranslation();
  const operation = useCallback((name: string) => (isOperationName(name) ? t(`operations.${name}`) : name), [t]);
  const person = useCallback(
    (who: { name: string; role: Role }) => t('approvals.person', { name: who.name, role: t(`roles.${who.role}`) }),
    [t],
  );
  // The services name a subject-less export '*' (every guest); a stored label's days read in the UI language.
  const subject = useCallback(
    (label: string) => (label === '*' ? t('approvals.everything') : subjectText(label, i18n.language)),
    [t, i18n.language],
  );
  return { operation, person, subject };
}

/** Emergency paperwork not done by its due date (at the time the list was loaded). */
export function paperworkOverdue(
  request: { emergency: boolean; paperworkDueAt: string | null; paperworkDoneAt: string | null },
  now: number,
): boolean {
  return (
    request.emergency &&
    request.paperworkDoneAt === null &&
    request.paperworkDueAt !== null &&
    Date.parse(request.paperworkDueAt) < now
  );
}
