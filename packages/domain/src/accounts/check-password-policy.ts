/**
 * The staff password policy (OWASP ASVS 4.0.3 L2, V2.1; NIST SP 800-63B §5.1.1.2):
 * at least 12 characters, at most 128, no composition rules, and not one of the passwords
 * that attackers try first. Spaces count; nothing is trimmed or truncated (ASVS 2.1.3).
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'contains_email';

// A short built-in list: the most used passwords of 12+ characters in public breach corpora
// (SecLists "10-million-password-list-top-10000", NCSC "100k most used"), plus this product's
// own demo password and names. ASVS 2.1.7 asks for a breached-password check; a list this
// short only stops the obvious, which is what L2 without an external service can do.
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789123',
  '111111111111',
  '000000000000',
  '123123123123',
  'qwertyuiopas',
  'qwertyuiop123',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'qazwsxedcrfv',
  'passwordpassword',
  'password1234',
  'password12345',
  'password123456',
  'password@123',
  'password123!',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'welcome@1234',
  'administrator',
  'admin1234567',
  'adminadminadmin',
  'changeme1234',
  'abcdefghijkl',
  'abcd12345678',
  'aaaaaaaaaaaa',
  'trustno1trustno1',
  'myomap-demo',
  'myomap123456',
  'myomappassword',
  'myomap-admin',
  'neuromuscular',
  'physiotherapy',
]);

/** Sequences such as "aaaaaaaaaaaa" or "121212121212": one short unit repeated. */
function isRepeatedUnit(password: string): boolean {
  for (let unit = 1; unit <= 4; unit++) {
    const head = password.slice(0, unit);
    if (head.repeat(Math.ceil(password.length / unit)).slice(0, password.length) === password) return true;
  }
  return false;
}

/** The problems with a candidate password, none when it is acceptable. */
export function checkPasswordPolicy(password: string, context: { email?: string } = {}): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  // Count code points, not UTF-16 units, so an Arabic or emoji pass phrase is measured fairly.
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) problems.push('too_short');
  if (length > MAX_PASSWORD_LENGTH) problems.push('too_long');
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded) || isRepeatedUnit(folded)) problems.push('too_common');
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && folded.includes(local)) problems.push('contains_email');
  return problems;
}
