// A None where v1 always had a value. The guide names the attributes v2 may leave `None`
// (`params.arguments` can be `None`; `request_id` is now `RequestId | None`): an error that trips
// over a None there, or a type checker refusing `X | None` for one of them, is that change, however
// loudly a wrapper (`handler for 'tools/call' raised`) reports it.

import type { Hit, LookupIndex, Normalised, Section } from './types.ts';

// CPython tripping over a None: subscripting it, iterating it, reading an attribute of it.
const NONE_ERROR =
  /'NoneType' object (?:is not (?:subscriptable|iterable|callable)|has no attribute)|argument of type 'NoneType'/;
// A type checker's refusal of an optional value, as formats.ts reads it.
const OPTIONAL_ARGUMENT = /argument '(\w+)' of [\w.]+\(\) has the wrong type: [^\n]*\|\s*None\b/;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function nullableHits(n: Normalised, index: LookupIndex, sections: Section[]): Hit[] {
  const entries = index.nullable;
  const primary = n.primary ? `${n.primary.type}: ${n.primary.message}` : '';
  if (!entries?.length || !primary) return [];
  const none = NONE_ERROR.test(primary);
  const argument = none ? null : OPTIONAL_ARGUMENT.exec(primary)?.[1];
  if (!none && !argument) return [];
  // The most specific name the paste shows (`params.arguments` over `params`).
  let best: { name: string; section: number; confidence: number } | null = null;
  for (const [name, , section] of entries) {
    const last = name.split('.').pop()!;
    let confidence = 0;
    if (argument) confidence = argument === last ? 0.9 : 0;
    else if (new RegExp(`(?<![\\w.])${escapeRegExp(name)}\\b`).test(n.text)) confidence = 0.94;
    else if (name.includes('.') && last.length >= 5 && new RegExp(`\\.${escapeRegExp(last)}\\b`).test(n.text))
      confidence = 0.88;
    if (
      confidence &&
      (!best || confidence > best.confidence || (confidence === best.confidence && name.length > best.name.length))
    )
      best = { name, section, confidence };
  }
  const sec = best && sections[best.section];
  if (!best || !sec) return [];
  const what = argument ? `a type checker refuses \`${argument}\` as optional` : 'the paste trips over a None there';
  return [
    {
      anchor: sec.anchor,
      confidence: best.confidence,
      evidence: `\`${best.name}\` may be \`None\` in v2 (the guide), and ${what}`,
    },
  ];
}
