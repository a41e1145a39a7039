import { type CodesOf, defineErrors } from '../../common/errors';

export const GEO_ERRORS = defineErrors({
  'geo/county-required': ['请选择所在县（区、市）', 'Choose the county', 400],
  'geo/county-unknown': ['未知的县（区、市）代码', 'Unknown county code', 400],
});

declare module '../../common/errors' {
  interface ErrorCatalogue extends CodesOf<typeof GEO_ERRORS> {}
}
