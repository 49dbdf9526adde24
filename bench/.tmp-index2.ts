import * as b from './availability-engine.bench.ts';
const base = (b as any).makeBase(100000);
const busy = base.busy as any[];
const ids: string[] = base.practitioners.map((p: any) => p.id); const rooms: string[] = base.rooms.map((r: any) => r.id);
const cpu = (f: () => unknown, n = 40) => { for (let i=0;i<5;i++) f(); const s = process.cpuUsage(); for (let i=0;i<n;i++) f(); const d = process.cpuUsage(s); return `${((d.user+d.system)/1000/n).toFixed(3)} cpu`; };
const from = busy.reduce((m, x) => Math.min(m, x.start), Infinity) + 40 * 86400e3, to = from + 9 * 86400e3;
function v1(busy: any[]) {
  const practitionerOwner = new Map<string, number>(ids.map((id, i) => [id, i]));
  const roomOwner = new Map<string, number>(rooms.map((id, i) => [id, ids.length + i]));
  const counts = new Int32Array(40); let c = 0;
  for (let i = 0; i < busy.length; i++) {
    const interval = busy[i];
    const { start, end } = interval;
    if (!(start < end) || end <= from || start >= to) continue;
    const { practitionerId, roomId } = interval;
    const practitioner = practitionerId === undefined ? undefined : practitionerOwner.get(practitionerId);
    const room = roomId === undefined ? undefined : roomOwner.get(roomId);
    if (practitioner === undefined && room === undefined) continue;
    c++;
  }
  return c;
}
function v2(busy: any[]) {
  const practitionerOwner = new Map<string, number>(ids.map((id, i) => [id, i]));
  const roomOwner = new Map<string, number>(rooms.map((id, i) => [id, ids.length + i]));
  const counts = new Int32Array(40); const picked: any[] = []; const po: number[] = [];
  for (let i = 0; i < busy.length; i++) {
    const interval = busy[i];
    const { start, end } = interval;
    if (!(start < end) || end <= from || start >= to) continue;
    const { practitionerId, roomId } = interval;
    const practitioner = practitionerId === undefined ? undefined : practitionerOwner.get(practitionerId);
    const room = roomId === undefined ? undefined : roomOwner.get(roomId);
    if (practitioner === undefined && room === undefined) continue;
    picked.push(interval); po.push(practitioner ?? -1, room ?? -1);
    if (practitioner !== undefined) counts[practitioner]!++;
    if (room !== undefined) counts[room]!++;
  }
  return picked.length;
}
console.log('v1', cpu(() => v1(busy)));
console.log('v2', cpu(() => v2(busy)));
