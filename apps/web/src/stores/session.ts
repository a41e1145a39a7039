import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { gql, saveTokens, storedTokens } from '../graphql';
import {
  LogInDocument,
  LogOutDocument,
  SignUpDocument,
  ViewerDocument,
  type AuthFieldsFragment,
  type ViewerFieldsFragment,
} from '../graphql/generated/graphql';
import { pickOrganisation } from '../lib/organisations';

const ORGANISATION_KEY = 'xiangnong.organisation';

function readRememberedOrganisation(): string | null {
  try {
    return localStorage.getItem(ORGANISATION_KEY);
  } catch {
    return null;
  }
}

/**
 * Who is signed in. Tokens live in localStorage (via the GraphQL module) so a reload keeps the session;
 * the viewer is fetched once per page load and after every sign-in.
 */
export const useSessionStore = defineStore('session', () => {
  const viewer = ref<ViewerFieldsFragment | null>(null);
  const loaded = ref(false);

  const isLoggedIn = computed(() => viewer.value !== null);
  /** The organisation picked in the console (remembered in localStorage); the console works with one at a time. */
  const selectedOrganisationId = ref<string | null>(readRememberedOrganisation());
  const membership = computed(() => pickOrganisation(viewer.value?.memberships ?? [], selectedOrganisationId.value));
  const organisation = computed(() => membership.value?.organisation ?? null);

  function selectOrganisation(id: string): void {
    selectedOrganisationId.value = id;
    try {
      localStorage.setItem(ORGANISATION_KEY, id);
    } catch {
      // Private mode: the choice just lasts for this page.
    }
  }

  // A failed refresh clears the tokens; forget the viewer with them.
  watch(storedTokens, (tokens) => {
    if (!tokens) viewer.value = null;
  });

  function accept(payload: AuthFieldsFragment): void {
    saveTokens({ accessToken: payload.accessToken, refreshToken: payload.refreshToken });
    viewer.value = payload.viewer;
    loaded.value = true;
  }

  /** Loads the viewer if there is a stored session; safe to call many times. */
  let firstLoad: Promise<void> | null = null;
  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve();
    firstLoad ??= refreshViewer();
    return firstLoad;
  }

  async function refreshViewer(): Promise<void> {
    if (!storedTokens.value) {
      viewer.value = null;
      loaded.value = true;
      return;
    }
    try {
      viewer.value = (await gql(ViewerDocument)).viewer;
    } catch {
      viewer.value = null;
    }
    loaded.value = true;
  }

  async function logIn(phone: string, password: string): Promise<void> {
    accept((await gql(LogInDocument, { input: { phone, password } })).logIn);
  }

  async function signUp(phone: string, password: string, displayName: string): Promise<void> {
    accept((await gql(SignUpDocument, { input: { phone, password, displayName } })).signUp);
  }

  async function logOut(): Promise<void> {
    const refreshToken = storedTokens.value?.refreshToken;
    try {
      if (refreshToken) await gql(LogOutDocument, { refreshToken });
    } finally {
      saveTokens(null);
      viewer.value = null;
    }
  }

  return { viewer, loaded, isLoggedIn, organisation, membership, selectOrganisation, ensureLoaded, refreshViewer, logIn, signUp, logOut };
});
