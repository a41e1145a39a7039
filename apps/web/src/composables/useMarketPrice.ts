import { formatFen, unitInfo } from '@xiangnong/domain';
import { useI18n } from 'vue-i18n';
import type { CommodityFieldsFragment } from '../graphql/generated/graphql';
import { perJinFen, perQuotingUnitFen } from '../lib/prices';

/**
 * Market prices as the 行情 pages write them: "¥14.60 / 千克", and beside a price per kilogram the
 * price per 斤, which is how most people here think of it. `perUnit` is what the API quotes in
 * (KG for commodities sold by weight, else the commodity's own unit, such as HEAD).
 */
export function useMarketPrice() {
  const { t, locale } = useI18n();

  function unitName(code: string): string {
    const info = unitInfo(code);
    if (!info) return code;
    return locale.value === 'en' ? info.en : info.zh;
  }

  function price(fen: number, perUnit: string): string {
    return t('listing.perUnit', { price: formatFen(fen), unit: unitName(perUnit) });
  }

  /** Per kilogram, "¥7.30 / 斤"; null for prices that are not per kilogram. */
  function perJin(fen: number, perUnit: string): string | null {
    return perUnit === 'KG' ? t('prices.perJin', { price: formatFen(perJinFen(fen)) }) : null;
  }

  /** "¥14.60 / 千克（¥7.30 / 斤）", or the price alone when it is not per kilogram. */
  function priceWithJin(fen: number, perUnit: string): string {
    const jin = perJin(fen, perUnit);
    return jin ? t('prices.withJin', { price: price(fen, perUnit), jin }) : price(fen, perUnit);
  }

  /** Per kilogram in the unit the trade quotes the commodity in, "折合 ¥125.50 / 50千克"; null where that adds nothing. */
  function perQuotingUnit(fen: number, perUnit: string, commodity: Pick<CommodityFieldsFragment, 'unit' | 'unitQuantity'>): string | null {
    const quoted = perUnit === 'KG' ? perQuotingUnitFen(fen, commodity) : null;
    if (quoted === null) return null;
    const quantity = commodity.unitQuantity === 1 ? '' : `${commodity.unitQuantity}${locale.value === 'en' ? ' ' : ''}`;
    return t('prices.perQuotingUnit', { price: formatFen(quoted), unit: `${quantity}${unitName(commodity.unit)}` });
  }

  /** "元/千克" for the axis and the download's name. */
  function yuanPer(perUnit: string): string {
    return t('prices.yuanPer', { unit: unitName(perUnit) });
  }

  return { price, perJin, perQuotingUnit, priceWithJin, yuanPer, unitName, formatFen };
}
