import { describe, expect, it } from 'vitest';
import { attributeIssues, type AttributeSchema } from './attribute-schema';

const tea: AttributeSchema = {
  attributes: [
    {
      key: 'teaType', labelZh: '茶类', labelEn: 'Tea type', type: 'enum', required: true,
      options: [{ value: 'dark', labelZh: '黑茶', labelEn: 'Dark tea' }, { value: 'green', labelZh: '绿茶', labelEn: 'Green tea' }],
    },
    { key: 'productionYear', labelZh: '生产年份', labelEn: 'Production year', type: 'year', min: 1950, max: 2100 },
    { key: 'pickedOn', labelZh: '采摘日期', labelEn: 'Picked on', type: 'date' },
    { key: 'brix', labelZh: '糖度', labelEn: 'Sugar', type: 'decimal', min: 0, max: 40 },
  ],
};

describe('attribute schema', () => {
  it('accepts matching values', () => {
    expect(attributeIssues(tea, { teaType: 'dark', productionYear: 2024, pickedOn: '2024-04-01', brix: 12.5 })).toEqual([]);
  });
  it('reports missing required, unknown keys, wrong options, types and ranges', () => {
    expect(attributeIssues(tea, { colour: 'red', productionYear: '2024', brix: 41, pickedOn: '2024-02-30' })).toEqual([
      { key: 'colour', reason: 'unknown' },
      { key: 'teaType', reason: 'required' },
      { key: 'productionYear', reason: 'type' },
      { key: 'pickedOn', reason: 'type' },
      { key: 'brix', reason: 'range' },
    ]);
    expect(attributeIssues(tea, { teaType: 'oolong' })).toEqual([{ key: 'teaType', reason: 'option' }]);
  });
  it('counts text length in characters a reader sees and refuses line breaks in a one-line value', () => {
    const schema: AttributeSchema = { attributes: [{ key: 'variety', labelZh: '品种', labelEn: 'Variety', type: 'text', maxLength: 5 }] };
    expect(attributeIssues(schema, { variety: '🍊🍊🍊🍊🍊' })).toEqual([]);
    expect(attributeIssues(schema, { variety: '🍊🍊🍊🍊🍊🍊' })).toEqual([{ key: 'variety', reason: 'length' }]);
    expect(attributeIssues(schema, { variety: '冰糖\n橙' })).toEqual([{ key: 'variety', reason: 'characters' }]);
  });
});
