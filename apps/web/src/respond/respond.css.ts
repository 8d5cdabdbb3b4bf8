/**
 * Styles of the respondent page and widget, as strings: the bundles ship no CSS file, the page
 * adds them to the document and the widget to its shadow root. Everything hangs off `.tp` so a
 * host page is never restyled. Colours keep ≥ 4.5:1 for text and ≥ 3:1 for control borders.
 */
const FONT =
  'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","PingFang TC","Microsoft JhengHei","Noto Sans CJK TC","Noto Sans CJK SC","Noto Sans CJK",sans-serif';
const FONT_HANS =
  'system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans CJK TC","Noto Sans CJK",sans-serif';

export const RESPOND_CSS = `
.tp{--tp-accent:#3346c8;--tp-accent-dark:#2636a3;--tp-text:#1b1f2a;--tp-muted:#586074;--tp-line:#8b93a5;--tp-soft:#eef0fb;--tp-err:#b42318;
box-sizing:border-box;position:relative;max-width:36rem;margin:0 auto;padding:1.75rem 1.25rem 2rem;background:#fff;color:var(--tp-text);
font:400 16px/1.5 ${FONT};-webkit-text-size-adjust:100%;text-align:left;overflow-wrap:anywhere}
.tp:lang(zh-Hans){font-family:${FONT_HANS}}
.tp *,.tp *::before,.tp *::after{box-sizing:inherit}
.tp h1,.tp h2,.tp h3,.tp p{margin:0}
.tp-head{display:flex;align-items:flex-start;justify-content:space-between;gap:.75rem;margin-bottom:1.25rem}
.tp-title{font-size:1rem;font-weight:600;line-height:1.4;color:var(--tp-muted)}
.tp-lang{font:inherit;font-size:.875rem;min-height:2.25rem;max-width:9rem;padding:.25rem .5rem;border:1px solid var(--tp-line);border-radius:8px;background:#fff;color:inherit}
.tp-intro,.tp-desc{color:var(--tp-muted)}
.tp-intro{margin-bottom:1rem}
.tp-progress{display:flex;align-items:center;gap:.75rem;min-height:1.25rem;margin-bottom:1rem;font-size:.8125rem;color:var(--tp-muted)}
.tp-track{flex:1;height:4px;border-radius:2px;background:var(--tp-soft);overflow:hidden}
.tp-bar{display:block;height:100%;background:var(--tp-accent);transition:width .2s}
.tp-qhead{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem .625rem;margin-bottom:.375rem}
.tp-qtitle{font-size:1.25rem;font-weight:600;line-height:1.35}
.tp-required{font-size:.75rem;font-weight:600;color:var(--tp-err)}
.tp-control{margin-top:1rem}
.tp-scale{display:grid;grid-template-columns:repeat(var(--tp-n),minmax(0,1fr));gap:.375rem}
.tp-score{font:inherit;font-weight:600;min-height:2.75rem;padding:0;border:1px solid var(--tp-line);border-radius:8px;background:#fff;color:var(--tp-text);cursor:pointer;touch-action:manipulation}
.tp-score:hover{background:var(--tp-soft);border-color:var(--tp-accent)}
.tp-score[aria-pressed=true]{background:var(--tp-accent);border-color:var(--tp-accent);color:#fff}
.tp-ends{display:flex;justify-content:space-between;gap:1rem;margin-top:.5rem;font-size:.8125rem;color:var(--tp-muted)}
.tp-ends span:last-child{text-align:right}
.tp-options{display:grid;gap:.5rem}
.tp-option{display:flex;align-items:center;gap:.75rem;min-height:2.75rem;padding:.625rem .875rem;border:1px solid var(--tp-line);border-radius:10px;cursor:pointer}
.tp-option:hover{border-color:var(--tp-accent)}
.tp-option:has(:checked){border-color:var(--tp-accent);background:var(--tp-soft)}
.tp-option input{flex:none;width:1.25rem;height:1.25rem;margin:0;accent-color:var(--tp-accent)}
.tp-text{display:block;width:100%;min-height:6rem;padding:.75rem;font:inherit;color:inherit;background:#fff;border:1px solid var(--tp-line);border-radius:10px;resize:vertical}
.tp-invalid .tp-score,.tp-invalid .tp-option,.tp-invalid .tp-text{border-color:var(--tp-err)}
.tp-error{margin-top:.5rem;font-size:.875rem;color:var(--tp-err)}
.tp-form-error{margin-top:1rem;padding:.75rem;border-radius:10px;background:#fdecea;color:var(--tp-err)}
.tp-error:empty,.tp-form-error:empty{display:none}
.tp-nav{display:flex;gap:.75rem;margin-top:1.5rem}
.tp-btn{font:inherit;font-weight:600;min-height:2.75rem;padding:.5rem 1.25rem;border:1px solid var(--tp-line);border-radius:10px;background:#fff;color:var(--tp-text);cursor:pointer}
.tp-primary{flex:1;margin-left:auto;background:var(--tp-accent);border-color:var(--tp-accent);color:#fff}
.tp-primary:hover{background:var(--tp-accent-dark)}
.tp-primary[aria-disabled=true]{opacity:.75;cursor:progress}
.tp-link{padding:0;font:inherit;font-weight:600;color:inherit;background:none;border:0;text-decoration:underline;cursor:pointer}
.tp :focus-visible,.tp-option:has(:focus-visible){outline:3px solid var(--tp-accent);outline-offset:2px}
.tp-option input:focus-visible,.tp-qtitle:focus,.tp-end-text:focus{outline:none}
.tp-end{padding:1.5rem 0 1rem;text-align:center}
.tp-check{width:3rem;height:3rem;margin:0 auto 1rem;border-radius:50%;background:var(--tp-accent)}
.tp-check::after{content:"";display:block;width:.75rem;height:1.375rem;border:solid #fff;border-width:0 3px 3px 0;transform:translate(1.125rem,.625rem) rotate(45deg)}
.tp-end-text{font-size:1.25rem;font-weight:600}
.tp-ribbon{position:absolute;top:0;left:50%;transform:translateX(-50%);padding:.125rem .75rem;border-radius:0 0 6px 6px;background:#b54708;color:#fff;font-size:.75rem;font-weight:700;letter-spacing:.05em}
.tp-sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (max-width:360px){.tp{padding-left:.75rem;padding-right:.75rem}.tp-scale{gap:2px}}
@media (min-width:40rem){.tp:not(.tp-embedded){margin:2.5rem auto;padding:2rem;border-radius:16px;box-shadow:0 1px 3px rgba(16,24,40,.1),0 8px 24px rgba(16,24,40,.08)}.tp-primary{flex:0 1 auto;min-width:9rem}}
@media (prefers-reduced-motion:reduce){.tp *{transition:none!important}}
@media (forced-colors:active){.tp-score[aria-pressed=true]{outline:3px solid Highlight}}
`;

/** The floating card around the runner; lives only in the widget's shadow root. */
export const WIDGET_CSS = `
:host{all:initial}
.tp-card{position:fixed;right:1rem;bottom:1rem;z-index:2147483000;width:min(25rem,calc(100vw - 2rem));max-height:calc(100vh - 2rem);overflow:auto;overscroll-behavior:contain;background:#fff;border-radius:16px;box-shadow:0 12px 40px rgba(16,24,40,.28);animation:tp-in .25s ease-out}
.tp-card .tp{max-width:none;padding:1.25rem 1rem 1rem}
.tp-card .tp-head{padding-right:2.25rem}
.tp-x{position:absolute;top:.5rem;right:.5rem;z-index:1;width:2.5rem;height:2.5rem;padding:0;border:0;border-radius:50%;background:none;color:#586074;font:400 1.5rem/1 system-ui,sans-serif;cursor:pointer}
.tp-x:hover{background:#eef0f4}
.tp-x:focus-visible{outline:3px solid #3346c8;outline-offset:2px}
@keyframes tp-in{from{transform:translateY(1rem);opacity:0}}
@media (max-width:480px){.tp-card{left:0;right:0;bottom:0;width:auto;max-height:85vh;border-radius:16px 16px 0 0;padding-bottom:env(safe-area-inset-bottom)}}
@media (prefers-reduced-motion:reduce){.tp-card{animation:none}}
`;
