import path from 'node:path';

export interface AppConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  seedDemo: boolean;
  smtpUrl: string | undefined;
  publicUrl: string;
  sessionSecret: string;
  /** Online bookings accepted per minute from one IP address (abuse guard). */
  bookingRateLimitPerMinute: number;
  /** Outbox polling; 0 disables the worker (tests drive it by hand). */
  outboxIntervalMs: number;
  logLevel: string;
  /** Weeks of treatment without a 2-point NPRS change before the therapist is prompted to re-assess or refer. */
  reassessAfterWeeks: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads and checks the environment once, at start. Every problem is reported in one go,
 * each with the variable's name, so a misconfigured deploy fails fast and clearly.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];

  const port = parseInteger(env.PORT ?? '3000');
  if (port === undefined || port < 0 || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }

  const seedRaw = env.SEED_DEMO;
  if (seedRaw !== undefined && !['0', '1', 'true', 'false', ''].includes(seedRaw)) {
    problems.push(`SEED_DEMO must be 1 or 0, got "${seedRaw}"`);
  }
  // The embedded database seeds the demo clinic unless told not to; a server only when asked.
  const seedDemo = seedRaw === undefined || seedRaw === '' ? !databaseUrl : seedRaw === '1' || seedRaw === 'true';

  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');

  const host = env.HOST?.trim() || '127.0.0.1';
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port ?? 3000}`).replace(/\/$/, '');
  if (!/^https?:\/\//.test(publicUrl)) problems.push('PUBLIC_URL must start with http:// or https://');

  const sessionSecret = env.SESSION_SECRET ?? 'development-only-secret-change-me-000000';
  if (sessionSecret.length < 32) problems.push('SESSION_SECRET must be at least 32 characters');
  if (env.NODE_ENV === 'production' && env.SESSION_SECRET === undefined) {
    problems.push('SESSION_SECRET is required when NODE_ENV=production');
  }

  const outboxIntervalMs = parseInteger(env.OUTBOX_INTERVAL_MS ?? '2000');
  if (outboxIntervalMs === undefined || outboxIntervalMs < 0) problems.push('OUTBOX_INTERVAL_MS must be a whole number ≥ 0');

  const bookingRateLimitPerMinute = parseInteger(env.BOOKING_RATE_LIMIT_PER_MINUTE ?? '600');
  if (bookingRateLimitPerMinute === undefined || bookingRateLimitPerMinute < 1) problems.push('BOOKING_RATE_LIMIT_PER_MINUTE must be a whole number ≥ 1');

  const reassessAfterWeeks = parseInteger(env.REASSESS_AFTER_WEEKS ?? '6');
  if (reassessAfterWeeks === undefined || reassessAfterWeeks < 1 || reassessAfterWeeks > 52) problems.push('REASSESS_AFTER_WEEKS must be a whole number from 1 to 52');

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host,
    port: port ?? 3000,
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl,
    seedDemo,
    smtpUrl,
    publicUrl,
    sessionSecret,
    outboxIntervalMs: outboxIntervalMs ?? 2000,
    bookingRateLimitPerMinute: bookingRateLimitPerMinute ?? 600,
    logLevel: env.LOG_LEVEL ?? 'info',
    reassessAfterWeeks: reassessAfterWeeks ?? 6,
  };
}

function parseInteger(value: string): number | undefined {
  return /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}
