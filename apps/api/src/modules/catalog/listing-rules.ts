import type { AttributeDefinition, AttributeSchema } from '@xiangnong/domain';
import { ListingStatus } from './listing.entity';

/** Which status changes a seller may make. SOLD_OUT is entered and left by stock, not by hand. */
const TRANSITIONS: Record<ListingStatus, readonly ListingStatus[]> = {
  [ListingStatus.DRAFT]: [ListingStatus.ACTIVE, ListingStatus.ARCHIVED],
  [ListingStatus.ACTIVE]: [ListingStatus.PAUSED, ListingStatus.ARCHIVED],
  [ListingStatus.PAUSED]: [ListingStatus.ACTIVE, ListingStatus.ARCHIVED],
  [ListingStatus.SOLD_OUT]: [ListingStatus.PAUSED, ListingStatus.ARCHIVED],
  [ListingStatus.ARCHIVED]: [],
};

export function canTransition(from: ListingStatus, to: ListingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** An on-sale listing without stock shows as sold out, and comes back when stock returns. */
export function statusForStock(status: ListingStatus, stock: number): ListingStatus {
  if (status === ListingStatus.ACTIVE && stock === 0) return ListingStatus.SOLD_OUT;
  if (status === ListingStatus.SOLD_OUT && stock > 0) return ListingStatus.ACTIVE;
  return status;
}

/** Statuses that buyers can see (when the seller is verified). */
export const PUBLIC_STATUSES: readonly ListingStatus[] = [ListingStatus.ACTIVE, ListingStatus.SOLD_OUT];

const TYPES = new Set(['text', 'integer', 'decimal', 'enum', 'date', 'year', 'boolean']);
const KEY = /^[a-z][A-Za-z0-9]{0,39}$/;

function definitionProblem(def: AttributeDefinition): string | null {
  if (typeof def !== 'object' || def === null) return 'not an object';
  if (!KEY.test(def.key ?? '')) return `bad key "${def.key}"`;
  if (!def.labelZh || !def.labelEn) return `${def.key}: labels in Chinese and English are required`;
  if (!TYPES.has(def.type)) return `${def.key}: unknown type "${def.type}"`;
  if (def.type === 'enum') {
    if (!Array.isArray(def.options) || def.options.length === 0) return `${def.key}: enum needs options`;
    const values = new Set<string>();
    for (const o of def.options) {
      if (!o.value || !o.labelZh || !o.labelEn) return `${def.key}: every option needs value, labelZh and labelEn`;
      if (values.has(o.value)) return `${def.key}: duplicate option ${o.value}`;
      values.add(o.value);
    }
  }
  if (def.min !== undefined && def.max !== undefined && def.min > def.max) return `${def.key}: min above max`;
  if (def.pattern !== undefined) {
    try {
      new RegExp(def.pattern);
    } catch {
      return `${def.key}: invalid pattern`;
    }
  }
  return null;
}

/** Problems with a channel's attribute schema as an operator typed it; empty when it can be used. */
export function attributeSchemaProblems(schema: unknown): string[] {
  const attributes = (schema as AttributeSchema | null)?.attributes;
  if (!Array.isArray(attributes)) return ['attributes must be a list'];
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const def of attributes) {
    const problem = definitionProblem(def);
    if (problem) problems.push(problem);
    else if (keys.has(def.key)) problems.push(`duplicate key ${def.key}`);
    keys.add(def?.key);
  }
  return problems;
}
