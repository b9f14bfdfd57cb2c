import type { DateParts, ElementStrings, Lang, Translation } from './types.js';
import { vi } from './vi.js';
import { knownOffsetMinutes } from '../data/time-zone.js';
import { LruMap } from '../data/lru.js';
import { lazyModule } from '../data/lazy-module.js';

export type { DateParts, ErrorReason, Lang, Translation } from './types.js';

// Vietnamese is the default and always here: its common strings, plus the
// strings of each element whose code is on the page (see addVietnamese).
// English is a chunk of its own, fetched on first use, so a Vietnamese page
// never downloads it.
const vietnamese = { ...vi } as unknown as Translation;
const catalogues: Partial<Record<Lang, Translation>> = { vi: vietnamese };
let englishLoad: Promise<Translation> | undefined;

/**
 * Adds an element's Vietnamese strings to the catalogue; each element module
 * calls it with its own, so a page carries only the wording it can show.
 */
export function addVietnamese(strings: ElementStrings): void {
  // One level deep: an element's heading joins `headings` without replacing the others'.
  const catalogue = vietnamese as unknown as Record<string, object>;
  for (const [key, group] of Object.entries(strings)) {
    catalogue[key] = { ...catalogue[key], ...group };
  }
}

/** The Vietnamese catalogue: what every box falls back to. */
export function vietnameseStrings(): Translation {
  return vietnamese;
}

/** Maps any BCP 47 tag to a language we have; Vietnamese unless it is English. */
export function toLang(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag.trim()) ? 'en' : 'vi';
}

/**
 * The catalogue of one language once it is here (Vietnamese always is);
 * undefined until {@link loadTranslation} has brought it.
 */
export function translation(lang: Lang): Translation | undefined {
  return catalogues[lang];
}

const lateListeners = new Set<() => void>();
let englishRetries = 0;

/** Calls `listener` whenever English arrives late, replacing the Vietnamese stand-in; returns an unsubscribe. */
export function onLateTranslation(listener: () => void): () => void {
  lateListeners.add(listener);
  return () => lateListeners.delete(listener);
}

/** Tries the English download again, unless it has arrived meanwhile. */
function retryEnglish(): void {
  if (catalogues.en === vietnamese) void loadEnglish();
}

const importEnglish = lazyModule(() => import('./en.js'));

function loadEnglish(): Promise<Translation> {
  return (englishLoad = importEnglish().then(
    ({ en }) => {
      const standIn = catalogues.en;
      catalogues.en = en;
      if (standIn) for (const listener of lateListeners) listener();
      return en;
    },
    (error: unknown) => {
      if (!catalogues.en) {
        console.warn(
          'portal-widgets: the English strings could not be loaded; using Vietnamese until they can.',
          error,
        );
        // Tried again at once when the browser is back online, and a few times later.
        addEventListener('online', retryEnglish);
      }
      if (englishRetries < 3) setTimeout(retryEnglish, 15_000 * 4 ** englishRetries++);
      // The stand-in is a catalogue like any other: boxes draw now, in Vietnamese.
      return (catalogues.en = vietnamese);
    },
  ));
}

/**
 * Brings the catalogue of one language, fetching it once. Never rejects: when
 * the English chunk cannot be loaded, Vietnamese stands in for it (with a
 * warning), so no widget is left blank or shows missing strings, and the
 * chunk is tried again later; {@link onLateTranslation} says when it came.
 */
export function loadTranslation(lang: Lang): Promise<Translation> {
  const loaded = catalogues[lang];
  return loaded ? Promise.resolve(loaded) : (englishLoad ?? loadEnglish());
}

// Creating an Intl formatter costs far more than using one (a 100-item list
// spent most of its render building them), so each is made once per key.
// Bounded, since locales and zones come from page attributes.
const dateFormatters = new LruMap<string, Intl.DateTimeFormat>(32);
const countFormatters = new LruMap<string, Intl.NumberFormat>(8);

/** The settings of the date formatters, by the name they are cached under. */
const DATE_FORMATS = {
  // The long date line: weekday, date and time.
  long: {
    weekday: 'long',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  },
  month: { month: 'long' },
  // Day, month and year only: a list formats a hundred of these per render.
  short: { day: '2-digit', month: '2-digit', year: 'numeric' },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

type Parts = Partial<Record<Intl.DateTimeFormatPartTypes | 'monthName', string>>;

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * The parts of `instant` in `t`'s language and `timeZone`, by type ("day",
 * "month", …, and "monthName"). In a zone whose offset is known (the portal
 * default), read from the shifted UTC fields and the catalogue's names,
 * without `Intl`; otherwise from `Intl`, one cached formatter per setting.
 */
function partsOf(
  name: keyof typeof DATE_FORMATS,
  instant: Date,
  t: Translation,
  timeZone: string,
): Parts {
  const offset = knownOffsetMinutes(timeZone, instant.getTime());
  if (offset !== undefined) {
    const wall = new Date(instant.getTime() + offset * 60_000);
    return {
      weekday: t.weekdays[wall.getUTCDay()],
      day: twoDigits(wall.getUTCDate()),
      month: twoDigits(wall.getUTCMonth() + 1),
      monthName: t.months[wall.getUTCMonth()],
      year: String(wall.getUTCFullYear()),
      hour: twoDigits(wall.getUTCHours()),
      minute: twoDigits(wall.getUTCMinutes()),
    };
  }
  const { locale } = t;
  const format = dateFormatters.getOrCreate(
    `${name}|${locale}|${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { timeZone, ...DATE_FORMATS[name] }),
  );
  const parts: Parts = {};
  for (const part of format.formatToParts(instant)) parts[part.type] = part.value;
  if (name === 'long') {
    parts.monthName = partsOf('month', instant, t, timeZone).month;
    // vi-VN gives "Thứ Tư"; keep the first letter upper-case whatever the locale data says.
    const weekday = parts.weekday ?? '';
    parts.weekday = weekday.charAt(0).toLocaleUpperCase(locale) + weekday.slice(1);
  }
  return parts;
}

/** A date string as a Date, or undefined when it does not name an instant. */
function instantOf(iso: string | undefined): Date | undefined {
  const instant = new Date(iso ?? NaN);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}

function dateParts(iso: string, t: Translation, timeZone: string): DateParts | undefined {
  const instant = instantOf(iso);
  if (!instant) return undefined;
  const parts = partsOf('long', instant, t, timeZone);
  return {
    weekday: parts.weekday ?? '',
    day: parts.day ?? '',
    month: parts.month ?? '',
    monthName: parts.monthName ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

/** The portal's long date line, e.g. "Thứ Tư, 26/02/2020 10:05"; '' for an invalid date. */
export function formatDateTime(iso: string | undefined, t: Translation, timeZone: string): string {
  const parts = iso ? dateParts(iso, t, timeZone) : undefined;
  return parts ? t.dateTime(parts) : '';
}

/** The short list date, e.g. "26/02/2020"; '' for an invalid date. */
export function formatDate(iso: string | undefined, t: Translation, timeZone: string): string {
  const instant = instantOf(iso);
  if (!instant) return '';
  const parts = partsOf('short', instant, t, timeZone);
  return t.date({ day: parts.day ?? '', month: parts.month ?? '', year: parts.year ?? '' });
}

/**
 * A count in the language's grouping ("9.313.603" in Vietnamese), zero-padded
 * to `minDigits`: 1 to 21 (Intl's limit), anything not a finite number is 1.
 */
export function formatCount(value: number, t: Translation, minDigits = 1): string {
  const wanted = Math.trunc(Number(minDigits));
  const digits = Number.isFinite(wanted) ? Math.min(21, Math.max(1, wanted)) : 1;
  // Whole counts are grouped by hand, as Intl would: its first use is slow on a phone.
  if (value >= 0 && value < Number.MAX_SAFE_INTEGER) {
    const text = String(Math.round(value)).padStart(digits, '0');
    return text.replace(/\B(?=(\d{3})+$)/g, t.groupSeparator);
  }
  const format = countFormatters.getOrCreate(
    `${t.locale}|${digits}`,
    () =>
      new Intl.NumberFormat(t.locale, { maximumFractionDigits: 0, minimumIntegerDigits: digits }),
  );
  return format.format(value);
}
