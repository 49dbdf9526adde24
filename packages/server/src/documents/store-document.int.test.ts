import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgErrorCode, PG_ERROR, type Database } from '../database/database.ts';
import { migrate } from '../database/migrate.ts';
import { seedDemoClinic } from '../database/seed-demo-clinic.ts';
import { databaseTargets, openTestDatabase, type TestDatabase } from '../test-support/test-database.ts';
import { DocumentIntegrityError, listPatientDocuments, readDocument, sha256Hex, storeDocument } from './store-document.ts';

const PDF = new TextEncoder().encode('%PDF-1.7\n% a stand-in letter\n%%EOF\n');

describe.each(databaseTargets)('stored documents on %s', (target) => {
  let database: TestDatabase;
  let db: Database;
  let patientId: string;

  beforeAll(async () => {
    database = await openTestDatabase(target);
    db = database.db;
    await migrate(db);
    await seedDemoClinic(db, { staff: true });
    const [row] = await db.query<{ id: string }>(`insert into patients (name, email) values ('Sara Ahmed', 'sara@example.com') returning id`);
    patientId = row?.id ?? '';
  });
  afterAll(async () => {
    await database.drop();
  });

  const store = (title = 'Referral letter') =>
    storeDocument(db, { patientId, kind: 'referral_letter', mediaType: 'application/pdf', language: 'ar', title, bytes: PDF, createdBy: 'user-physician' });

  it('keeps the exact bytes with their SHA-256 and reads them back', async () => {
    const stored = await store();
    expect(stored).toMatchObject({
      patientId,
      kind: 'referral_letter',
      language: 'ar',
      byteLength: PDF.length,
      sha256: sha256Hex(PDF),
      createdBy: 'user-physician',
    });
    const read = await readDocument(db, stored.id);
    expect(read && Buffer.from(read.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect(read?.sha256).toBe(stored.sha256);
    expect((await listPatientDocuments(db, patientId)).map((d) => d.id)).toContain(stored.id);
    expect(await readDocument(db, 'no-such-document')).toBeNull();
  });

  it('refuses every change and every deletion in the database', async () => {
    const stored = await store();
    const attempts = [
      `update documents set title = 'Changed' where id = $1`,
      `update documents set bytes = '\\x00'::bytea, sha256 = encode(sha256('\\x00'::bytea), 'hex') where id = $1`,
      `delete from documents where id = $1`,
    ];
    for (const sql of attempts) {
      const error = await db.query(sql, [stored.id]).catch((e: unknown) => e);
      expect(pgErrorCode(error), sql).toBe(PG_ERROR.raiseException);
    }
    expect(pgErrorCode(await db.exec('truncate documents cascade').catch((e: unknown) => e))).toBe(PG_ERROR.raiseException);
    expect((await readDocument(db, stored.id))?.title).toBe('Referral letter');
  });

  it('refuses a document whose SHA-256 does not match its bytes, or of an unknown kind', async () => {
    const wrongHash = db.query(`insert into documents (kind, media_type, title, bytes, sha256) values ('referral_letter', 'application/pdf', 'x', $1, $2)`, [
      PDF,
      sha256Hex(new Uint8Array([1])),
    ]);
    expect(pgErrorCode(await wrongHash.catch((e: unknown) => e))).toBe(PG_ERROR.checkViolation);
    const wrongKind = db.query(`insert into documents (kind, media_type, title, bytes, sha256) values ('love_letter', 'application/pdf', 'x', $1, $2)`, [
      PDF,
      sha256Hex(PDF),
    ]);
    expect(pgErrorCode(await wrongKind.catch((e: unknown) => e))).toBe(PG_ERROR.checkViolation);
  });

  it('moves with its patient when two records are merged, and with nothing else', async () => {
    const stored = await store('Merged letter');
    const [other] = await db.query<{ id: string }>(`insert into patients (name, email) values ('Sara A.', 'sara2@example.com') returning id`);
    await db
      .transaction(async (tx) => {
        await tx.query(`select set_config('myomap.merging_patient_id', $1, true)`, [patientId]);
        await tx.query('update documents set patient_id = $1 where id = $2', [other?.id, stored.id]);
        const error = await tx.query(`update documents set title = 'x' where id = $1`, [stored.id]).catch((e: unknown) => e);
        expect(pgErrorCode(error)).toBe(PG_ERROR.raiseException);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await readDocument(db, stored.id))?.patientId).toBe(patientId);
  });

  it('refuses to read bytes that no longer match their SHA-256', async () => {
    const stored = await store('Tampered');
    // Tampering needs the database owner to lift both guards first: the point is that reading notices.
    await db.exec(`alter table documents disable trigger documents_immutable; alter table documents drop constraint documents_sha256_matches`);
    await db.query(`update documents set bytes = $1 where id = $2`, [new TextEncoder().encode('%PDF-1.7 forged'), stored.id]);
    await db.exec(`alter table documents enable trigger documents_immutable`);
    await expect(readDocument(db, stored.id)).rejects.toBeInstanceOf(DocumentIntegrityError);
  });
});
