import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe("the renderer's inner layers (app → features → ui → api)", () => {
  it.each([
    [
      'src-renderer/ui/x.tsx',
      "import { LanguageMenu } from '../features/shell/LanguageMenu';\nexport const x = LanguageMenu;",
    ],
    ['src-renderer/i18n/x.ts', "import { DeskPage } from '../features/bookings/DeskPage';\nexport const x = DeskPage;"],
    [
      'src-renderer/api/x.ts',
      "import { useBusinessDate } from '../features/bookings/business-day';\nexport const x = useBusinessDate;",
    ],
    ['src-renderer/api/x.ts', "import { useMoney } from '../ui/money';\nexport const x = useMoney;"],
    ['src-renderer/features/bookings/x.ts', "import { App } from '../../App';\nexport const x = App;"],
  ])('refuses %s importing a layer above it', async (file, code) => {
    expect(await layerErrors(file, code)).toHaveLength(1);
  });

  it.each([
    ['src-renderer/App.tsx', "import { AuthGate } from './features/auth/AuthGate';\nexport const x = AuthGate;"],
    [
      'src-renderer/features/bookings/x.ts',
      "import { useMoney } from '../../ui/money';\nimport { useCall } from '../../api/use-call';\nexport const x = [useMoney, useCall];",
    ],
    ['src-renderer/ui/x.tsx', "import { useSession } from '../api/session';\nexport const x = useSession;"],
  ])('allows %s the layers below it', async (file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
