import type { ElementStrings } from './types.js';

/** Vietnamese strings of the article view (`<pw-article>`) and its tools. */
export const viArticle = {
  headings: { article: 'Tin bài' },
  loadFailed: { article: 'Không tải được bài viết.' },
  article: {
    related: 'Các tin khác',
    attachments: 'Tệp đính kèm',
    author: 'Tác giả',
    notFound: 'Không tìm thấy bài viết.',
    noArticle: 'Chưa có bài viết nào được chọn.',
    table: 'Bảng (cuộn ngang để xem hết)',
    tools: 'Công cụ bài viết',
    print: 'In bài',
    smaller: 'Giảm cỡ chữ',
    larger: 'Tăng cỡ chữ',
    textSize: (percent) => `Cỡ chữ ${percent}%`,
    email: 'Gửi e-mail',
    copyLink: 'Sao chép liên kết',
    copied: 'Đã sao chép liên kết',
    copyFailed: 'Không sao chép tự động được. Hãy sao chép liên kết trong ô dưới đây.',
    link: 'Liên kết bài viết',
    share: 'Chia sẻ',
    speak: 'Đọc bài',
    stopSpeaking: 'Dừng đọc',
  },
} satisfies ElementStrings;
