import { describe, expect, it } from 'vitest';
import { usccCheckCharacter, usccDivisionCode, usccProblem } from './uscc';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  // Published codes of registered companies.
  it.each(['914403001922038216', '91110000802100433B', '91110108551385082Q', '91350100M000100Y43'])('accepts %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('accepts lower case and surrounding spaces', () => {
    expect(usccProblem(' 91110000802100433b ')).toBeNull();
  });

  it('rejects a changed check character', () => {
    expect(usccProblem('914403001922038217')).toBe('checkCharacter');
  });

  it('rejects a changed body character', () => {
    expect(usccProblem('914403001922038316')).toBe('checkCharacter');
  });

  it('rejects wrong lengths and letters outside the alphabet', () => {
    expect(usccProblem('91440300192203821')).toBe('length');
    expect(usccProblem('91440300192203821I')).toBe('characters');
    expect(usccProblem('9144030019220382O6')).toBe('characters');
  });

  it('computes the check character that maps 31 to 0', () => {
    const body = '9143010000000000';
    for (const ch of '0123456789') {
      const check = usccCheckCharacter(body + ch);
      expect(check).not.toBeNull();
      expect(usccProblem(body + ch + check)).toBeNull();
    }
  });

  it('reads the division code', () => {
    expect(usccDivisionCode('91431100MA4QX0XX0X')).toBe('431100');
  });
});
