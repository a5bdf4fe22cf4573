// The Content-Security-Policy of the renderer, in both run modes: scripts only from the app
// itself (WebAssembly allowed for OCR and faces), connections only to the app and the sync server.
// Sent as a header by both adapters (exact connect-src), and repeated as a <meta> in
// renderer/index.html (hardening.test.ts checks the two agree), so a page that somehow arrives
// without the header is still held to it.

/** Every directive but connect-src, in the order both forms list them. */
const BASE_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  // Ant Design writes its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  // No page starts a worker from a blob: URL (certificate pages are read on the host since OCR
  // moved there; tesseract.js needed one in the page).
  "worker-src 'self'",
  "media-src 'self' blob: mediastream:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The header form: connections to the app and the given origins (the sync server, browser mode's socket). */
export function contentSecurityPolicy(connectOrigins: readonly string[]): string {
  return [...BASE_DIRECTIVES, `connect-src 'self' ${connectOrigins.join(' ')}`.trim(), "frame-ancestors 'none'"].join('; ');
}

/**
 * The <meta> form: the same directives; the sync server's address is known only at run time, so
 * connect-src allows any http(s) server and the loopback socket (the header narrows it to the
 * one configured), and frame-ancestors, which a <meta> cannot carry, is left to the header.
 */
export const META_CONNECT_SOURCES: readonly string[] = ['http:', 'https:', 'ws://127.0.0.1:*'];
export function metaContentSecurityPolicy(): string {
  return [...BASE_DIRECTIVES, `connect-src 'self' ${META_CONNECT_SOURCES.join(' ')}`].join('; ');
}

export function originOf(url: string): string {
  return new URL(url).origin;
}
