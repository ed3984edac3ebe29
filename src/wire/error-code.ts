/**
 * How AWS JSON 1.1 clients read an error's code from what names it (`__type`, a body `code`, or the
 * `X-Amzn-Errortype` header): cut at the first `,` or `:`, and keep what follows the last `#`.
 */

/** The error code named by an `__type` (or header): `ns#Code:suffix` → `Code`, as the SDK reads it. */
export function errorCode(type: string): string {
  const cut = type.split(/[,:]/)[0] ?? '';
  return cut.includes('#') ? cut.slice(cut.lastIndexOf('#') + 1) : cut;
}
