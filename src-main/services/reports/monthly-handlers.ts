/** The monthly reports' handler: operations, risk and satisfaction, one calendar month each. */
import { AppError } from '@shared/errors';
import type { HandlerMap } from '../rpc/handler';

export const monthlyReportHandlers: HandlerMap<'reports.monthly'> = {
  'reports.monthly': () => Promise.reject(new AppError('INTERNAL')),
};
