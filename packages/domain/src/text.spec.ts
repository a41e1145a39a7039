import { describe, expect, it } from 'vitest';
import { characterCount, cleanText, hasForbiddenCharacters, TEXT_RULES, textProblem } from './text';

describe('typed text', () => {
  it('counts characters as a reader sees them', () => {
    expect(characterCount('安化黑茶')).toBe(4);
    expect(characterCount('👍'.repeat(31))).toBe(31);
    expect(characterCount('👨‍👩‍👧')).toBe(1);
    expect(characterCount('e\u0301')).toBe(1);
    expect(characterCount('a\r\nb')).toBe(3);
    expect(characterCount('\u3042\u3099')).toBe(1);
  });

  it('counts common text the quick way exactly as grapheme segmentation does', () => {
    const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
    const byGraphemes = (text: string) => [...segmenter.segment(text)].length;
    // every unit of the ranges counted one by one, and mixed with a character that needs the segmenter
    const ranges: [number, number][] = [[0x09, 0x0a], [0x20, 0x7e], [0xa0, 0xff], [0x3000, 0x303f], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xff01, 0xffef]];
    for (const [from, to] of ranges) {
      for (let code = from; code <= to; code++) {
        const text = `x${String.fromCharCode(code)}茶`;
        expect(characterCount(text), code.toString(16)).toBe(byGraphemes(text));
        expect(characterCount(`${text}\u0301`), code.toString(16)).toBe(byGraphemes(`${text}\u0301`));
      }
    }
  });

  it('lets 60 emoji through a 60-character title and refuses the 61st', () => {
    expect(textProblem('🍊'.repeat(60), TEXT_RULES.listingTitle)).toBeNull();
    expect(textProblem('🍊'.repeat(61), TEXT_RULES.listingTitle)).toBe('tooLong');
  });

  it('refuses characters that are stacked without end, whatever they count as', () => {
    const zalgo = `茶${'\u0301'.repeat(300)}`;
    expect(characterCount(zalgo)).toBe(1);
    expect(textProblem(zalgo, TEXT_RULES.listingTitle)).toBe('tooLong');
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['bell', 'a\u0007b'],
    ['escape', '\u001b[31m'],
    ['DEL', 'a\u007fb'],
    ['C1', 'a\u0085b'],
    ['lone high surrogate', 'a\ud83cb'],
    ['lone low surrogate', 'a\udf4ab'],
    ['noncharacter', 'a\uffffb'],
  ])('refuses %s', (_name, text) => {
    expect(hasForbiddenCharacters(text)).toBe(true);
    expect(textProblem(text, TEXT_RULES.listingDescription)).toBe('characters');
  });

  it('keeps line breaks to texts of several lines', () => {
    expect(textProblem('第一行\n第二行', TEXT_RULES.listingDescription)).toBeNull();
    expect(textProblem('安化\n黑茶', TEXT_RULES.listingTitle)).toBe('lineBreak');
    expect(hasForbiddenCharacters('tab\tand\r\nnewline')).toBe(false);
  });

  it('stores text trimmed and composed', () => {
    expect(cleanText('  cafe\u0301 ')).toBe('café');
    expect(cleanText('  cafe\u0301 ').length).toBe(4);
  });

  it('knows short from empty', () => {
    expect(textProblem('茶', TEXT_RULES.organisationName)).toBe('tooShort');
    expect(textProblem('', TEXT_RULES.organisationDescription)).toBeNull();
  });
});
