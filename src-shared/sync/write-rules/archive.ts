/**
 * The archive's write rules (issue 15). To be written with the server's checks of archive rows.
 */
import type { WriteRule } from './types';

export const archiveRules: Record<string, WriteRule> = {};
