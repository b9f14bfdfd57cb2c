import type { CommonStrings } from './types.js';

/**
 * Vietnamese, the default language, worded as Vietnamese portals word it: the
 * strings every box uses. Each element's own strings, its heading and error
 * sentence among them, are in `vi-<element>.ts`, so a page downloads only the
 * wording of the elements it shows.
 */
export const vi: CommonStrings = {
  locale: 'vi-VN',
  weekdays: ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'],
  months: Array.from({ length: 12 }, (_, month) => `tháng ${month + 1}`),
  groupSeparator: '.',
  loading: 'Đang tải dữ liệu…',
  loaded: 'Đã tải xong.',
  retry: 'Thử lại',
  staleNotice: 'Không cập nhật được; đang hiển thị dữ liệu trước đó.',
  empty: {
    articles: 'Chưa có tin bài nào trong mục này.',
  },
  errorLead: 'Không tải được dữ liệu.',
  errors: {
    network: 'Không kết nối được tới máy chủ; vui lòng kiểm tra kết nối mạng rồi thử lại.',
    timeout: 'Máy chủ không phản hồi kịp thời.',
    http: 'Máy chủ báo lỗi.',
    parse: 'Máy chủ trả về dữ liệu không đọc được.',
    'not-found': 'Không tìm thấy nội dung yêu cầu trên máy chủ.',
    invalid: 'Dữ liệu nhận được không đúng định dạng.',
    config: 'Nguồn dữ liệu được cấu hình chưa đúng.',
    aborted: 'Yêu cầu đã bị huỷ.',
    'no-source': 'Chưa khai báo nguồn dữ liệu cho khung này.',
    'source-not-found': 'Không tìm thấy nguồn dữ liệu đã khai báo cho khung này.',
  },
  httpStatus: (status) =>
    status >= 500
      ? `Máy chủ đang gặp sự cố (mã lỗi ${status}).`
      : `Máy chủ từ chối yêu cầu (mã lỗi ${status}).`,
  // Intl's vi-VN default reads "Thứ Tư, 26 tháng 2, 2020"; portals write "Thứ Tư, 26/02/2020 10:05".
  dateTime: (p) => `${p.weekday}, ${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`,
  date: (p) => `${p.day}/${p.month}/${p.year}`,
};
