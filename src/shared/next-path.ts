/**
 * Where to go after signing in or confirming a sign-up (`?next=`): only a page of this site. The value is
 * resolved the way the browser would ("/\\evil.example" is another site) and anything off this origin becomes
 * the home page. Shared: the server builds confirmation links with it, the web app follows them with it.
 */
export function safeNext(
  next: string | null | undefined,
  origin: string = globalThis.location?.origin ?? "http://localhost",
): string {
  if (!next) return "/";
  try {
    const url = new URL(next, origin);
    // "/.//evil.example" normalises to the path "//evil.example", which would leave the site again.
    if (url.origin !== origin || url.pathname.startsWith("//")) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
