// The last steps of the web build, used by scripts/build.mjs on its staging folder:
//
// - sealModule: the seal module (the sign step and the verify screen, loaded on demand;
//   see src/ui/parts.rs) from the `ib-planner-seal` wasm cargo built: wasm-bindgen and
//   wasm-opt with index.html's flags, written as seal-<hash>.js and seal-<hash>_bg.wasm
//   and named in index.html's <meta name="ib-seal">, with a small inline script that
//   preloads both when the page opens straight at the verify screen or a sign step.
// - writeServiceWorker: sw.js, the exact list of the build's files (hashed js/wasm/css
//   with every split chunk and __wasm_split-<hash>.js, index.html, data, schema, icons,
//   manifest) and a build version, a hash of all their bytes, in front of
//   scripts/sw.template.js. Same build, same sw.js: no spurious updates.
// - precompress: .br and .gz files beside every text and wasm file, for hosts that
//   serve them (scripts/static-server.mjs does).
//
// By hand, `node scripts/postbuild.mjs dist` rewrites sw.js and the compressed files of
// a built folder (after editing scripts/sw.template.js, say). Node built-ins only.

import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSED = /\.(br|gz)$/;
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|webmanifest|svg|txt|map)$/;
/** The import module of a split point no wasm-split run resolved (wasm_split_helpers). */
export const SPLIT_PLACEHOLDER = '__wasm_split_placeholder__';

export const hash16 = (...parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

/** Every file under `root`, as sorted '/'-separated relative paths; dot files skipped. */
export function walk(root, sub = '') {
  const out = [];
  for (const name of readdirSync(join(root, sub)).sort()) {
    if (name.startsWith('.')) continue;
    const rel = sub ? `${sub}/${name}` : name;
    const st = statSync(join(root, rel));
    if (st.isDirectory()) out.push(...walk(root, rel));
    else if (st.isFile()) out.push(rel);
  }
  return out;
}

/**
 * `bytes` (a wasm module) without its custom sections whose names `drop` matches.
 * Used for the relocation sections `--emit-relocs` leaves in modules wasm-split-cli does
 * not rewrite (the seal module): nothing reads them, and binaryen warns about them.
 */
export function stripCustomSections(bytes, drop) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  const kept = [bytes.subarray(0, 8)];
  let p = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[p++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  while (p < bytes.length) {
    const start = p;
    const id = bytes[p++];
    const size = leb();
    const end = p + size;
    let name = null;
    if (id === 0) {
      const length = leb();
      name = bytes.subarray(p, p + length).toString('utf8');
    }
    if (name === null || !drop.test(name)) kept.push(bytes.subarray(start, end));
    p = end;
  }
  return Buffer.concat(kept);
}

/**
 * Builds the seal module into `stage` from the wasm cargo made (`wasm`) and names it in
 * `stage/index.html`. `run(tool, args)` runs a tool (failing the build on error);
 * `wasmOpt` is the wasm-opt binary and `wasmOptArgs` its flags (index.html's).
 */
export function sealModule({ stage, wasm: input, run, wasmOpt, wasmOptArgs }) {
  const tmp = mkdtempSync(join(tmpdir(), 'ib-seal-'));
  try {
    const stripped = join(tmp, 'seal-input.wasm');
    writeFileSync(stripped, stripCustomSections(readFileSync(input), /^(linking|reloc\..*)$/));
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', 'seal', stripped]);
    if (existsSync(join(tmp, 'snippets'))) {
      // parts.rs loads seal-<hash>.js alone; a snippet would need copying and renaming.
      throw new Error('the seal module has wasm-bindgen snippets (inline_js or module = ...), which the build does not copy: keep them in the main app');
    }
    let js = readFileSync(join(tmp, 'seal.js'), 'utf8');
    if (js.includes(SPLIT_PLACEHOLDER)) {
      throw new Error('the seal module reaches a split_view! split point (src/ui/lazy.rs), which only the main app may do');
    }
    const wasmPath = join(tmp, 'seal_bg.wasm');
    run(wasmOpt, [...wasmOptArgs, wasmPath, '-o', wasmPath]);
    const wasm = readFileSync(wasmPath);
    const name = `seal-${hash16(js, wasm)}`;
    // wasm-bindgen's default wasm URL, should anything call init() without one.
    js = js.replaceAll("'seal_bg.wasm'", `'${name}_bg.wasm'`);
    for (const old of readdirSync(stage)) if (/^seal-[0-9a-f]+(\.js|_bg\.wasm)$/.test(old)) unlinkSync(join(stage, old));
    writeFileSync(join(stage, `${name}.js`), js);
    writeFileSync(join(stage, `${name}_bg.wasm`), wasm);
    const indexPath = join(stage, 'index.html');
    // A page opened straight at the sign step or the verify screen fetches the seal
    // module beside the app instead of after it.
    const preload =
      `<script id="ib-seal-preload">(function () {\n` +
      `  if (!/^#\\/(verify$|case\\/[^/]+\\/sign$)/.test(location.hash)) return;\n` +
      `  [['modulepreload', '${name}.js'], ['preload', '${name}_bg.wasm']].forEach(function (p) {\n` +
      `    var link = document.createElement('link');\n` +
      `    link.rel = p[0]; link.href = p[1]; link.crossOrigin = 'anonymous';\n` +
      `    if (p[0] === 'preload') { link.as = 'fetch'; link.type = 'application/wasm'; }\n` +
      `    document.head.appendChild(link);\n` +
      `  });\n` +
      `})();</script>`;
    const meta = `<meta name="ib-seal" content="${name}.js">\n${preload}`;
    let index = readFileSync(indexPath, 'utf8')
      .replace(/<meta name="ib-seal"[^>]*>\n?/, '')
      .replace(/<script id="ib-seal-preload">[\s\S]*?<\/script>\n?/, '');
    if (!index.includes('</head>')) throw new Error('index.html has no </head>');
    index = index.replace('</head>', `${meta}\n</head>`);
    writeFileSync(indexPath, index);
    return { js: `${name}.js`, wasm: `${name}_bg.wasm`, wasmBytes: wasm.length };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Writes `dir/sw.js`; returns its build version and precache list. */
export function writeServiceWorker(dir) {
  // Old compressed files (a re-run by hand) are not part of the build.
  for (const rel of walk(dir)) if (COMPRESSED.test(rel)) unlinkSync(join(dir, rel));
  const files = walk(dir).filter((rel) => rel !== 'sw.js');
  if (!files.includes('index.html')) throw new Error(`${dir} has no index.html`);

  const hash = createHash('sha256');
  for (const rel of files) {
    hash.update(rel.split(sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(join(dir, rel)));
    hash.update('\0');
  }
  const template = readFileSync(new URL('./sw.template.js', import.meta.url), 'utf8');
  hash.update(template);
  const version = hash.digest('hex').slice(0, 16);

  const precache = files.map((rel) => rel.split(sep).join('/'));
  const sw =
    `// Generated by scripts/build.mjs (scripts/postbuild.mjs): do not edit.\n` +
    `const BUILD_VERSION = ${JSON.stringify(version)};\n` +
    `const OFFLINE = true;\n` +
    `const PRECACHE = ${JSON.stringify(precache, null, 2)};\n\n` +
    template;
  writeFileSync(join(dir, 'sw.js'), sw);
  return { version, precache };
}

/** Writes `.br` and `.gz` beside every compressible file of `dir`; returns how many. */
export function precompress(dir) {
  let count = 0;
  for (const rel of walk(dir)) {
    if (COMPRESSED.test(rel) || !COMPRESSIBLE.test(rel)) continue;
    const data = readFileSync(join(dir, rel));
    const br = brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        [constants.BROTLI_PARAM_MODE]: /\.wasm$/.test(rel) ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    });
    writeFileSync(join(dir, `${rel}.br`), br);
    writeFileSync(join(dir, `${rel}.gz`), gzipSync(data, { level: 9 }));
    count += 1;
  }
  return count;
}

// By hand: node scripts/postbuild.mjs <folder>
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir || !existsSync(join(dir, 'index.html'))) {
    console.error('usage: node scripts/postbuild.mjs <built folder, e.g. dist>');
    process.exit(2);
  }
  try {
    const { version, precache } = writeServiceWorker(dir);
    const count = precompress(dir);
    console.log(
      `postbuild: sw.js version ${version} precaching ${precache.length} files; ` +
        `${count} files precompressed (.br, .gz) in ${relative(process.cwd(), dir) || '.'}`,
    );
  } catch (err) {
    console.error(`postbuild: ${err.message}`);
    process.exit(1);
  }
}
