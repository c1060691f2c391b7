import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { seedDatabase } from '../db/seed.js';
import { updateSettings } from '../db/settings.js';
import { openStore } from '../db/store.js';
import { tempPath } from '../db/testing/fixtures.js';
import { startTestCluster } from '../db/testing/postgres.js';
import { joinHub, testHub } from '../db/testing/test-hub.js';

/* Focused: one console pulls N records another pushed (profiled when PULL_PROFILE names a file). */
const N = Number(process.env.BENCH_PULL_RECORDS ?? 2000);
const context = { actor: 'bench' };
const cluster = await startTestCluster();
try {
  const hub = await testHub(cluster);
  const source = openStore(tempPath());
  updateSettings(source, { consoleName: 'Room 1' }, context);
  seedDatabase(source, { count: N, seed: 51, until: new Date('2026-06-30T12:00:00Z'), followUps: false }, context);
  const pusher = await joinHub(hub, source, 'Room 1');
  await pusher.sync({ pull: false });
  for (let round = 0; round < Number(process.env.BENCH_PULL_ROUNDS ?? 1); round++) {
    const store = openStore(tempPath());
    updateSettings(store, { consoleName: `Room P${round}` }, context);
    const puller = await joinHub(hub, store, `Room P${round}`);
    const session = new Session();
    const profile = process.env.PULL_PROFILE;
    if (profile) {
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.start');
    }
    const started = performance.now();
    const cpu = process.cpuUsage();
    const report = await puller.sync({ push: false });
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    if (profile) {
      const { profile: taken } = await session.post('Profiler.stop');
      writeFileSync(profile, JSON.stringify(taken));
    }
    console.log(
      `pulled ${report.pulled} in ${ms.toFixed(0)} ms (${Math.round(report.pulled / (ms / 1000))} records/s; cpu ${((used.user + used.system) / 1000).toFixed(0)} ms = ${Math.round(report.pulled / ((used.user + used.system) / 1e6))} records/cpu-s), refused ${report.refused.length}`,
    );
    store.close();
  }
  source.close();
} finally {
  cluster.stop();
}
