import { describeScreeningReason } from '@myomap/domain/screening/describe-screening-reason';
import type { ScreeningResult } from '@myomap/domain/screening/screening-result';
import type { Sql } from '../database/database.ts';
import { findLatestScreeningRecord } from '../stores/screening-store.ts';

/**
 * The latest screen's red flags as sentences, in both languages: what was suspected and why, each
 * reason as the question the patient answered and the answer (describe-screening-reason.ts), not a code.
 */
export async function screeningFindings(tx: Sql, patientId: string): Promise<{ en: string; ar: string }[]> {
  const screening = await findLatestScreeningRecord(tx, patientId);
  const result = screening?.result as Partial<ScreeningResult> | undefined;
  const sentence = (flag: NonNullable<ScreeningResult['redFlags']>[number], language: 'en' | 'ar') => {
    const reasons = flag.reasons.map((r) => describeScreeningReason(r, language)).join(language === 'ar' ? '؛ ' : '; ');
    return `${flag.name[language]}: ${flag.suspect[language]}${reasons ? ` (${reasons})` : ''}`;
  };
  return (result?.redFlags ?? []).map((flag) => ({ en: sentence(flag, 'en'), ar: sentence(flag, 'ar') }));
}
