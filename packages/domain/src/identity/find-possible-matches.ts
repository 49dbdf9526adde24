/**
 * Which existing patients a self-registered record (an online booking) may be. Staff decide;
 * this only ranks candidates and says why. Email or phone alone is weak evidence (families
 * share them), so a candidate is "strong" only when the name or date of birth agrees as well.
 */
export interface IdentityFields {
  id: string;
  name: string;
  email: string;
  phone: string | null;
  dateOfBirth: string | null;
}

export type MatchReason = 'email' | 'phone' | 'name' | 'date_of_birth';

export interface PossibleMatch {
  patientId: string;
  reasons: MatchReason[];
  strength: 'strong' | 'weak';
}

/** Case, spacing and Arabic/Latin punctuation differences do not make a different name. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Digits only, compared on the last 9 so +971 50… and 050… agree (UAE mobile numbers are 9 digits after the 0). */
export function normalisePhone(phone: string | null): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 7 ? digits.slice(-9) : '';
}

export function findPossibleMatches(record: IdentityFields, candidates: readonly IdentityFields[]): PossibleMatch[] {
  const email = record.email.trim().toLowerCase();
  const phone = normalisePhone(record.phone);
  const name = normaliseName(record.name);
  const matches: PossibleMatch[] = [];
  for (const candidate of candidates) {
    if (candidate.id === record.id) continue;
    const reasons: MatchReason[] = [];
    if (candidate.email.trim().toLowerCase() === email) reasons.push('email');
    if (phone && normalisePhone(candidate.phone) === phone) reasons.push('phone');
    // Without a shared contact, a same-named stranger is not a match worth showing.
    if (reasons.length === 0) continue;
    if (normaliseName(candidate.name) === name) reasons.push('name');
    if (record.dateOfBirth && candidate.dateOfBirth === record.dateOfBirth) reasons.push('date_of_birth');
    const strength = reasons.includes('name') || reasons.includes('date_of_birth') ? 'strong' : 'weak';
    matches.push({ patientId: candidate.id, reasons, strength });
  }
  return matches.sort((a, b) => (a.strength === b.strength ? b.reasons.length - a.reasons.length : a.strength === 'strong' ? -1 : 1));
}
