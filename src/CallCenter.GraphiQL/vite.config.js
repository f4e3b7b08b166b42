import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the bundle under /graphiql/ (GraphiQLAssets) and index.html at the GraphQL path itself.
export default defineConfig({
  base: '/graphiql/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No data: URIs and no inline scripts: the page runs under a CSP that allows only its own files.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 4096,
  },
});
