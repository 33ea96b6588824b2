/** Recording that the paperwork of an emergency authorisation has been done. */
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { operations } from '@shared/contract';
import { FormError } from '../../ui/FormError';
import { useFormCall } from '../../ui/use-form-submit';

const noteSchema = operations['approvals.completePaperwork'].input.pick({ note: true });

export function PaperworkForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { note: '' }, validate: zod4Resolver(noteSchema) });
  const complete = useFormCall(form, 'approvals.completePaperwork', {
    input: ({ note }: typeof form.values) => ({ requestId, note }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('approvals.paperworkCompleted') });
    },
  });
  return (
    <form noValidate onSubmit={complete.onSubmit}>
      <Stack gap="sm">
        <Textarea
          label={t('approvals.paperworkNote')}
          autosize
          minRows={2}
          data-testid="paperwork-note"
          {...form.getInputProps('note')}
        />
        <FormError message={complete.error} testId="paperwork-error" />
        <Group justify="flex-end">
          <Button type="submit" variant="light" loading={complete.pending} data-testid="paperwork-submit">
            {t('approvals.completePaperwork')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
