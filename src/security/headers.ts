/**
 * The security headers of the app, in one place: `vite preview` sends them (vite.config.ts), static hosts
 * read `public/_headers` (its text is this file's, checked by a test), and index.html carries the policy as a
 * `<meta>` for hosts that send no headers (a meta policy cannot say frame-ancestors and does not reach workers;
 * the header does: a worker loaded from the origin gets the policy of its own response).
 * No inline scripts, no eval (zod runs jitless), nothing leaves the origin, no framing by other sites.
 */
export const CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** Directives that only work as a header. */
const HEADER_ONLY: readonly string[] = ["frame-ancestors 'none'"];

/** The policy as sent in the Content-Security-Policy header. */
export const CSP_HEADER = [...CSP_DIRECTIVES, ...HEADER_ONLY].join('; ');
/** The policy as index.html's meta tag carries it. */
export const CSP_META = CSP_DIRECTIVES.join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP_HEADER,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** `public/_headers` (Netlify, Cloudflare Pages and others): every path gets the headers. */
export function headersFile(): string {
  return (
    `# Generated from src/security/headers.ts (test/robust/csp.test.ts checks it). Every path: the app, its ` +
    `workers, its ` +
    `assets.\n/*\n${Object.entries(SECURITY_HEADERS)
      .map(([k, v]) => `  ${k}: ${v}`)
      .join('\n')}\n`
  );
}
