import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { fileRows, quoteFileKind, type FileRow } from './quote-file';
import { checkRow, mapColumns, rowChecker, type ColumnMap, type QuoteReference } from './quote-rows';

const CSV = '品名,规格,产地,市场,最低价,平均价,最高价,单位,发布日期\n生猪,外三元,宁乡,长沙马王堆农产品批发市场,14.2,14.6,15.0,元/公斤,2026-11-30\n"早籼稻","三等",,岳阳,"135","136","138",元/50公斤,2026/11/30\n';

async function rowsOf(bytes: Buffer): Promise<FileRow[]> {
  const kind = quoteFileKind(bytes);
  if (typeof kind !== 'string') throw new Error(kind.problem);
  const rows: FileRow[] = [];
  for await (const row of fileRows(() => Readable.from([bytes]), kind)) rows.push(row);
  return rows;
}

const ref: QuoteReference = {
  commodity: (name) => ({ 生猪: { id: 1, unit: 'KG' }, 早籼稻: { id: 2, unit: 'KG' }, 冰糖橙: { id: 3, unit: 'JIN' } })[name],
  market: (name) => (name === '长沙马王堆农产品批发市场' ? { id: 7, countyCode: '430102' } : undefined),
  county: (name) => ({ 岳阳: { code: '430611' }, 岳阳县: { code: '430621' }, '430923': { code: '430923' } })[name],
  today: '2026-12-01',
};

describe('price files', () => {
  it('tells workbooks, UTF-8 and GBK text apart, and refuses the old Excel format and binaries', () => {
    expect(quoteFileKind(Buffer.from(CSV))).toBe('csv-utf8');
    expect(quoteFileKind(iconv.encode(CSV, 'gbk'))).toBe('csv-gbk');
    expect(quoteFileKind(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe('xlsx');
    expect(quoteFileKind(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]))).toEqual({ problem: 'xls' });
    expect(quoteFileKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toEqual({ problem: 'binary' });
    expect(quoteFileKind(Buffer.alloc(0))).toEqual({ problem: 'empty' });
    // a character cut at the end of the sample does not make UTF-8 look like GBK
    const cut = Buffer.from('品名,平均价\n生猪,14.6\n冰糖橙');
    expect(quoteFileKind(cut.subarray(0, cut.length - 1))).toBe('csv-utf8');
  });

  it('reads the same rows from UTF-8, GBK and a workbook, with their line numbers', async () => {
    const utf8 = await rowsOf(Buffer.from(`\uFEFF${CSV}`));
    const gbk = await rowsOf(iconv.encode(CSV, 'gbk'));
    expect(gbk).toEqual(utf8);
    expect(utf8.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(utf8[2]!.cells).toEqual(['早籼稻', '三等', '', '岳阳', '135', '136', '138', '元/50公斤', '2026/11/30']);
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('价格');
    sheet.addRow(['品名', '平均价（元/公斤）', '市场', '日期']);
    sheet.addRow(['生猪', 14.6, '长沙马王堆农产品批发市场', new Date(Date.UTC(2026, 10, 30))]);
    sheet.addRow([]);
    sheet.addRow(['生猪', { formula: 'B2+0.2', result: 14.8 }, '长沙马王堆农产品批发市场', new Date(Date.UTC(2026, 10, 29))]);
    const rows = await rowsOf(Buffer.from(await book.xlsx.writeBuffer()));
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(rows[2]!.cells[1]).toBe(14.8);
    expect(rows[1]!.cells[3]).toEqual(new Date(Date.UTC(2026, 10, 30)));
  });
});

describe('price rows', () => {
  const map = async (csv: string) => {
    const rows = await rowsOf(Buffer.from(csv));
    const columns = mapColumns(rows[0]!.cells);
    if ('problems' in columns) throw new Error(columns.problems.join());
    return { columns: columns as ColumnMap, rows: rows.slice(1) };
  };

  it('maps the usual Chinese headers, a unit in a header, and a saved mapping for unusual ones', () => {
    const usual = mapColumns(['品名', '规格', '产地', '市场', '最低价', '平均价', '最高价', '单位', '发布日期']);
    expect(usual).toMatchObject({ columns: { commodity: 0, market: 3, low: 4, average: 5, high: 6, unit: 7, date: 8 }, unknown: [] });
    expect(mapColumns(['品种', '均价（元/斤）', '县市区', '采价日期'])).toMatchObject({ headerUnit: { unit: 'JIN', quantity: 1 }, columns: { county: 2 } });
    expect(mapColumns(['货品', '今日均价', '地点', '日子'])).toEqual({ problems: ['missing-commodity', 'missing-date', 'missing-place', 'missing-price', 'missing-unit'], unknown: ['货品', '今日均价', '地点', '日子'] });
    const saved = mapColumns(['货品', '今日均价', '地点', '日子', '单位'], { 货品: 'commodity', 今日均价: 'average', 地点: 'county', 日子: 'date' });
    expect(saved).toMatchObject({ columns: { commodity: 0, average: 1, county: 2, date: 3, unit: 4 } });
  });

  it('turns rows into observations in fen with exact per-kg prices', async () => {
    const { columns, rows } = await map(CSV);
    const [pig, rice] = rows.map((row) => checkRow(row, columns, ref));
    expect(pig).toMatchObject({ observation: { commodityId: 1, marketId: 7, countyCode: '430102', observedOn: '2026-11-30', lowFen: 1420, avgFen: 1460, highFen: 1500, unit: 'KG', unitQuantity: 1, avgPerKgFen: 1460, specification: '外三元', origin: '宁乡' } });
    expect(rice).toMatchObject({ observation: { commodityId: 2, marketId: null, countyCode: '430611', lowFen: 13500, avgFen: 13600, unit: 'KG', unitQuantity: 50, avgPerKgFen: 272 } });
  });

  it('names every problem of a bad row', async () => {
    const { columns, rows } = await map(
      '品名,市场,县市区,最低价,平均价,最高价,单位,日期\n' +
        '猪肉,不存在的市场,,1,2,3,元/公斤,2026-11-30\n' +
        '生猪,,,15,14,13,元/亩,2026-12-02\n' +
        '冰糖橙,,430923,-1,2,3,元/头,2026-02-30\n' +
        '生猪,,430923,1,5,3,元/公斤,2026-11-30\n' +
        '生猪,,430923,1.234,,,元/公斤,2026-11-30\n',
    );
    const problems = rows.map((row) => {
      const checked = checkRow(row, columns, ref);
      return 'problems' in checked ? checked.problems : [];
    });
    expect(problems).toEqual([
      ['commodity-unknown', 'market-unknown'],
      ['place-missing', 'unit-unknown', 'date-future', 'low-above-high'],
      ['unit-mismatch', 'date-notADate', 'price-negative'],
      ['average-outside'],
      ['price-tooPrecise'],
    ]);
  });

  it('checks every row of a file on its own, however often its names, units, dates and prices repeat', async () => {
    const { columns, rows } = await map(
      '品名,市场,县市区,平均价,单位,日期\n' +
        '猪肉,长沙马王堆农产品批发市场,,14.6,元/公斤,2026-11-30\n' +
        '生猪,岳阳,,14.6,元/公斤,2026-11-30\n' +
        '猪肉,长沙马王堆农产品批发市场,,14.6,元/公斤,2026-11-30\n' +
        '生猪,岳阳,,14.6,元/公斤,2026-11-30\n' +
        '生猪,长沙马王堆农产品批发市场,,-1,元/亩,2026-12-02\n' +
        '生猪,长沙马王堆农产品批发市场,,-1,元/亩,2026-12-02\n',
    );
    const check = rowChecker(columns, ref);
    const outcome = (row: (typeof rows)[number]) => {
      const checked = check(row);
      return 'problems' in checked ? checked.problems : { countyCode: checked.observation.countyCode, avgFen: checked.observation.avgFen };
    };
    expect(rows.map(outcome)).toEqual([
      ['commodity-unknown'],
      { countyCode: '430611', avgFen: 1460 },
      ['commodity-unknown'],
      { countyCode: '430611', avgFen: 1460 },
      ['unit-unknown', 'date-future', 'price-negative'],
      ['unit-unknown', 'date-future', 'price-negative'],
    ]);
    expect(rows.map((row) => check(row))).toEqual(rows.map((row) => checkRow(row, columns, ref)));
  });
});
