import type { Translation } from './types.js';

/** Vietnamese, the default language, worded as Vietnamese portals word it. */
export const vi: Translation = {
  locale: 'vi-VN',
  headings: {
    article: 'Tin bài',
    activityList: 'Hoạt động của lãnh đạo',
    linkBox: 'Liên kết website',
    visitStats: 'Thống kê truy cập',
  },
  loading: 'Đang tải dữ liệu…',
  loaded: 'Đã tải xong.',
  retry: 'Thử lại',
  staleNotice: 'Không cập nhật được; đang hiển thị dữ liệu trước đó.',
  empty: {
    articles: 'Chưa có tin bài nào trong mục này.',
    links: 'Chưa có liên kết nào.',
    stats: 'Chưa có số liệu thống kê.',
  },
  errorLead: 'Không tải được dữ liệu.',
  errors: {
    network: 'Không kết nối được tới máy chủ dữ liệu. Vui lòng kiểm tra kết nối mạng.',
    timeout: 'Máy chủ dữ liệu không phản hồi kịp thời.',
    http: 'Máy chủ dữ liệu báo lỗi.',
    parse: 'Máy chủ trả về dữ liệu không đọc được.',
    'not-found': 'Không tìm thấy nội dung yêu cầu.',
    invalid: 'Dữ liệu nhận được không đúng định dạng.',
    config: 'Nguồn dữ liệu được cấu hình chưa đúng.',
    aborted: 'Yêu cầu đã bị huỷ.',
    'no-source': 'Chưa khai báo nguồn dữ liệu cho khung này.',
    'source-not-found': 'Không tìm thấy nguồn dữ liệu đã khai báo.',
  },
  article: {
    related: 'Các tin khác',
    attachments: 'Tệp đính kèm',
    author: 'Tác giả',
    notFound: 'Không tìm thấy bài viết.',
  },
  list: {
    pagination: 'Phân trang',
    page: (n) => `Trang ${n}`,
    previous: 'Trang trước',
    more: 'Xem thêm',
    next: 'Trang sau',
  },
  links: {
    choose: '-- Chọn liên kết --',
    label: 'Chọn trang web liên kết',
    go: 'Đi',
    opensInNewTab: '(mở trong thẻ mới)',
  },
  stats: {
    online: 'Số người đang truy cập',
    today: 'Hôm nay',
    yesterday: 'Hôm qua',
    week: 'Tuần này',
    month: 'Tháng này',
    year: 'Năm nay',
    total: 'Tổng số lượt truy cập',
  },
  // Intl's vi-VN default reads "Thứ Tư, 26 tháng 2, 2020"; portals write "Thứ Tư, 26/02/2020 10:05".
  dateTime: (p) => `${p.weekday}, ${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`,
  date: (p) => `${p.day}/${p.month}/${p.year}`,
};
