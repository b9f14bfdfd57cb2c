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
  headings: {
    article: string;
    activityList: string;
    linkBox: string;
    visitStats: string;
  };
  loading: string;
  loaded: string;
  retry: string;
  /** Shown beside old data when a refresh failed. */
  staleNotice: string;
  empty: {
    articles: string;
    links: string;
    stats: string;
  };
  errors: Record<ErrorReason, string>;
  /** Prefix of every error message: what the widget failed to do. */
  errorLead: string;
  article: {
    related: string;
    attachments: string;
    author: string;
    notFound: string;
  };
  list: {
    pagination: string;
    page: (n: number) => string;
    previous: string;
    next: string;
    more: string;
  };
  links: {
    choose: string;
    label: string;
    go: string;
    opensInNewTab: string;
  };
  stats: Record<VisitStatsField, string>;
  /** The portal's long date line, assembled from `Intl` parts. */
  dateTime: (parts: DateParts) => string;
  /** The short date of list items. */
  date: (parts: DateParts) => string;
}

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
