/**
 * A QR code drawn as one SVG path (crisp at any print resolution), made synchronously so the
 * voucher is complete the moment it renders and prints.
 */
import { useMemo } from 'react';
import QRCode from 'qrcode';

export function QrCode({ value, size, label }: { value: string; size: string; label: string }) {
  const { path, modules } = useMemo(() => {
    const { modules: matrix } = QRCode.create(value, { errorCorrectionLevel: 'M' });
    const n = matrix.size;
    let d = '';
    for (let row = 0; row < n; row++)
      for (let col = 0; col < n; col++) if (matrix.get(row, col)) d += `M${col} ${row}h1v1h-1z`;
    return { path: d, modules: n };
  }, [value]);
  // A quiet zone of two modules on each side, as scanners need.
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`-2 -2 ${modules + 4} ${modules + 4}`}
      width={size}
      height={size}
      shapeRendering="crispEdges"
      data-testid="voucher-qr"
      data-value={value}
    >
      <rect x={-2} y={-2} width={modules + 4} height={modules + 4} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
