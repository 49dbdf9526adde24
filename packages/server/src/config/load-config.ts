import { isIP } from 'node:net';
import path from 'node:path';

export interface AppConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  /** The owner role's connection: runs migrations and grants DATABASE_URL's role only what the app needs. */
  migrationDatabaseUrl: string | undefined;
  seedDemo: boolean;
  /** With the demo clinic, six months of fictional patients and visits (SEED_DEMO_HISTORY; never in production). */
  seedDemoHistory: boolean;
  /** NODE_ENV=production: demo staff are never seeded, whatever SEED_DEMO says. */
  production: boolean;
  smtpUrl: string | undefined;
  publicUrl: string;
  sessionSecret: string;
  /** Online bookings accepted per minute from one IP address (abuse guard). */
  bookingRateLimitPerMinute: number;
  /** Upcoming online visits one contact (email) may hold; more is refused (booking_limit_reached). */
  onlineBookingsPerContact: number;
  /**
   * Which proxies may set X-Forwarded-For: false (the default: the socket address is the
   * client), or addresses/CIDRs/`loopback`-style names (proxy-addr's syntax).
   */
  trustProxy: false | string[];
  /** A staff session ends after this many minutes without a request… */
  sessionIdleMinutes: number;
  /** …and this many hours after sign-in, whatever the activity. */
  sessionMaxHours: number;
  /** Cookies carry `Secure`: always under NODE_ENV=production, otherwise when PUBLIC_URL is https. */
  secureCookies: boolean;
  /** Outbox polling; 0 disables the worker (tests drive it by hand). */
  outboxIntervalMs: number;
  logLevel: string;
  /** Weeks of treatment without a 2-point NPRS change before the therapist is prompted to re-assess or refer. */
  reassessAfterWeeks: number;
  /** SMS and WhatsApp through a Twilio-compatible Messages API; a channel is on when its sender is set. */
  messaging: MessagingConfig;
  /** Prometheus metrics: off unless METRICS_PORT or METRICS_TOKEN turns them on. */
  metrics: MetricsConfig;
}

/**
 * Where /metrics answers: on its own port (METRICS_PORT, bound to METRICS_HOST, 127.0.0.1 by
 * default, so only the machine or a sidecar scrapes it) and/or on the public port behind
 * `Authorization: Bearer $METRICS_TOKEN`.
 */
export interface MetricsConfig {
  port: number | undefined;
  host: string;
  token: string | undefined;
}

export interface MessagingConfig {
  /** MESSAGING_API_URL: https://api.twilio.com by default (a compatible provider, or a local test server). */
  apiUrl: string;
  accountSid: string | undefined;
  authToken: string | undefined;
  /** SMS_FROM: the SMS sender number; unset means no SMS channel. */
  smsFrom: string | undefined;
  /** WHATSAPP_FROM: the WhatsApp sender number; unset means no WhatsApp channel. */
  whatsappFrom: string | undefined;
}

/** Used when SESSION_SECRET is unset outside production (refused under NODE_ENV=production). */
export const DEVELOPMENT_SESSION_SECRET = 'development-only-secret-change-me-000000';

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

  const migrationDatabaseUrl = env.MIGRATION_DATABASE_URL?.trim() || undefined;
  if (migrationDatabaseUrl && !/^postgres(ql)?:\/\//.test(migrationDatabaseUrl)) {
    problems.push('MIGRATION_DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (migrationDatabaseUrl && !databaseUrl) problems.push('MIGRATION_DATABASE_URL needs DATABASE_URL (the runtime role) as well');

  const seedRaw = env.SEED_DEMO;
  if (seedRaw !== undefined && !['0', '1', 'true', 'false', ''].includes(seedRaw)) {
    problems.push(`SEED_DEMO must be 1 or 0, got "${seedRaw}"`);
  }
  // The embedded database seeds the demo clinic unless told not to; a server only when asked.
  const seedDemo = seedRaw === undefined || seedRaw === '' ? !databaseUrl : seedRaw === '1' || seedRaw === 'true';

  const historyRaw = env.SEED_DEMO_HISTORY;
  if (historyRaw !== undefined && !['0', '1', 'true', 'false', ''].includes(historyRaw)) {
    problems.push(`SEED_DEMO_HISTORY must be 1 or 0, got "${historyRaw}"`);
  }
  // On by default with the demo clinic; tests that need an empty calendar turn it off.
  const seedDemoHistory = historyRaw === undefined || historyRaw === '' ? seedDemo : historyRaw === '1' || historyRaw === 'true';

  const smtpUrl = env.SMTP_URL?.trim() || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');

  const host = env.HOST?.trim() || '127.0.0.1';
  const publicUrl = (env.PUBLIC_URL?.trim() || `http://localhost:${port ?? 3000}`).replace(/\/$/, '');
  if (!/^https?:\/\//.test(publicUrl)) problems.push('PUBLIC_URL must start with http:// or https://');

  const sessionSecret = env.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET;
  if (sessionSecret.length < 32) problems.push('SESSION_SECRET must be at least 32 characters');
  if (env.NODE_ENV === 'production' && env.SESSION_SECRET === undefined) {
    problems.push('SESSION_SECRET is required when NODE_ENV=production');
  }

  const outboxIntervalMs = parseInteger(env.OUTBOX_INTERVAL_MS ?? '2000');
  if (outboxIntervalMs === undefined || outboxIntervalMs < 0) problems.push('OUTBOX_INTERVAL_MS must be a whole number ≥ 0');

  const bookingRateLimitPerMinute = parseInteger(env.BOOKING_RATE_LIMIT_PER_MINUTE ?? '600');
  if (bookingRateLimitPerMinute === undefined || bookingRateLimitPerMinute < 1) problems.push('BOOKING_RATE_LIMIT_PER_MINUTE must be a whole number ≥ 1');

  const onlineBookingsPerContact = parseInteger(env.ONLINE_BOOKINGS_PER_CONTACT ?? '3');
  if (onlineBookingsPerContact === undefined || onlineBookingsPerContact < 1) problems.push('ONLINE_BOOKINGS_PER_CONTACT must be a whole number ≥ 1');

  const trustProxy = parseTrustProxy(env.TRUST_PROXY, problems);

  const sessionIdleMinutes = parseInteger(env.SESSION_IDLE_MINUTES ?? '30');
  if (sessionIdleMinutes === undefined || sessionIdleMinutes < 1) problems.push('SESSION_IDLE_MINUTES must be a whole number ≥ 1');
  const sessionMaxHours = parseInteger(env.SESSION_MAX_HOURS ?? '12');
  if (sessionMaxHours === undefined || sessionMaxHours < 1) problems.push('SESSION_MAX_HOURS must be a whole number ≥ 1');
  else if (sessionIdleMinutes !== undefined && sessionIdleMinutes > sessionMaxHours * 60) {
    problems.push('SESSION_IDLE_MINUTES must not be longer than SESSION_MAX_HOURS');
  }

  const reassessAfterWeeks = parseInteger(env.REASSESS_AFTER_WEEKS ?? '6');
  if (reassessAfterWeeks === undefined || reassessAfterWeeks < 1 || reassessAfterWeeks > 52)
    problems.push('REASSESS_AFTER_WEEKS must be a whole number from 1 to 52');

  const messaging = parseMessaging(env, problems);

  const metricsPort = env.METRICS_PORT?.trim() ? parseInteger(env.METRICS_PORT.trim()) : undefined;
  if (env.METRICS_PORT?.trim() && (metricsPort === undefined || metricsPort < 0 || metricsPort > 65535))
    problems.push(`METRICS_PORT must be a whole number from 0 to 65535, got "${env.METRICS_PORT}"`);
  const metricsToken = env.METRICS_TOKEN?.trim() || undefined;
  // A scraper's token is a password: one short enough to guess would expose the clinic's traffic.
  if (metricsToken && metricsToken.length < 24) problems.push('METRICS_TOKEN must be at least 24 characters');

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    host,
    port: port ?? 3000,
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl,
    migrationDatabaseUrl,
    seedDemo,
    seedDemoHistory,
    production: env.NODE_ENV === 'production',
    smtpUrl,
    publicUrl,
    sessionSecret,
    outboxIntervalMs: outboxIntervalMs ?? 2000,
    bookingRateLimitPerMinute: bookingRateLimitPerMinute ?? 600,
    onlineBookingsPerContact: onlineBookingsPerContact ?? 3,
    trustProxy,
    sessionIdleMinutes: sessionIdleMinutes ?? 30,
    sessionMaxHours: sessionMaxHours ?? 12,
    secureCookies: env.NODE_ENV === 'production' || publicUrl.startsWith('https://'),
    logLevel: env.LOG_LEVEL ?? 'info',
    reassessAfterWeeks: reassessAfterWeeks ?? 6,
    messaging,
    metrics: { port: metricsPort, host: env.METRICS_HOST?.trim() || '127.0.0.1', token: metricsToken },
  };
}

/**
 * MESSAGING_ACCOUNT_SID and MESSAGING_AUTH_TOKEN (basic auth to the provider) are needed as soon
 * as SMS_FROM or WHATSAPP_FROM turns a channel on. The API URL is https, except on the loopback
 * address (a local test provider), so the auth token never crosses a network in clear.
 */
function parseMessaging(env: NodeJS.ProcessEnv, problems: string[]): MessagingConfig {
  const value = (name: string) => env[name]?.trim() || undefined;
  const apiUrl = (value('MESSAGING_API_URL') ?? 'https://api.twilio.com').replace(/\/$/, '');
  if (!/^https:\/\//.test(apiUrl) && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(apiUrl)) {
    problems.push('MESSAGING_API_URL must start with https:// (http:// only for 127.0.0.1 or localhost)');
  }
  const config: MessagingConfig = {
    apiUrl,
    accountSid: value('MESSAGING_ACCOUNT_SID'),
    authToken: value('MESSAGING_AUTH_TOKEN'),
    smsFrom: value('SMS_FROM'),
    whatsappFrom: value('WHATSAPP_FROM'),
  };
  for (const [name, from] of [
    ['SMS_FROM', config.smsFrom],
    ['WHATSAPP_FROM', config.whatsappFrom],
  ] as const) {
    if (from === undefined) continue;
    if (!/^(whatsapp:)?\+?[0-9 ()-]{5,30}$/.test(from)) problems.push(`${name} must be a phone number such as +97160000000`);
    if (!config.accountSid || !config.authToken) problems.push(`${name} needs MESSAGING_ACCOUNT_SID and MESSAGING_AUTH_TOKEN`);
  }
  return config;
}

function parseInteger(value: string): number | undefined {
  return /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: unset, `0` or `false` trusts no proxy (X-Forwarded-For is ignored and the
 * socket address is recorded); otherwise a comma-separated list of proxy addresses, CIDR
 * ranges or the names loopback, linklocal, uniquelocal. `true` (trust any sender) and hop
 * counts are refused: they let a client that reaches the app directly choose its own address
 * (Fastify itself treats a hop count as "trust nothing").
 */
function parseTrustProxy(raw: string | undefined, problems: string[]): false | string[] {
  const value = raw?.trim() ?? '';
  if (value === '' || value === '0' || value === 'false') return false;
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => {
    if (PROXY_NAMES.has(entry)) return false;
    const [address = '', prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    if (family === 0 || rest.length > 0) return true;
    if (prefix === undefined) return false;
    return !/^\d+$/.test(prefix) || Number(prefix) > (family === 4 ? 32 : 128);
  });
  if (bad.length > 0 || entries.length === 0) {
    problems.push(`TRUST_PROXY must be 0 or the proxies' addresses/CIDRs (or loopback, linklocal, uniquelocal); "${bad.join(', ') || value}" is not`);
    return false;
  }
  return entries;
}
