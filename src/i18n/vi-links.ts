import type { Translation } from './types.js';

/** Vietnamese strings of the link box (`<pw-link-box>`). */
export const viLinks: Translation['links'] = {
  choose: '-- Chọn liên kết --',
  label: 'Chọn trang web liên kết',
  go: 'Đi',
  opensInNewTab: '(mở trong thẻ mới)',
  chooseFirst: 'Vui lòng chọn một trang web trong danh sách rồi bấm “Đi”.',
  emptyInGroup: (group) => `Chưa có liên kết nào trong nhóm “${group}”.`,
};
