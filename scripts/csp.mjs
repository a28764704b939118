// The app's Content-Security-Policy and the other security headers, in one place:
// scripts/build.mjs checks that dist/index.html carries exactly POLICY in its meta tag
// (and no inline script, style or event handler, which it would block), and
// scripts/static-server.mjs sends HEADERS with every response. README.md's nginx and
// Apache snippets give the same text (tests/e2e/security.spec.mjs compares them).
//
// No 'unsafe-inline' for scripts or styles: index.html has no inline <script> or
// <style> (the build writes the start-up and deep-link scripts to hashed files), and the
// app sets no style attributes (classes only). Static text, so a host's configuration
// never has to change with a build. 'wasm-unsafe-eval' lets the page compile its
// WebAssembly; nothing may come from another origin.

/** The policy of the meta tag in index.html. */
export const POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
].join('; ');

/**
 * The headers a host sends with every file. A meta tag cannot carry frame-ancestors, so
 * the header policy is POLICY plus frame-ancestors 'none'; X-Frame-Options for older
 * browsers. The Permissions-Policy denies every powerful feature (the app uses none).
 */
export const HEADERS = {
  'Content-Security-Policy': `${POLICY}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': [
    'accelerometer=()',
    'autoplay=()',
    'camera=()',
    'display-capture=()',
    'encrypted-media=()',
    'fullscreen=()',
    'geolocation=()',
    'gyroscope=()',
    'hid=()',
    'idle-detection=()',
    'magnetometer=()',
    'microphone=()',
    'midi=()',
    'payment=()',
    'picture-in-picture=()',
    'publickey-credentials-get=()',
    'screen-wake-lock=()',
    'serial=()',
    'usb=()',
    'xr-spatial-tracking=()',
  ].join(', '),
};
