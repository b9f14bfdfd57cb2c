/**
 * Date parsing for the data layer: turns what backends send (ISO 8601 with or
 * without an offset, RSS/RFC 822 dates, epoch milliseconds) into one UTC ISO
 * string. Offset-less dates are read as wall-clock time in the portal's zone,
 * using only `Intl` (no date library in the bundle).
 */

import { ConfigError } from './errors.js';
import { LruMap } from './lru.js';
import { DEFAULT_TIME_ZONE, knownOffsetMinutes } from './time-zone.js';

export { DEFAULT_TIME_ZONE, knownOffsetMinutes };

const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Day name optional; zone optional (a missing zone is read in the portal's zone).
const RFC822_PATTERN =
  /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([a-z]{1,4}|[+-]\d{4})?$/i;

/** RFC 822 zone names, in minutes east of UTC. */
const NAMED_ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

// Bounded: the zones come from page attributes, so a page could name many.
const formatters = new LruMap<string, Intl.DateTimeFormat>(16);

/** One cached formatter per zone: creating `Intl.DateTimeFormat` is costly. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return formatters.getOrCreate(
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }),
  );
}

/** Whether `timeZone` is an IANA zone name this browser knows. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  if (timeZone === DEFAULT_TIME_ZONE || timeZone === 'UTC') return true;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Returns `timeZone` when it is a known IANA zone, else throws a
 * {@link ConfigError}; adapters call it once, so a typo shows up at setup.
 */
export function checkTimeZone(timeZone: string): string {
  // The default needs no check, and checking would create the page's first
  // Intl object (tens of ms on a phone) before any data is even asked for.
  if (timeZone !== DEFAULT_TIME_ZONE && !isValidTimeZone(timeZone)) {
    throw new ConfigError(
      `Unknown time zone "${String(timeZone)}" (expected an IANA name such as "${DEFAULT_TIME_ZONE}").`,
    );
  }
  return timeZone;
}

/**
 * Milliseconds since the epoch of a UTC date-time; unlike `Date.UTC`, years
 * 0–99 stay themselves (not 1900–1999), and out-of-range fields roll over
 * (the callers compare the result's fields to catch that).
 */
function utcDate(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms = 0,
): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  return date;
}

/** Offset of `timeZone` from UTC at the instant `utcMs`, in milliseconds. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const known = knownOffsetMinutes(timeZone, utcMs);
  if (known !== undefined) return known * 60_000;
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(utcMs)) parts[part.type] = part.value;
  const year = Number(parts.year);
  const wall = utcDate(
    parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    Number(parts.month),
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  // The formatter drops milliseconds, so compare against the whole second.
  return wall.getTime() - Math.floor(utcMs / 1000) * 1000;
}

/**
 * Minutes east of UTC of a written zone: `Z`, `+07`, `+0700`, `+07:00` or an
 * RFC 822 name (`GMT`, `EST`); undefined when none is written, NaN when it
 * says nothing reliable (`+25:00`, military letters, unknown abbreviations).
 */
function zoneMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined) return undefined;
  if (!/^[+-]/.test(zone)) return NAMED_ZONES[zone.toUpperCase()] ?? NaN;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return NaN;
  return (zone[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function toIso(ms: number): string | undefined {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * Turns local fields into an ISO string, reading them in `timeZone` when no
 * offset is given; undefined for a date that does not exist (30 February, 24:00).
 */
export function fieldsToIso(
  fields: [number, number, number, number, number, number, number],
  offsetMinutes: number | undefined,
  timeZone: string,
): string | undefined {
  const [, month, day, hour, minute, second] = fields;
  const wall = utcDate(...fields);
  // A field out of range rolled over into the next one.
  if (
    wall.getUTCMonth() !== month - 1 ||
    wall.getUTCDate() !== day ||
    wall.getUTCHours() !== hour ||
    wall.getUTCMinutes() !== minute ||
    wall.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  const wallMs = wall.getTime();
  // A NaN offset (a zone written but not understood) gives undefined here.
  if (offsetMinutes !== undefined) return toIso(wallMs - offsetMinutes * 60_000);
  if (!isValidTimeZone(timeZone)) return undefined;
  // Two passes settle the offset around daylight-saving changes.
  return toIso(wallMs - zoneOffsetMs(wallMs - zoneOffsetMs(wallMs, timeZone), timeZone));
}

function parseIso(match: RegExpExecArray, timeZone: string): string | undefined {
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((field) => Number(field ?? 0));
  const ms = Number((match[7] ?? '').slice(0, 3).padEnd(3, '0'));
  return fieldsToIso(
    [year!, month!, day!, hour!, minute!, second!, ms],
    zoneMinutes(match[8]),
    timeZone,
  );
}

function parseRfc822(match: RegExpExecArray, timeZone: string): string | undefined {
  const [, d, monthName, y, h, mi, s = '0', zone] = match;
  const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
  let year = Number(y);
  // RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx.
  if (y!.length === 2) year += year < 50 ? 2000 : 1900;
  // An unknown month name is month 0, which the field check rejects.
  return fieldsToIso(
    [year, month, Number(d), Number(h), Number(mi), Number(s), 0],
    zoneMinutes(zone),
    timeZone,
  );
}

/**
 * Parses a date from a backend into a UTC ISO 8601 string (`…Z`).
 *
 * Accepts ISO 8601 (`2020-02-26`, `2020-02-26T10:05:00`, `2020-02-26T10:05:00+07:00`),
 * RFC 822/2822 as in RSS `pubDate` (`Wed, 26 Feb 2020 10:05:00 +0700`), epoch
 * milliseconds and valid `Date` objects. A value without an offset is read as
 * wall-clock time in `timeZone` (an IANA name).
 *
 * @returns the ISO string, or `undefined` for anything that is not a valid date
 *   (never throws, never returns "Invalid Date").
 */
export function parseDate(value: unknown, timeZone: string): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? toIso(value) : undefined;
  if (value instanceof Date) return toIso(value.getTime());
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || text.length > 64) return undefined;

  const iso = ISO_PATTERN.exec(text);
  if (iso) return parseIso(iso, timeZone);
  const rfc = RFC822_PATTERN.exec(text);
  if (rfc) return parseRfc822(rfc, timeZone);
  return undefined;
}

// Below this a number is taken as seconds: 1e11 ms is March 1973, 1e11 s is the year 5138.
const EPOCH_SECONDS_LIMIT = 1e11;

/**
 * An epoch timestamp (number or string of digits) as ISO 8601: values below
 * 10^11 are seconds, larger ones milliseconds. Anything else gives `undefined`.
 */
export function parseEpoch(value: unknown): string | undefined {
  let number: number | undefined;
  if (typeof value === 'number') number = value;
  else if (typeof value === 'string' && /^\s*\d{1,16}(?:\.\d+)?\s*$/.test(value))
    number = Number(value);
  if (number === undefined || !Number.isFinite(number) || number < 0) return undefined;
  return toIso(number < EPOCH_SECONDS_LIMIT ? number * 1000 : number);
}
