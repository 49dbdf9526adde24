import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants as zlibConstants, gzip, gzipSync } from 'node:zlib';
import type { ContentEncoding } from '../lib/accept-encoding.ts';
import type { ScheduleVersion } from './schedule-version.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** One answer, serialised once and compressed at most once per encoding. */
export interface CachedAvailability {
  json: Buffer;
  /** Weak: the same JSON whatever the content encoding (RFC 9110 §8.8.1). */
  etag: string;
  encoded(encoding: ContentEncoding): Promise<Buffer>;
  /** The encoded bytes once they exist, or made at once when small, without waiting (the hit path sends them at once). */
  encodedNow(encoding: ContentEncoding): Buffer | undefined;
}

/** Quality 5 compresses a documented 30-day answer (190 KB) in a few milliseconds, nearly as small as 11. */
const BROTLI_QUALITY = 5;
/**
 * Below this size an answer is compressed in this thread, at the fastest levels, when first asked
 * for: the hop to libuv's thread pool and back cost more than compressing a compact month (7 KB:
 * 0.035 ms at brotli quality 1, 414 bytes, against 0.06 ms and 324 bytes at 5), and compression was
 * a tenth of a cold miss's CPU (issue 13). Larger answers (the documented form) still go to the pool.
 */
const COMPRESS_INLINE_BELOW = 32 * 1024;
const FAST_BROTLI = { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } };

const brotliParams = (json: Buffer) => ({
  params: { [zlibConstants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: json.length },
});

function compressNow(json: Buffer, encoding: ContentEncoding): Buffer {
  return encoding === 'br' ? brotliCompressSync(json, FAST_BROTLI) : gzipSync(json, { level: 1 });
}

function toCached(value: unknown): CachedAvailability {
  const json = Buffer.from(JSON.stringify(value));
  const etag = `W/"${createHash('sha256').update(json).digest('base64url').slice(0, 22)}"`;
  const encodings = new Map<ContentEncoding, Promise<Buffer>>();
  const done = new Map<ContentEncoding, Buffer>();
  return {
    json,
    etag,
    encoded(encoding) {
      let bytes = encodings.get(encoding);
      if (!bytes) {
        bytes = (
          json.length < COMPRESS_INLINE_BELOW
            ? Promise.resolve(compressNow(json, encoding))
            : encoding === 'br'
              ? brotli(json, brotliParams(json))
              : gzipAsync(json)
        ).then((compressed) => {
          done.set(encoding, compressed);
          return compressed;
        });
        encodings.set(encoding, bytes);
      }
      return bytes;
    },
    encodedNow(encoding) {
      const bytes = done.get(encoding);
      if (bytes || json.length >= COMPRESS_INLINE_BELOW || encodings.has(encoding)) return bytes;
      const compressed = compressNow(json, encoding);
      done.set(encoding, compressed);
      encodings.set(encoding, Promise.resolve(compressed));
      return compressed;
    },
  };
}

/**
 * Availability answers as bytes, per query, filed under the schedule version (schedule-version.ts)
 * and the minute the answer was computed for (minimum notice and the horizon move with the clock).
 * Concurrent misses for one key share one computation. Least recently used entries go first.
 * While the version is unknown (the change listener is down) nothing is cached or shared.
 * Booking never reads this: it re-checks the slot in its own transaction.
 */
export class AvailabilityCache {
  private readonly entries = new Map<string, { version: number; minute: number; value: CachedAvailability }>();
  private readonly inFlight = new Map<string, Promise<CachedAvailability>>();

  constructor(
    private readonly version: ScheduleVersion,
    private readonly maxEntries = 1_000,
  ) {}

  /** The stored answer for this version and minute, if there is one: a lookup, nothing else. */
  peek(key: string, minute: number): CachedAvailability | undefined {
    const version = this.version.current();
    if (version === undefined) return undefined;
    const hit = this.entries.get(key);
    if (!hit || hit.version !== version || hit.minute !== minute) return undefined;
    // Refresh recency: a Map iterates in insertion order, so the first key is the oldest.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  async get(key: string, minute: number, compute: () => Promise<unknown>): Promise<CachedAvailability> {
    const version = this.version.current();
    if (version === undefined) return toCached(await compute());
    const hit = this.peek(key, minute);
    if (hit) return hit;
    const flightKey = `${version}|${minute}|${key}`;
    let flight = this.inFlight.get(flightKey);
    if (!flight) {
      flight = compute().then(toCached);
      this.inFlight.set(flightKey, flight);
      flight
        .then((value) => {
          // Filed under the version read before computing: a change during the computation has
          // already advanced the version, so this entry is never served after it.
          const current = this.entries.get(key);
          if (current && (current.version > version || current.minute > minute)) return;
          this.entries.delete(key);
          this.entries.set(key, { version, minute, value });
          if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
        })
        .catch(() => undefined)
        .finally(() => this.inFlight.delete(flightKey));
    }
    return flight;
  }

  get size(): number {
    return this.entries.size;
  }
}
