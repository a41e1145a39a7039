import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and CRLF', () => {
    const text = 'code,name,notes\r\n430224,茶陵县,"a, b | ""c"""\r\n431271,洪江区,\n';
    expect(parseCsv(text)).toEqual([
      { code: '430224', name: '茶陵县', notes: 'a, b | "c"' },
      { code: '431271', name: '洪江区', notes: '' },
    ]);
  });
});
