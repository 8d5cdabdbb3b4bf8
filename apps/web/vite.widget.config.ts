/**
 * Builds the two public, framework-free bundles, one IIFE per run (Vite cannot emit several IIFE
 * entries in one build). Pick the bundle with --mode, which works the same in every shell:
 *   vite build --config vite.widget.config.ts --mode respond   → dist/public/respond.js
 *   vite build --config vite.widget.config.ts --mode widget    → dist/public/widget.js
 * Run after the app build: dist/ is not emptied here, so the app's files stay.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

export const PUBLIC_BUNDLES = {
  respond: 'src/respond/respond-page.ts',
  widget: 'src/respond/widget.ts',
} as const;
export type PublicBundle = keyof typeof PUBLIC_BUNDLES;

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/** The build of one bundle; the size test runs the same config into a temporary directory. */
export function publicBundleConfig(bundle: PublicBundle, outDir = 'dist/public'): UserConfig {
  return {
    root: webRoot,
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      // Respondents use whatever phone they have; es2019 still runs on iOS 13 and old WebViews.
      target: 'es2019',
      minify: 'esbuild',
      sourcemap: false,
      lib: {
        entry: fileURLToPath(new URL(PUBLIC_BUNDLES[bundle], import.meta.url)),
        formats: ['iife'],
        name: bundle === 'widget' ? 'TouchpointWidget' : 'TouchpointRespond',
        fileName: () => `${bundle}.js`,
      },
      rollupOptions: { output: { inlineDynamicImports: true } },
    },
    // ASCII output (\u escapes for the Chinese strings): host pages in Big5 or GBK, or a server
    // sending no charset, would otherwise garble the widget's text.
    esbuild: { legalComments: 'none', charset: 'ascii' },
  };
}

export default defineConfig(({ mode }) => {
  if (mode !== 'respond' && mode !== 'widget')
    throw new Error(`vite.widget.config.ts: pass --mode respond or --mode widget (got "${mode}")`);
  return publicBundleConfig(mode);
});
