// Runs electronegativity over electron/ and fails on any HIGH finding (the tool itself always exits 0).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const report = join(mkdtempSync(join(tmpdir(), 'eneg-')), 'report.csv');
const bin = join('node_modules', '.bin', 'electronegativity');
execFileSync(bin, ['-i', 'electron', '-r', '-e', electronVersion, '-o', report], { stdio: ['ignore', 'ignore', 'inherit'] });

const findings = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean).map((line) => line.split(','));
const high = findings.filter((cols) => cols[1] === '"HIGH"');
for (const cols of findings) console.log(`${cols[1].replaceAll('"', '').padEnd(13)} ${cols[0]} ${cols[3]}:${cols[4]}`);
console.log(`electronegativity (Electron ${electronVersion}): ${findings.length} findings, ${high.length} high`);
process.exit(high.length ? 1 : 0);
