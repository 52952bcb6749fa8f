import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { verifyAuditChain } from '../db/audit/verify';
import { dataPaths, resolveDataDir } from '../db/platform/paths';

const USAGE = `Checks the audit trail's hash chain without changing anything.

  npm run audit:verify -- [--data DIR] [--json]

  --data DIR   data folder (default: FLOODDESK_DATA or the user-data folder)
  --json       print the result as JSON

Exit status: 0 the chain is intact, 1 it is broken, 2 the check could not run.`;

function main(): number {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const file = dataPaths(resolveDataDir(values.data)).databaseFile;
  if (!existsSync(file)) {
    console.error(`No database at ${file}. Pass the data folder with --data DIR.`);
    return 2;
  }
  // Read-only: a verifier that migrated or checkpointed the file would change the evidence.
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasChain = (db.prepare("SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'hash'").pluck().get() as number) > 0;
    if (!hasChain) {
      console.error(`${file} predates the audit hash chain. Start FloodDesk once to upgrade it, then verify.`);
      return 2;
    }
    const result = verifyAuditChain(db);
    if (values.json) console.log(JSON.stringify(result));
    else if (result.ok) console.log(`Audit chain intact: ${result.rows} rows, head #${result.headSeq ?? '-'} ${result.headHash}`);
    else console.log(`Audit chain BROKEN at row #${result.brokenSeq} (${result.reason}); rows before it: ${result.rows}, intact.`);
    return result.ok ? 0 : 1;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`Could not verify: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exitCode = 2;
}
