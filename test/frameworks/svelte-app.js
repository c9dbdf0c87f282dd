import { mount } from 'svelte';
import 'autoencoder-widgets';
import App from './SvelteApp.svelte';

window.received = [];
mount(App, { target: document.getElementById('app') });
