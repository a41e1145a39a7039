import { cleanText, textProblem, type TextRule } from '@xiangnong/domain';
import { message, type Message } from './messages';

/**
 * The message for typed text that breaks `rule` (counted in characters as readers see them), or
 * null. `lengthKey` names the field's own message taking {min} and {max}; left-out optional text
 * (min 0, empty) is fine.
 */
export function textMessage(raw: string, rule: TextRule, lengthKey: string): Message | null {
  switch (textProblem(cleanText(raw), rule)) {
    case 'characters':
      return message('form.characters');
    case 'lineBreak':
      return message('form.lineBreak');
    case 'tooShort':
    case 'tooLong':
      return message(lengthKey, { min: rule.min, max: rule.max });
    default:
      return null;
  }
}
