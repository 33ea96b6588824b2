/**
 * pdf.js, loaded the first time a PDF is viewed (it is large). The document is parsed from bytes
 * in memory, in pdf.js's worker (a script of the app's own origin); nothing is fetched: no eval,
 * no WebAssembly, no XFA, no standard-font or CMap downloads.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = PDFDocumentProxy;

/** Parses a copy of `bytes` (pdf.js hands its buffer to the worker); `destroy` ends the worker's hold on it. */
export function loadPdf(bytes: Uint8Array): { promise: Promise<PdfDocument>; destroy: () => void } {
  const task = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
  });
  return { promise: task.promise, destroy: () => void task.destroy() };
}
