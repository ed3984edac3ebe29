/**
 * The socket-free binding: an object the AWS SDK takes as its `requestHandler`, answering each
 * request by calling the core directly. No HTTP parsing, no event-loop hop through a socket: the
 * harness's fast path.
 */
import { sdkHandler, type AthenaRequestHandler } from '../targets/sdk-handler.js';
import type { EmulatorCore } from './core.js';

export type { AthenaRequestHandler, SdkHttpRequest, SdkHttpResponse } from '../targets/sdk-handler.js';

/** Wraps a core as an SDK request handler. */
export function createRequestHandler(core: EmulatorCore): AthenaRequestHandler {
  return sdkHandler((request) => core.handle(request));
}
