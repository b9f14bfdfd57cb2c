import type { DataErrorKind } from '../data/errors.js';
import type { VisitStatsField } from '../data/types.js';

/** Languages the widgets speak. */
export type Lang = 'vi' | 'en';

/** Why a widget cannot show its data, in words a visitor understands. */
export type ErrorReason = DataErrorKind | 'no-source' | 'source-not-found';

/**
 * Every user-visible string and format of the widgets for one language.
 * One object per language keeps the catalogues checked against each other by the compiler.
 */
export interface Translation {
  /** BCP 47 locale handed to `Intl`. */
  locale: string;
  /**
   * Day names from Sunday, and month names from January, as `Intl` writes
   * them for `locale` (day names capitalized): the default time zone's dates
   * are formatted without `Intl`, whose first use costs a phone a tenth of a
   * second, and must read the same as the ones `Intl` formats.
   */
  weekdays: readonly string[];
  months: readonly string[];
  /** Thousands separator of `locale` ("." in Vietnamese), for counts formatted without `Intl`. */
  groupSeparator: string;
  headings: {
    article: string;
    activityList: string;
    linkBox: string;
    visitStats: string;
  };
  /** Announced (politely, visually hidden) while a box loads with nothing to show yet. */
  loading: string;
  /** Announced once the data of a box is shown. */
  loaded: string;
  /** The button of the error state that loads the data again. */
  retry: string;
  /** Shown beside old data when a refresh failed. */
  staleNotice: string;
  empty: {
    articles: string;
    links: string;
    stats: string;
  };
  /**
   * Why a load failed, one sentence per kind, read after the lead that names
   * what failed (`loadFailed`).
   */
  errors: Record<ErrorReason, string>;
  /** The reason for an HTTP error whose status is known (5xx: server trouble; 4xx: refused). */
  httpStatus: (status: number) => string;
  /** First sentence of every error message: what the box failed to load. */
  loadFailed: {
    article: string;
    activityList: string;
    linkBox: string;
    visitStats: string;
  };
  /** The lead for a box that is none of the four (a subclass under another tag). */
  errorLead: string;
  article: {
    related: string;
    attachments: string;
    /** Label read before the author or signature (visually hidden). */
    author: string;
    /** Shown for an unknown article id. */
    notFound: string;
    /** Shown when no article id is given and none is selected yet. */
    noArticle: string;
    /** Name of the scrollable region around a wide table in the body. */
    table: string;
    /** Name of the group of article tools. */
    tools: string;
    print: string;
    smaller: string;
    larger: string;
    /** Announced after A−/A+, e.g. "Cỡ chữ 125%". */
    textSize: (percent: number) => string;
    email: string;
    copyLink: string;
    copied: string;
    /** Shown when the browser refused to copy: the link is offered in a field to copy by hand. */
    copyFailed: string;
    /** Label of the field holding the article's link. */
    link: string;
    share: string;
    speak: string;
    stopSpeaking: string;
  };
  list: {
    /** Name of the page navigation. */
    pagination: string;
    /** Accessible name of a page-number button. */
    page: (n: number) => string;
    /** Accessible names of the previous / next buttons. */
    previous: string;
    next: string;
    /** Visible text of the previous / next buttons (part of their accessible names). */
    previousShort: string;
    nextShort: string;
    /** The button that appends the next page. */
    more: string;
    /** Announced after a page change; `last` when the number of pages is known. */
    pageShown: (page: number, last?: number) => string;
    /** Announced after "more" appended `count` items. */
    added: (count: number) => string;
    /** Announced when "more" found nothing further. */
    allShown: string;
    /** Shown for a later page that came back without items. */
    pageEmpty: string;
  };
  links: {
    /** The first, empty option of the drop-down. */
    choose: string;
    /** The drop-down's label. */
    label: string;
    /** The button that opens the chosen site. */
    go: string;
    /** Read after every link that opens a new tab (visually hidden). */
    opensInNewTab: string;
    /** Announced when "Go" is pressed before a site is chosen. */
    chooseFirst: string;
    /** The empty state when `group` is set. */
    emptyInGroup: (group: string) => string;
  };
  stats: Record<VisitStatsField, string>;
  /** The portal's long date line, assembled from the parts of the instant. */
  dateTime: (parts: DateParts) => string;
  /** The short date of list items (only day, month and year are formatted for it). */
  date: (parts: Pick<DateParts, 'day' | 'month' | 'year'>) => string;
}

/** The groups of strings that belong to one element each. */
type ElementGroups = Pick<Translation, 'article' | 'list' | 'links' | 'stats'>;

/**
 * What one element adds to the Vietnamese catalogue (`vi-<element>.ts`): its
 * own group, and its entries in the tables every box reads (its heading, the
 * first sentence of its error, its empty sentence), so a page carries only the
 * wording of the elements it shows.
 */
export type ElementStrings = Partial<ElementGroups> & {
  headings?: Partial<Translation['headings']>;
  loadFailed?: Partial<Translation['loadFailed']>;
  empty?: Partial<Translation['empty']>;
};

/**
 * The strings every box uses, whatever the element; of the empty sentences,
 * only the base element's default (`empty.articles`).
 */
export type CommonStrings = Omit<
  Translation,
  keyof ElementGroups | 'headings' | 'loadFailed' | 'empty'
> & { empty: Pick<Translation['empty'], 'articles'> };

/** Named pieces of one instant in the portal's time zone. */
export interface DateParts {
  weekday: string;
  day: string;
  month: string;
  monthName: string;
  year: string;
  hour: string;
  minute: string;
}
