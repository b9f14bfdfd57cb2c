import type { Translation } from './types.js';

/** English. */
export const en: Translation = {
  locale: 'en-GB',
  headings: {
    article: 'Article',
    activityList: 'Leadership activities',
    linkBox: 'Website links',
    visitStats: 'Visit statistics',
  },
  loading: 'Loading…',
  loaded: 'Loaded.',
  retry: 'Try again',
  staleNotice: 'Could not refresh; showing earlier data.',
  empty: {
    articles: 'There are no articles in this section yet.',
    links: 'There are no links yet.',
    stats: 'No statistics are available yet.',
  },
  errorLead: 'The data could not be loaded.',
  errors: {
    network: 'The data server could not be reached. Please check your connection.',
    timeout: 'The data server did not answer in time.',
    http: 'The data server reported an error.',
    parse: 'The data server sent an answer that could not be read.',
    'not-found': 'The requested content was not found.',
    invalid: 'The data received is not in the expected format.',
    config: 'The data source is not configured correctly.',
    aborted: 'The request was cancelled.',
    'no-source': 'No data source is set up for this box.',
    'source-not-found': 'The data source named for this box was not found.',
  },
  article: {
    related: 'Other articles',
    attachments: 'Attachments',
    author: 'Author',
    notFound: 'The article was not found.',
  },
  list: {
    pagination: 'Pagination',
    page: (n) => `Page ${n}`,
    previous: 'Previous page',
    more: 'Show more',
    next: 'Next page',
  },
  links: {
    choose: '-- Choose a website --',
    label: 'Choose a linked website',
    go: 'Go',
    opensInNewTab: '(opens in a new tab)',
  },
  stats: {
    online: 'Online now',
    today: 'Today',
    yesterday: 'Yesterday',
    week: 'This week',
    month: 'This month',
    year: 'This year',
    total: 'Total visits',
  },
  dateTime: (p) => `${p.weekday}, ${Number(p.day)} ${p.monthName} ${p.year} ${p.hour}:${p.minute}`,
  date: (p) => `${p.day}/${p.month}/${p.year}`,
};
