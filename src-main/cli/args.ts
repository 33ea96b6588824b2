/** Command-line options shared by the project's tools: `--data-dir DIR` plus each tool's own. */
import path from 'node:path';
import { parseArgs } from 'node:util';

type StringOptions = Record<string, { type: 'string'; default?: string }>;

export function parseToolArgs(
  usage: string,
  options: StringOptions = {},
): { dataDir: string; values: Record<string, string | undefined> } {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ options: { 'data-dir': { type: 'string' }, ...options }, strict: true }).values as Record<
      string,
      string | undefined
    >;
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: ${usage}`);
    process.exit(2);
  }
  const dataDir = values['data-dir'];
  if (typeof dataDir !== 'string' || dataDir === '') {
    console.error(`usage: ${usage}`);
    process.exit(2);
  }
  return { dataDir: path.resolve(dataDir), values: values as Record<string, string | undefined> };
}
