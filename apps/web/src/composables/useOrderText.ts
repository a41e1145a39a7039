import { useI18n } from 'vue-i18n';
import type { OrderStatus, PaymentMethod } from '../graphql/generated/graphql';
import { useReferenceStore } from '../stores/reference';
import { useLocalized } from './useLocalized';

/**
 * How orders read on every order page: statuses, ways of paying, who did what, and quantities in
 * the unit of their listing (order lines carry the unit's code; its name comes from the units list,
 * which the page loads with `reference.loadReference()`).
 */
export function useOrderText() {
  const { t, te, locale } = useI18n();
  const { name } = useLocalized();
  const reference = useReferenceStore();

  const unitName = (code: string): string => {
    const unit = reference.units.find((u) => u.code === code);
    return unit ? name(unit) : code;
  };
  const quantity = (n: number, unitCode: string): string => `${n.toLocaleString(locale.value === 'en' ? 'en-US' : 'zh-CN')} ${unitName(unitCode)}`;
  const status = (s: OrderStatus): string => t(`orders.statuses.${s}`);
  const method = (m: PaymentMethod): string => t(`checkout.methods.${m}`);
  /** A move of the timeline; an action this page does not know yet reads as its code. */
  const move = (action: string): string => (te(`order.moves.${action}`) ? t(`order.moves.${action}`) : action);
  const actor = (role: string): string => (te(`order.actors.${role}`) ? t(`order.actors.${role}`) : role);
  const time = (iso: string): string => new Date(iso).toLocaleString(locale.value === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'medium', timeStyle: 'short' });

  return { unitName, quantity, status, method, move, actor, time };
}
