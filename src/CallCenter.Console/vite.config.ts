/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The API serves the built console under /console/ on its own origin. In `npm run dev` Vite proxies the API's
// routes to CALLCENTER_API_URL (default http://localhost:5080), WebSocket included, so no CORS is needed either way.
const api = process.env.CALLCENTER_API_URL ?? 'http://localhost:5080';

export default defineConfig({
  base: '/console/',
  plugins: [react()],
  server: {
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '/recordings': { target: api, changeOrigin: true },
    },
  },
  build: { sourcemap: true, chunkSizeWarningLimit: 1500 },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
