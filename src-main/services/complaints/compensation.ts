// TEMPORARY (helper replaces this file this session)
import { AppError } from '@shared/errors';
import type { HandlerMap } from '../rpc/handler';

export const compensationHandlers: HandlerMap<'complaints.compensate'> = {
  'complaints.compensate': async () => {
    throw new AppError('NOT_FOUND');
  },
};
