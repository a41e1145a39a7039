import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { legacyChannelSearch } from './lib/channelFilters';
import HomePage from './pages/HomePage.vue';

// Pages besides home load on demand so the first paint on a phone stays small.
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage },
  { path: '/c/:code', name: 'channel', component: () => import('./pages/ChannelPage.vue'), props: true, beforeEnter: legacyChannelSearch },
  { path: '/search', name: 'search', component: () => import('./pages/SearchPage.vue') },
  { path: '/l/:id', name: 'listing', component: () => import('./pages/ListingPage.vue'), props: true },
  { path: '/s/:id', name: 'seller', component: () => import('./pages/SellerPage.vue'), props: true },
  { path: '/login', name: 'login', component: () => import('./pages/LogInPage.vue') },
  { path: '/signup', name: 'signup', component: () => import('./pages/SignUpPage.vue') },
  { path: '/console', name: 'console', component: () => import('./pages/ConsolePage.vue') },
  { path: '/console/listings/new', name: 'listing-new', component: () => import('./pages/ListingEditorPage.vue') },
  { path: '/console/listings/:id/edit', name: 'listing-edit', component: () => import('./pages/ListingEditorPage.vue'), props: true },
  { path: '/console/orders', name: 'seller-orders', component: () => import('./pages/SellerOrdersPage.vue') },
  { path: '/console/settings', name: 'seller-settings', component: () => import('./pages/SellerSettingsPage.vue') },
  { path: '/cart', name: 'cart', component: () => import('./pages/CartPage.vue') },
  { path: '/orders', name: 'orders', component: () => import('./pages/MyOrdersPage.vue') },
  { path: '/orders/:id', name: 'order', component: () => import('./pages/OrderPage.vue'), props: true },
  { path: '/orders/:id/print', name: 'packing-list', component: () => import('./pages/PackingListPage.vue'), props: true },
  // 供求: the board, posting, one request, and the buyer's home
  { path: '/requests', name: 'requests', component: () => import('./pages/RequestsPage.vue') },
  { path: '/requests/new', name: 'request-new', component: () => import('./pages/NewRequestPage.vue') },
  { path: '/requests/:id', name: 'request', component: () => import('./pages/RequestPage.vue'), props: true },
  { path: '/buyer', name: 'buyer', component: () => import('./pages/BuyerHomePage.vue') },
  { path: '/settings/price-alerts', name: 'price-alerts', component: () => import('./pages/PriceAlertsPage.vue') },
  // 报价员: a market reporter's quotes of the day, entered from a phone
  { path: '/report', name: 'report-prices', component: () => import('./pages/ReportPricesPage.vue') },
  { path: '/station', name: 'station', component: () => import('./pages/PartnerOrdersPage.vue') },
  { path: '/admin', name: 'admin', component: () => import('./pages/AdminPage.vue') },
  { path: '/admin/imports', name: 'price-imports', component: () => import('./pages/PriceImportPage.vue') },
  // 行情: the chart pages bring ECharts with them (through LazyPriceChart), never the first page
  { path: '/prices', name: 'prices', component: () => import('./pages/PricesPage.vue') },
  { path: '/prices/:code', name: 'commodity-prices', component: () => import('./pages/CommodityPricesPage.vue'), props: true },
  { path: '/notifications', name: 'notifications', component: () => import('./pages/NotificationsPage.vue') },
  { path: '/settings/notifications', name: 'notification-settings', component: () => import('./pages/NotificationSettingsPage.vue') },
  { path: '/:rest(.*)*', name: 'not-found', component: () => import('./pages/NotFoundPage.vue') },
];

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(),
    routes,
    // Back and Forward restore where people were; a new page starts at the top, but a change of
    // filters on the same page (only the query differs) leaves the list where it is.
    scrollBehavior: (to, from, saved) => saved ?? (to.path === from.path ? false : { top: 0 }),
  });
  // Pages with a subject of their own (a channel, a listing) set a better title once they render.
  router.afterEach(() => {
    document.title = '湘农网 Xiangnong';
  });
  return router;
}
