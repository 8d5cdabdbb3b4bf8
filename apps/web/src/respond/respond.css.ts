/**
 * Styles of the respondent page and widget, as strings: the bundles ship no CSS file, the page
 * adds them to the document and the widget to its shadow root. Everything hangs off `.tp` so a
 * host page is never restyled. Sizes are in em, not rem: in the widget, rem would follow the host
 * page's root font size. Colours keep ≥ 4.5:1 for text and ≥ 3:1 for control borders.
 */
const FONT =
  'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","PingFang TC","Microsoft JhengHei","Noto Sans CJK TC","Noto Sans CJK SC","Noto Sans CJK",sans-serif';
const FONT_HANS =
  'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans CJK TC","Noto Sans CJK",sans-serif';

export const RESPOND_CSS = `
.tp{--tp-accent:#3346c8;--tp-accent-dark:#2636a3;--tp-text:#1b1f2a;--tp-muted:#586074;--tp-line:#8b93a5;--tp-soft:#eef0fb;--tp-err:#b42318;
box-sizing:border-box;position:relative;max-width:36em;margin:0 auto;padding:1.75em 1.25em 2em;background:#fff;color:var(--tp-text);
font:400 1em/1.5 ${FONT};-webkit-text-size-adjust:100%;text-align:left;overflow-wrap:anywhere}
.tp:lang(zh-Hans){font-family:${FONT_HANS}}
.tp *,.tp *::before,.tp *::after{box-sizing:inherit}
.tp h1,.tp h2,.tp h3,.tp p{margin:0}
.tp-head{display:flex;align-items:flex-start;justify-content:space-between;gap:.75em;margin-bottom:1.25em}
.tp-title{font-size:1em;font-weight:600;line-height:1.4;color:var(--tp-muted)}
.tp-lang{font:inherit;font-size:.875em;min-height:2.5em;max-width:9em;padding:.25em .5em;border:1px solid var(--tp-line);border-radius:8px;background:#fff;color:inherit}
.tp-intro,.tp-desc{color:var(--tp-muted)}
.tp-intro{margin-bottom:1em}
.tp-progress{display:flex;align-items:center;gap:.75em;min-height:1.25em;margin-bottom:1em;font-size:.8125em;color:var(--tp-muted)}
.tp-track{flex:1;height:4px;border-radius:2px;background:var(--tp-soft);overflow:hidden}
.tp-bar{display:block;height:100%;background:var(--tp-accent);transition:width .2s}
.tp-qhead{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25em .625em;margin-bottom:.375em}
.tp-qtitle{font-size:1.25em;font-weight:600;line-height:1.35}
.tp-required{font-size:.75em;font-weight:600;color:var(--tp-err)}
.tp-control{margin-top:1em}
.tp-scale{display:grid;grid-template-columns:repeat(var(--tp-n),minmax(0,1fr));gap:.375em}
.tp-score{font:inherit;font-weight:600;min-height:2.75em;padding:0;border:1px solid var(--tp-line);border-radius:8px;background:#fff;color:var(--tp-text);cursor:pointer;touch-action:manipulation}
.tp-score:hover{background:var(--tp-soft);border-color:var(--tp-accent)}
.tp-score[aria-pressed=true]{background:var(--tp-accent);border-color:var(--tp-accent);color:#fff}
.tp-ends{display:flex;justify-content:space-between;gap:1em;margin-top:.5em;font-size:.8125em;color:var(--tp-muted)}
.tp-ends span:last-child{text-align:right}
.tp-options{display:grid;gap:.5em}
.tp-option{display:flex;align-items:center;gap:.75em;min-height:2.75em;padding:.625em .875em;border:1px solid var(--tp-line);border-radius:10px;cursor:pointer}
.tp-option:hover{border-color:var(--tp-accent)}
.tp-option:has(:checked){border-color:var(--tp-accent);background:var(--tp-soft)}
.tp-option input{flex:none;width:1.25em;height:1.25em;margin:0;accent-color:var(--tp-accent)}
.tp-text{display:block;width:100%;min-height:6em;padding:.75em;font:inherit;color:inherit;background:#fff;border:1px solid var(--tp-line);border-radius:10px;resize:vertical}
.tp-invalid .tp-score,.tp-invalid .tp-option,.tp-invalid .tp-text{border-color:var(--tp-err)}
.tp-error{margin-top:.5em;font-size:.875em;color:var(--tp-err)}
.tp-form-error{margin-top:1em;padding:.75em;border-radius:10px;background:#fdecea;color:var(--tp-err)}
.tp-error:empty,.tp-form-error:empty{display:none}
.tp-nav{display:flex;gap:.75em;margin-top:1.5em}
.tp-btn{font:inherit;font-weight:600;min-height:2.75em;padding:.5em 1.25em;border:1px solid var(--tp-line);border-radius:10px;background:#fff;color:var(--tp-text);cursor:pointer}
.tp-primary{flex:1;margin-left:auto;background:var(--tp-accent);border-color:var(--tp-accent);color:#fff}
.tp-primary:hover{background:var(--tp-accent-dark)}
.tp-primary[aria-disabled=true]{opacity:.75;cursor:progress}
.tp-link{padding:0;font:inherit;font-weight:600;color:inherit;background:none;border:0;text-decoration:underline;cursor:pointer}
.tp :focus-visible,.tp-option:has(:focus-visible){outline:3px solid var(--tp-accent);outline-offset:2px}
.tp-option input:focus-visible,.tp-qtitle:focus,.tp-end-text:focus{outline:none}
.tp-end{padding:1.5em 0 1em;text-align:center}
.tp-check{width:3em;height:3em;margin:0 auto 1em;border-radius:50%;background:var(--tp-accent)}
.tp-check::after{content:"";display:block;width:.75em;height:1.375em;border:solid #fff;border-width:0 3px 3px 0;transform:translate(1.125em,.625em) rotate(45deg)}
.tp-end-text{font-size:1.25em;font-weight:600}
.tp-ribbon{position:absolute;top:0;left:50%;transform:translateX(-50%);padding:.125em .75em;border-radius:0 0 6px 6px;background:#b54708;color:#fff;font-size:.75em;font-weight:700;letter-spacing:.05em}
.tp-sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (max-width:360px){.tp{padding-left:.75em;padding-right:.75em}.tp-scale{gap:2px}}
@media (min-width:40rem){.tp:not(.tp-embedded){margin:2.5em auto;padding:2em;border-radius:16px;box-shadow:0 1px 3px rgba(16,24,40,.1),0 8px 24px rgba(16,24,40,.08)}.tp-primary{flex:0 1 auto;min-width:9em}}
@media (prefers-reduced-motion:reduce){.tp *{transition:none!important}}
@media (forced-colors:active){.tp-score[aria-pressed=true]{outline:3px solid Highlight}}
`;

/** The floating card around the runner; lives only in the widget's shadow root. */
export const WIDGET_CSS = `
:host{all:initial!important}
.tp-card{position:fixed;right:1em;bottom:1em;z-index:2147483000;width:min(25em,calc(100vw - 2em));max-height:calc(100vh - 2em);overflow:auto;overscroll-behavior:contain;background:#fff;border-radius:16px;box-shadow:0 12px 40px rgba(16,24,40,.28);animation:tp-in .25s ease-out}
.tp-card .tp{max-width:none;padding:1.25em 1em 1em}
.tp-card .tp-head{padding-right:2.25em}
.tp-x{position:absolute;top:8px;right:8px;z-index:1;width:40px;height:40px;padding:0;border:0;border-radius:50%;background:none;color:#586074;font:400 24px/1 system-ui,sans-serif;cursor:pointer}
.tp-x:hover{background:#eef0f4}
.tp-x:focus-visible{outline:3px solid #3346c8;outline-offset:2px}
@keyframes tp-in{from{transform:translateY(1em);opacity:0}}
@media (max-width:480px){.tp-card{left:0;right:0;bottom:0;width:auto;max-height:85vh;border-radius:16px 16px 0 0;padding-bottom:env(safe-area-inset-bottom)}}
@media (prefers-reduced-motion:reduce){.tp-card{animation:none}}
`;
