import { computed, type Ref } from 'vue';
import type { Message } from '../lib/messages';
import { useAction } from './useAction';
import { revealFirstInvalid, useFieldErrors } from './useFieldErrors';
import { useLocalized } from './useLocalized';

/** Where an API refusal belongs in a form: the field it is about and what to say beside it. */
export interface FieldRefusal<F extends string> {
  field: F;
  message: Message;
}

/**
 * A form that shows its problems beside their fields: the checks made here before sending, and the
 * API's refusals of what those checks let through. `form` is the form element (its template ref);
 * `place` finds the field a refusal is about (`apiText` is the API's message in the UI language), or
 * null, and then the refusal goes in the form's error line (`error`, as with useAction).
 */
export function useFieldForm<F extends string>(form: Readonly<Ref<HTMLElement | null>>, place: (failure: unknown, apiText: string) => FieldRefusal<F> | null) {
  const { errorText } = useLocalized();
  const { busy, error, run } = useAction();
  const { errors, clear, clearOnChange, set } = useFieldErrors<F>();

  /** For a control's aria-invalid: marks it, and is how `reveal` finds it. */
  const invalid = (field: F) => (errors.value[field] ? 'true' : undefined);
  const hasErrors = computed(() => Object.values(errors.value).some(Boolean));
  /** Brings the first field with a problem into view (after the checks found some). */
  const reveal = () => revealFirstInvalid(form.value);

  /** Runs the request as useAction's `run` does, and resolves to whether it succeeded. */
  async function send(work: () => Promise<unknown>): Promise<boolean> {
    let failure: unknown = null;
    const ok = await run(() =>
      work().catch((e: unknown) => {
        failure = e;
        throw e;
      }),
    );
    const refusal = ok ? null : place(failure, errorText(failure));
    if (refusal) {
      set(refusal.field, refusal.message);
      error.value = null;
      await reveal();
    }
    return ok;
  }

  return { busy, error, errors, clear, clearOnChange, invalid, hasErrors, reveal, send };
}
