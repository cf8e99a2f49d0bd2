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
  /** Names in `names`, and removed member names, that v2 still defines somewhere (moved, curated). */
  alive?: string[];
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
  /** Generic class that takes fewer type arguments -> [v1 count, v2 count, anchor index] */
  generics?: Record<string, [number, number, number]>;
  /** v2 classes that are TypedDicts (dicts at runtime) -> the section about the change. */
  typeddicts?: Record<string, number>;
}

/** src/generated/lookup-index.json (scripts/lib/lookup-index.mjs); sections by their sections.json index. */
export interface LookupIndex {
  v: number;
  fulltext: {
    /** Sections indexed (the navigation ones are left out). */
    n: number;
    /** Average weighted section length. */
    avg: number;
    /** Weighted length per section. */
    len: number[];
    /** word -> [section, weighted count, section, weighted count, ...] */
    terms: Record<string, number[]>;
    /** word -> sections whose heading, curated symbols or symptoms use it */
    keys: Record<string, number[]>;
  };
  /**
   * [regex source, section, lowercase literal that must occur, where the SDK says it, weight (default
   * 1), the instance the guide quotes of a template with blanks (loose text)]
   */
  messages: Array<[string, number, string, string, number?, string?]>;
  /** Import names of the packages v2 added (`httpx2`, `opentelemetry`) -> section. */
  packages: Record<string, number>;
  /**
   * Attributes the guide says v2 may leave `None` (`params.arguments`, `request_id`): [name, the
   * type it now has or '', section].
   */
  nullable?: Array<[string, string, number]>;
  /** Logger names the guide's sentences about loggers give -> section. */
  loggers: Record<string, number>;
  /** Anchors the guide used before -> section. */
  aliases: Record<string, number>;
  /**
   * Names of either release only MCP code uses: classes (`CallToolResult`) and snake_case functions
   * and methods (`send_tool_list_changed`); in Python, signs a paste is about the SDK.
   */
  sdkNames?: string[];
  /** SDK methods only one side of the connection has (`send_roots_list_changed`: the client's). */
  sides?: Record<string, 'client' | 'server'>;
  /**
   * [section, model -> fields]: the protocol models of `mcp.types` and every field either release
   * gives them; any other attribute or key was an extra field v1 kept and v2 drops.
   */
  models?: [number, Record<string, string[]>];
}

export interface LookupData {
  sections: Section[];
  symbols: SymbolIndex;
  /** Full text, SDK message templates and old anchors; without it the lookup uses structure only. */
  index?: LookupIndex;
}

export interface ExceptionLine {
  type: string;
  message: string;
}

/** What a failed pytest assertion states. */
export interface AssertFacts {
  pairs: Array<{ left: string; op: string; right: string }>;
  /** Attributes and classes from pytest's `+  where ... = Class(...).attr` lines. */
  where: string[];
  /** Classes a failed `isinstance` found the value to be (`isinstance(CallToolResult(...), list)`). */
  instances: string[];
  /** The items one side has more of (`Left contains 1 more item:`). */
  extra: string[];
  /** Exceptions a `pytest.raises` expected and did not get (`DID NOT RAISE`). */
  raised: string[];
}

export interface Normalised {
  /**
   * The cleaned paste: no colours, log prefixes, frames, paths or addresses. For a long paste, the
   * lines that matter (errors, warnings, the end), bounded, so every later stage stays fast.
   */
  text: string;
  /** `text` on one line, lowercased, quotes and backticks dropped: tolerant substring matching. */
  loose: string;
  /** Every exception line found, in paste order (chained causes and group members included). */
  exceptions: ExceptionLine[];
  /** The exception an expert would read first: the last one, skipping group/wrapper lines. */
  primary: ExceptionLine | null;
  /** `Did you mean` suggestions CPython appended (removed from `text`). */
  suggestions: string[];
  /** URLs in the paste, as written. */
  urls: string[];
  /** Logger names from log prefixes and structured logs (`mcp.server.runner`, `httpx2`). */
  loggers: string[];
  /** Installed packages the paste's paths run through (`site-packages/httpx2/...` -> `httpx2`). */
  packages: string[];
  /** Frames inside the SDK's own package, outermost first (the last one raised or called out). */
  frames: SdkFrame[];
  /** A JavaScript stack and no Python one: the error was raised by a JS/TS program. */
  javascript: boolean;
  assertions: AssertFacts | null;
}

export interface SdkFrame {
  /** `mcp.client.session` */
  module: string;
  fn: string;
  /** The frame's source line, as the traceback shows it ('' when it does not). */
  source: string;
}

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
  /**
   * For an import-time failure: how to keep running on v1 while migrating (a `<2` bound), shown
   * next to the way forward.
   */
  stayOnV1?: string;
}

export interface LookupOptions {
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
