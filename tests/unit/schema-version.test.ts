/** The desk's schema version lives in src-shared (the server negotiates it) and its migrations in src-main: one number, held equal here. */
import { describe, expect, it } from 'vitest';
import { DESK_SCHEMA_VERSION } from '@shared/sync/protocol';
import { MIGRATIONS } from '../../src-main/db/migrations';

describe('the desk schema version', () => {
  it('is the number of desk migrations', () => {
    expect(DESK_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });
});
