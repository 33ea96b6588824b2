/** Whether an IPC message comes from our own window's main frame showing our own page. */
export interface SenderFacts {
  fromOurWindow: boolean;
  isMainFrame: boolean;
  frameUrl: string;
}

export function isTrustedSender(sender: SenderFacts, appUrl: string): boolean {
  if (!sender.fromOurWindow || !sender.isMainFrame) return false;
  const strip = (url: string) => url.split('#')[0]!.split('?')[0];
  return strip(sender.frameUrl) === strip(appUrl);
}
