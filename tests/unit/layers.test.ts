import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer rule', () => {
  it.each([
    ['src-shared/rules/x.ts', "import fs from 'node:fs';\nexport const x = fs;"],
    ['src-shared/rules/x.ts', "import { Kysely } from 'kysely';\nexport const x = Kysely;"],
    ['src-shared/rules/x.ts', "import { useState } from 'react';\nexport const x = useState;"],
    ['src-main/services/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    [
      'src-renderer/features/x.ts',
      "import { dispatch } from '../../src-main/services/rpc/dispatch';\nexport const x = dispatch;",
    ],
    ['src-renderer/features/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    ['src-main/db/x.ts', "import { dispatch } from '../services/rpc/dispatch';\nexport const x = dispatch;"],
    ['src-main/db/migrations/x.ts', "import { SyncEngine } from '../../sync/engine';\nexport const x = SyncEngine;"],
    ['src-main/vault/x.ts', "import { createServices } from '../services/services';\nexport const x = createServices;"],
    ['src-main/services/bookings/x.ts', "import { DeskHost } from '../../host/desk-host';\nexport const x = DeskHost;"],
    ['src-main/sync/x.ts', "import { dispatch } from '../services/rpc/dispatch';\nexport const x = dispatch;"],
    [
      'src-main/sync/x.ts',
      "import { bookingHandlers } from '../services/bookings/handlers';\nexport const x = bookingHandlers;",
    ],
  ])('refuses %s importing across a layer', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src-main/app/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['src-shared/rules/x.ts', "import { z } from 'zod';\nexport const x = z;"],
    ['src-renderer/features/x.ts', "import { call } from '../api/client';\nexport const x = call;"],
    ['src-main/sync/x.ts', "import { queueMutation } from '../services/outbox';\nexport const x = queueMutation;"],
    [
      'src-main/db/x.ts',
      "import { seal } from '../vault/crypto';\nimport { Database } from './schema';\nexport const x = [seal, Database];",
    ],
    [
      'src-main/services/bookings/x.ts',
      "import { SyncEngine } from '../../sync/engine';\nexport const x = SyncEngine;",
    ],
  ])('allows %s its own imports', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
