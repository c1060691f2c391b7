// Runs every built benchmark in turn and prints its figures (`npm run bench [name]`).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv[2];
const benches = readdirSync('dist/bench').filter(
  (name) => name.endsWith('.bench.mjs') && (!only || name.startsWith(only)),
);
for (const name of benches) {
  console.log(`\n== ${name.replace('.bench.mjs', '')}`);
  execFileSync(process.execPath, ['--expose-gc', `dist/bench/${name}`], { stdio: 'inherit' });
}
