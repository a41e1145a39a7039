import { describe, expect, it } from 'vitest';
import { ListingStatus } from './listing.entity';
import { attributeSchemaProblems, canTransition, statusForStock } from './listing-rules';

describe('listing status', () => {
  it('allows publishing, pausing and archiving, but nothing out of archive', () => {
    expect(canTransition(ListingStatus.DRAFT, ListingStatus.ACTIVE)).toBe(true);
    expect(canTransition(ListingStatus.ACTIVE, ListingStatus.PAUSED)).toBe(true);
    expect(canTransition(ListingStatus.PAUSED, ListingStatus.ACTIVE)).toBe(true);
    expect(canTransition(ListingStatus.ARCHIVED, ListingStatus.ACTIVE)).toBe(false);
    expect(canTransition(ListingStatus.ACTIVE, ListingStatus.SOLD_OUT)).toBe(false);
  });

  it('follows stock between on sale and sold out', () => {
    expect(statusForStock(ListingStatus.ACTIVE, 0)).toBe(ListingStatus.SOLD_OUT);
    expect(statusForStock(ListingStatus.SOLD_OUT, 5)).toBe(ListingStatus.ACTIVE);
    expect(statusForStock(ListingStatus.PAUSED, 0)).toBe(ListingStatus.PAUSED);
  });
});

describe('attribute schema definitions', () => {
  it('accepts a well-formed schema', () => {
    expect(
      attributeSchemaProblems({
        attributes: [
          { key: 'variety', labelZh: '品种', labelEn: 'Variety', type: 'text' },
          { key: 'grade', labelZh: '等级', labelEn: 'Grade', type: 'enum', options: [{ value: 'a', labelZh: '甲', labelEn: 'A' }] },
        ],
      }),
    ).toEqual([]);
  });

  it('names what is wrong', () => {
    expect(attributeSchemaProblems({})).toEqual(['attributes must be a list']);
    expect(
      attributeSchemaProblems({
        attributes: [
          { key: 'Bad Key', labelZh: 'x', labelEn: 'x', type: 'text' },
          { key: 'grade', labelZh: '等级', labelEn: 'Grade', type: 'enum', options: [] },
          { key: 'weight', labelZh: '重', labelEn: 'Weight', type: 'float' },
          { key: 'n', labelZh: '数', labelEn: 'N', type: 'integer', min: 5, max: 1 },
        ],
      }),
    ).toEqual(['bad key "Bad Key"', 'grade: enum needs options', 'weight: unknown type "float"', 'n: min above max']);
  });
});
