import type { ReferralOut, ReferralSummaryOut, WorklistQuery } from '@myomap/contract/referrals/referrals.schemas';
import { can } from '@myomap/domain/access/permissions';
import { checkTransition, isOverdue, nextSteps, sortWorklist, type ReferralStatus } from '@myomap/domain/referrals/referral-lifecycle';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { localDate } from '../lib/zoned-time.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { findReferralDocuments } from '../stores/document-store.ts';
import { screeningFindings } from './screening-findings.ts';
import {
  findReferral,
  findReferralResult,
  insertStatusHistory,
  listReferrals,
  listStatusHistory,
  updateReferralStatus,
  type ReferralRow,
  type ReferralStep,
} from '../stores/referral-store.ts';

/** The clinic's today (YYYY-MM-DD in its time zone): due dates and overdue are clinic days. */
export async function clinicToday(ctx: AppContext, sql: Sql): Promise<string> {
  return localDate(ctx.clock.now(), (await loadClinic(sql)).timeZone);
}

export function summaryOf(row: ReferralRow, today: string): ReferralSummaryOut {
  const inbound = row.direction === 'in';
  return {
    id: row.id,
    direction: row.direction,
    patientId: row.patientId,
    // An inbound referral not yet accepted has no patient record: the name the referrer gave.
    patientName: row.patientName ?? row.referredPatient?.name ?? null,
    providerName: inbound ? null : row.providerName,
    referrerName: row.referrerName,
    urgency: row.urgency,
    status: row.status,
    dueOn: row.dueOn,
    overdue: isOverdue(row, today),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A referral with its history, result and the steps this user may take; reading it is audited (it is
 * clinical). A reader without referral.read (reception) gets the tracking facts without the content.
 */
export async function loadReferralOut(sql: Sql, row: ReferralRow, today: string, actor: Actor): Promise<ReferralOut> {
  const history = await listStatusHistory(sql, row.id);
  const clinical = mayReadContent(actor);
  const result = clinical ? await findReferralResult(sql, row.id) : undefined;
  const documents = clinical ? await findReferralDocuments(sql, row.id) : [];
  const findings = clinical && row.direction === 'out' && row.patientId ? await screeningFindings(sql, row.patientId) : [];
  return {
    ...summaryOf(row, today),
    providerId: row.providerId,
    source: row.source,
    // Reception tracks and triages from this page but reads no clinical content (minimum necessary).
    contentHidden: !clinical,
    redFlag: clinical && row.redFlag,
    reason: clinical ? row.reason : null,
    question: clinical ? row.question : null,
    testsSuggested: clinical ? row.testsSuggested : [],
    attachments: row.attachments,
    language: row.language,
    signedByName: row.signedByName,
    signedAt: row.signedAt?.toISOString() ?? null,
    letterDocumentId: row.letterDocumentId,
    sentVia: row.sentVia,
    appointmentOn: row.appointmentOn,
    referrer:
      row.referrerName && row.referrerEmail
        ? { name: row.referrerName, organisation: row.referrerOrganisation, email: row.referrerEmail, phone: row.referrerPhone }
        : null,
    referredPatient: row.referredPatient,
    firstVisitId: row.firstVisitId,
    history: history.map((h) => ({ ...h, note: clinical ? h.note : '', at: h.at.toISOString() })),
    result: result ? { ...result, reviewedAt: result.reviewedAt?.toISOString() ?? null } : null,
    screeningFindings: findings,
    documents,
    nextSteps: nextSteps(row.status, actor.role),
  };
}

export function getReferral(ctx: AppContext, id: string, actor: Actor): Promise<ReferralOut> {
  return ctx.db.transaction(async (tx) => {
    const row = await findReferral(tx, id);
    if (!row) throw new AppError('not_found', 'No such referral.');
    await writeAudit(tx, actor, { action: 'referral.read', entityType: 'referral', entityId: id });
    return loadReferralOut(tx, row, await clinicToday(ctx, tx), actor);
  });
}

/**
 * The worklist: who is referred where, status and due date, overdue first. No reason, question or
 * result (reception reads it); reading it is audited like any list of patients.
 */
export function listWorklist(ctx: AppContext, query: WorklistQuery, actor: Actor): Promise<ReferralSummaryOut[]> {
  return ctx.db.transaction(async (tx) => {
    const today = await clinicToday(ctx, tx);
    const rows = sortWorklist(await listReferrals(tx, query), today);
    const items = rows.map((row) => summaryOf(row, today)).filter((item) => !query.overdue || item.overdue);
    await writeAudit(tx, actor, { action: 'referral.worklist', entityType: 'referral', after: { query, count: items.length } });
    return items;
  });
}

/**
 * One step of the lifecycle: the domain says whether it is legal and whether this role may take it;
 * the database refuses an illegal one again. The step is written to the history and the audit log.
 */
export async function takeStep(tx: Sql, row: ReferralRow, step: ReferralStep, actor: Actor, at: Date, note = ''): Promise<void> {
  const refusal = checkTransition(row.status, step.status, actor.role);
  if (refusal === 'illegal_transition')
    throw new AppError('illegal_transition', `A referral cannot go from ${row.status} to ${step.status}.`, { from: row.status, to: step.status });
  if (refusal === 'forbidden' && actor.type === 'staff') throw new AppError('forbidden', 'Your role cannot take this step.');
  await updateReferralStatus(tx, row.id, step);
  await insertStatusHistory(tx, { referralId: row.id, from: row.status, to: step.status, byUser: actor.id ?? null, at, note });
  await writeAudit(tx, actor, {
    action: `referral.${step.status}`,
    entityType: 'referral',
    entityId: row.id,
    before: { status: row.status },
    after: { ...step, note },
  });
}

/** Reads a referral for a step under a row lock, or 404; `clinical`: only clinical readers may see its content. */
export async function lockReferral(tx: Sql, id: string, direction: 'out' | 'in'): Promise<ReferralRow> {
  const row = await findReferral(tx, id, true);
  if (row?.direction !== direction) throw new AppError('not_found', 'No such referral.');
  return row;
}

export function mayReadContent(actor: Actor): boolean {
  return can(actor.role, 'referral.read');
}

export type { ReferralStatus };
