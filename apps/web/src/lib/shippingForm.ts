import { parseYuanToFen } from '@xiangnong/domain';
import type { ShippingRulesFragment, ShippingTemplateInput } from '../graphql/generated/graphql';
import { message, type Message } from './messages';

/**
 * The shipping-template form: the seller types yuan and kilograms as text (so half-typed values
 * survive), the API takes fen and whole kilograms. The bounds are the API's (freightRulesProblem).
 */

export interface ZoneDraft {
  /** county (430923), prefecture (430900) or province (430000) codes */
  regions: string[];
  firstKg: string;
  firstYuan: string;
  additionalKg: string;
  additionalYuan: string;
}

export interface TemplateDraft {
  zones: ZoneDraft[];
  excluded: string[];
  coldChainYuanPerKg: string;
  /** empty: never free */
  freeAboveYuan: string;
  pieceWeightGrams: string;
}

export const PROVINCE_CODE = '430000';
export const MAX_ZONES = 50;
const MAX_FEN = 100_000_000;
const WHOLE = /^\d{1,9}$/;

export const fenToYuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export const newZone = (regions: string[] = []): ZoneDraft => ({ regions, firstKg: '1', firstYuan: '0.00', additionalKg: '1', additionalYuan: '0.00' });

export function templateToDraft(rules: ShippingRulesFragment): TemplateDraft {
  return {
    zones: rules.zones.map((zone) => ({
      regions: [...zone.regions],
      firstKg: String(zone.firstKg),
      firstYuan: fenToYuan(zone.firstFen),
      additionalKg: String(zone.additionalKg),
      additionalYuan: fenToYuan(zone.additionalFen),
    })),
    excluded: [...rules.excluded],
    coldChainYuanPerKg: fenToYuan(rules.coldChainFenPerKg),
    freeAboveYuan: rules.freeAboveFen === null ? '' : fenToYuan(rules.freeAboveFen),
    pieceWeightGrams: String(rules.pieceWeightGrams),
  };
}

/** Where a problem is shown: `zones`, `zone-<i>-<field>`, or one of the template's own fields. */
export type TemplateErrors = Record<string, Message>;

function kilograms(text: string): number | null {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return null;
  const kg = Number(trimmed);
  return kg >= 1 && kg <= 1000 ? kg : null;
}

function fen(text: string, { max = MAX_FEN, min = 0 } = {}): number | null {
  const value = parseYuanToFen(text);
  return value !== null && value >= min && value <= max ? value : null;
}

/** The template to send, or the problems beside their fields. */
export function draftToTemplate(draft: TemplateDraft): { errors: TemplateErrors; input: ShippingTemplateInput | null } {
  const errors: TemplateErrors = {};
  if (draft.zones.length === 0) errors.zones = message('shipping.zonesRequired');
  if (draft.zones.length > MAX_ZONES) errors.zones = message('shipping.zonesTooMany', { max: MAX_ZONES });
  const zones = draft.zones.map((zone, i) => {
    const firstKg = kilograms(zone.firstKg);
    const additionalKg = kilograms(zone.additionalKg);
    const firstFen = fen(zone.firstYuan);
    const additionalFen = fen(zone.additionalYuan);
    if (zone.regions.length === 0) errors[`zone-${i}-regions`] = message('shipping.regionsRequired');
    if (firstKg === null) errors[`zone-${i}-firstKg`] = message('shipping.kgInvalid');
    if (additionalKg === null) errors[`zone-${i}-additionalKg`] = message('shipping.kgInvalid');
    if (firstFen === null) errors[`zone-${i}-firstYuan`] = message('shipping.yuanInvalid');
    if (additionalFen === null) errors[`zone-${i}-additionalYuan`] = message('shipping.yuanInvalid');
    return { regions: zone.regions, firstKg: firstKg ?? 0, additionalKg: additionalKg ?? 0, firstFen: firstFen ?? 0, additionalFen: additionalFen ?? 0 };
  });
  const coldChainFenPerKg = fen(draft.coldChainYuanPerKg, { max: 100_000 });
  if (coldChainFenPerKg === null) errors.coldChain = message('shipping.coldChainInvalid');
  const freeAboveFen = draft.freeAboveYuan.trim() === '' ? null : fen(draft.freeAboveYuan, { min: 1, max: 2_000_000_000 });
  if (freeAboveFen === null && draft.freeAboveYuan.trim() !== '') errors.freeAbove = message('shipping.yuanInvalid');
  const grams = draft.pieceWeightGrams.trim();
  const pieceWeightGrams = WHOLE.test(grams) && Number(grams) >= 1 && Number(grams) <= 2_000_000 ? Number(grams) : null;
  if (pieceWeightGrams === null) errors.pieceWeight = message('shipping.pieceWeightInvalid');
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return {
    errors,
    input: { zones, excluded: draft.excluded, coldChainFenPerKg: coldChainFenPerKg ?? 0, freeAboveFen, pieceWeightGrams: pieceWeightGrams ?? 1 },
  };
}
