import { describe, expect, it } from 'vitest';
import { documentTokens, highlight, initialsOf, pinyinOf, queryUnits, relaxedTsquery, strictTsquery, type DocumentText } from './text-analysis';

const doc = (title: string, names: string[] = [], attributes: Record<string, unknown> = {}): DocumentText => ({ title, names, description: '', attributes });
const everything = (d: DocumentText) => {
  const t = documentTokens(d);
  return new Set([...t.a, ...t.b, ...t.c, ...t.d]);
};

/** Whether a document's tokens satisfy a query's units, as the strict tsquery would. */
function matches(d: DocumentText, q: string): boolean {
  const tokens = everything(d);
  return queryUnits(q).every(
    (unit) =>
      unit.any.some((t) => (t.prefix ? [...tokens].some((x) => x.startsWith(t.token)) : tokens.has(t.token))) ||
      (unit.all.length > 0 && unit.all.every((p) => tokens.has(p))),
  );
}

describe('text analysis', () => {
  it('keeps the analysis of a text written again, not of one seen once', () => {
    const text = doc(`安化黑茶 ${Math.random()}`, ['黑茶', '安化县']);
    const first = documentTokens(text);
    const second = documentTokens({ ...text, names: [...text.names] });
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(documentTokens({ ...text })).toBe(second);
    expect(documentTokens(doc(`${text.title} 千两茶`, text.names))).not.toBe(second);
  });

  const tea = doc('安化黑茶 天尖 2024 年', ['黑茶', '天尖茶', '安化县云台山黑茶专业合作社', '安化县', '益阳市']);
  const orange = doc('麻阳冰糖橙 70-75 毫米 产地直发', ['柑橘', '冰糖橙', '麻阳苗族自治县']);
  const hog = doc('宁乡花猪 生猪 110-130 公斤', ['生猪'], { breed: '宁乡花猪' });
  const oil = doc('邵阳茶油 冷榨一级 5 升装', ['茶油']);

  it('spells Chinese in pinyin and initials', () => {
    expect(pinyinOf('安化黑茶')).toBe('anhuaheicha');
    expect(initialsOf('安化黑茶')).toBe('ahhc');
    expect(pinyinOf('绿茶')).toBe('lvcha');
  });

  it.each([
    ['黑茶', tea],
    ['安化黑茶', tea],
    ['安化 天尖', tea],
    ['anhua heicha', tea],
    ['anhuaheicha', tea],
    ['ahhc', tea],
    ['heic', tea],
    ['冰糖橙', orange],
    ['冰糖', orange],
    ['冰糖澄', orange],
    ['bingtangcheng', orange],
    ['土猪', hog],
    ['黑猪肉', hog],
    ['山茶油', oil],
    ['油茶籽油', oil],
    ['云台山', tea],
    ['益阳', tea],
    ['2024', tea],
  ])('finds %s', (query, document) => {
    expect(matches(document, query)).toBe(true);
  });

  it.each([
    ['黑茶', orange],
    ['冰糖橙', tea],
    ['土猪', oil],
    ['ahhc', orange],
  ])('does not find %s where it is not', (query, document) => {
    expect(matches(document, query)).toBe(false);
  });

  it('keeps tokens to letters and digits, so that nothing typed becomes query syntax', () => {
    const tsquery = strictTsquery(queryUnits(`黑茶' | !(x) & y:* <-> z\\`));
    expect(tsquery).not.toMatch(/['\\!<>-]/);
    expect(relaxedTsquery(queryUnits('冰糖澄'))).toContain('|');
  });

  it('cuts long queries', () => {
    expect(queryUnits('茶'.repeat(500)).reduce((n, u) => n + [...u.text].length, 0)).toBeLessThanOrEqual(100);
  });

  it('marks what matched in a title, without markup', () => {
    expect(highlight('安化黑茶 天尖 2024 年', queryUnits('黑茶'))).toEqual([
      { text: '安化', match: false },
      { text: '黑茶', match: true },
      { text: ' 天尖 2024 年', match: false },
    ]);
    const marked = (title: string, q: string) => highlight(title, queryUnits(q)).filter((s) => s.match).map((s) => s.text);
    expect(marked('安化黑茶 天尖 2024 年', 'ahhc')).toEqual(['安化黑茶']);
    expect(marked('安化黑茶 天尖 2024 年', 'anhua heicha')).toEqual(['安化黑茶']);
    expect(marked('安化黑茶 天尖 2024 年', 'tianjian')).toEqual(['天尖']);
    expect(marked('麻阳冰糖橙 产地直发', 'bingtang')).toEqual(['冰糖橙']); // the word it begins
    expect(marked('麻阳冰糖橙 产地直发', 'shuiguo')).toEqual([]);
    expect(highlight('<b>茶</b>', queryUnits('茶'))).toEqual([
      { text: '<b>', match: false },
      { text: '茶', match: true },
      { text: '</b>', match: false },
    ]);
  });

  it('marks every occurrence, overlapping ones too, the same way whatever characters the title holds', () => {
    // the plain definition: a character is marked when some needle, compared character by character
    // with the normalised title, covers it
    const expected = (title: string, needles: string[]) => {
      const chars = [...title];
      const lower = [...title.normalize('NFKC').toLowerCase()];
      const marked = chars.map(() => false);
      if (lower.length === chars.length) {
        for (const needle of needles.map((n) => [...n])) {
          for (let i = 0; i + needle.length <= lower.length; i++) if (needle.every((c, k) => lower[i + k] === c)) needle.forEach((_, k) => (marked[i + k] = true));
        }
      }
      return chars.map((c, i) => `${marked[i] ? '[' : ''}${c}${marked[i] ? ']' : ''}`).join('').replaceAll('][', '');
    };
    const shown = (title: string, q: string) => highlight(title, queryUnits(q)).map((s) => (s.match ? `[${s.text}]` : s.text)).join('');
    const alphabet = ['茶', '黑', '安', '化', 'A', 'a', 'Ｂ', 'b', ' ', '1', '𠀀', 'ﬁ', 'İ'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    for (let round = 0; round < 300; round++) {
      const title = Array.from({ length: 1 + (round % 12) }, () => alphabet[next()]).join('');
      for (const q of ['黑茶', '茶茶', 'ab', 'bb', 'fi', '1']) {
        const needles = queryUnits(q).flatMap((u) => (/\p{Script=Han}/u.test(u.text) ? [u.text, ...u.all] : u.text.length > 1 ? [u.text] : []));
        expect(shown(title, q), `${title} / ${q}`).toBe(expected(title, needles));
      }
    }
    expect(shown('茶茶茶', '茶茶')).toBe('[茶茶茶]');
    expect(highlight('', queryUnits('茶'))).toEqual([]);
  });
});
