import { css } from 'lit';

/**
 * Shared look: every colour and size is a `--ae-*` custom property with a default, so a
 * page restyles all elements at once. Dark follows `prefers-color-scheme`, or is forced
 * with `theme="dark"` / `theme="light"` on the element.
 */
const dark = css`
  --_fg: var(--ae-color-text, #e6edf3);
  --_muted: var(--ae-color-muted, #9198a1);
  --_bg: var(--ae-color-surface, #0d1117);
  --_panel: var(--ae-color-panel, #161b22);
  --_border: var(--ae-color-border, #3d444d);
  --_accent: var(--ae-color-accent, #4493f8);
  --_accent-fg: var(--ae-color-accent-text, #0d1117);
  --_danger: var(--ae-color-danger, #f85149);
  --_ink: var(--ae-digit-ink, #f0f0f0);
  --_paper: var(--ae-digit-paper, #0d1117);
  color-scheme: dark;
`;

export const themeStyles = css`
  :host {
    --_fg: var(--ae-color-text, #1b1f24);
    --_muted: var(--ae-color-muted, #57606a);
    --_bg: var(--ae-color-surface, #ffffff);
    --_panel: var(--ae-color-panel, #f6f8fa);
    --_border: var(--ae-color-border, #d0d7de);
    --_accent: var(--ae-color-accent, #0b62d6);
    --_accent-fg: var(--ae-color-accent-text, #ffffff);
    --_danger: var(--ae-color-danger, #b42318);
    --_focus: var(--ae-focus-ring, 2px solid #0b62d6);
    --_radius: var(--ae-radius, 6px);
    --_gap: var(--ae-gap, 0.75rem);
    /* Grey images and drawings: set --ae-digit-ink / --ae-digit-paper here or on :root. */
    --_ink: var(--ae-digit-ink, #111111);
    --_paper: var(--ae-digit-paper, #ffffff);
    display: block;
    box-sizing: border-box;
    color: var(--_fg);
    background: var(--_bg);
    font: var(--ae-font, 0.9rem/1.4 system-ui, sans-serif);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--ae-padding, 0.75rem);
    color-scheme: light;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([theme='dark']) {
    ${dark}
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button {
    padding: 0.3rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_panel);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .error {
    color: var(--_danger);
    margin: 0.25rem 0;
  }
  .error p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  /* a remark about the model, such as one trained for something else */
  .note {
    margin: 0.5rem 0 0;
    padding: 0.4rem 0.6rem;
    border-left: 3px solid var(--_accent);
    background: var(--_panel);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  canvas.digit {
    image-rendering: pixelated;
    image-rendering: crisp-edges;
  }
  /* a wrapping row of digit images, each with its caption under it */
  .digit-list {
    list-style: none;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .digit-list > li {
    margin: 0;
    display: grid;
    gap: 2px;
    justify-items: center;
  }
`;
