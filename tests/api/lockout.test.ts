import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServe, type RunningApp } from '../../server/app';
import { tempDir } from '../support/tempdir';

const ADMIN_PW = 'admin-pass-2026';

/** A client on its own loopback address (127.0.0.0/8 all reaches this machine), so the server sees distinct desks. */
class Desk {
  private cookies = new Map<string, string>();
  constructor(
    private readonly port: number,
    readonly address: string,
  ) {}

  private send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (this.cookies.size) headers.Cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('flooddesk_csrf');
    if (csrf) headers['X-FloodDesk-CSRF'] = csrf;
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: this.port, localAddress: this.address, method, path, headers }, (res) => {
        for (const line of res.headers['set-cookie'] ?? []) {
          const [pair] = line.split(';');
          this.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString() || 'null') }));
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  async signIn(username: string, password: string): Promise<{ ok: boolean; reason?: string }> {
    if (!this.cookies.has('flooddesk_csrf')) await this.send('GET', '/api');
    const answer = await this.send('POST', '/api/accounts.login', { username, password });
    return answer.json.value;
  }
}

describe('locking out a guesser, not everyone', () => {
  let app: RunningApp;
  const data = tempDir();
  beforeAll(async () => {
    app = await startServe({ dataDir: data.path, port: 0, host: '127.0.0.1', demo: false, appVersion: 'test', backupTimer: false });
    const admin = { id: 'setup', name: 'setup', role: 'admin' as const };
    expect(app.dispatcher.call('accounts.setupAdmin', { username: 'admin', displayName: '李建国', password: ADMIN_PW }, admin).ok).toBe(true);
  });
  afterAll(async () => {
    await app.close();
    data.remove();
  });

  it('locks the name only for the address that guessed it; the administrator still signs in from the duty desk', async () => {
    const guesser = new Desk(app.port, '127.0.0.2');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await guesser.signIn('admin', `guess-${i}`));
    expect(answers.map((a) => a.reason)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked']);
    expect(await guesser.signIn('admin', ADMIN_PW)).toMatchObject({ ok: false, reason: 'locked' });

    const dutyDesk = new Desk(app.port, '127.0.0.3');
    expect(await dutyDesk.signIn('admin', ADMIN_PW)).toMatchObject({ ok: true });
  });

  it('answers a name that does not exist exactly like one that does, lock included', async () => {
    const prober = new Desk(app.port, '127.0.0.4');
    const real = [];
    const made = [];
    for (let i = 0; i < 6; i++) real.push(await prober.signIn('admin', `guess-${i}`));
    for (let i = 0; i < 6; i++) made.push(await prober.signIn('no-such-person', `guess-${i}`));
    const shape = (answers: { ok: boolean; reason?: string }[]) => answers.map((a) => `${a.ok}:${a.reason}`);
    expect(shape(made)).toEqual(shape(real));
    expect(shape(made).slice(-2)).toEqual(['false:locked', 'false:locked']);
  });
});
