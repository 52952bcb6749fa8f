// `npm start`: the Electron app where Electron's binary is installed, otherwise serve mode in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function electronBinary() {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, commandArgs) {
  const child = spawn(command, commandArgs, { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const binary = process.env.FLOODDESK_FORCE_SERVE ? null : electronBinary();
if (binary) {
  console.log('FloodDesk: starting the desktop app (Electron).');
  const build = spawnSync(npm, ['run', 'build:electron'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  run(binary, ['.', ...args]);
} else {
  console.log('FloodDesk: Electron is not installed on this machine (run `npm run electron:install` to fetch it);');
  console.log('starting serve mode instead — open the printed address in a browser.');
  run(npm, ['run', 'serve', '--', ...args]);
}
