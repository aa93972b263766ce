import type { DestinationStream, LoggerOptions } from 'pino';

/**
 * Logs must never carry ID numbers, tokens or passwords (DESIGN §9). Fastify's request serializer logs only method,
 * url, host and address, so the paths below guard whatever else a handler might log; the streamWrite hook is the last
 * line: anything shaped like a resident ID number (GB 11643: 17 digits + digit/X) or a bearer token is masked on the way out.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  '*.password',
  '*.newPassword',
  '*.accessToken',
  '*.refreshToken',
  '*.token',
  '*.residentId',
  '*.idNumber',
  'password',
  'accessToken',
  'refreshToken',
  'residentId',
];

const RESIDENT_ID_LIKE = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
const BEARER = /(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi;

export function scrubLogLine(line: string): string {
  return line.replace(RESIDENT_ID_LIKE, '$1********$2').replace(BEARER, '$1[redacted]');
}

export interface RegistryLogConfig {
  level?: string;
  /** Tests pass a stream to read what would have been logged. */
  stream?: DestinationStream;
}

export function loggerOptions(config: RegistryLogConfig): LoggerOptions & { stream?: DestinationStream } {
  return {
    level: config.level ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    hooks: { streamWrite: scrubLogLine },
    ...(config.stream ? { stream: config.stream } : {}),
  };
}
