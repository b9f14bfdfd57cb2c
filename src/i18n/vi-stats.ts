import type { Translation } from './types.js';

/** Vietnamese strings of the visit statistics (`<pw-visit-stats>`): the name of each figure. */
export const viStats: Translation['stats'] = {
  online: 'Số người đang truy cập',
  today: 'Hôm nay',
  yesterday: 'Hôm qua',
  week: 'Tuần này',
  month: 'Tháng này',
  year: 'Năm nay',
  total: 'Tổng số lượt truy cập',
};
