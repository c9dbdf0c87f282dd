import { expect } from '@open-wc/testing';
import { parseTable, parseTableInSlices } from '../src/data/table.js';
import { rejection } from './helpers.js';

const run = (f: () => unknown) => rejection(Promise.resolve().then(f));

describe('CSV and TSV tables', () => {
  it('reads a header, text labels as class names in order of appearance, and numbers as vectors', () => {
    const t = parseTable('x,y,kind\n1,2,cat\n3,4.5,dog\n-1e-3,6,cat\n', { labelColumn: 'kind', name: 'pets.csv' });
    expect(t.hasHeader).to.equal(true);
    expect(t.columns).to.deep.equal(['x', 'y']);
    expect(t.input).to.include({ name: 'pets.csv', n: 3, sample: 'vector', length: 2 });
    expect([...(t.input.images as Float32Array)]).to.deep.equal([1, 2, 3, 4.5, Math.fround(-1e-3), 6]);
    expect([...(t.input.labels as Uint8Array)]).to.deep.equal([0, 1, 0]);
    expect(t.input.classNames).to.deep.equal(['cat', 'dog']);
    expect(t.skipped).to.deep.equal([]);
  });

  it('keeps whole-number labels as numbers, and reads TSV, quotes, CRLF and a BOM', () => {
    const t = parseTable('\ufeffa\tb\tlabel\r\n"1"\t2\t7\r\n3\t"4"\t0\r\n', { labelColumn: 'label' });
    expect(t.delimiter).to.equal('\t');
    expect([...(t.input.labels as Uint8Array)]).to.deep.equal([7, 0]);
    expect(t.input.classNames).to.equal(undefined);
    const q = parseTable('name,v\n"Smith, J.",1\n"say ""hi""",2\n', { labelColumn: 'name' });
    expect(q.input.classNames).to.deep.equal(['Smith, J.', 'say "hi"']);
  });

  it('reads a table without a header, its label column by number', () => {
    const t = parseTable('0.5,0.25,1\n0.75,0,0\n', { labelColumn: 2 });
    expect(t.hasHeader).to.equal(false);
    expect(t.columns).to.deep.equal(['c0', 'c1']);
    expect(t.input.n).to.equal(2);
    expect([...(t.input.labels as Uint8Array)]).to.deep.equal([1, 0]);
  });

  it('skips a ragged row, a non-numeric cell, NaN and a missing label, each with its line and reason', () => {
    const text = ['a,b,c', '1,2,3', '4,5', '6,seven,8', '9,NaN,1', '2,3,Infinity', '', '1,1,1'].join('\n');
    const t = parseTable(text);
    expect(t.input.n).to.equal(2);
    expect(t.skipped).to.deep.equal([
      { line: 3, reason: 'has 2 cells; the header has 3' },
      { line: 4, reason: 'column "b" is "seven", not a number' },
      { line: 5, reason: 'column "b" is NaN; values must be finite' },
      { line: 6, reason: 'column "c" is Infinity; values must be finite' },
    ]);
    const labelled = parseTable('v,l\n1,a\n2,\n', { labelColumn: 'l' });
    expect(labelled.skipped).to.deep.equal([{ line: 3, reason: 'has no label' }]);
  });

  it('refuses an empty file, a table with no readable row, and an unknown label column', async () => {
    let err = await run(() => parseTable('  \n', { name: 'empty.csv' }));
    expect(err.code).to.equal('dataset-invalid');
    expect(err.message).to.equal('empty.csv is empty.');
    err = await run(() => parseTable('a,b\nx,y\n1\n'));
    expect(err.message).to.match(/has no readable rows: line 2 column "a" is "x", not a number; line 3 has 1 cells/);
    err = await run(() => parseTable('a,b\n1,2\n', { labelColumn: 'class' }));
    expect(err.message).to.equal('The label column "class" is not in the table: the columns are "a", "b".');
    err = await run(() => parseTable('a\n1\n', { labelColumn: 'a' }));
    expect(err.message).to.match(/no numeric columns besides the labels/);
  });
});

describe('tables read in slices', () => {
  it('gives the same table as one parse, reporting progress between slices of rows', async () => {
    const lines = ['a,b,label', ...Array.from({ length: 4500 }, (_, i) => `${i},${i / 2},${i % 3 ? 'x' : 'y'}`), '1,2'];
    const text = lines.join('\n');
    const seen: number[] = [];
    let pauses = 0;
    const sliced = await parseTableInSlices(text, { labelColumn: 'label' }, (line) => seen.push(line), async () => pauses++);
    const whole = parseTable(text, { labelColumn: 'label' });
    expect(sliced.input.n).to.equal(4500);
    expect([...(sliced.input.images as Float32Array)]).to.deep.equal([...(whole.input.images as Float32Array)]);
    expect(sliced.input.classNames).to.deep.equal(['y', 'x']);
    expect(sliced.skipped).to.deep.equal([{ line: 4502, reason: 'has 2 cells; the header has 3' }]);
    expect(seen).to.deep.equal([2001, 4001]);
    expect(pauses).to.equal(2);
  });
});
