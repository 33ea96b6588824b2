// TEMPORARY (helper replaces this file this session)
import type { WriteRule } from './types';

export const callbacksRules: Record<string, WriteRule> = {};
