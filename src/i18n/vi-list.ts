import type { ElementStrings } from './types.js';

/** Vietnamese strings of the activity list (`<pw-activity-list>`): paging and its announcements. */
export const viList = {
  headings: { activityList: 'Hoạt động của lãnh đạo' },
  loadFailed: { activityList: 'Không tải được danh sách tin.' },
  list: {
    pagination: 'Phân trang',
    page: (n) => `Trang ${n}`,
    previous: 'Trang trước',
    next: 'Trang sau',
    previousShort: 'Trước',
    nextShort: 'Sau',
    more: 'Xem thêm',
    pageShown: (page, last) =>
      last ? `Đang hiển thị trang ${page} trên ${last}.` : `Đang hiển thị trang ${page}.`,
    added: (count) => `Đã thêm ${count} tin.`,
    allShown: 'Đã hiển thị tất cả tin bài.',
    pageEmpty: 'Trang này không có tin bài nào.',
  },
} satisfies ElementStrings;
