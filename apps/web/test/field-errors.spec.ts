import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, nextTick, ref } from 'vue';
import { revealFirstInvalid, useFieldErrors } from '../src/composables/useFieldErrors';

describe('useFieldErrors', () => {
  it('drops a field’s error as soon as its value changes, and only that one', async () => {
    let api!: ReturnType<typeof useFieldErrors<'minOrder' | 'stock'>>;
    const minOrder = ref('0');
    const stock = ref('5');
    mount(
      defineComponent({
        setup() {
          api = useFieldErrors<'minOrder' | 'stock'>();
          api.clearOnChange('minOrder', minOrder);
          api.clearOnChange('stock', stock);
          return () => null;
        },
      }),
    );
    api.errors.value = { minOrder: { key: 'a' }, stock: { key: 'b' } };
    minOrder.value = '1';
    await nextTick();
    expect(api.errors.value).toEqual({ stock: { key: 'b' } });
  });
});

describe('revealFirstInvalid', () => {
  it('focuses the first field marked invalid, in page order', async () => {
    const form = document.createElement('form');
    form.innerHTML = '<input id="a"><select id="b" aria-invalid="true"></select><input id="c" aria-invalid="true">';
    document.body.append(form);
    const scrolled: string[] = [];
    for (const el of form.querySelectorAll<HTMLElement>('input, select')) el.scrollIntoView = () => scrolled.push(el.id);
    await revealFirstInvalid(form);
    expect(document.activeElement?.id).toBe('b');
    expect(scrolled).toEqual(['b']);
    form.remove();
  });
});
