// TEMPORARY (helper replaces this file this session)
import { AppError } from '@shared/errors';
import type { HandlerMap } from '../rpc/handler';

export const measureHandlers: HandlerMap<'complaints.measures'> = {
  'complaints.measures': async () => {
    throw new AppError('NOT_FOUND');
  },
};
