/**
 * The canonical data shapes every adapter produces and every widget consumes.
 * Adapters normalize whatever their backend returns into these; widgets never
 * see a backend's raw payload.
 */

/** A short form of an article, as shown in lists. */
export interface ArticleSummary {
  id: string;
  title: string;
  /** Where the article lives on the portal; absent when the portal has no page for it. */
  url?: string;
  /** ISO 8601 with an offset (adapters resolve offset-less dates in the source's time zone). */
  date?: string;
  /** Plain text. */
  summary?: string;
  image?: { src: string; alt?: string };
  category?: { id: string; name: string };
}

/** A full article. */
export interface Article extends ArticleSummary {
  /** Untrusted HTML from the backend; widgets sanitize it before rendering. */
  body: string;
  author?: string;
  attachments?: { name: string; url: string }[];
}

/** One page of a paged collection. */
export interface Page<T> {
  items: T[];
  /** 1-based page number. */
  page: number;
  pageSize: number;
  /** Total number of items, when the backend reports one. */
  total?: number;
  /** Whether a later page exists; always set, whatever the backend reports. */
  hasMore: boolean;
}

/** A link to another site, as in the "Liên kết website" box. */
export interface Link {
  title: string;
  url: string;
  group?: string;
  logo?: string;
}

/** Visit counters; every number is a raw non-negative integer. */
export interface VisitStats {
  online?: number;
  today?: number;
  yesterday?: number;
  week?: number;
  month?: number;
  year?: number;
  total?: number;
  /** ISO 8601. */
  updatedAt?: string;
}

/** Options every data-source call accepts. */
export interface RequestOptions {
  /** Aborts the call (the widget left the page, or a newer request replaced it). */
  signal?: AbortSignal;
  /** Skip fresh cache entries and ask the backend again (used by periodic refresh). */
  fresh?: boolean;
  /** The widget's language, for backends that localize content. */
  lang?: string;
}

export interface ArticleQuery {
  category?: string;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface LinkQuery {
  group?: string;
}

/**
 * What a widget needs from a backend. Implement it to plug in any backend:
 * `sourceElement.source = myDataSource`.
 */
export interface DataSource {
  /**
   * IANA time zone of the portal: offset-less dates from the backend are read in it,
   * and widgets show dates in it. Defaults to `Asia/Ho_Chi_Minh`.
   */
  readonly timeZone?: string;
  getArticle(id: string, options?: RequestOptions): Promise<Article>;
  listArticles(query: ArticleQuery, options?: RequestOptions): Promise<Page<ArticleSummary>>;
  listLinks(query: LinkQuery, options?: RequestOptions): Promise<Link[]>;
  getVisitStats(options?: RequestOptions): Promise<VisitStats>;
  /** Counts one visit and returns the updated figures, where the backend supports it. */
  recordVisit?(options?: RequestOptions): Promise<VisitStats | void>;
  /** Pushes new figures as they change; returns the function that stops watching. */
  watchVisitStats?(callback: (stats: VisitStats) => void): () => void;
}

/** The names of the counters in {@link VisitStats}. */
export type VisitStatsField =
  'online' | 'today' | 'yesterday' | 'week' | 'month' | 'year' | 'total';
