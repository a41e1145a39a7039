import { formatFen } from '@xiangnong/domain';
import { useI18n } from 'vue-i18n';
import type { UnitFieldsFragment as Unit } from '../graphql/generated/graphql';
import { useLocalized } from './useLocalized';

/** Price strings shared by cards and the detail page: "¥360.00 / 千克" and, for other mass units, the per-kg figure. */
export function usePrice() {
  const { t } = useI18n();
  const { name } = useLocalized();

  function perUnit(fen: number, unit: Unit): string {
    return t('listing.perUnit', { price: formatFen(fen), unit: name(unit) });
  }

  /** Null when the unit is not a mass, or already is the kilogram (the figure would repeat the price). */
  function perKg(fen: number | null, unit: Unit): string | null {
    if (fen == null || !unit.isMass || unit.code === 'KG') return null;
    return t('listing.perKg', { price: formatFen(fen) });
  }

  /** The price per kilogram itself, where it leads (search results): "¥360.00 / 公斤". */
  function perKgPrice(fen: number): string {
    return t('listing.perKgLead', { price: formatFen(fen) });
  }

  return { perUnit, perKg, perKgPrice, formatFen };
}
