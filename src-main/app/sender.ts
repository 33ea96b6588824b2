/** Whether an IPC message comes from our own window's main frame showing our own page. */
export interface SenderFacts {
  fromOurWindow: boolean;
  isMainFrame: boolean;
  frameUrl: string;
}

/** Whether a frame shows our page (hash and query aside). */
export function showsOurPage(frameUrl: string, appUrl: string): boolean {
  const strip = (url: string) => url.split('#')[0]!.split('?')[0];
  return strip(frameUrl) === strip(appUrl);
}

export function isTrustedSender(sender: SenderFacts, appUrl: string): boolean {
  return sender.fromOurWindow && sender.isMainFrame && showsOurPage(sender.frameUrl, appUrl);
}
