/**
 * The socket-free binding: an object the AWS SDK takes as its `requestHandler`, answering each
 * request by calling the core directly. No HTTP parsing, no event-loop hop through a socket: the
 * harness's fast path.
 */
import type { EmulatorCore } from './core.js';

import type { AthenaRequestHandler } from '../wire/sdk-handler.js';

export type { AthenaRequestHandler, SdkHttpRequest, SdkHttpResponse } from '../wire/sdk-handler.js';

/** Wraps a core as an SDK request handler. */
export function createRequestHandler(core: EmulatorCore): AthenaRequestHandler {
  return core.requestHandler();
}
