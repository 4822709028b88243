// The survey page's stylesheet, inlined in every page: one request, and the first paint waits for
// nothing. A calm help-center card, readable on a phone, usable by keyboard, zoom allowed.
export const STYLES = `
:root {
  --hc-bg: #f3f4f6;
  --hc-card: #ffffff;
  --hc-text: #1f2933;
  --hc-muted: #52606d;
  --hc-accent: #1f5fa8;
  --hc-accent-soft: #e8f0fa;
  --hc-border: #cbd2d9;
  --hc-error: #a61b1b;
  color-scheme: light;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--hc-bg);
  color: var(--hc-text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK JP", "Hiragino Sans", sans-serif;
}
.hc-page { min-height: 100vh; padding: 2rem 1rem 3rem; }
.hc-card {
  max-width: 40rem;
  margin: 0 auto;
  background: var(--hc-card);
  border: 1px solid var(--hc-border);
  border-radius: 12px;
  padding: 1.75rem 1.5rem 2rem;
  box-shadow: 0 1px 3px rgb(0 0 0 / 6%);
}
h1 { font-size: 1.5rem; line-height: 1.3; margin: 0 0 0.5rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0 0 1rem; }
.hc-intro, .hc-note, .hc-hint { color: var(--hc-muted); }
.hc-hint { margin: 0 0 0.5rem; font-size: 0.95rem; }
.hc-error {
  color: var(--hc-error);
  background: #fdecec;
  border: 1px solid #f3b6b6;
  border-radius: 8px;
  padding: 0.75rem 1rem;
}
.hc-form { display: grid; gap: 1.5rem; margin-top: 1rem; }
.hc-question { border: 0; margin: 0; padding: 0; min-width: 0; }
.hc-question legend, .hc-question > label { font-weight: 600; font-size: 1.05rem; margin-bottom: 0.6rem; padding: 0; }
.hc-optional { font-weight: 400; color: var(--hc-muted); font-size: 0.9rem; }
.hc-scale { display: grid; grid-template-columns: repeat(auto-fit, minmax(5.5rem, 1fr)); gap: 0.5rem; }
.hc-rating, .hc-choice {
  position: relative;
  display: flex;
  border: 1px solid var(--hc-border);
  border-radius: 10px;
  cursor: pointer;
  background: #fff;
}
.hc-rating { flex-direction: column; align-items: center; text-align: center; padding: 0.75rem 0.4rem; gap: 0.3rem; }
.hc-choice { align-items: center; gap: 0.6rem; padding: 0.65rem 0.85rem; }
.hc-choices { display: grid; gap: 0.5rem; }
.hc-rating input { position: absolute; opacity: 0; inset: 0; margin: 0; cursor: pointer; }
.hc-choice input { width: 1.15rem; height: 1.15rem; margin: 0; accent-color: var(--hc-accent); flex: none; }
.hc-emoji { font-size: 2rem; line-height: 1; font-family: "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif; }
.hc-label { font-size: 0.95rem; }
.hc-rating:hover, .hc-choice:hover { border-color: var(--hc-accent); }
.hc-rating:has(input:checked), .hc-choice:has(input:checked) {
  border-color: var(--hc-accent);
  background: var(--hc-accent-soft);
  box-shadow: inset 0 0 0 1px var(--hc-accent);
}
.hc-rating:has(input:checked) .hc-label { font-weight: 600; }
.hc-rating:has(input:focus-visible), .hc-choice:has(input:focus-visible) { outline: 3px solid var(--hc-accent); outline-offset: 2px; }
textarea {
  width: 100%;
  min-height: 6rem;
  padding: 0.65rem 0.75rem;
  font: inherit;
  color: inherit;
  border: 1px solid var(--hc-border);
  border-radius: 10px;
  resize: vertical;
}
textarea:focus-visible, .hc-submit:focus-visible, .hc-link:focus-visible { outline: 3px solid var(--hc-accent); outline-offset: 2px; }
.hc-submit {
  justify-self: start;
  background: var(--hc-accent);
  color: #fff;
  border: 0;
  border-radius: 10px;
  padding: 0.75rem 1.5rem;
  font: inherit;
  font-weight: 600;
  cursor: pointer;
}
.hc-submit:hover { background: #184c86; }
.hc-link { color: var(--hc-accent); font-weight: 600; }
.hc-answers { margin: 0 0 1.5rem; display: grid; gap: 0.75rem; }
.hc-answers dt { font-weight: 600; }
.hc-answers dd { margin: 0.15rem 0 0; color: var(--hc-text); white-space: pre-wrap; }
.hc-submit:disabled { background: #9aa5b1; color: #1f2933; cursor: not-allowed; }
.hc-preview { max-width: 40rem; margin: 0 auto 1rem; padding: 0.6rem 0.9rem; background: #fff4d6; border: 1px solid #e0b94f; border-radius: 8px; font-weight: 600; }
@media (max-width: 30rem) {
  .hc-page { padding: 0.75rem 0.5rem 2rem; }
  .hc-card { padding: 1.25rem 1rem 1.5rem; border-radius: 10px; }
  .hc-scale { grid-template-columns: 1fr; }
  .hc-rating { flex-direction: row; justify-content: flex-start; text-align: start; gap: 0.75rem; padding: 0.6rem 0.85rem; }
  .hc-emoji { font-size: 1.6rem; }
  .hc-submit { justify-self: stretch; }
}
`;
