import { KERNEL_LIBRARY } from "./kernelLibrary.js";
import { createSimulationKernel } from "./simulationKernel.js";
import { abortError, type SimulationPool } from "./simulationPool.js";
import { yieldToEventLoop } from "./yieldToEventLoop.js";

/**
 * A {@link SimulationPool} that runs every block in the calling thread, one after the other,
 * yielding to the event loop between blocks (so that an abort signal and other callbacks get
 * in). It ignores `control.workers`.
 */
export const inThreadPool: SimulationPool = {
  async run(spec, from, to, control) {
    if (control.signal?.aborted) throw abortError(control.signal);
    const kernel = createSimulationKernel(spec, KERNEL_LIBRARY);
    for (let block = from; block < to; block++) {
      control.onBlock(kernel.runBlock(block));
      if (block + 1 < to) {
        await yieldToEventLoop();
        if (control.signal?.aborted) throw abortError(control.signal);
      }
    }
    return kernel.state();
  },
};
