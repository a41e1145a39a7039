import { getCurrentScope, onScopeDispose, shallowRef, type Ref } from 'vue';

/** Whether a CSS media query matches now, following changes (a phone turned sideways, a window resized). */
export function useMediaQuery(query: string): Readonly<Ref<boolean>> {
  const matches = shallowRef(false);
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return matches;
  const list = window.matchMedia(query);
  matches.value = list.matches;
  const onChange = (event: MediaQueryListEvent) => {
    matches.value = event.matches;
  };
  list.addEventListener('change', onChange);
  if (getCurrentScope()) onScopeDispose(() => list.removeEventListener('change', onChange));
  return matches;
}

/** Phones: filters in a drawer rather than a sidebar. */
export const PHONE_QUERY = '(max-width: 640px)';
