/**
 * Redaction before anything touches disk: credentials, signatures, access key ids, account ids in
 * ARNs, and any value the user names, in every form a value travels in (raw, JSON-escaped,
 * URL-encoded, base64). Everything else is kept byte for byte.
 */
import type { Exchange, WireRequest, WireResponse } from './exchange.js';

/** Headers whose whole value is a credential or a signature. */
const SECRET_HEADERS = new Set(['authorization', 'x-amz-security-token', 'x-amz-signature', 'x-amz-credential', 'cookie', 'set-cookie']);

/** What a redacted header value, query parameter or access key id becomes. */
export const REDACTED = 'REDACTED';

/** Account ids in ARNs become this (a well-formed account id, so shapes stay valid). */
export const REDACTED_ACCOUNT = '000000000000';

/** Presigned-URL parameters that carry credentials or signatures. */
const SECRET_QUERY = /([?&]X-Amz-(?:Signature|Credential|Security-Token)=)[^&]*/gi;

/** AWS access key ids: a known prefix and 16 upper-case letters or digits (AKID: SDK test keys). */
const ACCESS_KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA|ABIA|ACCA|AKID)[A-Z0-9]{12,}(?![A-Z0-9])/g;

/** A SigV4 signature outside a header (in a body or an error message). */
const SIGNATURE = /(Signature=)[0-9a-f]{64}/g;

/** The account id of an ARN, raw or URL-encoded (`:` as `%3A`). */
const ARN_ACCOUNT = /(arn(?::|%3A)aws[a-z-]*(?::|%3A)[a-z0-9-]*(?::|%3A)[a-z0-9-]*(?::|%3A))\d{12}(?=:|%3A)/gi;

/** One value to hide and what it becomes. */
interface Secret {
  forms: string[];
  replacement: string;
}

/**
 * The substrings of base64 text that encode `value` whatever its byte offset in the encoded data
 * (three alignments, standard and URL-safe alphabets), cut to the characters that depend on `value`
 * alone, so a secret inside a base64 token is found too.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const core = encoded.slice(Math.ceil((8 * offset) / 6), Math.floor((8 * (offset + bytes.length)) / 6));
    // Short cores would match unrelated text; such short secrets are still redacted in their other forms.
    if (core.length < 6) continue;
    forms.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

function formsOf(value: string): string[] {
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value), ...base64Forms(value)]);
  // Longest first, so that a form containing another is replaced whole.
  return [...forms].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
}

/** Redacts exchanges and text; the same redactor must be used on both sides of a replay match. */
export interface Redactor {
  text(value: string): string;
  request(request: WireRequest): WireRequest;
  exchange(exchange: Exchange): Exchange;
}

/** Options of {@link createRedactor}. */
export interface RedactorOptions {
  /** Values to hide wherever they appear (`--redact`), each replaced by `REDACTED<n>` (n from 1). */
  values?: readonly string[];
  /** Credentials to hide too (the environment's, so they cannot leak in any form). */
  credentials?: readonly string[];
}

/** The credentials of the environment, which no recording may contain. */
export function environmentCredentials(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  return [env.AWS_ACCESS_KEY_ID, env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN].filter((v): v is string => !!v && v.length >= 4);
}

/** Builds a redactor for the default rules plus `options`. */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const secrets: Secret[] = [
    ...(options.values ?? []).map((v, i) => ({ forms: formsOf(v), replacement: `${REDACTED}${i + 1}` })),
    ...(options.credentials ?? []).map((v) => ({ forms: formsOf(v), replacement: `${REDACTED}CREDENTIAL` })),
  ];
  // Longer secrets first: one secret may contain another.
  secrets.sort((a, b) => b.forms[0].length - a.forms[0].length);
  const text = (value: string): string => {
    let out = value;
    for (const s of secrets) for (const form of s.forms) out = out.split(form).join(s.replacement);
    return out
      .replace(SECRET_QUERY, `$1${REDACTED}`)
      .replace(SIGNATURE, `$1${REDACTED}`)
      .replace(ACCESS_KEY_ID, REDACTED)
      .replace(ARN_ACCOUNT, `$1${REDACTED_ACCOUNT}`);
  };
  const headers = (h: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(h).map(([k, v]) => [k, SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : text(v)]));
  const request = (r: WireRequest): WireRequest => ({ method: r.method, path: text(r.path), headers: headers(r.headers), body: text(r.body) });
  const response = (r: WireResponse): WireResponse => ({ status: r.status, headers: headers(r.headers), body: text(r.body) });
  return {
    text,
    request,
    exchange: (e) => ({
      request: request(e.request),
      ...(e.response ? { response: response(e.response) } : {}),
      ...(e.transportError !== undefined ? { transportError: text(e.transportError) } : {}),
      durationMs: Math.round(e.durationMs),
    }),
  };
}
