/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { SECURITY_HEADERS } from './src/security/headers';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  base: './',
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  // the production build served locally gets the same headers as public/_headers gives static hosts
  preview: { headers: { ...SECURITY_HEADERS } },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    pool: 'threads',
    testTimeout: 60_000,
  },
});
