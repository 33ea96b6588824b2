/**
 * Which screen the desk shows: first-run setup, sign-in, the lock screen or the signed-in shell.
 * Everything follows from two cached queries, setup.status and auth.session.
 */
import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PropertyZone } from '../../i18n/format';
import { useErrorText } from '../../i18n/errors';
import { CenteredPage, PageLoader } from '../../ui/CenteredPage';
import { FormError } from '../../ui/FormError';
import { Shell } from '../shell/Shell';
import { LockScreen } from './LockScreen';
import { SessionContext, useSessionQuery, useSetupStatus } from '../../api/session';
import { SetupWizard } from './SetupWizard';
import { SignIn } from './SignIn';

function LoadFailed({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  const { message } = useErrorText();
  return (
    <CenteredPage>
      <Stack>
        <FormError message={message(error)} testId="load-error" />
        <Button onClick={retry}>{t('common.retry')}</Button>
      </Stack>
    </CenteredPage>
  );
}

export function AuthGate() {
  const setup = useSetupStatus();
  const session = useSessionQuery(setup.data?.needsSetup === false);

  if (setup.isPending) return <PageLoader />;
  if (setup.isError) return <LoadFailed error={setup.error} retry={() => void setup.refetch()} />;
  if (setup.data.needsSetup) return <SetupWizard />;
  if (session.isPending) return <PageLoader />;
  if (session.isError) return <LoadFailed error={session.error} retry={() => void session.refetch()} />;
  if (!session.data) {
    return (
      <PropertyZone.Provider value={setup.data.timeZone}>
        <SignIn propertyName={setup.data.propertyName} />
      </PropertyZone.Provider>
    );
  }

  return (
    <SessionContext.Provider value={session.data}>
      <PropertyZone.Provider value={session.data.property.timeZone}>
        {session.data.locked ? <LockScreen /> : <Shell />}
      </PropertyZone.Provider>
    </SessionContext.Provider>
  );
}
