/**
 * Text that people type: what it may contain and how long it is. The API enforces these rules and
 * the storefront shows the same limits, so a form never accepts what the server will refuse.
 */

/**
 * Characters no typed text contains: C0 controls other than tab, line feed and carriage return,
 * DEL and the C1 controls, the noncharacters U+FFFE/U+FFFF, and unpaired surrogates (which no
 * UTF-8 database can store).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;

export function hasForbiddenCharacters(text: string): boolean {
  return FORBIDDEN.test(text);
}

let segmenter: Intl.Segmenter | undefined;

/** Text in which every UTF-16 unit is a character of its own: no surrogates, combining marks, joiners or CR LF. */
const ONE_UNIT_EACH = /^[\t\n\x20-\x7e\xa0-\xff\u3000-\u3029\u3030-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff9d\uffa0-\uffef]*$/;

/**
 * Characters as a reader counts them (grapheme clusters): 茶, é, 👍 and 👨‍👩‍👧 are one each, although
 * they take one to eight UTF-16 units.
 */
export function characterCount(text: string): number {
  // most text is printable ASCII, Latin-1, CJK and its punctuation: one unit, one character
  if (ONE_UNIT_EACH.test(text)) return text.length;
  segmenter ??= new Intl.Segmenter('zh-CN', { granularity: 'grapheme' });
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

export interface TextRule {
  /** fewest characters; 0 when the text may be left empty */
  min: number;
  max: number;
  /** may contain line breaks (descriptions); names and titles are one line */
  multiline?: boolean;
}

/**
 * Every limit on typed text in one place. Columns that hold these allow four code points per
 * character, so a limit counted in characters always fits.
 */
export const TEXT_RULES = {
  displayName: { min: 1, max: 40 },
  organisationName: { min: 2, max: 60 },
  organisationDescription: { min: 0, max: 2000, multiline: true },
  contactName: { min: 1, max: 40 },
  verificationReason: { min: 1, max: 500, multiline: true },
  listingTitle: { min: 4, max: 60 },
  listingDescription: { min: 0, max: 5000, multiline: true },
  attributeText: { min: 0, max: 200 },
  channelNameZh: { min: 1, max: 20 },
  channelNameEn: { min: 1, max: 40 },
  channelDescription: { min: 0, max: 500, multiline: true },
  categoryNameZh: { min: 1, max: 30 },
  categoryNameEn: { min: 1, max: 60 },
  searchWords: { min: 0, max: 100 },
  recipientName: { min: 1, max: 20 },
  deliveryAddress: { min: 2, max: 100 },
  orderNote: { min: 0, max: 100 },
  orderReason: { min: 1, max: 100 },
  trackingDescription: { min: 1, max: 100 },
  trackingLocation: { min: 0, max: 30 },
  stationName: { min: 2, max: 30 },
  stationAddress: { min: 2, max: 100 },
  bankText: { min: 2, max: 50 },
  reviewComment: { min: 0, max: 300, multiline: true },
  mappingName: { min: 1, max: 30 },
} as const satisfies Record<string, TextRule>;

export type TextRuleName = keyof typeof TEXT_RULES;

/** Most code points one character may take before the text counts as too long (see TEXT_RULES). */
export const CODE_POINTS_PER_CHARACTER = 4;

export type TextProblem = 'characters' | 'lineBreak' | 'tooShort' | 'tooLong';

/** How typed text is stored: Unicode NFC, without surrounding white space. */
export function cleanText(raw: string): string {
  return raw.normalize('NFC').trim();
}

/** Why cleaned `text` breaks `rule`, or null. */
export function textProblem(text: string, rule: TextRule): TextProblem | null {
  if (hasForbiddenCharacters(text)) return 'characters';
  if (!rule.multiline && LINE_BREAK.test(text)) return 'lineBreak';
  // cheap bound first: a text of more code points than the column holds is too long however it is counted
  if (text.length > rule.max * CODE_POINTS_PER_CHARACTER * 2 || [...text].length > rule.max * CODE_POINTS_PER_CHARACTER) return 'tooLong';
  const count = characterCount(text);
  if (count > rule.max) return 'tooLong';
  if (count < rule.min) return 'tooShort';
  return null;
}
