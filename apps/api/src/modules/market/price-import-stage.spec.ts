import { describe, expect, it } from 'vitest';
import { copyValue } from './price-import-stage';

describe('staging checked rows', () => {
  it('writes values as COPY reads them back: NULL apart, and backslashes, tabs and line breaks escaped', () => {
    expect(copyValue(null)).toBe('\\N');
    expect(copyValue(1460)).toBe('1460');
    expect(copyValue('外三元')).toBe('外三元');
    expect(copyValue('\\N')).toBe('\\\\N');
    expect(copyValue('一级\t散养\r\n新货\\')).toBe('一级\\t散养\\r\\n新货\\\\');
  });
});
