/**
 * 同步冲突: sales two desks made of the same last unit while apart, and changes made offline that
 * could not be redone, open and resolved, and the supervisor's resolution. The tab lives in the
 * hash (`#/conflicts?tab=resolved`), so a reload or Back keeps it.
 */
import { useState } from 'react';
import { Modal, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConflictView } from '@shared/contract';
import { PageHeader } from '../../ui/PageHeader';
import { ConflictsTable } from './ConflictsTable';
import { ResolveForm } from './ResolveForm';
import { setHashParams, useHashParam } from '../shell/router';

const TABS = ['open', 'resolved'] as const;

export function ConflictsPage() {
  const { t } = useTranslation();
  const [resolving, setResolving] = useState<ConflictView | null>(null);
  const tabParam = useHashParam('tab');
  const tab = TABS.find((t) => t === tabParam) ?? 'open';
  return (
    <>
      <PageHeader title={t('sync.conflicts.title')} />
      <Tabs value={tab} onChange={(value) => setHashParams({ tab: value })} keepMounted={false}>
        <Tabs.List>
          {TABS.map((tab) => (
            <Tabs.Tab key={tab} value={tab} data-testid={`conflicts-tab-${tab}`}>
              {t(`sync.conflicts.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((tab) => (
          <Tabs.Panel key={tab} value={tab} pt="sm">
            <ConflictsTable status={tab} onResolve={setResolving} />
          </Tabs.Panel>
        ))}
      </Tabs>
      <Modal
        opened={resolving !== null}
        onClose={() => setResolving(null)}
        title={resolving && t('sync.resolve.title', { subject: resolving.subjectLabel })}
        centered
        data-testid="conflict-resolve-modal"
      >
        {resolving && <ResolveForm key={resolving.id} conflict={resolving} onClose={() => setResolving(null)} />}
      </Modal>
    </>
  );
}
