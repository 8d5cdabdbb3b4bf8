/**
 * The admin single-page app. Builds to dist/ (emptied first); the public respondent and widget
 * bundles are built afterwards by vite.widget.config.ts into dist/public, so the order in the
 * package.json build script matters.
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Where the dev server sends /api, /s and /public (the Touchpoint server); override with TOUCHPOINT_API. */
const API = process.env.TOUCHPOINT_API ?? 'http://127.0.0.1:3000';

/**
 * The app imports constants and helpers from @touchpoint/shared, whose contract modules also
 * build zod schemas at top level. The app never validates with them, but Rollup must assume a
 * call has side effects, so every schema (and zod, ~95 kB) would ship. This wraps each top-level
 * `const X = <call chain>` of those modules in a pure IIFE, so unused schemas are tree-shaken.
 * Build-time only (source files untouched); runs after TypeScript is stripped, and on anything
 * unexpected it leaves the module as it is, which merely costs bytes.
 */
function pureSharedSchemas(): Plugin {
  return {
    name: 'touchpoint:pure-shared-schemas',
    transform(code, id) {
      if (!/[\\/]packages[\\/]shared[\\/]src[\\/]contracts[\\/]/.test(id)) return null;
      let program: { body: Array<Record<string, any>> };
      try { program = this.parse(code) as never; } catch { return null; }
      const inits: { start: number; end: number }[] = [];
      for (const node of program.body) {
        const decl = node.type === 'ExportNamedDeclaration' ? node.declaration : node;
        if (decl?.type !== 'VariableDeclaration') continue;
        for (const d of decl.declarations) if (d.init?.type === 'CallExpression') inits.push(d.init);
      }
      let out = code;
      for (const { start, end } of inits.sort((a, b) => b.start - a.start))
        out = `${out.slice(0, start)}/* @__PURE__ */ (() => ${out.slice(start, end)})()${out.slice(end)}`;
      return { code: out, map: null };
    },
  };
}

export default defineConfig(() => ({
  plugins: [react(), pureSharedSchemas()],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
    // The results page chunk is ECharts (core + bar chart + grid + tooltip + canvas), loaded only
    // when that page opens; the shell itself stays small.
    chunkSizeWarningLimit: 560,
    rollupOptions: {
      output: {
        // React and i18next change rarely: a separate chunk stays cached across app releases.
        manualChunks(id) {
          if (/node_modules\/(react|react-dom|scheduler|i18next|react-i18next)\//.test(id)) return 'vendor';
          return undefined;
        },
      },
    },
  },
  server: {
    // Regex keys: a plain '/s' prefix would also catch Vite's own '/src/…' module requests.
    proxy: {
      '^/api/': { target: API, changeOrigin: false },
      '^/s/': { target: API },
      '^/public/': { target: API },
    },
  },
}));
