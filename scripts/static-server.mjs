// A small static file server for the built app (dist/), used by `scripts/serve.sh` and by
// the end-to-end tests. It binds to loopback only, serves the right Content-Type for
// .wasm, prefers precompressed .br/.gz files when the browser accepts them, and sends the
// caching headers described in README.md, and with every response the security headers
// of scripts/csp.mjs (the Content-Security-Policy with frame-ancestors 'none',
// X-Frame-Options, nosniff, no referrer, the opener and permissions policies). Node
// built-ins only.
//
// Usage: node scripts/static-server.mjs [--root dist] [--port 8080] [--host 127.0.0.1]

import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { HEADERS as SECURITY } from './csp.mjs';

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
}
const root = resolve(option('root', 'dist'));
const port = Number(option('port', process.env.PORT || '8080'));
const host = option('host', '127.0.0.1');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function cacheControl(path) {
  // Hashed build outputs never change; everything else must be revalidated so a new
  // build is picked up (the service worker and index.html above all).
  if (/-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(path)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const path = normalize(join(root, rel));
    if (path !== root && !path.startsWith(root + sep)) {
      res.writeHead(403, { ...SECURITY, 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden');
      return;
    }
    if (!(await isFile(path))) {
      res.writeHead(404, { ...SECURITY, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const headers = {
      ...SECURITY,
      'Content-Type': types[extname(path)] || 'application/octet-stream',
      'Cache-Control': cacheControl(path),
      'Vary': 'Accept-Encoding',
    };
    const accepts = String(req.headers['accept-encoding'] || '');
    let body;
    if (/\bbr\b/.test(accepts) && (await isFile(path + '.br'))) {
      body = await readFile(path + '.br');
      headers['Content-Encoding'] = 'br';
    } else if (/\bgzip\b/.test(accepts) && (await isFile(path + '.gz'))) {
      body = await readFile(path + '.gz');
      headers['Content-Encoding'] = 'gzip';
    } else {
      body = await readFile(path);
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    res.writeHead(500, { ...SECURITY, 'Content-Type': 'text/plain; charset=utf-8' }).end('Server error');
    console.error(err);
  }
});

server.listen(port, host, () => {
  console.log(`IB plānotājs is served at http://${host}:${port}/  (Ctrl+C stops it)`);
});
