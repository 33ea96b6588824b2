// TEMPORARY (helpers replace this file this session)
import type { HandlerMap } from '../rpc/handler';

export const reportHandlers: HandlerMap<never> = {};
