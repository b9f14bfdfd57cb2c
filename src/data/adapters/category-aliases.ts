/**
 * Category aliases: widgets name categories by the portal's own names while
 * the backend gets its ids. Any `<pw-source>` may have them (`categories`).
 */

import { ConfigError } from '../errors.js';
import type { DataSource } from '../types.js';

/**
 * Reads category aliases written as `name=id` pairs separated by commas or
 * spaces: `"hoat-dong-lanh-dao=12, tin-tuc=7"`.
 *
 * @throws {ConfigError} for a pair without a name or an id.
 */
export function parseCategoryAliases(text: string): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const pair of text.split(/[\s,]+/)) {
    if (pair === '') continue;
    const match = /^([^=]+)=(.+)$/.exec(pair);
    if (!match) {
      throw new ConfigError(
        `categories="${text}": "${pair}" is not a name=id pair (e.g. categories="tin-tuc=7").`,
      );
    }
    aliases[match[1]!] = match[2]!;
  }
  return aliases;
}

/**
 * Wraps `source` so that widgets may name categories by the portal's own
 * names while the backend gets its ids: with `{ 'tin-tuc': '7' }`, a list of
 * category `tin-tuc` asks the backend for category `7`. Other names pass unchanged.
 */
export function withCategoryAliases(
  source: DataSource,
  aliases: Record<string, string>,
): DataSource {
  const wrapped: DataSource = {
    ...(source.timeZone === undefined ? {} : { timeZone: source.timeZone }),
    getArticle: (id, o) => source.getArticle(id, o),
    listArticles: (query, o) =>
      source.listArticles(
        query.category !== undefined && Object.hasOwn(aliases, query.category)
          ? { ...query, category: aliases[query.category] }
          : query,
        o,
      ),
    listLinks: (query, o) => source.listLinks(query, o),
    getVisitStats: (o) => source.getVisitStats(o),
  };
  if (source.recordVisit) wrapped.recordVisit = (o) => source.recordVisit!(o);
  if (source.watchVisitStats)
    wrapped.watchVisitStats = (callback) => source.watchVisitStats!(callback);
  return wrapped;
}
