import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface FirstAnswer {
  url: string;
  /** Spawn to the first answer of POST /api/system.status, in ms. */
  ms: number;
  body: { ok: boolean; value?: unknown };
  /** Bytes the process had read (rchar) and fetched from storage (read_bytes) by then, from /proc. */
  io: { rchar: number; readBytes: number };
  stop(): Promise<void>;
}

/** Starts a server process that prints `open: <url>` and asks it for the status bar, as the renderer does first. */
export async function firstAnswer(command: string, args: string[]): Promise<FirstAnswer> {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /open:\s+(\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening: ${err || out}`)));
  });
  const response = await fetch(`${url}api/system.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const body = (await response.json()) as FirstAnswer['body'];
  const ms = performance.now() - started;
  return { url, ms, body, io: processIo(child), stop: () => stop(child) };
}

function processIo(child: ChildProcess): FirstAnswer['io'] {
  const text = readFileSync(`/proc/${child.pid}/io`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
  return { rchar: field('rchar'), readBytes: field('read_bytes') };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
