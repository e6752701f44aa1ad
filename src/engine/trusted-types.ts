/**
 * The one Trusted Types policy Vitrine creates, named `vitrine` (README.md, "Security and reliability": pages
 * with `require-trusted-types-for 'script'; trusted-types vitrine lit-html` work). It lets
 * through only what the library itself makes: `blob:` URLs of workers (VHS's transmuxer).
 */

interface Policy {
  createScriptURL(url: string): unknown;
}

let policy: Policy | null | undefined;

function vitrinePolicy(): Policy | null {
  if (policy !== undefined) return policy;
  const tt = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: object): Policy } }).trustedTypes;
  try {
    policy = tt
      ? tt.createPolicy('vitrine', {
          createScriptURL(url: string) {
            if (url.startsWith('blob:')) return url;
            throw new TypeError(`vitrine: refusing script URL ${url}`);
          },
        })
      : null;
  } catch {
    // The page does not allow the policy (or another copy made it): use plain strings.
    policy = null;
  }
  return policy;
}

/** A worker URL the page's Trusted Types enforcement accepts (a `blob:` URL made by the engine). */
export function trustedWorkerUrl(url: string): string {
  const p = vitrinePolicy();
  return (p ? p.createScriptURL(url) : url) as string;
}
