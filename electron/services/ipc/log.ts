/** Narrow logging seam so tests can capture lines and services never depend on a logger library. */
export interface Log {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const consoleLog: Log = {
  // stderr for every level: stdout of the CLIs carries only machine-read lines (the web mode ready line).
  info: (message, fields) => console.error(message, fields ?? ''),
  warn: (message, fields) => console.warn(message, fields ?? ''),
  error: (message, fields) => console.error(message, fields ?? ''),
};

export const silentLog: Log = { info: () => {}, warn: () => {}, error: () => {} };
