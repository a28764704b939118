// Trunk post_build hook (see Trunk.toml). Trunk runs it from the project folder after
// the build pipeline and before it moves its staging folder to dist/, with the staging
// folder in TRUNK_STAGING_DIR; a non-zero exit fails the build.
//
// 0. Builds the seal module (the sign step and the verify screen, loaded on demand; see
//    src/ui/parts.rs): cargo, wasm-bindgen and, for release builds, wasm-opt with the
//    flags index.html gives trunk. Writes seal-<hash>.js and seal-<hash>_bg.wasm and
//    names the script in index.html's <meta name="ib-seal">.
// 1. Writes sw.js: the exact list of the build's files (hashed js/wasm/css, index.html,
//    data, schema, icons, manifest) and a build version, a hash of all their bytes, in
//    front of scripts/sw.template.js. Same build, same sw.js: no spurious updates.
// 2. Writes precompressed .br and .gz files beside every text and wasm file, for hosts
//    that serve them (scripts/static-server.mjs does).
//
// Usage: trunk runs it. By hand: node scripts/postbuild.mjs <folder>  (e.g. dist)
// Node built-ins only; the seal build needs cargo, wasm-bindgen and wasm-opt on PATH
// (scripts/build.sh sets it).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('postbuild: no folder (TRUNK_STAGING_DIR unset and no argument)');
  process.exit(2);
}
// Debug builds (trunk serve) get a worker that caches nothing, so live reload keeps working.
const release = (process.env.TRUNK_PROFILE || 'release') === 'release';

const COMPRESSED = /\.(br|gz)$/;
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|json|webmanifest|svg|txt|map)$/;

function walk(root, sub = '') {
  const out = [];
  for (const name of readdirSync(join(root, sub)).sort()) {
    if (name.startsWith('.')) continue; // .stage, .trunk-lock
    const rel = sub ? `${sub}/${name}` : name;
    const st = statSync(join(root, rel));
    if (st.isDirectory()) out.push(...walk(root, rel));
    else if (st.isFile()) out.push(rel);
  }
  return out;
}

function buildSeal() {
  const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  const target = 'wasm32-unknown-unknown';
  const profile = release ? 'release' : 'debug';
  run('cargo', ['build', '--offline', '--locked', ...(release ? ['--release'] : []), '--target', target, '--bin', 'ib-planner-seal']);
  const targetDir = process.env.CARGO_TARGET_DIR || 'target';
  const tmp = mkdtempSync(join(tmpdir(), 'ib-seal-'));
  try {
    run('wasm-bindgen', [
      '--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', 'seal',
      join(targetDir, target, profile, 'ib-planner-seal.wasm'),
    ]);
    if (release) {
      const page = readFileSync(process.env.TRUNK_HTML_FILE || 'index.html', 'utf8');
      const params = (page.match(/data-wasm-opt-params="([^"]*)"/) || [])[1] || '';
      const wasm = join(tmp, 'seal_bg.wasm');
      run('wasm-opt', [...params.split(/\s+/).filter(Boolean), '-Oz', wasm, '-o', wasm]);
    }
    const js = readFileSync(join(tmp, 'seal.js'));
    const wasm = readFileSync(join(tmp, 'seal_bg.wasm'));
    const name = `seal-${createHash('sha256').update(js).update(wasm).digest('hex').slice(0, 16)}`;
    for (const old of readdirSync(dir)) if (/^seal-[0-9a-f]+(\.js|_bg\.wasm)$/.test(old)) unlinkSync(join(dir, old));
    writeFileSync(join(dir, `${name}.js`), js);
    writeFileSync(join(dir, `${name}_bg.wasm`), wasm);
    const indexPath = join(dir, 'index.html');
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
    console.log(`postbuild: seal module ${name} (${(wasm.length / 1000).toFixed(1)} kB wasm)`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

buildSeal();

// Old compressed files (a re-run by hand) go first: they are rewritten below.
for (const rel of walk(dir)) if (COMPRESSED.test(rel)) unlinkSync(join(dir, rel));

const files = walk(dir).filter((rel) => rel !== 'sw.js');
if (!files.includes('index.html')) {
  console.error(`postbuild: ${dir} has no index.html`);
  process.exit(1);
}

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
  `// Generated by scripts/postbuild.mjs: do not edit.\n` +
  `const BUILD_VERSION = ${JSON.stringify(version)};\n` +
  `const OFFLINE = ${release};\n` +
  `const PRECACHE = ${JSON.stringify(precache, null, 2)};\n\n` +
  template;
writeFileSync(join(dir, 'sw.js'), sw);

let count = 0;
for (const rel of walk(dir)) {
  if (!COMPRESSIBLE.test(rel) || !release) continue;
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

console.log(
  `postbuild: sw.js version ${version} precaching ${precache.length} files; ` +
    `${count} files precompressed (.br, .gz) in ${relative(process.cwd(), dir) || '.'}`,
);
