// Shapes shared by the page, the CLI and scripts/gen-data.mjs (which writes the data).
// Kept to erasable TypeScript so Node can run these files directly with type stripping.

export type SymptomKind = 'exact' | 'pattern' | 'behaviour';

export interface Symptom {
  kind: SymptomKind;
  text: string;
}

export interface Section {
  anchor: string;
  area: string;
  title: string;
  /** Relative to the site base, e.g. `guide/clients/cursor-parameter-removed-from-clientsession-list-methods/`. */
  path: string;
  impact: string;
  symptoms: Symptom[];
  symbols: string[];
}

/** src/generated/symbol-index.json. Anchors are stored once; everything else refers to them by index. */
export interface SymbolIndex {
  v: number;
  anchors: string[];
  /** v1 class name -> v2 class name, e.g. FastMCP -> MCPServer. */
  renamed: Record<string, string>;
  /** removed module -> anchor index */
  modules: Record<string, number>;
  /** removed name -> [[anchor index, v1 module, ...], ...] */
  names: Record<string, Array<Array<number | string>>>;
  /** class -> removed member (field, method, property) -> anchor index */
  members: Record<string, Record<string, number>>;
  /** "Class.method" or "function" -> removed parameter -> anchor index */
  params: Record<string, Record<string, number>>;
  /** "Class.method" whose parameters became keyword-only -> anchor index */
  kwonly: Record<string, number>;
}

export interface LookupData {
  sections: Section[];
  symbols: SymbolIndex;
}

export interface ExceptionLine {
  type: string;
  message: string;
}

export interface Normalised {
  /** The cleaned paste: no colours, log prefixes, frames, paths or addresses. */
  text: string;
  /** `text` on one line, lowercased, quotes and backticks dropped: tolerant substring matching. */
  loose: string;
  /** Every exception line found, in paste order (chained causes and group members included). */
  exceptions: ExceptionLine[];
  /** The exception an expert would read first: the last one, skipping group/wrapper lines. */
  primary: ExceptionLine | null;
  /** `Did you mean` suggestions CPython appended (removed from `text`). */
  suggestions: string[];
}

export interface FullTextHit {
  anchor: string;
  /** 0..1, the search engine's own relevance, normalised by the caller. */
  score: number;
}

/** Injected full-text search (Pagefind in the browser); absent in the CLI and tests. */
export type FullText = (query: string) => Promise<FullTextHit[]>;

export interface LookupResult {
  anchor: string;
  title: string;
  area: string;
  path: string;
  impact: string;
  confidence: number;
  evidence: string[];
}

export interface LookupAnswer {
  results: LookupResult[];
  normalised: string;
  primary: ExceptionLine | null;
}

export interface LookupOptions {
  fulltext?: FullText;
  /** Results below this are dropped (default MIN_CONFIDENCE). */
  minConfidence?: number;
  limit?: number;
}

/** One piece of evidence for a section, before results are merged. */
export interface Hit {
  anchor: string;
  confidence: number;
  evidence: string;
}
