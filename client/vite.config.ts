import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.js';
import { regionCountriesPlugin } from './build/regionCountries.js';

// The client lives in client/ but builds into dist/client, which the Express server serves.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // The world borders cut to the region; .br/.gz beside every compressible file (issue 19).
  plugins: [regionCountriesPlugin(), precompress()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // The MapLibre runtime alone is ~1 MB minified (~280 kB gzip) and cannot be split
    // further; everything optional (deck.gl layers, panels) is a dynamic import() chunk.
    chunkSizeWarningLimit: 1300,
    // The maps' worker and the countries TopoJSON must stay separate files (CSP:
    // worker-src 'self' and connect-src 'self' — no data: URLs for either).
    assetsInlineLimit: 0,
    sourcemap: false,
    rolldownOptions: {
      // The map brief's print page (client/briefs/print.ts) is a page of its own.
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        brief: fileURLToPath(new URL('./brief.html', import.meta.url)),
        // The service worker: /sw.js at the root (its scope is the whole app), not hashed.
        sw: fileURLToPath(new URL('./sw.ts', import.meta.url)),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        // Name the lazily loaded deck.gl stack 'deck' (it would otherwise be named after
        // whichever of our modules happened to pull it in first).
        // The analysis view's deck.gl layers and h3-js are a chunk of their own (only that
        // view loads them); earcut is deck.gl's too, or deck would import it from a later chunk.
        codeSplitting: {
          groups: [
            { name: 'deck-analysis', test: /node_modules[\\/](@deck\.gl[\\/](geo-layers|aggregation-layers)|h3-js)/, priority: 2, includeDependenciesRecursively: false },
            { name: 'deck', priority: 1, test: /node_modules[\\/](@deck\.gl|@luma\.gl|@loaders\.gl|@math\.gl|@probe\.gl|mjolnir\.js|earcut)/, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  server: {
    // During `vite dev` the API runs separately (npm run dev); proxy it so the client
    // stays same-origin, as it is in production.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
