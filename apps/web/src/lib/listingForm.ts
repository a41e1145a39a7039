import {
  attributeIssues,
  cleanText,
  MAX_PRICE_TIERS,
  quantityProblem,
  TEXT_RULES,
  type AttributeSchema,
  type AttributeValue,
  type PriceTier,
} from '@xiangnong/domain';
import { rowsToTiers, type TierRow } from '../composables/priceTiers';
import { ApiError } from '../graphql/client';
import { message, type Message } from './messages';
import { textMessage } from './textMessages';

/**
 * The listing editor's checks: the same rules the API applies (shared through @xiangnong/domain),
 * each problem reported on the field it belongs to, in words that name it.
 */

/** Fields of the editor in the order they appear, which is the order errors are looked at. */
export const LISTING_FIELDS = ['category', 'attributes', 'title', 'description', 'origin', 'tiers', 'minOrder', 'stock', 'images'] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];
export type ListingErrors = Partial<Record<ListingField, Message>>;

export interface ListingFormValues {
  categoryId: string;
  schema: AttributeSchema | undefined;
  attributes: Record<string, AttributeValue>;
  title: string;
  description: string;
  originCountyCode: string;
  tierRows: readonly TierRow[];
  minOrderQuantity: string;
  stock: string;
}

export interface TierMark {
  row: number;
  part: 'quantity' | 'price';
}

export interface CheckedListing {
  errors: ListingErrors;
  /** The price-tier input the tiers error is about, for marking it (row 0 for problems of the whole table). */
  tierMark: TierMark | null;
  values: { title: string; description: string; tiers: PriceTier[]; minOrderQuantity: number; stock: number } | null;
}

function wholeNumber(text: string): number | null {
  return /^\d{1,10}$/.test(text.trim()) ? Number(text.trim()) : null;
}

export function checkListingForm(form: ListingFormValues): CheckedListing {
  const errors: ListingErrors = {};
  if (!form.categoryId) errors.category = message('editor.required');
  if (form.schema && attributeIssues(form.schema, form.attributes).length > 0) errors.attributes = message('editor.attributesInvalid');

  const title = cleanText(form.title);
  const description = cleanText(form.description);
  const titleProblem = title === '' ? message('editor.required') : textMessage(title, TEXT_RULES.listingTitle, 'editor.titleLength');
  if (titleProblem) errors.title = titleProblem;
  const descriptionProblem = textMessage(description, TEXT_RULES.listingDescription, 'editor.descriptionLength');
  if (descriptionProblem) errors.description = descriptionProblem;
  if (!form.originCountyCode) errors.origin = message('editor.required');

  // The minimum order and stock first: the first price tier is compared with the minimum only once that is valid.
  const minOrder = wholeNumber(form.minOrderQuantity);
  const stock = wholeNumber(form.stock);
  if (minOrder === null || quantityProblem(minOrder, 0) === 'minimumInvalid') errors.minOrder = message('editor.quantityProblems.minimumInvalid');
  if (stock === null || quantityProblem(1, stock) === 'stockInvalid') errors.stock = message('editor.quantityProblems.stockInvalid');
  else if (minOrder !== null && !errors.minOrder && quantityProblem(minOrder, stock) === 'stockBelowMinimum') {
    errors.stock = message('editor.quantityProblems.stockBelowMinimum');
  }

  let tierMark: TierMark | null = null;
  let tiers: PriceTier[] = [];
  const conversion = rowsToTiers(form.tierRows, errors.minOrder ? Number.MAX_SAFE_INTEGER : minOrder!);
  if (!conversion.ok) {
    tierMark = tierMarkFor(conversion.index, conversion.reason);
    errors.tiers =
      conversion.index >= 0
        ? message(conversion.reason === 'price' ? 'editor.tierRowPrice' : 'editor.tierRowQuantity', { n: conversion.index + 1 })
        : tierMessage(conversion.reason);
  } else tiers = conversion.tiers;

  const ok = Object.keys(errors).length === 0;
  return { errors, tierMark, values: ok ? { title, description, tiers, minOrderQuantity: minOrder!, stock: stock! } : null };
}

/** Which input to mark for a price-tier problem: the row's own input, or the first row for the table's problems. */
export function tierMarkFor(index: number, reason: string): TierMark {
  if (index >= 0) return { row: index, part: reason === 'price' ? 'price' : 'quantity' };
  return { row: 0, part: reason === 'priceRises' || reason === 'notPositive' ? 'price' : 'quantity' };
}

export function tierMessage(problem: string): Message {
  if (problem === 'tooMany') return message('editor.tierProblems.tooMany', { max: MAX_PRICE_TIERS });
  return message(`editor.tierProblems.${problem}`);
}

const TIER_PROBLEMS = ['empty', 'tooMany', 'tooLarge', 'notPositive', 'notInteger', 'outOfOrder', 'priceRises', 'firstTierAboveMinimum'];

const FIELD_OF_CODE: Record<string, ListingField> = {
  'catalog/category-unknown': 'category',
  'catalog/attributes-invalid': 'attributes',
  'catalog/title-invalid': 'title',
  'catalog/description-invalid': 'description',
  'geo/county-required': 'origin',
  'geo/county-unknown': 'origin',
  'catalog/price-tiers-invalid': 'tiers',
  'catalog/quantity-invalid': 'minOrder',
  'catalog/stock-invalid': 'stock',
  'catalog/stock-below-minimum': 'stock',
  'catalog/image-unknown': 'images',
  'catalog/too-many-images': 'images',
};

const FIELD_OF_TEXT_RULE: Record<string, ListingField> = { listingTitle: 'title', listingDescription: 'description' };

/**
 * The field an API refusal is about, with what to say there; null when it is about no one field
 * (then the message goes in the line above the buttons). `apiText` is the API's message in the UI language.
 */
export function listingErrorField(error: unknown, apiText: string): { field: ListingField; message: Message } | null {
  if (!(error instanceof ApiError)) return null;
  const details = (error.details ?? {}) as { problem?: string; field?: string };
  if (error.code === 'catalog/price-tiers-invalid' && details.problem && TIER_PROBLEMS.includes(details.problem)) {
    return { field: 'tiers', message: tierMessage(details.problem) };
  }
  const field = FIELD_OF_CODE[error.code] ?? (error.code === 'input/invalid-text' && details.field ? FIELD_OF_TEXT_RULE[details.field] : undefined);
  return field ? { field, message: { text: apiText } } : null;
}
