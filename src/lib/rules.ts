// Engine rule metadata as shipped to the site (generated from the engine registry; the shape is the
// engine contract's RuleInfo).
import rules from '../generated/rules.json';
import type { RuleInfo } from './engine/types';

export type RuleDoc = RuleInfo;

export const RULES = rules as RuleDoc[];

export const FIX_CLASS_LABEL: Record<RuleDoc['fix_class'], string> = {
  safe: 'safe auto-fix',
  review: 'suggested fix (review)',
  manual: 'manual (marker)',
};

export const rulesFor = (anchor: string) => RULES.filter((r) => r.anchor === anchor);

/** Dependency-file rules show TOML/requirements text; every other rule shows Python. */
export const snippetLang = (rule: RuleDoc) => (rule.code.startsWith('PKG0') ? 'toml' : 'python');

/** Rule prose uses Markdown code spans; render them without pulling a Markdown parser into the page. */
export function inlineCode(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return escaped.replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\s*\n\s*/g, ' ');
}
