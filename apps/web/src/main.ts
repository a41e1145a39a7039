import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createAppI18n, rememberLocale } from './i18n';
import { createAppRouter } from './router';
import './styles.css';

const i18n = createAppI18n();
rememberLocale(i18n.global.locale.value);

createApp(App).use(createPinia()).use(i18n).use(createAppRouter()).mount('#app');
