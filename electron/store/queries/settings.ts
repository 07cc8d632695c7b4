// Application settings: one JSON value per key. Readers parse the value with their own schema.
import { z } from 'zod';
import type { Db } from '../open.ts';
import { translateWriteError } from '../sqlite-errors.ts';

export function settingsQueries(db: Db, path: string) {
  const select = db.prepare('SELECT value FROM settings WHERE key = ?').pluck();
  const upsert = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  const remove = db.prepare('DELETE FROM settings WHERE key = ?');

  return {
    /** The value stored under `key` parsed by `schema`, or undefined when unset or no longer valid. */
    get<T>(key: string, schema: z.ZodType<T>): T | undefined {
      const text = select.get(key);
      if (typeof text !== 'string') return undefined;
      const parsed = schema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    },
    set(key: string, value: unknown): void {
      const text = JSON.stringify(value);
      if (text === undefined) throw new TypeError(`setting ${key}: the value is not JSON`);
      try {
        upsert.run(key, text, Date.now());
      } catch (error) {
        translateWriteError(error, { path, what: `The setting ${key}`, savedUpTo: 'the last saved change' });
      }
    },
    delete(key: string): void {
      try {
        remove.run(key);
      } catch (error) {
        translateWriteError(error, { path, what: `Removing the setting ${key}`, savedUpTo: 'the last saved change' });
      }
    },
  };
}

export type SettingsQueries = ReturnType<typeof settingsQueries>;
