// The Content-Security-Policy of the renderer, in both run modes: scripts only from the app
// itself (WebAssembly allowed for OCR and faces), connections only to the app and the sync server.
export function contentSecurityPolicy(connectOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    // Ant Design writes its styles at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "media-src 'self' blob: mediastream:",
    `connect-src 'self' ${connectOrigins.join(' ')}`.trim(),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function originOf(url: string): string {
  return new URL(url).origin;
}
