// The first-load size budget, measured on the release build (dist/).
//
// Prints raw, gzip and brotli sizes of every file the browser needs to show the start
// screen (index.html and what it references: scripts and their static imports, the
// .wasm, stylesheets, the favicon), their totals, and, for information, what the service
// worker fetches after that on a first visit, and the seal module the sign step and the
// verify screen load on demand. Fails (exit 1) when the start-screen files together
// exceed 250 kB brotli-compressed or any .wasm (the app's or the seal's) exceeds 700 kB raw
// (1 kB = 1000 bytes). Compressed sizes are those of the .br/.gz files beside each file
// (scripts/postbuild.mjs writes them), or computed the same way when they are missing.
//
// Usage: node scripts/size-budget.mjs [dist]      Node built-ins only.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUDGET_START_BROTLI = 250_000;
const BUDGET_WASM_RAW = 700_000;

const dist = process.argv[2] || 'dist';
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`size-budget: ${dist}/index.html not found: build first (bash scripts/build.sh)`);
  process.exit(2);
}

function local(ref, from) {
  if (!ref || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref)) return null; // other origins, data:, anchors
  const path = normalize(join(dirname(from), ref.split(/[?#]/)[0]));
  return path.startsWith('..') ? null : path;
}

// index.html and everything it loads to show the start screen.
const start = new Set(['index.html']);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
for (const tag of html.match(/<(?:link|script|img)\b[^>]*>/gi) || []) {
  const rel = (tag.match(/\brel="([^"]*)"/i) || [])[1] || '';
  // Loaded for showing the page: stylesheets, icons, scripts, preloads. Not the manifest
  // or touch icons (fetched for installing), not trunk's source links.
  if (/data-trunk/i.test(tag) || /\b(manifest|apple-touch-icon)\b/i.test(rel)) continue;
  const ref = (tag.match(/\b(?:href|src)="([^"]*)"/i) || [])[1];
  const path = local(ref, 'index.html');
  if (path) start.add(path);
}
// Inline module scripts: their imports and the wasm they instantiate.
for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
  for (const [, ref] of body.matchAll(/(?:from|import\(|module_or_path:)\s*['"]([^'"]+)['"]/g)) {
    const path = local(ref, 'index.html');
    if (path) start.add(path);
  }
}
// Static and dynamic imports of the JavaScript files (wasm-bindgen snippets).
for (const file of [...start]) {
  if (!/\.m?js$/.test(file) || !existsSync(join(dist, file))) continue;
  const js = readFileSync(join(dist, file), 'utf8');
  for (const [, ref] of js.matchAll(/(?:\bfrom|\bimport\(?)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const path = local(ref, file);
    if (path) start.add(path);
  }
}

function compressed(file, ext, make) {
  const path = join(dist, `${file}.${ext}`);
  return existsSync(path) ? readFileSync(path).length : make(readFileSync(join(dist, file))).length;
}
function measure(file) {
  const raw = readFileSync(join(dist, file));
  const text = !/\.(png|jpe?g|gif|webp|ico|woff2?)$/.test(file);
  return {
    file,
    raw: raw.length,
    gzip: text ? compressed(file, 'gz', (d) => gzipSync(d, { level: 9 })) : raw.length,
    brotli: text
      ? compressed(file, 'br', (d) =>
          brotliCompressSync(d, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        )
      : raw.length,
  };
}

const missing = [...start].filter((file) => !existsSync(join(dist, file)));
if (missing.length) {
  console.error(`size-budget: index.html references files missing from ${dist}: ${missing.join(', ')}`);
  process.exit(1);
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
function table(title, rows) {
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
  const width = Math.max(24, ...rows.map((r) => r.file.length));
  const line = (a, b, c, d) => `  ${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}  ${d.padStart(10)}`;
  console.log(`\n${title}`);
  console.log(line('file', 'raw', 'gzip', 'brotli'));
  for (const r of rows) console.log(line(r.file, kb(r.raw), kb(r.gzip), kb(r.brotli)));
  console.log(line('total', kb(total.raw), kb(total.gzip), kb(total.brotli)));
  return total;
}

const startRows = [...start].sort().map(measure);
const startTotal = table('Start screen, first load (budgeted):', startRows);

// For information: what the service worker precaches beyond that, and sw.js itself.
let later = [];
if (existsSync(join(dist, 'sw.js'))) {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const list = JSON.parse((sw.match(/const PRECACHE = (\[[\s\S]*?\]);/) || [])[1] || '[]');
  later = ['sw.js', ...list].filter((file) => !start.has(file) && existsSync(join(dist, file)));
}
// The seal module (src/ui/parts.rs): loaded when the sign step or the verify screen opens.
const sealScript = (html.match(/<meta name="ib-seal" content="([^"]*)"/) || [])[1];
const seal = sealScript ? [sealScript, sealScript.replace(/\.js$/, '_bg.wasm')] : [];
const sealRows = seal.filter((file) => existsSync(join(dist, file))).map(measure);
if (sealRows.length) table('Loaded on demand: the sign step and the verify screen (seal module):', sealRows);
later = later.filter((file) => !seal.includes(file));
if (later.length) table('Fetched by the service worker after the first load (not budgeted):', later.sort().map(measure));

// Every .wasm of the build is held to the raw budget, the on-demand one too.
const wasm = [...startRows, ...sealRows].filter((r) => r.file.endsWith('.wasm'));
const problems = [];
for (const file of seal) if (!existsSync(join(dist, file))) problems.push(`the seal module file ${file} named in index.html is missing`);
if (wasm.length === 0) problems.push('no .wasm file among the start-screen files');
if (startTotal.brotli > BUDGET_START_BROTLI)
  problems.push(`start-screen files are ${kb(startTotal.brotli)} brotli, over the ${kb(BUDGET_START_BROTLI)} budget`);
for (const r of wasm) {
  if (r.raw > BUDGET_WASM_RAW) problems.push(`${r.file} is ${kb(r.raw)} raw, over the ${kb(BUDGET_WASM_RAW)} budget`);
}

console.log(
  `\nBudget: start screen ${kb(startTotal.brotli)} of ${kb(BUDGET_START_BROTLI)} brotli; ` +
    `wasm ${wasm.map((r) => kb(r.raw)).join(', ') || 'none'} of ${kb(BUDGET_WASM_RAW)} raw.`,
);
if (problems.length) {
  for (const p of problems) console.error(`size-budget: FAIL: ${p}`);
  process.exit(1);
}
console.log('size-budget: within budget');
