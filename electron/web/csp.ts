/**
 * The policy renderer/index.html declares in its meta tag, plus frame-ancestors (ignored in <meta>). Sent as a
 * header too so it holds before any byte of HTML is parsed. antd's CSS-in-JS needs inline styles; scripts stay 'self' only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  // video.js' stylesheet carries its control-bar icon font as a data: URL (a font cannot run script)
  "font-src 'self' data:",
  "media-src 'self' media: blob:",
  "connect-src 'self' media: ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
