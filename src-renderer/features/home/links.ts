/**
 * Where each home figure leads: its list page, filtered to exactly the rows the figure counts
 * (the pages keep their view in the hash's query; see useHashParam in ../shell/router).
 */
import type { ComplaintSeverity, ComplaintView } from '@shared/contract';
import { hrefOf, type Route } from '../shell/router';

function listHref(route: Route, params: Record<string, string>): string {
  return `${hrefOf(route)}?${new URLSearchParams(params).toString()}`;
}

export const homeLinks = {
  desk: (tab: 'arrivals' | 'departures' | 'inHouse') => listHref('desk', { tab }),
  complaints: (view: ComplaintView, severity: ComplaintSeverity | null = null) =>
    listHref('complaints', severity === null ? { view } : { view, severity }),
  complaint: (view: ComplaintView, id: string) => listHref('complaints', { view, complaint: id }),
  callbacksToday: () => listHref('callbacks', { view: 'today' }),
  approvalsToDecide: () => listHref('approvals', { view: 'toDecide' }),
  paperworkOverdue: () => listHref('approvals', { view: 'paperwork', overdue: '1' }),
  openConflicts: () => listHref('conflicts', { tab: 'open' }),
};
