import { type CodesOf, defineErrors } from '../../common/errors';

export const SEARCH_ERRORS = defineErrors({
  'search/filter-unknown': ['筛选条件中有不存在的值（频道、品类、地区或认证）', 'A filter names something that does not exist (channel, category, place or certification)', 400],
  'search/filter-too-many': ['同一筛选项最多选 20 个值', 'At most 20 values per filter', 400],
  'search/price-range-invalid': ['价格区间无效：须为 0 到 1000 万元/公斤之间的整数分，且下限不高于上限', 'Invalid price range: whole fen between 0 and 10 million yuan per kg, the lower bound not above the upper', 400],
  'search/page-too-deep': ['结果最多翻到第 1000 条，请缩小范围', 'Results go up to the 1,000th; narrow the search to see more', 400],
  'search/page-size': ['每页最多 50 条', 'At most 50 results per page', 400],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof SEARCH_ERRORS> {}
}
