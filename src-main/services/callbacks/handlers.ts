// TEMPORARY (helper replaces this file this session)
import { AppError } from '@shared/errors';
import type { HandlerMap } from '../rpc/handler';

export const callbackHandlers: HandlerMap<'callbacks.list' | 'callbacks.record'> = {
  'callbacks.list': async () => {
    throw new AppError('NOT_FOUND');
  },
  'callbacks.record': async () => {
    throw new AppError('NOT_FOUND');
  },
};
