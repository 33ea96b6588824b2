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
    ['src-renderer/features/x.ts', "import { dispatch } from '../../src-main/services/rpc/dispatch';\nexport const x = dispatch;"],
    ['src-renderer/features/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
  ])('refuses %s importing across a layer', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src-main/app/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['src-shared/rules/x.ts', "import { z } from 'zod';\nexport const x = z;"],
    ['src-renderer/features/x.ts', "import { call } from '../api/client';\nexport const x = call;"],
  ])('allows %s its own imports', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
