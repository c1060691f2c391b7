import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The benchmarks' shared database: `count` demo procedures (seed 1) in bench/out, seeded with
 * the command line the first time (timed by the search benchmark) and reused afterwards.
 */
export function seededDatabase(count = Number(process.env.BENCH_PROCEDURES ?? 100_000)): {
  path: string;
  count: number;
  seededNow: boolean;
} {
  const path = join(process.cwd(), 'bench', 'out', `seed-${count}.sqlite`);
  if (existsSync(path)) return { path, count, seededNow: false };
  mkdirSync(join(process.cwd(), 'bench', 'out'), { recursive: true });
  execFileSync(
    process.execPath,
    [join(process.cwd(), 'dist', 'cli', 'rootlog.cjs'), 'seed', '--db', path, '--count', String(count), '--seed', '1'],
    { stdio: 'inherit' },
  );
  return { path, count, seededNow: true };
}
