/**
 * The raw HTTP exchange: what the contract, recordings and the emulator see, whatever the transport.
 */

/** One HTTP request as it crossed the wire (header names lower-cased, body as text). */
export interface WireRequest {
  method: string;
  /** Path and query, e.g. `/` or `/_contract/sessions/abc`. */
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** One HTTP response as it crossed the wire (header names lower-cased, body as text). */
export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A request and what came back: a response, or a transport error (refused, reset, timed out). */
export interface Exchange {
  request: WireRequest;
  response?: WireResponse;
  /** Set when no response arrived: one line saying why. */
  transportError?: string;
  durationMs: number;
}

/** Lower-cases header names and joins repeated values, so that lookups need no case folding. */
export function normalizeHeaders(headers: Record<string, string | string[] | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  return out;
}
