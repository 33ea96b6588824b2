/**
 * What an executed request hands back to its requester. Only an export returns something to
 * take away (its CSV file); this is the one place that knows how to save it.
 */
import type { ApprovalRequest, GuestExport } from '@shared/contract';
import { downloadText } from '../../ui/download-file';

function isGuestExport(value: unknown): value is GuestExport {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<GuestExport>;
  return (
    typeof candidate.fileName === 'string' && typeof candidate.csv === 'string' && typeof candidate.rows === 'number'
  );
}

export function saveGuestExport(result: GuestExport): void {
  downloadText(result.fileName, result.csv, 'text/csv;charset=utf-8');
}

/** The file an executed request produced, or null when it produced none (or it is not loaded). */
export function downloadableResult(request: ApprovalRequest): GuestExport | null {
  return request.status === 'executed' && request.operation === 'guests.export' && isGuestExport(request.result)
    ? request.result
    : null;
}
