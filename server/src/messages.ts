/**
 * Error messages, in Vietnamese (the default) and English, chosen by the
 * request's Accept-Language. The `error` code next to them is stable, for programs.
 */

export type ErrorCode =
  | 'invalid_json'
  | 'invalid_body'
  | 'missing_session'
  | 'invalid_session'
  | 'session_too_long'
  | 'body_too_large'
  | 'unsupported_media_type'
  | 'method_not_allowed'
  | 'origin_not_allowed'
  | 'rate_limited'
  | 'too_many_streams'
  | 'storage_unavailable'
  | 'internal_error'
  | 'not_found';

type Catalogue = Record<ErrorCode, (detail: string) => string>;

const vi: Catalogue = {
  invalid_json: () => 'Nội dung yêu cầu không phải JSON hợp lệ.',
  invalid_body: () => 'Nội dung yêu cầu phải là một đối tượng JSON, ví dụ {"session": "…"}.',
  missing_session: () => 'Thiếu trường "session" (mã phiên ngẫu nhiên của trình duyệt).',
  invalid_session: () =>
    'Trường "session" phải là chuỗi ký tự ASCII nhìn thấy được (không có khoảng trắng).',
  session_too_long: (max) => `Trường "session" dài quá ${max} ký tự.`,
  body_too_large: (max) => `Nội dung yêu cầu vượt quá ${max} byte.`,
  unsupported_media_type: () => 'Nội dung yêu cầu phải có Content-Type: application/json.',
  method_not_allowed: (allowed) => `Phương thức này không được hỗ trợ ở đây; dùng ${allowed}.`,
  origin_not_allowed: (origin) => `Trang ${origin} không được phép gọi bộ đếm này.`,
  rate_limited: (seconds) => `Quá nhiều yêu cầu; vui lòng thử lại sau ${seconds} giây.`,
  too_many_streams: () => 'Máy chủ đang có quá nhiều kết nối theo dõi; vui lòng thử lại sau.',
  storage_unavailable: () => 'Không truy cập được nơi lưu bộ đếm; vui lòng thử lại sau.',
  internal_error: () => 'Máy chủ bộ đếm gặp lỗi; vui lòng thử lại sau.',
  not_found: (path) => `Không có điểm cuối ${path}.`,
};

const en: Catalogue = {
  invalid_json: () => 'The request body is not valid JSON.',
  invalid_body: () => 'The request body must be a JSON object, e.g. {"session": "…"}.',
  missing_session: () => 'The "session" field (the browser\'s random session id) is missing.',
  invalid_session: () =>
    'The "session" field must be a string of visible ASCII characters (no spaces).',
  session_too_long: (max) => `The "session" field is longer than ${max} characters.`,
  body_too_large: (max) => `The request body is larger than ${max} bytes.`,
  unsupported_media_type: () => 'The request body must be sent as Content-Type: application/json.',
  method_not_allowed: (allowed) => `This method is not supported here; use ${allowed}.`,
  origin_not_allowed: (origin) => `Pages on ${origin} may not call this counter.`,
  rate_limited: (seconds) => `Too many requests; try again in ${seconds} seconds.`,
  too_many_streams: () => 'The server has too many live connections; try again later.',
  storage_unavailable: () => 'The counter storage cannot be reached; try again later.',
  internal_error: () => 'The counter failed unexpectedly; try again later.',
  not_found: (path) => `There is no endpoint ${path}.`,
};

/** `en` when the client prefers English, otherwise `vi`. */
export function languageOf(acceptLanguage: string | undefined): 'vi' | 'en' {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}

export function errorMessage(code: ErrorCode, language: 'vi' | 'en', detail = ''): string {
  return (language === 'en' ? en : vi)[code](detail);
}
