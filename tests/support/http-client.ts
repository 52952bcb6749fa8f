/** A browser-like client: keeps cookies, sends the CSRF header from its cookie unless told not to. */
export class Client {
  readonly cookies = new Map<string, string>();
  readonly setCookies: string[] = [];
  constructor(readonly base: string) {}

  async post(method: string, body: unknown = {}, options: { csrf?: string | null; origin?: string; background?: boolean } = {}) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (cookie) headers.Cookie = cookie;
    const csrf = options.csrf === undefined ? this.cookies.get('flooddesk_csrf') : options.csrf;
    if (csrf) headers['X-FloodDesk-CSRF'] = csrf;
    if (options.origin) headers.Origin = options.origin;
    if (options.background) headers['X-FloodDesk-Background'] = '1';
    const response = await fetch(`${this.base}api/${method}`, { method: 'POST', headers, body: JSON.stringify(body) });
    for (const line of response.headers.getSetCookie()) {
      this.setCookies.push(line);
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (/max-age=0/i.test(line)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    const json = (await response.json()) as { ok: boolean; value?: any; error?: { code: string; key: string } };
    return { status: response.status, ...json };
  }

  /** Reads the API description, which also hands out the CSRF cookie, as loading the page would. */
  async prime(): Promise<void> {
    const response = await fetch(`${this.base}api`);
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      this.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
  }
}
