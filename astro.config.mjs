// @ts-check
import fs from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import checkLinks from './src/integrations/check-links.ts';
import pyodideAssets from './src/integrations/pyodide-assets.mjs';
import csp from './src/integrations/csp.mjs';
import serviceWorker from './src/integrations/service-worker.ts';

// BASE_PATH lets `dist/` be served from a sub-path (e.g. GitHub Pages project sites).
const base = process.env.BASE_PATH || '/';

/** @type {{ slug: string, label: string }[]} written by scripts/convert-guide.mjs, in guide order */
const areas = JSON.parse(fs.readFileSync(new URL('./content/guide/areas.json', import.meta.url), 'utf8'));
// Pages owned by other parts land at different times; only link what exists so the link check holds.
const exists = (/** @type {string} */ p) => fs.existsSync(new URL(p, import.meta.url));

export default defineConfig({
  site: process.env.SITE_URL || 'https://mcp-migrate.example',
  base,
  trailingSlash: 'always',
  vite: {
    build: {
      rollupOptions: {
        // Astro's own MDX head-propagation modules trip this bundler notice on every page; it is
        // noise that would bury real warnings in the build log.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
  integrations: [
    starlight({
      title: 'mcp-migrate',
      description: 'MCP Python SDK v1 → v2 migration: guide, error lookup, playground.',
      // Starlight's Markdown features (asides, heading anchor links) only run on its own docs folder
      // plus these; ours lives in ./content/. (At the Astro top level this key is silently ignored.)
      markdown: { processedDirs: ['./content/'] },
      customCss: ['./src/styles/custom.css'],
      components: {
        Footer: './src/components/Footer.astro',
        MarkdownContent: './src/components/MarkdownContent.astro',
        Search: './src/components/Search.astro',
        // playground: header link, "Open in playground" on section pages
        PageTitle: './src/components/PageTitle.astro',
        SocialIcons: './src/components/SocialIcons.astro',
        // playground: links to the guide, lookup and playground on phones (no header links there)
        Banner: './src/components/Banner.astro',
      },
      sidebar: [
        {
          label: 'Start',
          items: [
            { label: 'Home', link: '/' },
            { label: 'Guide overview', link: '/guide/' },
            ...(exists('./content/lookup.mdx') ? [{ label: 'Error lookup', link: '/lookup/' }] : []),
            ...(exists('./src/pages/playground.astro') ? [{ label: 'Playground', link: '/playground/' }] : []),
            { label: 'Engine rules', link: '/rules/' },
          ],
        },
        // Autogenerate directories are paths from the project root: Starlight matches them against
        // entry filePath, which with our `content/` glob loader is `content/guide/...`.
        ...areas.map(({ slug, label }) => ({
          label,
          collapsed: slug !== 'find-your-changes',
          items: [{ autogenerate: { directory: `content/guide/${slug}` } }],
        })),
      ],
    }),
    checkLinks(),
    pyodideAssets(), // Pyodide runtime served from /pyodide/ (playground)
    csp(), // strict CSP <meta> on every page, computed after the build: keep last of the HTML rewriters
    serviceWorker(), // <base>sw.js with the final file list (offline after one visit)
  ],
});
