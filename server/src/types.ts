/** The figures every endpoint answers, the json adapter's VisitStats. */
export interface VisitStats {
  /** Sessions seen within the online window. */
  online: number;
  /** Sessions counted in the local day, week, month and year. */
  today: number;
  yesterday: number;
  week: number;
  month: number;
  year: number;
  /** Every visit counted, plus the carried-over total. */
  total: number;
  /** When the figures were read, ISO 8601 in UTC. */
  updatedAt: string;
}
