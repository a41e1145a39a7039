import { TEXT_RULES, textProblem } from './text';

/**
 * The attribute schema a channel carries. It is data (stored with the channel), so a new channel
 * needs no code: the API validates listings against it and the storefront builds its form from it.
 */

export type AttributeType = 'text' | 'integer' | 'decimal' | 'enum' | 'date' | 'year' | 'boolean';

export interface AttributeDefinition {
  key: string;
  labelZh: string;
  labelEn: string;
  type: AttributeType;
  required?: boolean;
  /** for enum */
  options?: { value: string; labelZh: string; labelEn: string }[];
  /** for integer / decimal / year */
  min?: number;
  max?: number;
  /** for text */
  maxLength?: number;
  pattern?: string;
  unitLabel?: string;
}

export interface AttributeSchema {
  attributes: AttributeDefinition[];
}

export type AttributeValue = string | number | boolean;

export interface AttributeIssue {
  key: string;
  reason: 'required' | 'unknown' | 'type' | 'option' | 'range' | 'length' | 'pattern' | 'characters';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isValidDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

function checkValue(def: AttributeDefinition, value: unknown): AttributeIssue['reason'] | null {
  switch (def.type) {
    case 'text':
      if (typeof value !== 'string') return 'type';
      switch (textProblem(value, { min: 0, max: def.maxLength ?? TEXT_RULES.attributeText.max })) {
        case 'tooLong':
          return 'length';
        case 'characters':
        case 'lineBreak':
          return 'characters';
      }
      if (def.pattern && !new RegExp(def.pattern).test(value)) return 'pattern';
      return null;
    case 'integer':
    case 'year':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'type';
      break;
    case 'decimal':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'type';
      break;
    case 'enum':
      if (typeof value !== 'string') return 'type';
      return def.options?.some((o) => o.value === value) ? null : 'option';
    case 'date':
      return typeof value === 'string' && isValidDate(value) ? null : 'type';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'type';
  }
  const n = value as number;
  if (def.min !== undefined && n < def.min) return 'range';
  if (def.max !== undefined && n > def.max) return 'range';
  return null;
}

/** Every way `values` fails `schema`; an empty list means valid. Empty strings count as absent. */
export function attributeIssues(schema: AttributeSchema, values: Record<string, unknown>): AttributeIssue[] {
  const issues: AttributeIssue[] = [];
  const known = new Map(schema.attributes.map((a) => [a.key, a]));
  for (const key of Object.keys(values)) if (!known.has(key)) issues.push({ key, reason: 'unknown' });
  for (const def of schema.attributes) {
    const value = values[def.key];
    if (value === undefined || value === null || value === '') {
      if (def.required) issues.push({ key: def.key, reason: 'required' });
      continue;
    }
    const reason = checkValue(def, value);
    if (reason) issues.push({ key: def.key, reason });
  }
  return issues;
}
