/**
 * Local calendar periods. Counters are kept per day, week, month and year of
 * the portal's own time zone, so "today" turns over at local midnight and not
 * at midnight UTC.
 */

/** The periods an instant falls in, as stable string keys. */
export interface PeriodKeys {
  /** `2024-05-03` */
  day: string;
  /** The local day before `day`. */
  yesterday: string;
  /** The Monday the week starts on (weeks run Monday to Sunday, as in Vietnam): `2024-04-29`. */
  week: string;
  /** `2024-05` */
  month: string;
  /** `2024` */
  year: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The zone counted in when none is given: Vietnam's (UTC+7, no daylight saving). */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** Checks an IANA time zone name; throws a RangeError that names it. */
export function checkTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new RangeError(
      `Unknown time zone "${timeZone}" (expected an IANA name such as ${DEFAULT_TIME_ZONE}).`,
    );
  }
}

/** `YYYY-MM-DD` of a UTC-midnight timestamp that stands for a civil date. */
function civilDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Returns a function that maps an instant (ms since the epoch) to its local periods. */
export function createCalendar(timeZone: string): (at: number) => PeriodKeys {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: checkTimeZone(timeZone),
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  return (at: number): PeriodKeys => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(at)) {
      if (part.type === 'year' || part.type === 'month' || part.type === 'day') {
        parts[part.type] = Number(part.value);
      }
    }
    // The local date as a UTC midnight, so date arithmetic ignores the zone's offsets.
    const today = Date.UTC(parts.year, parts.month - 1, parts.day);
    const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
    const day = civilDate(today);
    return {
      day,
      yesterday: civilDate(today - DAY_MS),
      week: civilDate(today - sinceMonday * DAY_MS),
      month: day.slice(0, 7),
      year: day.slice(0, 4),
    };
  };
}

/** The counter names a visit increments, one per period plus the all-time total. */
export function counterKeys(periods: PeriodKeys): {
  today: string;
  yesterday: string;
  week: string;
  month: string;
  year: string;
  total: string;
} {
  return {
    today: `day:${periods.day}`,
    yesterday: `day:${periods.yesterday}`,
    week: `week:${periods.week}`,
    month: `month:${periods.month}`,
    year: `year:${periods.year}`,
    total: 'total',
  };
}
