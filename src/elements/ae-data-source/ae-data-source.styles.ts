import { css } from 'lit';

export const styles = css`
  :host {
    display: grid;
    gap: var(--_gap);
  }
  .zone {
    display: block;
    width: 100%;
    min-height: var(--ae-drop-height, 5rem);
    padding: 1rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_panel);
    text-align: center;
  }
  .zone.over {
    border-color: var(--_accent);
    border-style: solid;
  }
  .zone:focus-visible,
  button:focus-visible {
    outline: var(--_focus);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .progress:empty {
    display: none;
  }
  .progress,
  .note {
    margin: 0;
    color: var(--_muted);
  }
  [part~='summary'] p {
    margin: 0 0 0.35rem;
  }
  .strip {
    display: block;
    max-width: 100%;
    height: var(--ae-thumb-size, 48px);
    width: auto;
    image-rendering: pixelated;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
  }
  .strip.vector {
    height: auto;
    image-rendering: auto;
  }
  .classes,
  .problems {
    margin: 0.25rem 0;
    padding-left: 1.2rem;
  }
  .problems li {
    color: var(--_danger);
  }
  .error p {
    margin: 0;
    color: var(--_danger);
  }
`;
