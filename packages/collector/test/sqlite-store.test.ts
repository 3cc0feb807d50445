// Every store contract (test/contracts/) against the SQLite store, each case on a new file in
// a temporary folder. A store of another kind proves itself with a runner like this one.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { openSqliteStore } from '../src/store/sqlite.js';
import { tempDir } from '../test-support/helpers.js';
import { callsContract } from './contracts/calls.contract.js';
import { countersContract } from './contracts/counters.contract.js';
import { dashboardContract } from './contracts/dashboard.contract.js';
import { lifecycleContract } from './contracts/lifecycle.contract.js';
import { pledgesContract } from './contracts/pledges.contract.js';
import { pollsContract } from './contracts/polls.contract.js';
import { staffContract } from './contracts/staff.contract.js';
import { submissionsContract } from './contracts/submissions.contract.js';

const dir = tempDir('tandem-sqlite-contracts-');
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const open = async () => openSqliteStore({ file: join(dir, `store-${n++}.sqlite`) });

submissionsContract('SQLite', open);
countersContract('SQLite', open);
dashboardContract('SQLite', open);
staffContract('SQLite', open);
pollsContract('SQLite', open);
pledgesContract('SQLite', open);
callsContract('SQLite', open);
lifecycleContract('SQLite', open);
