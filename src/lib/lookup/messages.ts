// The SDK's own words: every message v2 raises, logs or warns (and v1's warnings about what v2
// removed) that the guide ties to a section, as templates extracted from the SDK source
// (scripts/extract-sdk-messages.py -> scripts/lib/lookup-index.mjs). A paste carrying one came out
// of the SDK, whatever wrapper, logger or host printed it.

import { cutShort, looseText } from './normalise.ts';
import type { Hit, LookupIndex, Normalised, Section } from './types.ts';

const compiled = new Map<string, RegExp | null>();
function compile(src: string): RegExp | null {
  let re = compiled.get(src);
  if (re === undefined) {
    try {
      re = new RegExp(src, 'i');
    } catch {
      re = null;
    }
    compiled.set(src, re);
  }
  return re;
}

// As with symptoms: the exception an expert reads first says most.
const WHERE = { primary: 0.96, exception: 0.93, text: 0.9 };

export function matchMessages(n: Normalised, index: LookupIndex, sections: Section[]): Hit[] {
  const hits: Hit[] = [];
  const loose = n.loose;
  const exceptionLines = n.exceptions.map((e) => `${e.type}: ${e.message}`);
  const primaryLine = n.primary ? `${n.primary.type}: ${n.primary.message}` : '';
  const oneLine = n.text.replace(/\s*\n\s*/g, ' ');
  for (const [src, section, literal, where, weight = 1, quote] of index.messages) {
    // Cheap first: the template's longest literal (or, for a cut paste, its start) is in the paste.
    const lit = looseText(literal);
    if (!loose.includes(lit) && !(lit.length >= 50 && loose.includes(lit.slice(0, 40)))) continue;
    const re = compile(src);
    const sec = sections[section];
    if (!re || !sec) continue;
    const m = re.exec(primaryLine) ?? null;
    let confidence = 0;
    let seen = '';
    if (m) {
      confidence = WHERE.primary;
      seen = m[0];
    } else {
      for (const line of exceptionLines) {
        const e = re.exec(line);
        if (e) {
          confidence = WHERE.exception;
          seen = e[0];
          break;
        }
      }
      if (!confidence) {
        const t = re.exec(oneLine);
        if (t) {
          confidence = WHERE.text;
          seen = t[0];
        }
      }
    }
    if (!confidence) {
      // A message cut short (a wrapped or truncated paste): the paste ends inside the template's
      // literal text, and says at least 40 characters of it.
      const cut = lit.length >= 50 ? cutShort(n.loose, lit, 40) : null;
      if (!cut) continue;
      hits.push({
        anchor: sec.anchor,
        confidence: 0.85 * weight,
        evidence: `SDK message (cut short): “${cut}…”, ${where}`,
      });
      continue;
    }
    const shown = seen.length > 90 ? seen.slice(0, 87) + '…' : seen;
    // The guide explains the instance it quotes; the same template filled in otherwise is the SDK's
    // words still, for a cause the section may not be about.
    const other = quote !== undefined && !looseText(seen).includes(quote);
    hits.push({
      anchor: sec.anchor,
      confidence: confidence * weight * (other ? 0.8 : 1),
      evidence: `SDK message: “${shown}”, ${where}`,
    });
  }
  return hits;
}
