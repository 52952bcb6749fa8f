// The floor a start-up is measured against: a bare Node process that opens the same SQLite file
// the way FloodDesk does (WAL) and answers one HTTP request from it. Plain JavaScript, so the
// benchmark and the tests run it without a build.
import { createServer } from 'node:http';
import Database from 'better-sqlite3';

const db = new Database(process.argv[2], { timeout: 5000 });
db.pragma('journal_mode = WAL');
const tables = db.prepare('SELECT count(*) FROM sqlite_schema').pluck();
const server = createServer((req, res) => {
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ ok: true, value: tables.get() }));
});
server.listen(0, '127.0.0.1', () => console.log(`  open:        http://127.0.0.1:${server.address().port}/`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
