// The SDK's own words: every message v2 raises, logs or warns (and v1's warnings about what v2
// removed) that the guide ties to a section, as templates extracted from the SDK source
// (scripts/extract-sdk-messages.py -> scripts/lib/lookup-index.mjs). A paste carrying one came out
// of the SDK, whatever wrapper, logger or host printed it.

import { looseText } from './normalise.ts';
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
  for (const [src, section, literal, where] of index.messages) {
    // Cheap first: the template's longest literal must be in the paste at all.
    if (!loose.includes(looseText(literal))) continue;
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
    if (!confidence) continue;
    const shown = seen.length > 90 ? seen.slice(0, 87) + '…' : seen;
    hits.push({ anchor: sec.anchor, confidence, evidence: `SDK message: “${shown}”, ${where}` });
  }
  return hits;
}
