// React 19: properties and custom events on custom elements, no wrappers.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'autoencoder-widgets';

function App() {
  const [count, setCount] = useState(3);
  return (
    <main>
      <button id="more" onClick={() => setCount(5)}>More</button>
      <ae-reconstruction-grid model="mnist-ae-2d" count={count}></ae-reconstruction-grid>
      <vae-latent-walk model="mnist-vae-2d" grid={4} onae-decode={(e) => window.received.push(e.type)}></vae-latent-walk>
    </main>
  );
}

window.received = [];
createRoot(document.getElementById('app')).render(<App />);
