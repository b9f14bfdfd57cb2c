/**
 * Hostile strings a compromised or careless backend might send, for the XSS
 * tests. Each vector is a function of `call`, a script expression that trips
 * the test's wire when run (`__pwTripwire(7)`, `alert(7)`…), so a vector that
 * executes names itself. They cover markup injected into text fields, markup
 * the sanitizer must clean in the article body, and URLs in URL fields.
 */

/** What a vector does, for messages. */
export type VectorKind = 'markup' | 'url' | 'mutation' | 'clobbering' | 'breakout';

export interface XssVector {
  kind: VectorKind;
  make(call: string): string;
}

const v = (kind: VectorKind, make: (call: string) => string): XssVector => ({ kind, make });

export const XSS_VECTORS: readonly XssVector[] = [
  // Plain script and event handler markup.
  v('markup', (c) => `<script>${c}</script>`),
  v('markup', (c) => `<ScRiPt type="module">${c}</sCrIpT>`),
  v('markup', (c) => `<script src="data:text/javascript,${encodeURIComponent(c)}"></script>`),
  v('markup', (c) => `<img src="/no-such-image.png" onerror="${c}">`),
  v('markup', (c) => `<img src=x onerror=${c} alt="ảnh">`),
  v('markup', (c) => `<img srcset="/missing-1x.png 1x" onerror="${c}">`),
  v('markup', (c) => `<body onload="${c}"><p>thân</p>`),
  v('markup', (c) => `<input autofocus onfocus="${c}" value="ô nhập">`),
  v('markup', (c) => `<details open ontoggle="${c}"><summary>mở</summary></details>`),
  v('markup', (c) => `<video><source src="/missing.mp4" onerror="${c}"></video>`),
  v('markup', (c) => `<audio src="/missing.mp3" onerror="${c}"></audio>`),
  v('markup', (c) => `<marquee onstart="${c}">chữ chạy</marquee>`),
  v('markup', (c) => `<div onpointerover="${c}" onanimationstart="${c}">khối</div>`),
  v(
    'markup',
    (c) => `<picture><source srcset="/none.webp" onerror="${c}"><img src="/none.png"></picture>`,
  ),
  v('markup', (c) => `<object data="javascript:${c}"></object>`),
  v('markup', (c) => `<embed src="javascript:${c}">`),
  v('markup', (c) => `<iframe src="javascript:parent.${c}"></iframe>`),
  v('markup', (c) => `<div style="background-image:url('javascript:${c}')">nền</div>`),
  v('markup', (c) => `<style>@import url("javascript:${c}");</style><p>kiểu</p>`),
  v('markup', (c) => `<link rel="stylesheet" href="javascript:${c}">`),
  // SVG and MathML.
  v('markup', (c) => `<svg onload="${c}"><circle r="4"></circle></svg>`),
  v('markup', (c) => `<svg><script>${c}</script></svg>`),
  v('markup', (c) => `<svg><a xlink:href="javascript:${c}"><text y="12">svg</text></a></svg>`),
  v('markup', (c) => `<svg><animate onbegin="${c}" attributeName="x" dur="1s"></animate></svg>`),
  v(
    'markup',
    (c) =>
      `<svg><a><animate attributeName="href" values="javascript:${c}"/><text y="9">a</text></a></svg>`,
  ),
  v('markup', (c) => `<svg><set attributeName="onmouseover" to="${c}"/></svg>`),
  v('markup', (c) => `<svg><foreignObject><img src=x onerror="${c}"></foreignObject></svg>`),
  v('markup', (c) => `<svg><image href="/nope.svg" onerror="${c}"></image></svg>`),
  v(
    'markup',
    (c) => `<math><maction actiontype="statusline" xlink:href="javascript:${c}">m</maction></math>`,
  ),
  v('markup', (c) => `<math href="javascript:${c}"><mi>x</mi></math>`),
  // Documents inside documents, and page-level elements.
  v('markup', (c) => `<iframe srcdoc="<script>parent.${c}</script>"></iframe>`),
  v('markup', (c) => `<iframe srcdoc="&lt;img src=x onerror=parent.${c}&gt;"></iframe>`),
  v('markup', (c) => `<base href="javascript:${c}//"><a href="trang">trang</a>`),
  v('markup', (c) => `<meta http-equiv="refresh" content="0;url=javascript:${c}">`),
  v(
    'markup',
    (c) =>
      `<meta http-equiv="Content-Security-Policy" content="script-src *"><script>${c}</script>`,
  ),
  v('markup', (c) => `<form action="javascript:${c}"><button>Gửi</button></form>`),
  v('markup', (c) => `<form><button formaction="javascript:${c}">Gửi đi</button></form>`),
  v('markup', (c) => `<isindex action="javascript:${c}" type="image">`),
  v('markup', (c) => `<template><img src=x onerror="${c}"></template>`),
  // Mutation XSS: markup that changes meaning when serialized and parsed again.
  v('mutation', (c) => `<noscript><p title="</noscript><img src=x onerror=${c}>"></noscript>`),
  v('mutation', (c) => `<svg></p><style><a id="</style><img src=1 onerror=${c}>">`),
  v('mutation', (c) => `<math><mtext><table><mglyph><style><img src=x onerror="${c}">`),
  v(
    'mutation',
    (c) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror=${c}>`,
  ),
  v('mutation', (c) => `<xmp><p title="</xmp><img src=x onerror=${c}>"></xmp>`),
  v('mutation', (c) => `<math><mi><svg><style><img src=x onerror=${c}></style></svg></mi></math>`),
  v('mutation', (c) => `<svg><style><img src=x onerror="${c}"></style></svg>`),
  v('mutation', (c) => `<textarea></textarea><img src=x onerror="${c}">`),
  v('mutation', (c) => `<a title="&lt;/a&gt;&lt;img src=x onerror=${c}&gt;">chú thích</a>`),
  // Links with schemes a parser might miss.
  v('url', (c) => `<a href="javascript:${c}">liên kết</a>`),
  v('url', (c) => `<a href="JaVaScRiPt:${c}">hoa thường</a>`),
  v('url', (c) => `<a href="jav&#x09;ascript:${c}">tab mã hóa</a>`),
  v(
    'url',
    (c) => `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;${c}">số</a>`,
  ),
  v('url', (c) => `<a href="&#x6A;avascript&colon;${c}">thực thể</a>`),
  v('url', (c) => `<a href="vbscript:${c}">vb</a>`),
  v('url', (c) => `<a href="data:text/html,<script>${c}</script>">dữ liệu</a>`),
  v('url', (c) => `<area href="javascript:${c}">`),
  // Bare URLs, aimed at URL fields.
  v('url', (c) => `javascript:${c}`),
  v('url', (c) => `JAVASCRIPT:${c}`),
  v('url', (c) => `  javascript:${c}`),
  v('url', (c) => `\u0001javascript:${c}`),
  v('url', (c) => `java\nscript:${c}`),
  v('url', (c) => `java\tscript:${c}`),
  v('url', (c) => `jav&#x09;ascript:${c}`),
  v('url', (c) => `javascript&colon;${c}`),
  v('url', (c) => `vbscript:${c}`),
  v('url', (c) => `data:text/html,<script>${c}</script>`),
  v('url', (c) => `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${c}"/>`),
  v('url', (c) => `data:text/html;base64,${btoa(`<script>${c}</script>`)}`),
  // DOM clobbering: names that would shadow globals if they reached the document.
  v('clobbering', () => `<img id="cookie" name="cookie" src="/none.png">`),
  v('clobbering', () => `<form name="location"><input name="href" value="x"></form>`),
  v('clobbering', () => `<a id="location" href="https://clobber.example/">vị trí</a>`),
  v('clobbering', () => `<a id="__pwTripwire"></a><a id="__pwTripwire" name="call"></a>`),
  v('clobbering', () => `<img name="getElementById"><img name="querySelector">`),
  v('clobbering', () => `<iframe name="alert"></iframe><embed name="body">`),
  v('clobbering', () => `<p id="defaultView">x</p><p id="customElements">y</p>`),
  // Breaking out of attributes, text elements and templates.
  v('breakout', (c) => `"><script>${c}</script>`),
  v('breakout', (c) => `'"><img src=x onerror=${c}>`),
  v('breakout', (c) => `</title><script>${c}</script>`),
  v('breakout', (c) => `</textarea></style></noscript><svg onload=${c}>`),
  v('breakout', (c) => `\${${c}}`),
  v('breakout', (c) => `{{constructor.constructor('${c}')()}}`),
  v('breakout', (c) => `<!--<img src="--><img src=x onerror=${c}//">`),
];

/** The vectors as strings; vector `i` calls `__pwTripwire(i)` or one of the dialogs. */
export function vectorStrings(): string[] {
  const calls = ['__pwTripwire', 'alert', 'confirm', 'prompt'];
  return XSS_VECTORS.map((vector, i) => vector.make(`${calls[i % calls.length]}(${i})`));
}
