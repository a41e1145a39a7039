import { TEXT_RULES, type AttributeDefinition, type AttributeIssue } from '@xiangnong/domain';
import { message, type Message } from './messages';

/**
 * What is wrong with one attribute, in words that state the rule: "糖度须在 0 到 40 °Brix 之间",
 * not "超出允许范围". Limits and units come from the channel's schema, which is data.
 * `label` is the attribute's name in the UI language.
 */
export function attributeMessage(def: AttributeDefinition, reason: AttributeIssue['reason'], label: string): Message {
  const unit = def.unitLabel ? ` ${def.unitLabel}` : '';
  switch (reason) {
    case 'range':
      if (def.min !== undefined && def.max !== undefined) return message('editor.attributeProblems.between', { label, min: def.min, max: def.max, unit });
      if (def.min !== undefined) return message('editor.attributeProblems.atLeast', { label, min: def.min, unit });
      return message('editor.attributeProblems.atMost', { label, max: def.max ?? 0, unit });
    case 'length':
      return message('editor.attributeProblems.tooLong', { label, max: def.maxLength ?? TEXT_RULES.attributeText.max });
    case 'type':
      if (def.type === 'year') return message('editor.attributeProblems.year', { label });
      if (def.type === 'integer') return message('editor.attributeProblems.integer', { label });
      if (def.type === 'decimal') return message('editor.attributeProblems.decimal', { label });
      if (def.type === 'date') return message('editor.attributeProblems.date', { label });
      return message('editor.attributeProblems.type');
    default:
      return message(`editor.attributeProblems.${reason}`);
  }
}
