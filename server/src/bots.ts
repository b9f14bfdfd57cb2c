/**
 * Crawlers, link previewers and monitoring probes announce themselves in
 * their User-Agent. Their requests are answered but never counted, so the
 * figures stay close to the people who read the portal.
 */
const BOT_PATTERN = new RegExp(
  [
    'bot\\b',
    'crawler',
    'crawling',
    'spider',
    'slurp',
    'archiver',
    'facebookexternalhit',
    'facebookcatalog',
    'embedly',
    'quora link preview',
    'pinterest',
    'vkshare',
    'w3c_validator',
    'validator\\.nu',
    'lighthouse',
    'pingdom',
    'uptimerobot',
    'statuscake',
    'site24x7',
    'zabbix',
    'nagios',
    'monitoring',
    'python-requests',
    'python-urllib',
    'go-http-client',
    'libwww-perl',
    'apache-httpclient',
    'scrapy',
    'phantomjs',
    'coccoc(?:bot|_)',
    'zalo(?:bot|.*preview)',
  ].join('|'),
  'i',
);

/** Whether a User-Agent belongs to a known crawler or automated client. */
export function isBot(userAgent: string | undefined): boolean {
  return typeof userAgent === 'string' && BOT_PATTERN.test(userAgent);
}
