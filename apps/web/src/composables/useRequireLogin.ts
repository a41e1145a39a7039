import { useRoute, useRouter } from 'vue-router';
import { useSessionStore } from '../stores/session';

/** Pages behind a login wait for the stored session, then send anonymous visitors to /login and back. */
export function useRequireLogin() {
  const session = useSessionStore();
  const router = useRouter();
  const route = useRoute();

  return async function requireLogin(): Promise<boolean> {
    await session.ensureLoaded();
    if (session.isLoggedIn) return true;
    await router.replace({ path: '/login', query: { redirect: route.fullPath } });
    return false;
  };
}
