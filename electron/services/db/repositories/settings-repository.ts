import type { Database } from 'better-sqlite3';
import { ServiceError } from '../../../../shared/contract/result';
import { Settings, SettingsPatch } from '../../../../shared/domain/settings/settings';

type SettingKey = keyof Settings;
const settingKeys = Object.keys(Settings.shape) as SettingKey[];

/**
 * Settings aggregate: one row per key, JSON value. Reads fall back to the defaults for a key never saved (or one
 * whose stored value no longer passes its schema); writes are validated first and committed in one transaction,
 * so a bad value never replaces the saved one.
 */
export class SettingsRepository {
  constructor(
    private readonly db: () => Database,
    private readonly defaults: () => Settings,
  ) {}

  get(): Settings {
    const rows = this.db().prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const saved = new Map(rows.map((row) => [row.key, row.value]));
    const defaults = this.defaults();
    const result: Record<string, unknown> = {};
    for (const key of settingKeys) {
      const parsed = Settings.shape[key].safeParse(parseJson(saved.get(key)));
      result[key] = parsed.success ? parsed.data : defaults[key];
    }
    return Settings.parse(result);
  }

  update(rawPatch: unknown): Settings {
    const patch = SettingsPatch.safeParse(rawPatch);
    if (!patch.success) {
      throw new ServiceError('VALIDATION', 'errors.validation', {
        issues: patch.error.issues.map((issue) => ({
          path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          message: issue.message,
          code: issue.code,
        })),
      });
    }
    const db = this.db();
    const upsert = db.prepare(
      `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    const now = new Date().toISOString();
    db.transaction(() => {
      for (const [key, value] of Object.entries(patch.data)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value), now);
      }
    }).immediate();
    return this.get();
  }
}

const parseJson = (text: string | undefined): unknown => {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};
