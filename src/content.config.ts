import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { docsSchema } from '@astrojs/starlight/schema';

// Section identity and curated migration data (docs/ARCHITECTURE.md, "Section frontmatter").
// Optional everywhere because home, lookup and area overview pages are not sections.
const symptom = z.object({
  kind: z.enum(['exact', 'pattern', 'behaviour']),
  text: z.string().min(1),
});

const guideFields = z.object({
  area: z.string().optional(),
  anchor: z
    .string()
    .regex(/^[\p{L}\p{N}_-]+$/u)
    .optional(),
  heading: z.string().optional(),
  impact: z.enum(['import', 'call', 'silent', 'deprecation', 'none']).optional(),
  seed: z.boolean().optional(),
  seedOnly: z.boolean().optional(),
  symptoms: z.array(symptom).optional(),
  symbols: z.array(z.string()).optional(),
  rules: z.array(z.string().regex(/^[A-Z]{3}\d{3}$/)).optional(),
  // Coverage: a section with no engine rule says why no rule can see the change in source code.
  notInCode: z.string().min(1).optional(),
  upstreamHash: z.string().optional(),
});

export const collections = {
  docs: defineCollection({
    loader: glob({ base: './content', pattern: '**/*.{md,mdx}' }),
    schema: docsSchema({ extend: guideFields }),
  }),
};
