/**
 * Live figures of the json adapter over Server-Sent Events: a chunk of its
 * own, downloaded only by sources that configure `endpoints.stream`.
 */

import type { VisitStats } from '../types.js';
import type { JsonWatchOptions } from './json.js';

/**
 * Follows a Server-Sent Events stream of VisitStats. When it fails, it is
 * opened again after a doubling wait; after `failuresBeforePolling` failures
 * in a row the figures are also polled, until the stream delivers again.
 * Returns the function that closes the stream and stops every timer.
 */
export function watchStream(
  streamUrl: string,
  watch: Required<JsonWatchOptions>,
  hooks: {
    parse: (raw: unknown) => VisitStats;
    poll: (signal: AbortSignal) => Promise<VisitStats>;
    callback: (stats: VisitStats) => void;
  },
): () => void {
  let stopped = false;
  let events: EventSource | undefined;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let polling: AbortController | undefined;

  const deliver = (stats: VisitStats) => {
    if (!stopped) hooks.callback(stats);
  };

  const poll = async (controller: AbortController) => {
    try {
      deliver(await hooks.poll(controller.signal));
    } catch {
      // A failed reading waits for the next one; the stream may come back first.
    }
    if (!stopped && polling === controller) {
      pollTimer = setTimeout(() => void poll(controller), watch.pollMs);
    }
  };
  const startPolling = () => {
    if (polling || stopped) return;
    polling = new AbortController();
    void poll(polling);
  };
  const stopPolling = () => {
    clearTimeout(pollTimer);
    polling?.abort();
    polling = undefined;
  };

  const connect = () => {
    retryTimer = undefined;
    if (stopped) return;
    const stream = new EventSource(streamUrl);
    events = stream;
    stream.onmessage = (event: MessageEvent<string>) => {
      failures = 0;
      stopPolling();
      let stats: VisitStats;
      try {
        stats = hooks.parse(JSON.parse(event.data));
      } catch {
        return; // A malformed event is skipped; the next one replaces it anyway.
      }
      deliver(stats);
    };
    stream.onerror = () => {
      // The browser's own reconnection is replaced by one with backoff.
      stream.close();
      if (events === stream) events = undefined;
      if (stopped) return;
      failures += 1;
      if (failures >= watch.failuresBeforePolling) startPolling();
      const wait = Math.min(watch.maxRetryMs, watch.retryMs * 2 ** (failures - 1));
      // Spread out reconnections, so many pages do not all return at the same moment.
      retryTimer = setTimeout(connect, wait * (0.75 + Math.random() * 0.5));
    };
  };

  if (typeof EventSource === 'function') connect();
  else startPolling();

  return () => {
    stopped = true;
    events?.close();
    events = undefined;
    clearTimeout(retryTimer);
    stopPolling();
  };
}
