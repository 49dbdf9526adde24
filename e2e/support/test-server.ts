import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../packages/server/src/config/load-config.ts';
import { ManualClock, systemClock, type Clock } from '../../packages/server/src/lib/clock.ts';
import { startApp, type RunningApp } from '../../packages/server/src/start-app.ts';

export interface TestServer extends RunningApp {
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real server, in this process, on a random port with its own PGlite directory and the
 * demo clinic. Pass a time to run on a ManualClock; the web app must be built (npm test builds it).
 */
export async function startTestServer(options: { now: string; env?: Record<string, string> }): Promise<TestServer & { clock: ManualClock }>;
export async function startTestServer(options?: { env?: Record<string, string> }): Promise<TestServer & { clock: Clock }>;
export async function startTestServer(options: { now?: string; env?: Record<string, string> } = {}): Promise<TestServer & { clock: Clock }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'myomap-e2e-'));
  // The demo clinic without its fictional history: each test makes the visits it needs.
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, OUTBOX_INTERVAL_MS: '500', SEED_DEMO_HISTORY: '0', ...options.env });
  const clock = options.now ? new ManualClock(new Date(options.now)) : systemClock;
  const running = await startApp(config, clock);
  const address = running.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  running.ctx.config.publicUrl = baseUrl;
  return {
    ...running,
    clock,
    baseUrl,
    async close() {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
