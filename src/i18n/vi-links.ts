import type { ElementStrings } from './types.js';

/** Vietnamese strings of the link box (`<pw-link-box>`). */
export const viLinks = {
  headings: { linkBox: 'Liên kết website' },
  loadFailed: { linkBox: 'Không tải được danh sách liên kết.' },
  empty: { links: 'Chưa có liên kết nào.' },
  links: {
    choose: '-- Chọn liên kết --',
    label: 'Chọn trang web liên kết',
    go: 'Đi',
    opensInNewTab: '(mở trong thẻ mới)',
    chooseFirst: 'Vui lòng chọn một trang web trong danh sách rồi bấm “Đi”.',
    emptyInGroup: (group) => `Chưa có liên kết nào trong nhóm “${group}”.`,
  },
} satisfies ElementStrings;
