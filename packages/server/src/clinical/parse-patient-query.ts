import { AppError } from '../lib/app-error.ts';
import { isRealDate } from '../lib/zoned-time.ts';
import type { PatientSearch } from '../stores/patient-store.ts';

// Harakat, the dagger alif and tatweel carry no identity: "مُحَمَّد" is "محمد".
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
// Hamza seats and final forms people type either way: أحمد/احمد, فاطمة/فاطمه, مصطفى/مصطفي.
const ARABIC_FOLDS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ة: 'ه', ؤ: 'و', ئ: 'ي' };

/** The folding the store applies to names in SQL (patient-store.ts `foldedName`), done here to the query. */
export function foldName(text: string): string {
  return text
    .normalize('NFC')
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآٱىةؤئ]/g, (c) => ARABIC_FOLDS[c] ?? c)
    .toLowerCase();
}

/**
 * The UAE national number: "+971 50 123 4567", "00971501234567" and "050 123 4567" are all
 * "501234567" (a trunk 0 or the country code 971, typed or not), so any of them finds the others.
 */
export function nationalDigits(text: string): string {
  return text.replace(/\D/g, '').replace(/^00/, '').replace(/^971/, '').replace(/^0/, '');
}

const DAY_MONTH_YEAR = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A booking reference (MYO-7K3QPX, dash optional), a date of birth (2026-12-01 or 01/12/2026,
 * day first as written in the UAE), a phone number (digits with spaces, +, brackets or dashes,
 * at least 4 digits), or else name or email words, all of which must match, in any order.
 * A date that cannot exist (31/02/1990) is refused rather than silently finding nobody.
 */
export function parsePatientQuery(raw: string): PatientSearch {
  const q = raw.trim();
  if (q === '') return { kind: 'recent' };
  const reference = /^MYO-?([A-Z0-9]{6})$/i.exec(q);
  if (reference?.[1]) return { kind: 'reference', reference: `MYO-${reference[1].toUpperCase()}` };
  const dmy = DAY_MONTH_YEAR.exec(q);
  const iso = dmy ? `${dmy[3]}-${dmy[2]?.padStart(2, '0')}-${dmy[1]?.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(q) ? q : undefined;
  if (iso !== undefined) {
    if (!isRealDate(iso)) throw new AppError('validation_failed', 'That date of birth does not exist; write it as YYYY-MM-DD or DD/MM/YYYY.', { q });
    return { kind: 'date_of_birth', date: iso };
  }
  if (/^[+\d\s()-]+$/.test(q) && q.replace(/\D/g, '').length >= 4) {
    const digits = nationalDigits(q);
    // "0000" folds to nothing; an empty needle would match every phone.
    return digits === '' ? { kind: 'text', words: [q] } : { kind: 'phone', digits };
  }
  return { kind: 'text', words: foldName(q).split(/\s+/).filter(Boolean) };
}
