import { flushPromises, mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import ImageUploader from '../src/components/ImageUploader.vue';
import { i18nPlugin } from './helpers';

const uploadImage = vi.hoisted(() => vi.fn());
vi.mock('../src/graphql', async (importOriginal) => ({ ...(await importOriginal<typeof import('../src/graphql')>()), uploadImage }));

function file(name: string, type: string, size: number): File {
  const f = new File(['x'], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

function mountUploader(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const images = ref<{ id: string; url: string }[]>([]);
  const Host = defineComponent({
    setup: () => () =>
      h(ImageUploader, {
        modelValue: images.value,
        organisationId: 'org-1',
        'onUpdate:modelValue': (value: { id: string; url: string }[]) => {
          images.value = value;
        },
      }),
  });
  return { wrapper: mount(Host, { global: { plugins: [i18nPlugin(locale)] } }), images };
}

async function choose(wrapper: ReturnType<typeof mountUploader>['wrapper'], files: File[]): Promise<void> {
  const input = wrapper.get('[data-testid="image-input"]');
  Object.defineProperty(input.element, 'files', { value: files, configurable: true });
  await input.trigger('change');
  await flushPromises();
}

describe('ImageUploader', () => {
  beforeEach(() => {
    uploadImage.mockReset();
    uploadImage.mockImplementation(async (_org: string, f: File) => ({ id: f.name, url: `/files/${f.name}` }));
  });

  it('states the limits before a file is chosen', () => {
    const { wrapper } = mountUploader();
    expect(wrapper.get('[data-testid="image-hint"]').text()).toBe('支持 JPEG、PNG、WebP 格式，每张不超过 5 MB，最多 9 张');
    expect(wrapper.get('[data-testid="image-input"]').attributes('accept')).toBe('image/jpeg,image/png,image/webp');
    expect(mountUploader('en').wrapper.get('[data-testid="image-hint"]').text()).toBe('JPEG, PNG or WebP, up to 5 MB each, at most 9 images');
  });

  it('refuses an oversized or wrong-type file without sending it, in the API’s words', async () => {
    const { wrapper, images } = mountUploader();
    await choose(wrapper, [file('big.jpg', 'image/jpeg', 6 * 1024 * 1024), file('anim.gif', 'image/gif', 1000)]);
    expect(uploadImage).not.toHaveBeenCalled();
    expect(wrapper.findAll('[data-testid="image-refused"]').map((p) => p.text())).toEqual([
      'big.jpg：图片不能超过 5 MB',
      'anim.gif：只能上传完整的 JPEG、PNG 或 WebP 图片',
    ]);
    expect(images.value).toEqual([]);
  });

  it('still uploads the good files chosen alongside a refused one', async () => {
    const { wrapper, images } = mountUploader('en');
    await choose(wrapper, [file('tea.png', 'image/png', 2000), file('big.webp', 'image/webp', 5 * 1024 * 1024 + 1)]);
    expect(uploadImage).toHaveBeenCalledTimes(1);
    expect(images.value).toEqual([{ id: 'tea.png', url: '/files/tea.png' }]);
    expect(wrapper.get('[data-testid="image-refused"]').text()).toBe('big.webp: Images must be 5 MB or smaller');
  });
});
