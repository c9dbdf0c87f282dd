import { css } from 'lit';

export const styles = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  .controls label {
    display: flex;
    gap: 0.4rem;
    align-items: center;
  }
  .controls input {
    width: 4.5em;
    padding: 0.2rem 0.3rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
  .spaces {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--ae-matrix-width, 220px)), 1fr));
    gap: var(--_gap);
    margin-top: var(--_gap);
  }
  figure {
    margin: 0;
    min-width: 0;
  }
  figcaption {
    display: grid;
    gap: 0.1rem;
    margin-bottom: 0.25rem;
  }
  .title {
    font-weight: 600;
  }
  .accuracy strong {
    font-size: 1.25em;
    font-variant-numeric: tabular-nums;
  }
  svg.matrix {
    display: block;
    width: 100%;
    max-width: var(--ae-matrix-width, 280px);
    height: auto;
    font-size: 9px;
  }
  .cells rect {
    fill: var(--ae-matrix-color, var(--_accent));
  }
  .cells .hit rect {
    stroke: var(--_fg);
    stroke-width: 0.75;
  }
  .cells text {
    fill: var(--_fg);
    font-variant-numeric: tabular-nums;
  }
  .cells .strong text {
    fill: var(--_accent-fg);
  }
  .row-names text,
  .col-names text,
  .axis-title {
    fill: var(--_muted);
  }
  table.counts {
    border-collapse: collapse;
    font-size: 0.75em;
    font-variant-numeric: tabular-nums;
    margin-top: 0.5rem;
  }
  table.counts caption {
    text-align: start;
    color: var(--_muted);
  }
  table.counts th,
  table.counts td {
    border: 1px solid var(--_border);
    padding: 0.1rem 0.3rem;
    text-align: end;
  }
  table.counts td.hit {
    font-weight: 600;
  }
  .drawing {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_gap) * 2);
    align-items: flex-start;
    margin-top: var(--_gap);
  }
  .verdict {
    flex: 1 1 14rem;
  }
  .verdict p {
    margin: 0 0 0.4rem;
  }
  .verdict .label {
    font-size: 1.4em;
  }
  canvas.neighbour {
    width: var(--ae-digit-size, 48px);
    height: var(--ae-digit-size, 48px);
    border: 1px solid var(--_border);
  }
  .neighbours li {
    font-size: 0.75em;
    color: var(--_muted);
  }
`;
