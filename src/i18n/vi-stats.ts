import type { ElementStrings } from './types.js';

/** Vietnamese strings of the visit statistics (`<pw-visit-stats>`): its heading and messages, and the name of each figure. */
export const viStats = {
  headings: { visitStats: 'Thống kê truy cập' },
  loadFailed: { visitStats: 'Không tải được dữ liệu thống kê truy cập.' },
  empty: { stats: 'Chưa có số liệu thống kê.' },
  stats: {
    online: 'Số người đang truy cập',
    today: 'Hôm nay',
    yesterday: 'Hôm qua',
    week: 'Tuần này',
    month: 'Tháng này',
    year: 'Năm nay',
    total: 'Tổng số lượt truy cập',
  },
} satisfies ElementStrings;
