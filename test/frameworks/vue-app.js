// Vue 3: a template, with the ae-* tags declared as custom elements.
import { createApp, ref } from 'vue';
import 'autoencoder-widgets';

window.received = [];
const app = createApp({
  setup() {
    const count = ref(3);
    return { count, onDecode: (e) => window.received.push(e.type) };
  },
  template: `
    <main>
      <button id="more" @click="count = 5">More</button>
      <ae-reconstruction-grid model="mnist-ae-2d" :count="count"></ae-reconstruction-grid>
      <vae-latent-walk model="mnist-vae-2d" :grid="4" @ae-decode="onDecode"></vae-latent-walk>
    </main>`,
});
app.config.compilerOptions.isCustomElement = (tag) => /^v?ae-/.test(tag);
app.mount('#app');
