// TEMPORARY (helper replaces this file this session)
import type { WriteRule } from './types';

export const compensationRules: Record<string, WriteRule> = {};
