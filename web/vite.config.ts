/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// In development the API runs as a separate `changwat serve` process; Vite forwards
// /api to it so the browser still sees one origin (cookies and CSRF work as in
// production, where `changwat serve` serves web/dist itself).
const apiTarget = process.env.CHANGWAT_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { "/api": { target: apiTarget, changeOrigin: false } },
  },
  build: {
    target: "es2022",
    sourcemap: true,
  },
  test: {
    include: ["src/**/*.test.ts"],
  },
});
