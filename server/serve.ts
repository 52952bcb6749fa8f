import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../core/errors';
import { resolveDataDir } from '../db/platform/paths';
import { ServeError, startServe } from './app';
import { tilesRoutes } from './tiles';

declare const __APP_VERSION__: string;

const USAGE = `FloodDesk serve mode: the app in a browser, on this computer or the duty-room LAN.

  npm run serve -- [--port 4780] [--host 127.0.0.1] [--data DIR] [--empty]
                   [--tls-cert cert.pem --tls-key key.pem] [--host-name NAME ...]

  --port N          port to listen on (default 4780)
  --host H          address to bind (default 127.0.0.1; any other address needs accounts
                    with single-user mode off, and then everyone must sign in)
  --data DIR        data folder (default: FLOODDESK_DATA or the user-data folder)
  --empty           do not seed demo data into an empty database
  --tls-cert FILE   serve HTTPS with this PEM certificate (with --tls-key)
  --tls-key FILE    the certificate's PEM private key, unencrypted
  --host-name NAME  a name the office's DNS gives this computer (repeatable); on the LAN the
                    desk answers only to its own addresses and name and these`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4780' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string' },
      empty: { type: 'boolean', default: false },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'host-name': { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServeError('errors.badPort', `--port must be a number from 0 to 65535, not "${values.port}"`);
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) throw new ServeError('errors.tlsPair', '--tls-cert and --tls-key go together: give both or neither');

  const here = dirname(fileURLToPath(import.meta.url));
  const app = await startServe({
    dataDir: resolveDataDir(values.data),
    port,
    host: values.host,
    staticDir: join(here, '..', 'renderer'),
    demo: !values.empty,
    appVersion: __APP_VERSION__,
    routes: tilesRoutes,
    tls: certFile && keyFile ? { certFile, keyFile } : undefined,
    hostNames: values['host-name'],
  });
  console.log(`FloodDesk ${__APP_VERSION__} — serve mode`);
  console.log(`  data folder: ${app.paths.dataDir}`);
  console.log(`  database:    ${app.paths.databaseFile}`);
  if (app.seeded) console.log('  demo data:   seeded into the empty database (start with --empty for a clean one)');
  console.log(`  open:        ${app.url}`);

  const stop = () => {
    console.log('Stopping FloodDesk…');
    app.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ServeError || error instanceof AppError) console.error(`FloodDesk could not start: ${error.message}`);
  else if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) console.error(`${error.message}\n\n${USAGE}`);
  else console.error('FloodDesk could not start:', error);
  process.exit(1);
});
