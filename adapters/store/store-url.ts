/**
 * Hides the credentials of a store URL (`redis://user:secret@host` → `redis://***@host`) so it can
 * appear in errors and logs. Greedy up to the last `@`: an unencoded `@` in a password stays hidden.
 */
export function maskStoreUrl(url: string): string {
  return url.replace(/\/\/.*@/, '//***@');
}

/** The scheme of a store URL (`redis`, `sqlite`, …), or undefined when it has none. */
export function storeUrlScheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
}
