/** Serves the built renderer (a single-page app) from a folder, with the same CSP as the app window. */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { CONTENT_SECURITY_POLICY } from '../security';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

function decodePath(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath.split('?')[0]!);
  } catch {
    return null;
  }
}

export function serveStatic(root: string, urlPath: string, res: ServerResponse): void {
  const decoded = decodePath(urlPath);
  if (decoded === null) {
    // A malformed percent-encoding (`/%`) names no file; the harness keeps serving.
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request');
    return;
  }
  let file = path.resolve(root, `.${decoded}`);
  if (!file.startsWith(path.resolve(root) + path.sep) && file !== path.resolve(root)) {
    res.writeHead(404).end();
    return;
  }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res
      .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
      .end('The renderer is not built: run `npm run build`.');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  fs.createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
