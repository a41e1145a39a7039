import type { AttributeDefinition, AttributeSchema, AttributeType, AttributeValue } from '@xiangnong/domain';

/**
 * The API's JSON scalar is typed `unknown` (codegen.ts): these read the few JSON fields the
 * storefront shows into the shapes it works with, dropping what does not fit instead of trusting it.
 */

const ATTRIBUTE_TYPES: readonly AttributeType[] = ['text', 'integer', 'decimal', 'enum', 'date', 'year', 'boolean'];

/** A JSON object as a record; anything else (null, an array, a number) reads as empty. */
export function jsonObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function isDefinition(value: unknown): value is AttributeDefinition {
  const def = jsonObject(value);
  return (
    typeof def.key === 'string' &&
    typeof def.labelZh === 'string' &&
    typeof def.labelEn === 'string' &&
    ATTRIBUTE_TYPES.includes(def.type as AttributeType) &&
    (def.options === undefined || Array.isArray(def.options))
  );
}

/** A channel's attribute schema (Channel.attributeSchema). */
export function toAttributeSchema(value: unknown): AttributeSchema {
  const attributes = jsonObject(value).attributes;
  return { attributes: Array.isArray(attributes) ? attributes.filter(isDefinition) : [] };
}

/** A listing's attribute values (Listing.attributes): text, numbers and yes/no. */
export function toAttributeValues(value: unknown): Record<string, AttributeValue> {
  const values: Record<string, AttributeValue> = {};
  for (const [key, item] of Object.entries(jsonObject(value))) {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') values[key] = item;
  }
  return values;
}
