/** A complaint's severity as a badge: grey for a general one, red for major and group. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ComplaintSeverity } from '@shared/contract';

export function SeverityBadge({ severity, light = false }: { severity: ComplaintSeverity; light?: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={severity === 'general' ? 'gray' : 'red'} variant={light ? 'light' : 'filled'}>
      {t(`complaints.severities.${severity}`)}
    </Badge>
  );
}
