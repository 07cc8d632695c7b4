// Library versions on memory storage (the same spec runs on SQLite in test/electron/store).
import { describe } from 'vitest';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';
import { versionsSpec } from './library-versions-spec.ts';

describe('library versions (memory storage)', () => {
  versionsSpec(createMemoryStorage);
});
