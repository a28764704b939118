// Builds the release web app into dist/, offline, with its code split into wasm chunks
// that load on demand. scripts/build.sh runs it; so can `node scripts/build.mjs`.
//
//  1. cargo build --release --target wasm32-unknown-unknown --bin ib-planner,
//     offline and locked, with RUSTFLAGS
//     `--cfg erase_components` (Leptos's type-erased components: a smaller wasm),
//     `--cfg ib_split` (turns src/ui/lazy.rs's split_view! functions into split points)
//     and `-Clink-args=--emit-relocs` (the relocations wasm-split-cli needs).
//  2. wasm-split-cli --target web: the main module, one chunk per split module
//     (split_<module>.wasm) and __wasm_split.js, the loader the chunks are fetched by.
//  3. wasm-bindgen --target web --keep-lld-exports on the main module; the chunks and
//     __wasm_split.js go beside its output.
//  4. wasm-opt (node_modules' binaryen: Debian's 108 breaks the app) with the level and
//     the feature flags of index.html's rust link, on every .wasm.
//  5. Content-hashed names: each chunk split_<module>-<hash>.wasm; the main script, its
//     wasm and __wasm_split.js (which import each other) share one hash of all three:
//     ib-planner-<hash>.js, ib-planner-<hash>_bg.wasm, __wasm_split-<hash>.js.
//  6. dist/index.html from the project's index.html, a template: every <link data-build>
//     is replaced by what it stands for (see the comment there): stylesheets with a hash
//     in their names, preload links for the app's script, its loader and its wasm, and
//     the scripts that start the app and preload a deep link's chunks (files with hashed
//     names, ib-start-<hash>.js and ib-deep-links-<hash>.js: nothing inline); folders and
//     files copied. Comments that start with "build:" are dropped. The build fails if
//     the page's Content-Security-Policy is not scripts/csp.mjs's POLICY or the page has
//     anything inline that policy would block.
//  7. scripts/postbuild.mjs: sw.js with the exact list of files to precache, .br/.gz
//     copies.
//  8. A check that every file index.html and the scripts load (statically, or the
//     chunks by URL) is in the build, and that the service worker precaches every one.
//
// Everything is written to target/web-stage first and moved to dist/ only when all of it
// succeeded: a failed build leaves the previous dist/ as it was. A missing or wrong tool
// stops the build at once with its name and the fix (bash scripts/setup.sh).
//
// Usage: node scripts/build.mjs      Node built-ins only.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { POLICY } from './csp.mjs';
import { hash16, precompress, SPLIT_PLACEHOLDER, writeServiceWorker } from './postbuild.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET = 'wasm32-unknown-unknown';
const RUSTFLAGS = ['--cfg erase_components', '--cfg ib_split', '-Clink-args=--emit-relocs'];
const DIST = join(ROOT, 'dist');
const STAGE = join(ROOT, 'target', 'web-stage');
const WORK = join(ROOT, 'target', 'web-work');
const OLD = join(ROOT, 'target', 'web-old');
const WASM_OPT = join(ROOT, 'node_modules', '.bin', 'wasm-opt');
const SETUP = 'run `bash scripts/setup.sh app` (it installs and pins every build tool)';

class BuildError extends Error {}
const fail = (message) => {
  throw new BuildError(message);
};

const env = {
  ...process.env,
  PATH: [join(process.env.HOME || '', '.cargo', 'bin'), join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(':'),
};

const started = Date.now();
const timings = [];
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
function step(name, work) {
  console.log(`\n==> build: ${name}`);
  const t0 = Date.now();
  const out = work();
  timings.push([name, Date.now() - t0]);
  return out;
}

/** Runs a tool with its output on the console; a missing tool or a failure stops the build. */
function run(tool, args, { hint = '', extraEnv = {} } = {}) {
  const name = basename(tool);
  const result = spawnSync(tool, args, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error && result.error.code === 'ENOENT') fail(`${name} is not installed (not found on PATH): ${SETUP}`);
  if (result.error) fail(`${name} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    fail(`${name} failed (${result.signal ? `signal ${result.signal}` : `exit ${result.status}`}): ${name} ${args.join(' ')}${hint ? `\n  ${hint}` : ''}`);
  }
}

/** A tool's standard output, or null when it is missing or fails. */
function output(tool, args) {
  const result = spawnSync(tool, args, { cwd: ROOT, env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout : null;
}

function checkTools() {
  const lock = readFileSync(join(ROOT, 'Cargo.lock'), 'utf8');
  const wanted = (lock.match(/\nname = "wasm-bindgen"\nversion = "([^"]+)"/) || [])[1];
  if (!wanted) fail('Cargo.lock names no wasm-bindgen version');
  const bindgen = output('wasm-bindgen', ['--version']);
  if (bindgen === null) fail(`wasm-bindgen is not installed: ${SETUP}`);
  const have = bindgen.trim().split(/\s+/)[1];
  if (have !== wanted) fail(`wasm-bindgen ${have} is installed, Cargo.lock needs ${wanted} exactly: ${SETUP}`);

  if (output('wasm-split-cli', ['--help']) === null) fail(`wasm-split-cli is not installed: ${SETUP}`);
  const pinned = (readFileSync(join(ROOT, 'scripts', 'setup.sh'), 'utf8').match(/^WASM_SPLIT_VERSION=(\S+)/m) || [])[1];
  const installed = ((output('cargo', ['install', '--list']) || '').match(/^wasm_split_cli_support v(\S+):/m) || [])[1];
  if (pinned && installed && installed !== pinned) {
    fail(`wasm-split-cli ${installed} is installed, the build is pinned to ${pinned}: ${SETUP}`);
  }

  if (!existsSync(WASM_OPT)) fail(`wasm-opt (npm package binaryen) is not in node_modules: ${SETUP}`);
  const opt = output(WASM_OPT, ['--version']);
  const optVersion = Number(((opt || '').match(/version (\d+)/) || [])[1]);
  if (!(optVersion >= 116)) fail(`${WASM_OPT} does not work or is too old (${(opt || 'no output').trim()}): ${SETUP}`);
  return { bindgen: have, split: installed || '(version unknown)', wasmOpt: optVersion };
}

// ---- index.html, the template ----

function attributes(tag) {
  const out = {};
  for (const [, name, value] of tag.matchAll(/([a-zA-Z_:][-\w:.]*)(?:="([^"]*)")?/g)) out[name] = value ?? '';
  return out;
}

function readTemplate() {
  // Comments that start with "build:" are for the template's readers only.
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8').replace(/[ \t]*<!--\s*build:[\s\S]*?-->[ \t]*\n?/g, '');
  const links = [...html.matchAll(/<link\b[^>]*\bdata-build\b[^>]*>/g)].map((m) => ({ tag: m[0], ...attributes(m[0]) }));
  const rust = links.filter((l) => l.rel === 'rust');
  if (rust.length !== 1) fail(`index.html must have exactly one <link data-build rel="rust">, it has ${rust.length}`);
  for (const l of links) {
    if (!['rust', 'css', 'copy-dir', 'copy-file'].includes(l.rel)) fail(`index.html: unknown build link ${l.tag}`);
    if (l.rel !== 'rust' && !existsSync(join(ROOT, l.href || ''))) fail(`index.html: ${l.tag} names a missing ${l.href}`);
  }
  const level = rust[0]['data-wasm-opt'] || 'z';
  const wasmOptArgs = [...(rust[0]['data-wasm-opt-params'] || '').split(/\s+/).filter(Boolean), `-O${level}`];
  return { html, links, bin: rust[0]['data-bin'] || 'ib-planner', wasmOptArgs };
}

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

function writeIndex(template, app, styles) {
  let html = template.html;
  for (const link of template.links) {
    let replacement = '';
    if (link.rel === 'css') {
      const file = styles.get(link.href);
      replacement = `<link rel="stylesheet" href="${file}" integrity="${sri(readFileSync(join(STAGE, file)))}">`;
    } else if (link.rel === 'rust') {
      const pre = (rel, file, extra = '') =>
        `<link rel="${rel}" href="${file}" crossorigin="anonymous" integrity="${sri(readFileSync(join(STAGE, file)))}"${extra}>`;
      replacement = [
        pre('modulepreload', app.js),
        ...(app.loader ? [pre('modulepreload', app.loader)] : []),
        pre('preload', app.wasm, ' as="fetch" type="application/wasm"'),
        ...(app.deepLinks ? [script(app.deepLinks, ' id="ib-deep-link-preload"')] : []),
        script(app.start, ' type="module" crossorigin="anonymous"'),
      ].join('\n  ');
    }
    // A removed link takes its line with it.
    html = replacement ? html.replace(link.tag, replacement) : html.replace(new RegExp(`[ \\t]*${escape(link.tag)}[ \\t]*\\n?`), '');
  }
  if (/data-build/.test(html)) fail('index.html: a <link data-build> was left unreplaced');
  checkPolicy(html);
  writeFileSync(join(STAGE, 'index.html'), html);
}

const script = (file, extra) => `<script src="${file}"${extra} integrity="${sri(readFileSync(join(STAGE, file)))}"></script>`;

/**
 * The page's Content-Security-Policy is scripts/csp.mjs's POLICY (no 'unsafe-inline'),
 * and the page has nothing that policy would block: no inline script, no <style>, no
 * style attribute, no inline event handler.
 */
function checkPolicy(html) {
  const metas = [...html.matchAll(/<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi)];
  if (metas.length !== 1) fail(`index.html must have one Content-Security-Policy meta tag, it has ${metas.length}`);
  const content = attributes(metas[0][0]).content;
  if (content !== POLICY) fail(`index.html's Content-Security-Policy is not scripts/csp.mjs's POLICY:\n  ${content}\n  ${POLICY}`);
  const head = html.slice(0, html.search(/<\/head>/i));
  if (head.search(/<meta\b[^>]*http-equiv="Content-Security-Policy"/i) > head.search(/<(?:script|link)\b/i)) {
    fail('index.html: the Content-Security-Policy meta tag must come before every script and link');
  }
  const stripped = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const [tag, attrs] of [...stripped.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]) {
    if (!/\bsrc="/.test(attrs) || !/^<script\b[^>]*><\/script>$/.test(tag)) fail(`index.html: an inline script, which the policy blocks: ${tag.slice(0, 80)}`);
  }
  if (/<style\b/i.test(stripped)) fail('index.html: an inline <style>, which the policy blocks: put it in a stylesheet');
  const inlineAttr = stripped.match(/<[a-z][^>]*\s(style|on[a-z]+)=[^>]*>/i);
  if (inlineAttr) fail(`index.html: a ${inlineAttr[1]} attribute, which the policy blocks: ${inlineAttr[0].slice(0, 80)}`);
}
/**
 * Which split modules a page opened straight at a route needs: the same grouping as
 * src/ui/parts.rs (the build fails if a module here is not in the build, or the build
 * has a module that is not here). Any other case route opens the child step.
 */
const DEEP_LINKS = [
  // The start screen: its storage use, backups and case files (issue 12), chunk saves.
  ['^(#/?)?$', ['saves']],
  ['^#/verify$', ['verify']],
  // The person's own signing key (issue 13).
  ['^#/keys$', ['keys']],
  // A case: its workspace (chunk case) and its step's chunk.
  ['^#/case/[^/]+/sign$', ['case', 'sign']],
  // The provision step (issue 14): before the catch-all route of a case below.
  ['^#/case/[^/]+/provision$', ['case', 'provision']],
  // The review after the plan period (issue 15), chunk review.
  ['^#/case/[^/]+/(review|history)$', ['case', 'review']],
  ['^#/case/[^/]+/(team|assessment|goals)$', ['case', 'team']],
  ['^#/case/[^/]+/(services|ranking|settings|result)$', ['case', 'plan']],
  ['^#/case/[^/]+', ['case', 'intake']],
  // The parents' own way in: its pages (chunk parent) with its ranking page, its
  // questionnaire (its first page unless it came from a ranking file, which opens at
  // #/parent/<id>/ranking), or its send page.
  ['^#/parent/[^/]+/ranking$', ['parent', 'plan']],
  ['^#/parent/[^/]+(/questionnaire)?$', ['parent', 'intake']],
  ['^#/parent/[^/]+/send$', ['parent']],
];
/**
 * Split modules that no route opens: loaded on first use, never preloaded: a file chosen
 * or dropped on the start screen (start_file), the device lock's unlock form and settings
 * (lock, src/ui/lock.rs: from the start screen, when it is locked or asked for them).
 */
const ON_USE = ['start_file', 'lock'];

/**
 * The files each split module loads, read from the loader wasm-split-cli wrote: its own
 * `split_<module>` chunk and every shared chunk whose comment names the module.
 */
function moduleFiles(loader) {
  const files = new Map();
  const add = (module, file) => files.set(module, [...(files.get(module) || []), file]);
  const own = /export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g;
  for (const [, module, file] of loader.matchAll(own)) add(module, file);
  const shared = /\/\* ([\w, ]+) \*\/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+)"/g;
  const own_modules = new Set(files.keys());
  for (const [, modules, file] of loader.matchAll(shared)) {
    for (const module of modules.split(',').map((m) => m.trim())) {
      if (!own_modules.has(module)) fail(`__wasm_split.js: chunk ${file} is for an unknown module ${module}`);
      add(module, file);
    }
  }
  return files;
}

/**
 * A small script for index.html, ib-deep-links-<hash>.js (a file: the policy allows no
 * inline script; a classic script, so it runs before the app's module script): a page
 * opened straight at a step or the verify screen starts fetching that part's chunks
 * beside the app instead of after it starts. The links match the loader's fetch() (same
 * URL, CORS mode, same-origin credentials), so the loader gets the preloaded bytes.
 */
function deepLinkPreload(app) {
  const files = moduleFiles(readFileSync(join(STAGE, app.loader), 'utf8'));
  const chunked = app.chunks.filter((c) => ![...files.values()].some((list) => list.includes(c)));
  if (files.size === 0 || chunked.length) {
    fail(`__wasm_split.js: cannot tell which module loads ${chunked.join(', ') || 'any chunk'}: the wasm-split-cli output changed shape`);
  }
  for (const module of [...DEEP_LINKS.flatMap(([, m]) => m), ...ON_USE]) {
    if (!files.has(module)) fail(`scripts/build.mjs DEEP_LINKS or ON_USE names ${module}, which the build has no chunk for`);
  }
  for (const module of files.keys()) {
    if (!DEEP_LINKS.some(([, m]) => m.includes(module)) && !ON_USE.includes(module)) {
      fail(`split module ${module} has no route in scripts/build.mjs DEEP_LINKS (nor is it in ON_USE)`);
    }
  }
  // Each route's files, once each (modules of one route may share chunks).
  const table = DEEP_LINKS.map(([route, modules]) => [route, [...new Set(modules.flatMap((m) => files.get(m)))]]);
  return (
    `// Generated by scripts/build.mjs: preloads the chunks of the part a link opens.\n` +
    `(function () {\n` +
    `    var routes = ${JSON.stringify(table)};\n` +
    `    for (var i = 0; i < routes.length; i++) {\n` +
    `      if (!new RegExp(routes[i][0]).test(location.hash)) continue;\n` +
    `      routes[i][1].forEach(function (file) {\n` +
    `        var link = document.createElement('link');\n` +
    `        link.rel = 'preload'; link.as = 'fetch'; link.type = 'application/wasm';\n` +
    `        link.crossOrigin = 'anonymous'; link.href = file;\n` +
    `        document.head.appendChild(link);\n` +
    `      });\n` +
    `      return;\n` +
    `    }\n` +
    `})();\n`
  );
}

/** Writes `text` to the stage as `<name>-<hash>.js`; returns that name. */
function writeHashed(name, text) {
  const file = `${name}-${hash16(text)}.js`;
  writeFileSync(join(STAGE, file), text);
  return file;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function copyAssets(template) {
  const styles = new Map();
  for (const link of template.links) {
    const src = join(ROOT, link.href || '');
    if (link.rel === 'copy-dir') cpSync(src, join(STAGE, basename(src)), { recursive: true });
    else if (link.rel === 'copy-file') cpSync(src, join(STAGE, basename(src)));
    else if (link.rel === 'css') {
      const css = readFileSync(src);
      const file = `${basename(src, '.css')}-${hash16(css)}.css`;
      writeFileSync(join(STAGE, file), css);
      styles.set(link.href, file);
    }
  }
  return styles;
}

// ---- the app: split, bindgen, opt, hashed names ----

/**
 * Renames the file `from` to `to` where `text` loads it: `from "./from"`, `import("./from")`
 * or `new URL("./from", ...)`, never elsewhere (the main script also uses the loader's
 * name "./__wasm_split.js" as the wasm import module's name, which must stay). At least
 * one must be there.
 */
function rename(text, from, to, where) {
  const re = new RegExp(`(\\bfrom\\s*|\\bimport\\(\\s*|\\bnew URL\\(\\s*)(["'])(\\./)?${escape(from)}\\2`, 'g');
  let count = 0;
  const out = text.replace(re, (_, lead, q, dot) => {
    count += 1;
    return `${lead}${q}${dot || ''}${to}${q}`;
  });
  if (count === 0) fail(`${where} does not load ${from}: the wasm-split-cli or wasm-bindgen output changed shape`);
  return out;
}

function buildApp(template, targetDir, versions) {
  const input = join(targetDir, TARGET, 'release', `${template.bin}.wasm`);
  const split = join(WORK, 'split');
  const bindgen = join(WORK, 'bindgen');
  mkdirSync(split, { recursive: true });
  step(`wasm-split-cli ${versions.split}: split points into chunks`, () =>
    run('wasm-split-cli', ['--target', 'web', '--out-name', template.bin, input, split], {
      hint: 'the split tool may not understand this rustc/wasm-bindgen output: check the versions pinned in scripts/setup.sh',
    }),
  );
  const chunks = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${template.bin}.wasm`).sort();
  const hasLoader = existsSync(join(split, '__wasm_split.js'));
  if (chunks.length && !hasLoader) fail('wasm-split-cli wrote chunks but no __wasm_split.js');

  step(`wasm-bindgen ${versions.bindgen} (main module)`, () =>
    run('wasm-bindgen', [
      '--target', 'web', '--keep-lld-exports', '--no-typescript',
      '--out-dir', bindgen, '--out-name', template.bin, join(split, `${template.bin}.wasm`),
    ]),
  );
  let js = readFileSync(join(bindgen, `${template.bin}.js`), 'utf8');
  if (js.includes(SPLIT_PLACEHOLDER)) fail('the main module still imports an unresolved split point after wasm-split-cli');

  const wasmFiles = [join(bindgen, `${template.bin}_bg.wasm`), ...chunks.map((c) => join(split, c))];
  step(`wasm-opt ${versions.wasmOpt} ${template.wasmOptArgs.at(-1)} on ${wasmFiles.length} modules`, () => {
    for (const file of wasmFiles) run(WASM_OPT, [...template.wasmOptArgs, file, '-o', file]);
  });

  // Hashed names. Chunks first (leaves), then the three files that name each other.
  let loader = hasLoader ? readFileSync(join(split, '__wasm_split.js'), 'utf8') : null;
  const chunkFiles = [];
  for (const chunk of chunks) {
    const bytes = readFileSync(join(split, chunk));
    const file = `${basename(chunk, '.wasm')}-${hash16(bytes)}.wasm`;
    loader = rename(loader, chunk, file, '__wasm_split.js');
    writeFileSync(join(STAGE, file), bytes);
    chunkFiles.push(file);
  }
  const wasm = readFileSync(join(bindgen, `${template.bin}_bg.wasm`));
  const h = hash16(js, loader || '', wasm);
  const app = {
    js: `${template.bin}-${h}.js`,
    wasm: `${template.bin}-${h}_bg.wasm`,
    loader: hasLoader ? `__wasm_split-${h}.js` : null,
    chunks: chunkFiles,
  };
  js = rename(js, `${template.bin}_bg.wasm`, app.wasm, `${template.bin}.js`);
  if (hasLoader) {
    // The main script imports the loader only when the main module has split points.
    if (js.includes('__wasm_split.js')) js = rename(js, '__wasm_split.js', app.loader, `${template.bin}.js`);
    loader = rename(loader, `${template.bin}.js`, app.js, '__wasm_split.js');
    writeFileSync(join(STAGE, app.loader), loader);
  }
  writeFileSync(join(STAGE, app.js), js);
  writeFileSync(join(STAGE, app.wasm), wasm);
  if (existsSync(join(bindgen, 'snippets'))) cpSync(join(bindgen, 'snippets'), join(STAGE, 'snippets'), { recursive: true });
  // The module script that starts the app, and the deep-link preload script: files, not
  // inline, so the Content-Security-Policy needs no 'unsafe-inline' (scripts/csp.mjs).
  app.start = writeHashed(
    'ib-start',
    `// Generated by scripts/build.mjs: starts the app.\n` +
      `import init from './${app.js}';\n` +
      `await init({ module_or_path: new URL('./${app.wasm}', import.meta.url) });\n`,
  );
  app.deepLinks = app.chunks.length ? writeHashed('ib-deep-links', deepLinkPreload(app)) : null;
  return app;
}

// ---- checks on the staged build ----

/** Every file the page can load: index.html's links and scripts, their imports, the chunks. */
function referencedFiles() {
  const found = new Set(['index.html']);
  const local = (ref, from) => {
    if (!ref || /^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref)) return null;
    const path = normalize(join(dirname(from), ref.split(/[?#]/)[0])).split('\\').join('/');
    return path.startsWith('..') ? null : path;
  };
  const html = readFileSync(join(STAGE, 'index.html'), 'utf8');
  const queue = [];
  const add = (path) => {
    if (path && !found.has(path)) {
      found.add(path);
      queue.push(path);
    }
  };
  for (const tag of html.match(/<(?:link|script|img|meta)\b[^>]*>/gi) || []) {
    const a = attributes(tag);
    add(local(a.href || a.src, 'index.html'));
  }
  for (const [, body] of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    for (const [, ref] of body.matchAll(/(?:from|import\(|module_or_path:)\s*['"]([^'"]+)['"]/g)) add(local(ref, 'index.html'));
  }
  while (queue.length) {
    const file = queue.shift();
    if (!/\.m?js$/.test(file) || !existsSync(join(STAGE, file))) continue;
    const js = readFileSync(join(STAGE, file), 'utf8');
    for (const [, ref] of js.matchAll(/(?:\bfrom|\bimport\(?)\s*['"](\.{1,2}\/[^'"]+)['"]/g)) add(local(ref, file));
    for (const [, ref] of js.matchAll(/new URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g)) add(local(ref, file));
  }
  return found;
}

function checkStage(app, precache) {
  const missing = [...referencedFiles()].filter((f) => !existsSync(join(STAGE, f)));
  if (missing.length) fail(`the build names files it does not contain: ${missing.join(', ')}`);
  const cached = new Set(precache);
  const needed = [app.start, ...(app.deepLinks ? [app.deepLinks] : []), app.js, app.wasm, ...(app.loader ? [app.loader] : []), ...app.chunks, 'index.html'];
  const uncached = needed.filter((f) => !cached.has(f));
  if (uncached.length) fail(`sw.js does not precache ${uncached.join(', ')}`);
}

// ---- main ----

function main() {
  const template = readTemplate();
  const versions = step('checking the tools', checkTools);
  const metadata = output('cargo', ['metadata', '--offline', '--format-version', '1', '--no-deps']);
  if (metadata === null) fail(`cargo metadata failed: is cargo installed? ${SETUP}`);
  const targetDir = JSON.parse(metadata).target_directory;

  step(`cargo build --release (${template.bin})`, () =>
    run(
      'cargo',
      ['build', '--offline', '--locked', '--release', '--target', TARGET, '--bin', template.bin],
      {
        extraEnv: { RUSTFLAGS: [process.env.RUSTFLAGS, ...RUSTFLAGS].filter(Boolean).join(' ') },
        hint: `if a crate is missing offline, ${SETUP} (it runs cargo fetch); a compile error is the code's`,
      },
    ),
  );

  for (const dir of [STAGE, WORK]) rmSync(dir, { recursive: true, force: true });
  mkdirSync(STAGE, { recursive: true });
  const app = buildApp(template, targetDir, versions);
  const styles = step('stylesheets, icons, data, schema, manifest', () => copyAssets(template));
  step('index.html', () => writeIndex(template, app, styles));
  const sw = step('sw.js, precompressed copies', () => {
    const out = writeServiceWorker(STAGE);
    checkStage(app, out.precache);
    out.compressed = precompress(STAGE);
    return out;
  });

  // The swap: dist/ is either the old build or the new one, never half of either.
  rmSync(OLD, { recursive: true, force: true });
  if (existsSync(DIST)) renameSync(DIST, OLD);
  renameSync(STAGE, DIST);
  rmSync(OLD, { recursive: true, force: true });

  const kb = (file) => `${(readFileSync(join(DIST, file)).length / 1000).toFixed(1)} kB`;
  console.log('\nbuild: steps');
  for (const [name, ms] of timings) console.log(`  ${seconds(ms).padStart(8)}  ${name}`);
  console.log(`  ${seconds(Date.now() - started).padStart(8)}  total`);
  console.log(
    `build: dist/ ready: ${app.js}, ${app.wasm} (${kb(app.wasm)})` +
      (app.chunks.length ? `, chunks ${app.chunks.map((c) => `${c} (${kb(c)})`).join(', ')}` : ', no chunks') +
      `; sw.js ${sw.version} precaches ${sw.precache.length} files; ` +
      `${sw.compressed} precompressed.`,
  );
}

if (process.argv.length > 2) {
  const help = process.argv.slice(2).every((a) => a === '--help' || a === '-h');
  console[help ? 'log' : 'error']('usage: node scripts/build.mjs   (no options; builds the release app into dist/, see the header of scripts/build.mjs)');
  process.exit(help ? 0 : 2);
}
try {
  main();
} catch (err) {
  rmSync(STAGE, { recursive: true, force: true });
  console.error(`\nbuild: FAILED: ${err instanceof BuildError ? err.message : err.stack || err}`);
  console.error('build: dist/ was left as it was.');
  process.exit(1);
}
