import { createAppDispatcher, openAppDatabase } from '../../db/handlers';
import { randomBytes, scryptSync } from 'node:crypto';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { toColumns, type MapPoint } from '../../core/contract/map-layers';
import type { LoginResult } from '../../core/contract/accounts';
import { DEFAULT_PARAMS, hashPassword, verifyPassword } from '../../db/accounts/passwords';
import { sessionActor } from '../../db/accounts/gate';
import { Bench, seededRandom, time } from './harness';

const ADMIN = { id: 'bench', name: 'bench', role: 'admin' as const };

/**
 * What accounts cost: the password hash (deliberately slow), sign-in through the contract, and
 * the session check that now runs before every call, against the same work without it.
 */
export async function benchAccounts(bench: Bench, dir: string): Promise<void> {
  const db = openAppDatabase(join(dir, 'accounts.sqlite'));
  const dispatcher = createAppDispatcher({ db, dataDir: dir });
  const random = seededRandom(8);
  const password = `pw-${Math.floor(random() * 1e9)}`;

  const bareScrypt = await time(() => scryptSync(password, randomBytes(16), 32, { ...DEFAULT_PARAMS, maxmem: 64 * 1024 * 1024 }), 10, 2);
  const hashing = await time(() => hashPassword(password), 10, 2);
  bench.add('accounts', 'hashPassword (scrypt N=2^15 r=8 p=1)', hashing, { baseline: ['bare scryptSync, same parameters', bareScrypt], target: '< 500 ms on an office PC' });

  // 200 accounts, as a large district office might have.
  const call = (method: string, input: unknown, actor: Parameters<typeof dispatcher.call>[2] = ADMIN) => {
    const result = dispatcher.call(method, input, actor);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value;
  };
  call('accounts.setupAdmin', { username: 'admin', displayName: '管理员', password });
  for (let i = 0; i < 199; i++) {
    db.prepare("INSERT INTO accounts (id, username, display_name, role, password_hash, session_epoch, created_at, updated_at) VALUES (?, ?, ?, 'viewer', ?, 0, '2026-07-01T00:00:00.000Z', '2026-07-01T00:00:00.000Z')").run(
      `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      `user${i}`,
      `用户${i}`,
      'scrypt$1024$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
    );
  }
  const stored = hashPassword(password);
  const bareVerify = await time(() => verifyPassword(password, stored), 10, 2);
  let login: LoginResult | undefined;
  const viaContract = await time(() => (login = call('accounts.login', { username: 'admin', password }) as LoginResult), 10, 2);
  bench.add('accounts', 'accounts.login (verify, audit, FULL sync)', viaContract, { baseline: ['bare verifyPassword', bareVerify], target: '< 1 s on an office PC' });

  if (!login?.ok) throw new Error('bench sign-in failed');
  const session = sessionActor(login.account, login.sessionEpoch);
  const trusted = await time(() => call('events.list', { includeEnded: true }), 2000, 500);
  const withSession = await time(() => call('events.list', { includeEnded: true }, session), 2000, 500);
  bench.add('accounts', 'events.list as a signed-in session (gate checks account)', withSession, {
    baseline: ['events.list as a trusted in-process actor (no gate lookup)', trusted],
    target: 'gate adds < 0.05 ms per call',
  });
  const signedOut = await time(() => dispatcher.call('events.list', { includeEnded: true }, null), 2000, 500);
  bench.add('accounts', 'events.list without a session (refused: 401)', signedOut, { baseline: ['events.list as a trusted actor', trusted] });
  db.close();
  await benchGzip(bench, random);
}

/** Serve mode's gzip of a big answer: a 50k-point map layer as map.layers sends it (columns), against serialising it at all. */
async function benchGzip(bench: Bench, random: () => number): Promise<void> {
  // Random ids as stored: sequential ones would compress far better than real data does.
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const points: MapPoint[] = Array.from({ length: 50_000 }, (_, i) => ({
    id: `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
    layer: 'hazards',
    name: `华富街道隐患点${i}号`,
    lat: 22.5533 + (random() - 0.5) * 0.05,
    lng: 114.0719 + (random() - 0.5) * 0.05,
    kind: ['garage', 'slope', 'housing'][i % 3],
    level: ['low', 'medium', 'high'][Math.floor(random() * 3)],
    alert: random() < 0.05,
  }));
  const body = { ok: true, value: { points: toColumns(points), lines: [] } };
  let text = '';
  const plain = await time(() => (text = JSON.stringify(body)), 5, 1);
  let zipped = Buffer.alloc(0);
  // The same level as server/http.ts sendJson.
  const compressed = await time(() => (zipped = gzipSync(JSON.stringify(body), { level: 4 })), 5, 1);
  const mbitTransferMs = (bytes: number) => (bytes * 8) / 100_000;
  bench.add('accounts', 'serve: JSON.stringify + gzip level 4 of a 50k-point layer', compressed, {
    baseline: ['JSON.stringify alone', plain],
    target: 'saves more than it costs on a 100 Mbit/s LAN',
    note: `${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB → ${(zipped.length / 1e6).toFixed(2)} MB; 100 Mbit/s transfer ${mbitTransferMs(Buffer.byteLength(text)).toFixed(0)} → ${mbitTransferMs(zipped.length).toFixed(0)} ms`,
  });
}
