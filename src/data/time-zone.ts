/**
 * The portal's time zone and what is known of it without `Intl`: the part of
 * the date code that drawing a date needs. Parsing backends' dates, which only
 * the adapters do, is in dates.ts.
 */

/** The zone of Vietnamese portals (UTC+7, no daylight saving). */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Asia/Ho_Chi_Minh has kept UTC+7, without daylight saving, since 13 June 1975
// 00:00 local time (it was UTC+8 before). From then on its offset is known
// without Intl, whose first use costs a slow phone over 100 ms of start-up.
const VIETNAM_UTC7_SINCE = Date.UTC(1975, 5, 12, 16);

/**
 * The offset of `timeZone` at the instant `utcMs`, in minutes east of UTC,
 * when it is known without `Intl` (the portal default since 1975, and UTC);
 * undefined otherwise, and the caller asks `Intl`.
 */
export function knownOffsetMinutes(timeZone: string, utcMs: number): number | undefined {
  if (timeZone === 'UTC') return 0;
  return timeZone === DEFAULT_TIME_ZONE && utcMs >= VIETNAM_UTC7_SINCE ? 420 : undefined;
}
