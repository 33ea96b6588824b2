/**
 * 档案: the contract archive (合同档案) and the work records (工作记录), each tab shown with its
 * permission; a document opens in a drawer. The tab and the open document live in the hash
 * (#/archive?tab=records&doc=…), so a reload keeps them.
 */
import { Tabs } from '@mantine/core';
import { IconFileCertificate, IconFolders } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../api/session';
import { PageHeader } from '../../ui/PageHeader';
import { setHashParams, useHashParam } from '../shell/router';
import { ContractsTab } from './ContractsTab';
import { DocumentDrawer } from './DocumentDrawer';
import { RecordsTab } from './RecordsTab';

type Tab = 'contracts' | 'records';

export function ArchivePage() {
  const { t } = useTranslation();
  const can = useCan();
  const tabs: Tab[] = [];
  if (can('archive.contracts.manage') || can('archive.contracts.read')) tabs.push('contracts');
  if (can('archive.records.read') || can('archive.records.manage')) tabs.push('records');
  const asked = useHashParam('tab');
  const tab = tabs.find((candidate) => candidate === asked) ?? tabs[0];
  const doc = useHashParam('doc');
  const open = (id: string) => setHashParams({ doc: id });
  return (
    <>
      <PageHeader title={t('archive.title')} />
      <Tabs value={tab ?? null} onChange={(value) => setHashParams({ tab: value, doc: null })} keepMounted={false}>
        <Tabs.List mb="md">
          {tabs.includes('contracts') && (
            <Tabs.Tab
              value="contracts"
              leftSection={<IconFileCertificate size={16} />}
              data-testid="archive-tab-contracts"
            >
              {t('archive.tabs.contracts')}
            </Tabs.Tab>
          )}
          {tabs.includes('records') && (
            <Tabs.Tab value="records" leftSection={<IconFolders size={16} />} data-testid="archive-tab-records">
              {t('archive.tabs.records')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="contracts">
          <ContractsTab onOpen={open} />
        </Tabs.Panel>
        <Tabs.Panel value="records">
          <RecordsTab onOpen={open} />
        </Tabs.Panel>
      </Tabs>
      <DocumentDrawer id={doc} onClose={() => setHashParams({ doc: null })} />
    </>
  );
}
