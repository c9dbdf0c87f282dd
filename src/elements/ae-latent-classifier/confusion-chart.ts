import { scaleBand, scaleLinear } from 'd3-scale';
import { select, type Selection } from 'd3-selection';

/** One cell of the matrix: test samples of class `truth` predicted as `predicted`. */
interface Cell {
  truth: number;
  predicted: number;
  count: number;
  /** Share of the row (the true class) that went to this column. */
  share: number;
}

const CELL = 22;
const GAP = 1;
/** Past this many classes the counts no longer fit in the cells; the colour still tells. */
const MAX_NUMBERED = 12;
const CHAR = 5.5;

/** The column labels lean when any name is wider than a cell. */
const leans = (names: readonly string[]) => names.some((n) => n.length * CHAR > CELL);

/** The chart's axis titles, and its counts as the element's language writes them. */
export interface ConfusionText {
  truth: string;
  predicted: string;
  count: (n: number) => string;
}

/**
 * A confusion matrix as a heatmap inside an existing <svg>: a row per true class, a
 * column per predicted class, each cell shaded by its share of the row, with the count
 * written in it. Built once; `update` joins the new counts onto the existing cells.
 */
export class ConfusionChart {
  private cells: Selection<SVGGElement, unknown, null, undefined>;
  private rows: Selection<SVGGElement, unknown, null, undefined>;
  private cols: Selection<SVGGElement, unknown, null, undefined>;
  private rowTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private colTitle: Selection<SVGTextElement, unknown, null, undefined>;
  private shade = scaleLinear().domain([0, 1]).range([0.04, 1]).clamp(true);

  constructor(readonly svg: SVGSVGElement) {
    const root = select(svg);
    this.cells = root.append('g').attr('class', 'cells');
    this.rows = root.append('g').attr('class', 'row-names');
    this.cols = root.append('g').attr('class', 'col-names');
    this.rowTitle = root.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle');
    this.colTitle = root.append('text').attr('class', 'axis-title').attr('text-anchor', 'middle');
  }

  /** `confusion`: classes x classes counts, row = true class; `names`: each class as shown; `text`: the words and number format. */
  update(confusion: Uint32Array, classes: number, names: readonly string[], text: ConfusionText) {
    const widest = Math.max(1, ...names.map((n) => n.length));
    const left = 16 + Math.min(90, widest * CHAR + 6);
    const lean = leans(names);
    // Leaning names reach up and to the right by about 0.72 of their length.
    const reach = lean ? Math.min(70, widest * CHAR * 0.72 + 6) : 0;
    const top = 16 + (lean ? reach : 14);
    const side = classes * CELL;
    const ids = Array.from({ length: classes }, (_, i) => i);
    const x = scaleBand<number>().domain(ids).range([left, left + side]).paddingInner(GAP / CELL);
    const y = scaleBand<number>().domain(ids).range([top, top + side]).paddingInner(GAP / CELL);
    select(this.svg).attr('viewBox', `0 0 ${left + side + Math.max(4, reach - CELL / 2)} ${top + side + 4}`);

    const data: Cell[] = [];
    for (let t = 0; t < classes; t++) {
      let total = 0;
      for (let p = 0; p < classes; p++) total += confusion[t * classes + p];
      for (let p = 0; p < classes; p++) {
        const count = confusion[t * classes + p];
        data.push({ truth: t, predicted: p, count, share: total ? count / total : 0 });
      }
    }
    const numbered = classes <= MAX_NUMBERED;
    const cells = this.cells
      .selectAll<SVGGElement, Cell>('g.cell')
      .data(data, (c) => `${c.truth},${c.predicted}`)
      .join((enter) => {
        const g = enter.append('g').attr('class', 'cell');
        g.append('rect');
        g.append('text').attr('text-anchor', 'middle').attr('dominant-baseline', 'central');
        return g;
      })
      .attr('transform', (c) => `translate(${x(c.predicted)},${y(c.truth)})`)
      .classed('hit', (c) => c.truth === c.predicted)
      .classed('strong', (c) => c.share > 0.5);
    cells.select('rect').attr('width', x.bandwidth()).attr('height', y.bandwidth()).attr('fill-opacity', (c) => (c.count ? this.shade(c.share) : 0));
    cells
      .select('text')
      .attr('x', x.bandwidth() / 2)
      .attr('y', y.bandwidth() / 2)
      .text((c) => (numbered && c.count ? text.count(c.count) : ''));

    this.rows
      .selectAll('text')
      .data(ids)
      .join('text')
      .attr('text-anchor', 'end')
      .attr('dominant-baseline', 'central')
      .attr('x', left - 4)
      .attr('y', (i) => y(i)! + y.bandwidth() / 2)
      .text((i) => names[i]);
    this.cols
      .selectAll('text')
      .data(ids)
      .join('text')
      .attr('text-anchor', lean ? 'start' : 'middle')
      .attr('transform', (i) => `translate(${x(i)! + x.bandwidth() / 2},${top - 4})${lean ? ' rotate(-45)' : ''}`)
      .text((i) => names[i]);
    this.rowTitle.attr('transform', `translate(8,${top + side / 2}) rotate(-90)`).text(text.truth);
    this.colTitle.attr('x', left + side / 2).attr('y', 9).text(text.predicted);
  }
}
