/**
 * Operations renamed since a desk may have queued intents under their old name. A queued intent
 * keeps the name its person signed (the signature covers it); the server judges it, and a rebase
 * runs it again, as the operation it is now.
 */
const RENAMED: Readonly<Record<string, string>> = { 'members.enroll': 'members.enrol' };

export function currentOperationName(name: string): string {
  return Object.hasOwn(RENAMED, name) ? RENAMED[name]! : name;
}
