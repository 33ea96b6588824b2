/**
 * 新建合同: the file and the contract's metadata in one form (编辑信息: the same form, without a
 * file, for a contract on file). The name is filled in from the
 * property's naming rule as the project, number and dates are typed (the rule and an example are
 * shown, and a name typed by hand is checked against the rule as it is typed); on save the file
 * is uploaded in encrypted chunks with a progress bar, then filed with `archive.contracts.add`.
 */
import { useState } from 'react';
import { Anchor, Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useForm, type FormErrors } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  CONTRACT_STATUSES,
  contractFieldsInput,
  type ArchiveDocumentDetail,
  type ArchivePolicy,
  type ContractStatus,
} from '@shared/contract/archive';
import { checkContractName, namingExample, suggestContractName } from '@shared/rules/archive-naming';
import { call } from '../../api/client';
import { FormError } from '../../ui/FormError';
import { YuanInput } from '../../ui/money';
import { useArchiveErrorText } from './archive-errors';
import { useArchiveToday } from './contract-state';
import { UploadField, UploadProgressBar, useFileError, useUpload } from './UploadField';
import { useArchivePolicy } from './use-policy';
import { DateField } from '../../ui/DateField';

export function NewContract({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setOpened(true)} data-testid="archive-contract-add">
        {t('archive.contracts.add')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('archive.contracts.addTitle')}
        size="xl"
        closeOnClickOutside={false}
        data-testid="archive-contract-modal"
      >
        {opened && (
          <ContractForm
            onClose={() => setOpened(false)}
            onAdded={(id) => {
              setOpened(false);
              onAdded(id);
            }}
          />
        )}
      </Modal>
    </>
  );
}

/** 编辑信息: a contract's metadata corrected; its files and versions stay as they are. */
export function EditContract({ document }: { document: ArchiveDocumentDetail }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconEdit size={14} />}
        onClick={() => setOpened(true)}
        data-testid="archive-contract-edit"
      >
        {t('archive.contracts.edit')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('archive.contracts.editTitle')}
        size="xl"
        closeOnClickOutside={false}
        data-testid="archive-contract-modal"
      >
        {opened && (
          <ContractForm existing={document} onClose={() => setOpened(false)} onAdded={() => setOpened(false)} />
        )}
      </Modal>
    </>
  );
}

const fields = contractFieldsInput.shape;
const schema = z.object({
  name: fields.name,
  counterparty: fields.counterparty,
  project: fields.project,
  contractNo: fields.contractNo,
});

interface Values {
  file: File | null;
  name: string;
  /** Whether the name was typed by hand; until then it follows the naming rule. */
  nameTyped: boolean;
  counterparty: string;
  project: string;
  contractNo: string;
  amountFen: number | null;
  signedOn: string;
  effectiveOn: string;
  expiresOn: string;
  status: ContractStatus;
  tags: string[];
}

function ruleName(policy: ArchivePolicy, values: Values, today: string): string {
  if (!values.project.trim() && !values.contractNo.trim()) return '';
  return suggestContractName(
    policy.naming,
    {
      project: values.project,
      contractNo: values.contractNo,
      signedOn: values.signedOn || null,
      effectiveOn: values.effectiveOn || null,
    },
    { today },
  );
}

interface ContractFormProps {
  /** The contract whose metadata is edited; none for a new contract with its file. */
  existing?: ArchiveDocumentDetail;
  onClose: () => void;
  onAdded: (id: string) => void;
}

function initialValues(existing: ArchiveDocumentDetail | undefined): Values {
  const contract = existing?.contract;
  return {
    file: null,
    name: existing?.name ?? '',
    nameTyped: existing !== undefined,
    counterparty: contract?.counterparty ?? '',
    project: contract?.project ?? '',
    contractNo: contract?.contractNo ?? '',
    amountFen: contract?.amountFen ?? null,
    signedOn: contract?.signedOn ?? '',
    effectiveOn: contract?.effectiveOn ?? '',
    expiresOn: contract?.expiresOn ?? '',
    status: contract?.status ?? 'in_force',
    tags: contract?.tags ?? [],
  };
}

function ContractForm({ existing, onClose, onAdded }: ContractFormProps) {
  const { t } = useTranslation();
  const policy = useArchivePolicy();
  const today = useArchiveToday();
  const fileError = useFileError(policy);
  const errorText = useArchiveErrorText();
  const { upload, cancel, reset, progress } = useUpload('contract');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameOf = (values: Values) => (values.nameTyped ? values.name : ruleName(policy, values, today));
  /** What is wrong with the name under the property's rule, or null (an empty name is the schema's to refuse). */
  const nameProblem = (values: Values): string | null => {
    const name = nameOf(values);
    if (name.trim() === '') return null;
    const check = checkContractName(policy.naming, name, {
      project: values.project,
      contractNo: values.contractNo,
      signedOn: values.signedOn || null,
      effectiveOn: values.effectiveOn || null,
    });
    return check.ok
      ? null
      : t('archive.naming.problem', {
          problem: t(`archive.naming.problems.${check.problem}`),
          suggestion: check.suggestion,
        });
  };
  const form = useForm<Values>({
    initialValues: initialValues(existing),
    validate: (values) => {
      const errors: FormErrors = zod4Resolver(schema)({ ...values, name: nameOf(values) });
      const problem = existing ? null : fileError(values.file);
      if (problem) errors['file'] = problem;
      // A name against the rule is refused here, before a large file is uploaded for nothing.
      const refused = nameProblem(values);
      if (!errors['name'] && refused) errors['name'] = refused;
      return errors;
    },
  });
  const values = form.values;
  const name = nameOf(values);
  const labels = {
    name: t('archive.contracts.fields.name'),
    counterparty: t('archive.contracts.fields.counterparty'),
    project: t('archive.contracts.fields.project'),
    contractNo: t('archive.contracts.fields.contractNo'),
    amountFen: t('archive.contracts.fields.amount'),
    signedOn: t('archive.contracts.fields.signedOn'),
    effectiveOn: t('archive.contracts.fields.effectiveOn'),
    expiresOn: t('archive.contracts.fields.expiresOn'),
    tags: t('archive.contracts.fields.tags'),
  };

  const submit = form.onSubmit(async (submitted) => {
    setError(null);
    setBusy(true);
    const fields = {
      name: nameOf(submitted),
      counterparty: submitted.counterparty,
      project: submitted.project,
      contractNo: submitted.contractNo,
      amountFen: submitted.amountFen,
      signedOn: submitted.signedOn || null,
      effectiveOn: submitted.effectiveOn || null,
      expiresOn: submitted.expiresOn || null,
      status: submitted.status,
      tags: submitted.tags,
    };
    try {
      if (existing) {
        await call('archive.contracts.update', { id: existing.id, ...fields });
        notifications.show({ color: 'teal', message: t('archive.contracts.updated') });
        onAdded(existing.id);
        return;
      }
      const uploadId = await upload(submitted.file!);
      const added = await call('archive.contracts.add', { uploadId, ...fields });
      notifications.show({ color: 'teal', message: t('archive.contracts.added', { name: added.name }) });
      onAdded(added.id);
    } catch (thrown) {
      reset();
      setError(errorText(thrown, form, labels));
    } finally {
      setBusy(false);
    }
  });

  return (
    <form noValidate onSubmit={submit}>
      <Stack gap="sm">
        {!existing && (
          <UploadField
            value={values.file}
            onChange={(file) => {
              form.setFieldValue('file', file);
              form.setFieldError('file', file ? fileError(file) : null);
            }}
            policy={policy}
            error={form.errors['file']}
            disabled={busy}
            testId="archive-contract-file"
          />
        )}
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={labels.counterparty}
            withAsterisk
            data-testid="archive-contract-counterparty"
            {...form.getInputProps('counterparty')}
          />
          <TextInput
            label={labels.project}
            withAsterisk
            data-testid="archive-contract-project"
            {...form.getInputProps('project')}
          />
          <TextInput
            label={labels.contractNo}
            withAsterisk
            data-testid="archive-contract-number"
            {...form.getInputProps('contractNo')}
          />
          <YuanInput
            label={labels.amountFen}
            emptyFen={null}
            data-testid="archive-contract-amount"
            value={values.amountFen}
            onChange={(fen) => form.setFieldValue('amountFen', fen)}
          />
          <DateField
            label={labels.signedOn}
            data-testid="archive-contract-signed"
            {...form.getInputProps('signedOn')}
          />
          <DateField
            label={labels.effectiveOn}
            data-testid="archive-contract-effective"
            {...form.getInputProps('effectiveOn')}
          />
          <DateField
            clearable
            label={labels.expiresOn}
            data-testid="archive-contract-expires"
            {...form.getInputProps('expiresOn')}
          />
          <Select
            label={t('archive.contracts.fields.status')}
            allowDeselect={false}
            data={CONTRACT_STATUSES.map((value) => ({ value, label: t(`archive.contracts.statuses.${value}`) }))}
            data-testid="archive-contract-status"
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <TagsInput
          label={labels.tags}
          description={t('archive.contracts.fields.tagsHint')}
          maxTags={10}
          data-testid="archive-contract-tags"
          {...form.getInputProps('tags')}
        />
        <TextInput
          label={labels.name}
          withAsterisk
          description={t('archive.naming.rule', {
            rule: t(`archive.naming.rules.${policy.naming}`),
            example: namingExample(policy.naming),
          })}
          placeholder={namingExample(policy.naming)}
          value={name}
          error={form.errors['name'] ?? nameProblem(values)}
          onChange={(event) => form.setValues({ name: event.currentTarget.value, nameTyped: true })}
          data-testid="archive-contract-name"
        />
        {values.nameTyped && (
          <Text size="xs">
            <Anchor component="button" type="button" onClick={() => form.setValues({ nameTyped: false })}>
              {t('archive.naming.useRule')}
            </Anchor>
          </Text>
        )}
        {progress && <UploadProgressBar progress={progress} file={values.file} onCancel={busy ? cancel : null} />}
        <FormError message={error} testId="archive-contract-error" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} data-testid="archive-contract-submit">
            {existing ? t('common.save') : t('archive.upload.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
