/**
 * The benchmark's simulator, run in its own process so its work and memory
 * are not counted against the client. Hosts are generated page by page
 * from a recipe; the parent receives the URL and credentials over IPC.
 */
import { emptySimData } from '../simulator/data.ts';
import { startSimulator } from '../simulator/server.ts';

const DETECTIONS_PER_HOST = 20;
const QIDS = Array.from({ length: 400 }, (_, i) => 38_000 + i * 7);

async function main(): Promise<void> {
  const hostCount = Number(process.argv[2] ?? '100000');
  const data = emptySimData();
  data.bulk = {
    seed: 20261201,
    hostCount,
    detectionsPerHost: DETECTIONS_PER_HOST,
    firstId: 1_000_001,
    firstIp: '10.0.0.1',
    qids: QIDS,
    now: '2026-12-01T08:00:00Z',
  };
  const sim = await startSimulator({
    data,
    limits: { ratePerWindow: 100_000, windowSec: 3600, concurrency: 2 },
  });
  process.send?.({
    url: sim.url,
    username: sim.username,
    password: sim.password,
  });
  process.on('disconnect', () => {
    void sim.close().finally(() => process.exit(0));
  });
}

void main();
