// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

// BASE_PATH lets `dist/` be served from a sub-path (e.g. GitHub Pages project sites).
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site: process.env.SITE_URL || 'https://mcp-migrate.example',
  base,
  trailingSlash: 'always',
  markdown: { processedDirs: ['./content/'] },
  integrations: [
    starlight({
      title: 'mcp-migrate',
      description: 'MCP Python SDK v1 → v2 migration: guide, error lookup, playground.',
      sidebar: [
        { label: 'Start', items: [{ label: 'Home', link: '/' }, { label: 'Error lookup', link: '/lookup/' }] },
        { label: 'Migration guide', items: [{ autogenerate: { directory: 'content/guide' } }] },
      ],
    }),
  ],
});
