/** The part of a browser's MessagePort used here. */
interface BrowserPort {
  onmessage: (() => void) | null;
  postMessage(message: unknown): void;
  close(): void;
}

/**
 * A promise that settles after the event loop has run once more (pending I/O, timers and
 * messages, such as an abort), so that a long run in the calling thread lets them in between
 * blocks: `setImmediate` where the runtime has it (Node, Deno, Bun), else a `MessageChannel`
 * message (browsers and web workers, where `setTimeout(0)` waits at least 4 ms once nested),
 * else `setTimeout(0)`.
 */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as unknown as {
    setImmediate?: (callback: () => void) => unknown;
    MessageChannel?: new () => { port1: BrowserPort; port2: BrowserPort };
  };
  return new Promise<void>((resolve) => {
    if (typeof g.setImmediate === "function") g.setImmediate(resolve);
    else if (typeof g.MessageChannel === "function") {
      const channel = new g.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    } else setTimeout(resolve, 0);
  });
}
