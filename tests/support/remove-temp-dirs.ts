/**
 * Vitest setup: after each test file's last test (and its own afterAll hooks, which close its
 * desks), every folder the file made through `tempDir` is removed, so a run leaves /tmp as it found it.
 */
import { afterAll } from 'vitest';
import { removeTempDirs } from '../integration/desk';

afterAll(removeTempDirs);
