// The size budget, measured on the release build (dist/).
//
// Prints, module by module, the raw and brotli sizes of every wasm module of the build
// (the main app, each split chunk scripts/build.mjs made) with its script; then every file the browser fetches to show the start screen (index.html and
// what it references: scripts and their static imports, transitively, which includes
// __wasm_split-<hash>.js; the main .wasm; stylesheets; the favicon) and their total; and,
// for information, what the service worker fetches after that on a first visit. Split
// chunks are not part of the first load: they are fetched by URL when their screen opens.
//
// Fails (exit 1) when the start-screen files together exceed BUDGET_FIRST_LOAD_BROTLI
// bytes brotli-compressed, or any .wasm of the build exceeds BUDGET_WASM_RAW bytes raw.
// 1 kB = 1000 bytes. Compressed sizes are those of the .br/.gz files beside each file
// (scripts/postbuild.mjs writes them), or computed the same way when they are missing.
//
// Usage: node scripts/size-budget.mjs [dist]      Node built-ins only.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// ---- The limits: change them here, and only here. ----
/** What the start screen fetches, all files together, brotli-compressed. */
const BUDGET_FIRST_LOAD_BROTLI = 250_000;
/** Each .wasm of the build (main, every chunk), uncompressed. */
const BUDGET_WASM_RAW = 700_000;

const dist = process.argv[2] || 'dist';
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`size-budget: ${dist}/index.html not found: build first (bash scripts/build.sh)`);
  process.exit(2);
}

function local(ref, from) {
  if (!ref || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref)) return null; // other origins, data:, anchors
  const path = normalize(join(dirname(from), ref.split(/[?#]/)[0])).split('\\').join('/');
  return path.startsWith('..') ? null : path;
}

// ---- index.html and everything it loads to show the start screen ----
const start = new Set(['index.html']);
const html = readFileSync(join(dist, 'index.html'), 'utf8');
for (const tag of html.match(/<(?:link|script|img)\b[^>]*>/gi) || []) {
  const rel = (tag.match(/\brel="([^"]*)"/i) || [])[1] || '';
  // Loaded for showing the page: stylesheets, icons, scripts, preloads. Not the manifest
  // or touch icons (fetched for installing), not build instructions.
  if (/data-build/i.test(tag) || /\b(manifest|apple-touch-icon)\b/i.test(rel)) continue;
  const ref = (tag.match(/\b(?:href|src)="([^"]*)"/i) || [])[1];
  const path = local(ref, 'index.html');
  if (path) start.add(path);
}
// Inline module scripts, if any: their imports and the wasm they instantiate. (The build
// writes none today: the Content-Security-Policy allows no inline script, and the
// start-up script is a file, ib-start-<hash>.js, measured above with its imports.)
for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
  for (const [, ref] of body.matchAll(/(?:from|import\(|module_or_path:)\s*['"]([^'"]+)['"]/g)) {
    const path = local(ref, 'index.html');
    if (path) start.add(path);
  }
}
// Static imports of the scripts, transitively: the main script imports
// __wasm_split-<hash>.js (the wasm imports from it) and wasm-bindgen snippets. Not
// `new URL(..., import.meta.url)`: that is how the loader names chunks, fetched later.
const queue = [...start].filter((f) => /\.m?js$/.test(f));
while (queue.length) {
  const file = queue.shift();
  if (!existsSync(join(dist, file))) continue;
  const js = readFileSync(join(dist, file), 'utf8');
  for (const [, ref] of js.matchAll(/(?:\bfrom|\bimport)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
    const path = local(ref, file);
    if (path && !start.has(path)) {
      start.add(path);
      if (/\.m?js$/.test(path)) queue.push(path);
    }
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
function table(title, rows, first = 'file') {
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
  const width = Math.max(24, ...rows.map((r) => r.file.length));
  const line = (a, b, c, d) => `  ${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}  ${d.padStart(10)}`;
  console.log(`\n${title}`);
  console.log(line(first, 'raw', 'gzip', 'brotli'));
  for (const r of rows) console.log(line(r.file, kb(r.raw), kb(r.gzip), kb(r.brotli)));
  if (rows.length > 1) console.log(line('total', kb(total.raw), kb(total.gzip), kb(total.brotli)));
  return total;
}

// ---- Module by module ----
const topFiles = readdirSync(dist).filter((f) => !/\.(br|gz)$/.test(f));
const wasmFiles = topFiles.filter((f) => f.endsWith('.wasm')).sort();
const modules = [];
for (const wasm of wasmFiles) {
  let name;
  let script = null;
  const chunk = wasm.match(/^split_(.+)-[0-9a-f]{16}\.wasm$/);
  const shared = wasm.match(/^chunk_(\d+)-[0-9a-f]{16}\.wasm$/);
  if (chunk) {
    name = `chunk "${chunk[1]}" (on demand)`;
  } else if (shared) {
    // wasm-split-cli puts code that several split modules need (and main does not)
    // into numbered chunks, fetched with the first of them.
    name = `shared chunk ${shared[1]} (on demand)`;
  } else if (start.has(wasm)) {
    name = 'main (start screen)';
    script = wasm.replace(/_bg\.wasm$/, '.js');
  } else {
    name = 'unknown .wasm';
  }
  modules.push({ name, wasm: measure(wasm), script: script && existsSync(join(dist, script)) ? measure(script) : null });
}
{
  const width = Math.max(26, ...modules.map((m) => m.name.length));
  const line = (a, b, c, d, e) => `  ${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}  ${d.padStart(10)}  ${e.padStart(10)}`;
  console.log('\nModules (wasm and its script):');
  console.log(line('module', 'wasm raw', 'wasm br', 'js raw', 'js br'));
  for (const m of modules) {
    console.log(line(m.name, kb(m.wasm.raw), kb(m.wasm.brotli), m.script ? kb(m.script.raw) : '-', m.script ? kb(m.script.brotli) : '-'));
  }
  for (const m of modules) console.log(`    ${m.name}: ${m.wasm.file}${m.script ? ` + ${m.script.file}` : ''}`);
}

const startRows = [...start].sort().map(measure);
const startTotal = table('Start screen, first load (budgeted):', startRows);

// For information: what the service worker precaches beyond that, and sw.js itself.
if (existsSync(join(dist, 'sw.js'))) {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
  const list = JSON.parse((sw.match(/const PRECACHE = (\[[\s\S]*?\]);/) || [])[1] || '[]');
  const later = ['sw.js', ...list].filter((file) => !start.has(file) && existsSync(join(dist, file)));
  if (later.length) table('Fetched by the service worker after the first load (not budgeted):', later.sort().map(measure));
}

const problems = [];
if (!startRows.some((r) => r.file.endsWith('.wasm'))) problems.push('no .wasm file among the start-screen files');
if (startTotal.brotli > BUDGET_FIRST_LOAD_BROTLI) {
  problems.push(`start-screen files are ${kb(startTotal.brotli)} brotli, over the ${kb(BUDGET_FIRST_LOAD_BROTLI)} budget`);
}
for (const m of modules) {
  if (m.wasm.raw > BUDGET_WASM_RAW) problems.push(`${m.wasm.file} (${m.name}) is ${kb(m.wasm.raw)} raw, over the ${kb(BUDGET_WASM_RAW)} budget`);
}

console.log(
  `\nBudget: start screen ${kb(startTotal.brotli)} of ${kb(BUDGET_FIRST_LOAD_BROTLI)} brotli; ` +
    `wasm ${modules.map((m) => kb(m.wasm.raw)).join(', ') || 'none'} of ${kb(BUDGET_WASM_RAW)} raw each.`,
);
if (problems.length) {
  for (const p of problems) console.error(`size-budget: FAIL: ${p}`);
  process.exit(1);
}
console.log('size-budget: within budget');
