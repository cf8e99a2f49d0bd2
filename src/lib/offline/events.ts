/** The playground's first analysis is on screen (or cannot come): background downloads may start. */
export const SETTLED = 'mcp-migrate:settled';
