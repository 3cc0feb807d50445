// `node --import ./scripts/register-tsx.mjs`: runs the collector's TypeScript source through tsx
// in every thread. tsx's own `--import tsx` registers it on the main thread only on Node 20,
// and the writer thread (src/store/sqlite-writer-thread.ts, a worker, which inherits this flag) imports
// TypeScript modules too. Development and tests only: production runs dist/ on plain Node.
import { isMainThread } from 'node:worker_threads';

if (isMainThread) await import('tsx');
else (await import('tsx/esm/api')).register();
