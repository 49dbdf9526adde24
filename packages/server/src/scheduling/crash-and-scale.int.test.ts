import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../database/migrate.ts';
import { seedDemoClinic } from '../database/seed-demo-clinic.ts';
import { freePort, spawnServer } from '../test-support/spawn-server.ts';
import { openTestDatabase } from '../test-support/test-database.ts';

interface Slot {
  start: string;
  practitionerId: string;
}

async function freeSlots(baseUrl: string, serviceId: string): Promise<Slot[]> {
  const today = new Date();
  const from = today.toISOString().slice(0, 10);
  const to = new Date(today.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const res = await fetch(`${baseUrl}/api/availability?serviceId=${serviceId}&from=${from}&to=${to}`);
  return ((await res.json()) as { slots: Slot[] }).slots;
}

const bookingBody = (slot: Slot, i: number) =>
  JSON.stringify({
    serviceId: 'svc-nmt-follow-60',
    start: slot.start,
    practitionerId: slot.practitionerId,
    patient: { name: `Patient ${i}`, email: `p${i}@example.com` },
  });

async function post(url: string, body: string): Promise<{ status: number; json: Record<string, string> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return { status: res.status, json: (await res.json()) as Record<string, string> };
}

describe('crash safety', () => {
  // Two cold starts of the server under tsx and a burst: slow on a busy machine, hence the timeout.
  it('keeps every acknowledged booking when the server is SIGKILLed mid-burst (PGlite)', { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'myomap-crash-'));
    // The demo clinic without its six months of history: the bookings are what this test is about.
    const env = { DATA_DIR: dataDir, SEED_DEMO_HISTORY: '0' };
    try {
      const first = await spawnServer(await freePort(), env);
      const slots = (await freeSlots(first.baseUrl, 'svc-nmt-follow-60')).slice(0, 400);
      const acknowledged: Record<string, string>[] = [];
      let i = 0;
      let killed = false;
      // Ten clients book in a loop; the server is killed once 25 bookings are acknowledged.
      const client = async () => {
        while (!killed && i < slots.length) {
          const n = i++;
          const res = await post(`${first.baseUrl}/api/bookings`, bookingBody(slots[n] as Slot, n)).catch(() => undefined);
          if (res?.status === 201) acknowledged.push(res.json);
          if (acknowledged.length >= 25 && !killed) {
            killed = true;
            await first.kill();
          }
        }
      };
      await Promise.all(Array.from({ length: 10 }, client));
      expect(killed).toBe(true);

      const second = await spawnServer(await freePort(), env);
      try {
        for (const booking of acknowledged) {
          const res = await fetch(`${second.baseUrl}/api/bookings/${booking.reference}?token=${booking.manageToken}`);
          expect(res.status, booking.reference).toBe(200);
          expect(((await res.json()) as { status: string }).status).toBe('confirmed');
        }
      } finally {
        await second.stop();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('two instances on one PostgreSQL', () => {
  it('books exactly 10 of 10 slots when 200 requests race across both instances', async () => {
    const database = await openTestDatabase('postgres');
    try {
      await migrate(database.db);
      await seedDemoClinic(database.db);
      const env = { DATABASE_URL: database.url ?? '', SEED_DEMO: '0' };
      const [a, b] = await Promise.all([spawnServer(await freePort(), env), spawnServer(await freePort(), env)]);
      try {
        // Ten separate slots: three therapists × the first days that have their 09:00–10:00 free.
        const all = await freeSlots(a.baseUrl, 'svc-nmt-follow-60');
        const chosen: Slot[] = [];
        for (const slot of all) {
          const start = Date.parse(slot.start);
          const clashes = chosen.some((c) => c.practitionerId === slot.practitionerId && Math.abs(Date.parse(c.start) - start) < 4 * 3_600_000);
          const sameTime = chosen.filter((c) => c.start === slot.start).length;
          if (!clashes && sameTime < 3) chosen.push(slot);
          if (chosen.length === 10) break;
        }
        expect(chosen).toHaveLength(10);
        const results = await Promise.all(
          Array.from({ length: 200 }, (_, i) => post(`${(i % 2 === 0 ? a : b).baseUrl}/api/bookings`, bookingBody(chosen[i % 10] as Slot, i))),
        );
        const statuses = results.map((r) => r.status);
        expect(statuses.filter((s) => s === 201)).toHaveLength(10);
        expect(statuses.filter((s) => s === 409)).toHaveLength(190);
      } finally {
        await Promise.all([a.stop(), b.stop()]);
      }
    } finally {
      await database.drop();
    }
  });
});
