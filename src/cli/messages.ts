/**
 * Everything the command line says, in Vietnamese (the default) and English.
 * A problem is one thing wrong (or worth knowing), with the fix in a sentence.
 */

export type CliLang = 'vi' | 'en';

/** One finding of `init` or `check`; `--json` prints these as they are. */
export interface Problem {
  level: 'error' | 'warning' | 'info';
  message: string;
  fix: string;
  /** The address concerned, when there is one. */
  url?: string;
}

/** Where the guide lives in the repository (and, as pages, in the Storybook site). */
const GUIDE = 'docs/guide';

const vi = {
  usage: `Cách dùng:
  portal-widgets init <địa-chỉ-cổng> [--origin <gốc-trang>] [--counter <địa-chỉ>] [--script <địa-chỉ>] [--lang vi|en] [--json]
  portal-widgets check <địa-chỉ-trang> [--lang vi|en] [--json]

  init   đọc cổng thông tin, nhận ra hệ thống (WordPress, Drupal, Joomla, Liferay,
         RSS/Atom, JSON) và in đoạn mã nhúng bốn hộp
  check  đọc một trang đã nhúng các hộp và hỏi mọi địa chỉ như các hộp sẽ hỏi;
         mã thoát 0 khi không có lỗi, 1 khi có lỗi, 2 khi không tới được trang`,
  badUsage: (what: string) => `Sai cách dùng: ${what}`,
  unreachable: (url: string, reason: string) => `Không kết nối được tới ${url} (${reason}).`,
  unreachableFix: 'Kiểm tra địa chỉ, kết nối mạng và tường lửa, rồi chạy lại.',
  httpStatus: (url: string, status: number) => `${url} trả lời HTTP ${status}.`,
  recognised: (cms: string, evidence: string) => `Nhận ra ${cms}: ${evidence}.`,
  recognisedFix: 'Dán đoạn mã dưới đây vào trang của cổng.',
  notRecognised: (url: string, tried: string) =>
    `Không nhận ra hệ thống nào tại ${url}. Đã thử: ${tried}.`,
  notRecognisedFix: `Nếu cổng có API JSON riêng, mô tả nó bằng ánh xạ JSON (type="json"): ${GUIDE}/json-mapping.md`,
  categories: (count: number) => `Đọc được ${count} chuyên mục.`,
  noCategories: (reason: string) => `Không đọc được danh sách chuyên mục (${reason}).`,
  noCategoriesFix: 'Điền thuộc tính category= của <pw-activity-list> bằng tay.',
  leadership: (name: string, id: string) =>
    `Chuyên mục cho “Hoạt động của lãnh đạo”: ${name} (${id}).`,
  noLeadership: 'Không có chuyên mục nào tên “Hoạt động của lãnh đạo” hay chứa “lãnh đạo”.',
  noLeadershipFix: 'Chọn một chuyên mục trong danh sách và đặt mã của nó vào category=.',
  cors: (url: string, origin: string, sent: string | null) =>
    `${url} không cho trang ${origin} đọc (Access-Control-Allow-Origin: ${sent ?? 'không có'}).`,
  corsFix: (setting: string) =>
    `${setting} Hoặc chuyển tiếp địa chỉ này qua máy chủ của chính trang (nginx): ${GUIDE}/deploying.md`,
  corsSetting: {
    wordpress:
      'REST API của WordPress gửi CORS cho mọi nguồn; một plugin bảo mật hay máy chủ web đã bỏ nó đi: cho phép lại nguồn này.',
    opml: 'Tệp OPML của WordPress không bao giờ gửi CORS: cho máy chủ web thêm Access-Control-Allow-Origin cho tệp này.',
    drupal: 'Bật CORS trong services.yml của Drupal (cors.config: enabled: true, allowedOrigins).',
    joomla: 'Cho máy chủ web của Joomla gửi Access-Control-Allow-Origin cho /api/.',
    liferay:
      'Thêm nguồn này vào cấu hình “Portal CORS” trong System Settings → Security Tools của Liferay.',
    rss: 'Cho máy chủ web gửi Access-Control-Allow-Origin cho các kênh RSS.',
    json: 'Cho máy chủ của API gửi Access-Control-Allow-Origin cho nguồn này.',
    script:
      'Cho máy chủ của tệp script gửi Access-Control-Allow-Origin (script dạng module được tải theo CORS).',
  } as Record<string, string>,
  joomlaToken: (url: string, status: number) =>
    `API của Joomla cần token (${url} trả lời HTTP ${status}).`,
  joomlaTokenFix:
    'Tạo một tài khoản chỉ có quyền đọc, lấy API token của nó và đặt vào token= của <pw-source>. Token nằm trong trang là công khai: ai cũng đọc được, đừng dùng token của quản trị viên.',
  liferayGuest: (url: string, status: number) =>
    `Khách không đọc được nội dung web của Liferay (${url} trả lời HTTP ${status}).`,
  liferayGuestFix:
    'Cho vai trò Guest quyền xem (View) nội dung web và thư mục của nó, và cho phép API headless-delivery không cần đăng nhập (Service Access Policy).',
  drupalApiFix:
    'Bật mô-đun JSON:API của Drupal (chế độ chỉ đọc) và cho người dùng ẩn danh quyền “access content”.',
  noSiteId: 'Không tìm thấy mã site của Liferay (Liferay.ThemeDisplay) trong trang chủ.',
  noSiteIdFix: 'Đặt site-id= của <pw-source> bằng mã site (Site Settings → Site ID).',
  links: (count: number, url: string) => `Đọc được ${count} liên kết từ ${url}.`,
  noLinks: (cms: string) => `${cms} không có danh sách liên kết công khai cho “Liên kết website”.`,
  noLinksFix:
    'Cho hộp liên kết một nguồn khác: một tệp OPML hay JSON, ghép bằng <pw-source type="composite">.',
  counter:
    'Thống kê truy cập cần dịch vụ đếm lượt truy cập (portal-widgets-counter); đoạn mã dùng một địa chỉ mẫu.',
  counterFix: `Cài dịch vụ đếm (${GUIDE}/counter-service.md) rồi chạy lại với --counter <địa-chỉ>.`,
  snippet: 'Đoạn mã nhúng',
  report: (url: string) => `Cổng: ${url}`,
  levels: { error: 'LỖI', warning: 'CẢNH BÁO', info: 'THÔNG TIN' },
  fixLabel: 'Cách sửa',
  // check
  noScript: 'Trang không tải portal-widgets.min.js (hay gói portal-widgets) bằng thẻ <script>.',
  noScriptFix:
    'Thêm <script type="module" src=".../portal-widgets.min.js"></script> vào <head> của trang.',
  notModule: (url: string) => `Thẻ <script> của ${url} thiếu type="module".`,
  notModuleFix: 'Viết <script type="module" src="…">: thư viện là module JavaScript.',
  scriptType: (url: string, type: string) =>
    `${url} được gửi với Content-Type “${type || 'không có'}”, trình duyệt sẽ không chạy nó.`,
  scriptTypeFix: 'Cho máy chủ gửi tệp .js với Content-Type: text/javascript.',
  scriptOk: (url: string) => `Tệp script ${url} tải được.`,
  noWidgets: 'Trang không có hộp nào của portal-widgets (<pw-article>, <pw-activity-list>, …).',
  noWidgetsFix: 'Thêm các thẻ do “portal-widgets init” in ra vào trang.',
  noSource: (tag: string) =>
    `${tag} không có nguồn dữ liệu: không có <pw-source default>, source= hay src=.`,
  noSourceFix: 'Thêm thuộc tính default cho <pw-source>, hoặc source="mã" cho hộp.',
  unknownSource: (tag: string, id: string) =>
    `${tag} dùng source="${id}" nhưng trang không có <pw-source id="${id}">.`,
  unknownSourceFix: 'Sửa source= cho khớp id của một <pw-source>.',
  configError: (where: string, detail: string) => `Cấu hình ${where} sai: ${detail}`,
  configFix: 'Sửa thuộc tính theo hướng dẫn về nguồn dữ liệu.',
  readFailed: (what: string, detail: string) => `${what}: không đọc được dữ liệu. ${detail}`,
  readFailedFix: (status: number | undefined): string =>
    status === 404
      ? 'Địa chỉ này không tồn tại: kiểm tra base-url, type và các id (category=, article-id=).'
      : status === 401 || status === 403
        ? 'Máy chủ từ chối khách: cho phép đọc không cần đăng nhập, hoặc đặt token= nếu loại nguồn hỗ trợ.'
        : 'Kiểm tra máy chủ dữ liệu và cấu hình <pw-source>, rồi chạy lại.',
  readOk: (what: string, detail: string) => `${what}: ${detail}.`,
  items: (count: number) => `${count} mục`,
  notJson: (url: string, type: string) =>
    `${url} được gửi với Content-Type “${type}”, không phải JSON.`,
  notJsonFix: 'Cho máy chủ gửi application/json (hoặc kiểm tra đó có đúng là API không).',
  visitPreflight: (url: string, origin: string) =>
    `Trình duyệt trên ${origin} sẽ không được gửi lượt truy cập tới ${url} (CORS, yêu cầu OPTIONS).`,
  visitPreflightFix:
    'Cho dịch vụ đếm biết nguồn của trang: portal-widgets-counter --cors-origin <gốc-trang>.',
  summary: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo.`,
  kinds: {
    'pw-activity-list': 'Danh sách tin',
    'pw-article': 'Bài viết',
    'pw-link-box': 'Liên kết website',
    'pw-visit-stats': 'Thống kê truy cập',
  } as Record<string, string>,
};

export type Messages = typeof vi;

const en: Messages = {
  usage: `Usage:
  portal-widgets init <portal-url> [--origin <page-origin>] [--counter <url>] [--script <url>] [--lang vi|en] [--json]
  portal-widgets check <page-url> [--lang vi|en] [--json]

  init   reads a portal, recognises its backend (WordPress, Drupal, Joomla,
         Liferay, RSS/Atom, JSON) and prints the snippet for the four boxes
  check  reads a page that embeds the boxes and requests every address as the
         boxes would; exit code 0 without errors, 1 with errors, 2 when the
         page cannot be reached`,
  badUsage: (what) => `Wrong usage: ${what}`,
  unreachable: (url, reason) => `Could not reach ${url} (${reason}).`,
  unreachableFix: 'Check the address, the network and any firewall, then run it again.',
  httpStatus: (url, status) => `${url} answered HTTP ${status}.`,
  recognised: (cms, evidence) => `Recognised ${cms}: ${evidence}.`,
  recognisedFix: 'Paste the snippet below into the portal page.',
  notRecognised: (url, tried) => `Recognised no backend at ${url}. Tried: ${tried}.`,
  notRecognisedFix: `If the portal has a JSON API of its own, describe it with a JSON mapping (type="json"): ${GUIDE}/json-mapping.md`,
  categories: (count) => `Read ${count} categories.`,
  noCategories: (reason) => `Could not read the list of categories (${reason}).`,
  noCategoriesFix: 'Fill in the category= attribute of <pw-activity-list> by hand.',
  leadership: (name, id) => `Category for “Hoạt động của lãnh đạo”: ${name} (${id}).`,
  noLeadership: 'No category is named “Hoạt động của lãnh đạo” or contains “lãnh đạo”.',
  noLeadershipFix: 'Pick a category from the list and put its id in category=.',
  cors: (url, origin, sent) =>
    `${url} does not let the page ${origin} read it (Access-Control-Allow-Origin: ${sent ?? 'none'}).`,
  corsFix: (setting) =>
    `${setting} Or forward this address through the page's own server (nginx): ${GUIDE}/deploying.md`,
  corsSetting: {
    wordpress:
      "WordPress's REST API sends CORS headers for any origin; a security plugin or the web server removed them: allow this origin again.",
    opml: "WordPress's OPML file never sends CORS headers: have the web server add Access-Control-Allow-Origin for it.",
    drupal: "Enable CORS in Drupal's services.yml (cors.config: enabled: true, allowedOrigins).",
    joomla: "Have Joomla's web server send Access-Control-Allow-Origin for /api/.",
    liferay:
      'Add this origin to the “Portal CORS” configuration in System Settings → Security Tools of Liferay.',
    rss: 'Have the web server send Access-Control-Allow-Origin for the feeds.',
    json: "Have the API's server send Access-Control-Allow-Origin for this origin.",
    script:
      "Have the script's server send Access-Control-Allow-Origin (module scripts are fetched with CORS).",
  },
  joomlaToken: (url, status) => `Joomla's API needs a token (${url} answered HTTP ${status}).`,
  joomlaTokenFix:
    "Create an account that may only read, take its API token and put it in the <pw-source>'s token=. A token in a page is public: anyone can read it, so never use an administrator's.",
  liferayGuest: (url, status) =>
    `Guests cannot read Liferay's web content (${url} answered HTTP ${status}).`,
  liferayGuestFix:
    'Give the Guest role View permission on the web content and its folder, and let the headless-delivery API answer without login (Service Access Policy).',
  drupalApiFix:
    "Enable Drupal core's JSON:API module (read-only) and give anonymous users “access content”.",
  noSiteId: 'Found no Liferay site id (Liferay.ThemeDisplay) in the home page.',
  noSiteIdFix: "Set the <pw-source>'s site-id= to the site's id (Site Settings → Site ID).",
  links: (count, url) => `Read ${count} links from ${url}.`,
  noLinks: (cms) => `${cms} has no public list of links for “Liên kết website”.`,
  noLinksFix:
    'Give the link box another source: an OPML or JSON file, combined with <pw-source type="composite">.',
  counter:
    'Visit statistics need the visit counter service (portal-widgets-counter); the snippet uses a placeholder address.',
  counterFix: `Deploy the counter service (${GUIDE}/counter-service.md), then run again with --counter <url>.`,
  snippet: 'Snippet',
  report: (url) => `Portal: ${url}`,
  levels: { error: 'ERROR', warning: 'WARNING', info: 'INFO' },
  fixLabel: 'Fix',
  noScript:
    'The page loads no portal-widgets.min.js (nor the portal-widgets package) with a <script> tag.',
  noScriptFix:
    'Add <script type="module" src=".../portal-widgets.min.js"></script> to the page\'s <head>.',
  notModule: (url) => `The <script> tag of ${url} lacks type="module".`,
  notModuleFix: 'Write <script type="module" src="…">: the library is a JavaScript module.',
  scriptType: (url, type) =>
    `${url} is sent as Content-Type “${type || 'none'}”, which browsers will not run.`,
  scriptTypeFix: 'Have the server send .js files as Content-Type: text/javascript.',
  scriptOk: (url) => `The script ${url} loads.`,
  noWidgets: 'The page has no portal-widgets box (<pw-article>, <pw-activity-list>, …).',
  noWidgetsFix: 'Add the tags that “portal-widgets init” prints.',
  noSource: (tag) => `${tag} has no data source: no <pw-source default>, source= or src=.`,
  noSourceFix: 'Add the default attribute to a <pw-source>, or source="id" to the box.',
  unknownSource: (tag, id) =>
    `${tag} uses source="${id}" but the page has no <pw-source id="${id}">.`,
  unknownSourceFix: 'Make source= match the id of a <pw-source>.',
  configError: (where, detail) => `The configuration of ${where} is wrong: ${detail}`,
  configFix: "Correct the attributes as the data sources' guide describes.",
  readFailed: (what, detail) => `${what}: the data could not be read. ${detail}`,
  readFailedFix: (status) =>
    status === 404
      ? 'This address does not exist: check base-url, type and the ids (category=, article-id=).'
      : status === 401 || status === 403
        ? 'The server refuses guests: allow reading without login, or set token= where the source type supports it.'
        : 'Check the data server and the <pw-source> configuration, then run it again.',
  readOk: (what, detail) => `${what}: ${detail}.`,
  items: (count) => `${count} items`,
  notJson: (url, type) => `${url} is sent as Content-Type “${type}”, not JSON.`,
  notJsonFix: 'Have the server send application/json (or check that this really is the API).',
  visitPreflight: (url, origin) =>
    `A browser on ${origin} will not be allowed to send visits to ${url} (CORS, OPTIONS request).`,
  visitPreflightFix:
    "Tell the counter service the page's origin: portal-widgets-counter --cors-origin <page-origin>.",
  summary: (errors, warnings) => `${errors} errors, ${warnings} warnings.`,
  kinds: {
    'pw-activity-list': 'Activity list',
    'pw-article': 'Article',
    'pw-link-box': 'Website links',
    'pw-visit-stats': 'Visit statistics',
  },
};

export function messages(lang: CliLang): Messages {
  return lang === 'en' ? en : vi;
}
