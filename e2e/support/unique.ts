/** A suffix no other test or run uses, for the names and texts a test creates and then looks for. */
export const uniqueSuffix = (): string => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
